import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { portalRoute } from "@/lib/disclosure/portal-path";
import { newNonce, nonceCsp } from "@/lib/security/headers";

/**
 * Routing, and the refusal of malformed server-action posts with 4xx (refuseBadPost), never
 * security (every page and action checks the session itself): a public
 * portal address written with a query — what the GET filter forms send — is redirected to the
 * page's path address, which the cache answers without coming here; a keyword search is
 * rewritten to the rendered search page in the visitor's language (lib/disclosure/portal-path.ts).
 * Addresses without one of the pages' parameters, and requests that are not an action's post,
 * never come here: this function costs about a millisecond a request, as much as serving a
 * cached page.
 *
 * The server must be started without `-H`: Next.js gives this function http://localhost:PORT
 * as the request's origin, and takes a rewrite to any origin other than the one it listens on
 * for an external one, forwarded over HTTP to itself.
 */
export async function proxy(request: NextRequest) {
  if (!wellEncodedPath(request.url)) return badRequest("Bad request: malformed percent-encoding in the path");
  if (request.method === "POST") {
    const refused = await refuseBadPost(request);
    if (refused) return refused;
  }
  const { pathname, searchParams } = request.nextUrl;
  if (pathname !== "/portal" && !pathname.startsWith("/portal/")) return withNonce(request);
  const route = portalRoute(pathname, searchParams, request.cookies.get(LOCALE_COOKIE)?.value);
  if (!route) return NextResponse.next();
  // 307, not 308: browsers keep a permanent redirect for good, and the schema's defaults may move.
  // (Next.js writes a Location on its own origin back as a relative one.)
  if ("redirect" in route) return NextResponse.redirect(new URL(route.redirect, request.url), 307);
  return NextResponse.rewrite(new URL(route.rewrite, request.url));
}

/**
 * A page of the system (rendered per request, app/(site)/layout.tsx) gets a Content-Security-Policy
 * with a fresh nonce: Next.js reads it from the request's header and puts it on the scripts it
 * writes (lib/security/headers.ts). The policy a client sent is replaced, never trusted.
 */
function withNonce(request: NextRequest) {
  const csp = nonceCsp(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.delete("content-security-policy-report-only");
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * The body size server actions accept: experimental.serverActions.bodySizeLimit in next.config.ts
 * ("11mb"), which experimental.proxyClientMaxBodySize must match — a body passing through this
 * function is cut at that size.
 */
export const ACTION_BODY_LIMIT = 11 * 1024 * 1024;

/**
 * A server action's POST (a `next-action` header, or a form posted without JavaScript) that
 * Next.js would answer with 500 and a logged stack, answered here with what it is: another
 * site's origin 403 (Next.js's own check, made the same way: Origin against X-Forwarded-Host or
 * Host), a body over the limit 413, a body of a type no action is sent in, or a fetch action's
 * text body that is not the JSON React encodes its arguments in, 400. Anything else goes on to
 * Next.js and the action, which checks the session, the permission and the input itself.
 */
const refuse = (status: number, text: string) =>
  new NextResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
const badRequest = (text: string) => refuse(400, text);

/** Next.js answers a dynamic segment it cannot decode (/projects/%E0%A4%A) with 500: 400 here. */
function wellEncodedPath(url: string): boolean {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, "").split(/[?#]/)[0];
  if (!path.includes("%")) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * An argument of a server action as React encodes it: JSON, nested no deeper than 64 (React
 * decodes it recursively: a deeper one overflows its stack, which Next.js answers with 500).
 */
function wellFormedArgument(text: string, arrayOnly: boolean): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > 64) return false;
    } else if (c === 93 || c === 125) depth--;
  }
  try {
    const value: unknown = JSON.parse(text);
    return !arrayOnly || Array.isArray(value);
  } catch {
    return false;
  }
}

/** The refusal of a malformed action post, or null when it may go on. */
async function refuseBadPost(request: NextRequest): Promise<NextResponse | null> {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0].trim();
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      /* "null" or garbage: not this site */
    }
    if (!host || originHost !== host) return refuse(403, "Forbidden: cross-origin request");
  }
  const length = request.headers.get("content-length");
  if (length !== null && !(/^\d{1,15}$/.test(length) && Number(length) <= ACTION_BODY_LIMIT)) return refuse(413, "Payload too large");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    if (!/;\s*boundary=("?)[^";]{1,70}\1\s*(;|$)/.test(type)) return badRequest("Bad request: multipart body without a boundary");
    // A body that does not parse, or an action argument (a field named by a number) that is not JSON.
    const form = await request.formData().catch(() => null);
    if (!form) return badRequest("Bad request: malformed multipart body");
    for (const [name, value] of form) {
      if (/^\d+$/.test(name) && typeof value === "string" && !wellFormedArgument(value, false)) return badRequest("Bad request: malformed server action argument");
    }
    return null;
  }
  if (!request.headers.has("next-action")) return null; // an ordinary form post (sign-in): not an action
  if (!type.startsWith("text/plain")) return badRequest("Bad request: not a server action body");
  // A fetch action's arguments, encoded by React as one JSON array (its references checked by React).
  const text = await request.text().catch(() => null);
  if (text === null || !wellFormedArgument(text, true)) return badRequest("Bad request: malformed server action body");
  return null;
}

/**
 * One entry per parameter of the two pages, written out because Next.js reads this statically;
 * tests/unit/portal-path.test.ts checks them against the pages' schemas.
 */
export const config = {
  matcher: [
    // Every page of the system (nonce, above); not the portal, the API, the build's files or a
    // prefetch (a payload, no document): they keep next.config.ts's fixed policy.
    {
      source: "/((?!portal|api/|_next/|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Server action posts (a fetch action's header; a form posted without JavaScript is multipart).
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type", value: "[Mm]ultipart/.*" }] },
    // A path with a percent sign (the portal's own paths have none): a malformed escape is refused.
    { source: "/:path(.*%.*)" },
    { source: "/portal", has: [{ type: "query", key: "regionId" }] },
    { source: "/portal", has: [{ type: "query", key: "year" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "q" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "year" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "regionId" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "departmentId" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "category" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "grade" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "sort" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "dir" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "page" }] },
    { source: "/portal/objectives", has: [{ type: "query", key: "pageSize" }] },
  ],
};
