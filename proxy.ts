import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { portalRoute } from "@/lib/disclosure/portal-path";
import { newNonce, nonceCsp } from "@/lib/security/headers";

/**
 * Routing only, never security (every page and action checks the session itself): a public
 * portal address written with a query — what the GET filter forms send — is redirected to the
 * page's path address, which the cache answers without coming here; a keyword search is
 * rewritten to the rendered search page in the visitor's language (lib/disclosure/portal-path.ts).
 * Addresses without one of the pages' parameters never come here: this function costs about a
 * millisecond a request, as much as serving a cached page.
 *
 * The server must be started without `-H`: Next.js gives this function http://localhost:PORT
 * as the request's origin, and takes a rewrite to any origin other than the one it listens on
 * for an external one, forwarded over HTTP to itself.
 */
export function proxy(request: NextRequest) {
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
