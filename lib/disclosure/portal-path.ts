import type { z } from "zod";
import { parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { isLocale, translator, type Locale, type Translate } from "@/lib/i18n";
import { publicLandingParams, publicListParams } from "./params";

/**
 * The public portal's addresses and the pages that answer them.
 *
 * Visitors see `/portal`, `/portal/objectives?…` and `/portal/objectives/{id}`, in the language of
 * their `locale` cookie. Those pages are cached whole (HTML and RSC payload, under the disclosure
 * tag), which a page can only be if nothing it reads varies per request: so each address is
 * rewritten to one that carries the language and the canonical query in the path — by proxy.ts
 * (this function) when the address has one of the pages' parameters, and otherwise by the
 * `rewrites()` of next.config.ts, which say the same for the plain addresses in the router:
 *
 *   /portal?year=2026                  → /portal/zh/home/{query}
 *   /portal/objectives?page=2          → /portal/zh/list/{query}
 *   /portal/objectives?q=公路           → /portal/zh/search?q=公路   (free text: rendered, never cached)
 *   /portal/objectives/123             → /portal/zh/objectives/123
 *
 * {query} is the parameters the page understands, parsed, without their defaults, in a fixed
 * order, base64url-encoded ("_" for none): one cache entry per distinct page, however the
 * address was written (`?page=1&year=2026&x=y` and `?year=2026` are the same entry).
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

export function encodeQuerySegment(query: string): string {
  return query ? Buffer.from(query, "utf8").toString("base64url") : NONE;
}

/** The path segment back to search parameters; anything that is not one of ours reads as none. */
export function decodeQuerySegment(segment: string): RawSearchParams {
  if (!segment || segment === NONE || !/^[A-Za-z0-9_-]+$/.test(segment)) return {};
  return Object.fromEntries(new URLSearchParams(Buffer.from(segment, "base64url").toString("utf8")));
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
 * Where proxy.ts sends a visitor's portal address, or null to leave it alone (exports, the
 * language switch, key-evaluation reports and the internal paths themselves).
 */
export function portalRewrite(pathname: string, search: URLSearchParams, cookieLocale: string | undefined): string | null {
  const lang: Locale = isLocale(cookieLocale) ? cookieLocale : "zh";
  const raw = Object.fromEntries(search);
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  if (path === "/portal") return `/portal/${lang}/home/${encodeQuerySegment(canonicalQuery(publicLandingParams, raw))}`;
  if (path === "/portal/objectives") {
    const query = canonicalQuery(publicListParams, raw);
    // A keyword is free text: caching every visitor's words would have no bound. Rendered each time.
    if (new URLSearchParams(query).has("q")) return `/portal/${lang}/search?${query}`;
    return `/portal/${lang}/list/${encodeQuerySegment(query)}`;
  }
  const detail = /^\/portal\/objectives\/([^/]+)$/.exec(path);
  if (detail && detail[1] !== "export") return `/portal/${lang}/objectives/${detail[1]}`;
  return null;
}
