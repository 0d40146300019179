import type { z } from "zod";
import { parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { isLocale, translator, type Locale, type Translate } from "@/lib/i18n";
import { publicLandingParams, publicListParams } from "./params";

/**
 * The public portal's addresses and the pages that answer them.
 *
 * A filtered page has an address of its own, its parameters written in the path as name/value
 * pairs (the ones the page understands, without their defaults, in the schema's order): one
 * address — and one cache entry — per distinct page.
 *
 *   /portal                                     landing, the province and the newest year
 *   /portal/regionId/5/year/2026                landing of a region and year
 *   /portal/objectives                          the list
 *   /portal/objectives/year/2026/page/2         a filtered list page
 *   /portal/objectives/123                      one disclosed objective
 *   /portal/objectives?q=公路&year=2026          a keyword search (free text: rendered, never cached)
 *
 * The pages are cached whole (HTML and RSC payload, under the disclosure tag), which a page can
 * only be if nothing it reads varies per request; so the rewrites of next.config.ts send each
 * address, in the router and at no cost, to an internal path that carries the language of the
 * visitor's `locale` cookie: /portal/{lang}/home/{pairs}, /portal/{lang}/list/{pairs} ("_" for
 * none), /portal/{lang}/objectives/{id}.
 *
 * The same pages written with a query — what the GET filter forms send, and older links — go
 * through proxy.ts (`portalRoute`), which redirects them to their path address; only a keyword
 * search stays a query, rewritten to the rendered search page. The proxy costs about a
 * millisecond a request, as much as serving the cached page itself: the portal's own links
 * never need it.
 */

const NONE = "_";

/** The schema's own parameters with their non-default values, in the schema's order. */
export function canonicalQuery<S extends z.ZodObject>(schema: S, raw: RawSearchParams): string {
  const parsed = parseSearchParams(schema, raw) as Record<string, unknown>;
  const defaults = schema.parse({}) as Record<string, unknown>;
  const out = new URLSearchParams();
  for (const key of Object.keys(schema.shape)) {
    const v = parsed[key];
    if (v === undefined || v === "" || v === defaults[key]) continue;
    out.set(key, String(v));
  }
  return out.toString();
}

/** A canonical query as path pairs ("year/2026/page/2"), "" for none. */
function queryToPairs(query: string): string {
  return [...new URLSearchParams(query)].map(([k, v]) => `${k}/${encodeURIComponent(v)}`).join("/");
}

/** The internal path's pair segments back to search parameters ("_" is none; a last name without a value is dropped). */
export function pairsToQuery(segments: readonly string[]): RawSearchParams {
  const out: Record<string, string> = {};
  if (segments.length === 1 && segments[0] === NONE) return out;
  for (let i = 0; i + 1 < segments.length; i += 2) out[decodeSegment(segments[i])] = decodeSegment(segments[i + 1]);
  return out;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes: read as written (the schema then drops the value)
  }
}

const BASE = { home: "/portal", list: "/portal/objectives" } as const;
const SCHEMA = { home: publicLandingParams, list: publicListParams } as const;
export type PortalPage = keyof typeof BASE;

/**
 * The visitor's address of a landing or list page with these parameters, written one way. A
 * list page with a keyword is a search: its address keeps the query.
 */
export function portalHref(page: PortalPage, raw: RawSearchParams): string {
  const query = canonicalQuery(SCHEMA[page], raw);
  if (page === "list" && new URLSearchParams(query).has("q")) return `${BASE.list}?${query}`;
  const pairs = queryToPairs(query);
  return pairs ? `${BASE[page]}/${pairs}` : BASE[page];
}

/**
 * The parameters of an internal path's pair segments, or — when the segments are not the page's
 * one way of writing them (a default written out, names out of order, an unknown name) — the
 * visitor's address to redirect to, so that each page is cached once.
 */
export function readPairs(page: PortalPage, segments: readonly string[]): { raw: RawSearchParams } | { redirect: string } {
  const raw = pairsToQuery(segments);
  if (page === "list") delete raw.q; // a keyword is never in the path (it is never cached)
  const canonical = queryToPairs(canonicalQuery(SCHEMA[page], raw)) || NONE;
  if (canonical !== segments.map((s) => encodeURIComponent(decodeSegment(s))).join("/")) return { redirect: portalHref(page, raw) };
  return { raw };
}

/** The language the rewritten path names; anything else is not a portal page. */
export function portalLocale(lang: string): Locale | null {
  return isLocale(lang) ? lang : null;
}

/** What a portal page receives: the language and its own segments, from the rewritten path. */
export type PortalPageProps<P extends object = object> = { params: Promise<P & { lang: string }> };

/** The page's translator (the layout answers 404 for a language that is not one of ours). */
export function portalT(lang: string): Translate {
  return translator(portalLocale(lang) ?? "zh");
}

/**
 * What proxy.ts does with a portal address that has a query: a landing or list page goes to its
 * path address (redirect); a keyword search to the rendered search page in the visitor's
 * language (rewrite); anything else — exports, the language switch — is left alone (null).
 */
export function portalRoute(pathname: string, search: URLSearchParams, cookieLocale: string | undefined): { redirect: string } | { rewrite: string } | null {
  const raw = Object.fromEntries(search);
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const page: PortalPage | null = path === BASE.home ? "home" : path === BASE.list ? "list" : null;
  if (!page) return null;
  const href = portalHref(page, raw);
  if (!href.includes("?")) return { redirect: href };
  const lang: Locale = isLocale(cookieLocale) ? cookieLocale : "zh";
  return { rewrite: `/portal/${lang}/search${href.slice(href.indexOf("?"))}` };
}
