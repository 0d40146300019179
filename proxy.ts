import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { portalRewrite } from "@/lib/disclosure/portal-path";

/**
 * Routing only, never security (every page and action checks the session itself): the public
 * portal's addresses with a query are rewritten to paths that carry the visitor's language and
 * the canonical query, so that each portal page is cached whole (lib/disclosure/portal-path.ts).
 * Addresses without one of the pages' parameters never come here: next.config.ts rewrites them
 * in the router, which costs nothing (this function costs about a millisecond a request).
 *
 * The server must be started without `-H`: Next.js gives this function http://localhost:PORT
 * as the request's origin, and takes a rewrite to any origin other than the one it listens on
 * for an external one, forwarded over HTTP to itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const target = portalRewrite(pathname, searchParams, request.cookies.get(LOCALE_COOKIE)?.value);
  if (!target) return NextResponse.next();
  return NextResponse.rewrite(new URL(target, request.url));
}

/**
 * One entry per parameter of the two pages, written out because Next.js reads this statically;
 * tests/unit/portal-path.test.ts checks them against the pages' schemas.
 */
export const config = {
  matcher: [
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
