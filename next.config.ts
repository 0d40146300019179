import path from "node:path";
import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/security/headers";

/**
 * The public portal's addresses go to its cached pages by these rewrites, in the router, at no
 * cost (lib/disclosure/portal-path.ts): a filtered page's parameters are path pairs
 * (/portal/objectives/year/2026/page/2), the language is the visitor's `locale` cookie. An
 * address with a query goes through proxy.ts instead. The parameter names are the pages' schemas'
 * (tests/unit/portal-path.test.ts holds them to it); this file cannot import them.
 */
const LANDING_KEYS = "regionId|year";
const LIST_KEYS = "year|regionId|departmentId|category|grade|sort|dir|page|pageSize";

function portalRewrites() {
  const routes: [source: string, destination: string][] = [
    ["/portal", "home/_"],
    [`/portal/:key(${LANDING_KEYS})/:rest*`, "home/:key/:rest*"],
    ["/portal/objectives", "list/_"],
    [`/portal/objectives/:key(${LIST_KEYS})/:rest*`, "list/:key/:rest*"],
    ["/portal/objectives/:id(\\d+)", "objectives/:id"],
    ["/portal/data", "data"], // 数据下载; the package's files themselves are route handlers under /portal/data/{year}/
  ];
  const en = [{ type: "cookie" as const, key: "locale", value: "en" }];
  return routes.flatMap(([source, to]) => [
    { source, has: en, destination: `/portal/en/${to}` },
    { source, destination: `/portal/zh/${to}` },
  ]);
}

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder at run time;
  // bundling it breaks those paths. argon2 is a native addon. exceljs (indicator Excel export
  // and import, server only) is a large CommonJS package with optional requires: loaded as is.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "exceljs", "archiver"],
  poweredByHeader: false,
  // The portal's pages are cached here, and dropped here the moment a disclosure is withdrawn; a
  // shared cache in front must ask every time (the default would let it serve them for an hour,
  // and mix the languages, which one address serves by cookie).
  // Every response gets the security headers (lib/security/headers.ts; proxy.ts swaps in a nonce
  // policy on the pages rendered per request).
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/portal/:path*", headers: [{ key: "Cache-Control", value: "no-cache" }] },
      // The open-data API (app/api/public/v1) is read by other origins' pages: not same-origin only.
      { source: "/api/public/:path*", headers: [{ key: "Cross-Origin-Resource-Policy", value: "cross-origin" }] },
    ];
  },
  async rewrites() {
    return { beforeFiles: portalRewrites(), afterFiles: [], fallback: [] };
  },
  // The server cache (unstable_cache data, cached pages): in memory, with tag revalidation
  // shared by every app process through PostgreSQL (lib/cache/handler.mjs). Next.js's own
  // per-process memory layer is turned off so reads always go through it.
  cacheHandler: path.resolve("lib/cache/handler.mjs"),
  cacheMaxMemorySize: 0,
  experimental: {
    // Step 4 uploads attachments of up to 10 MB (lib/objective/attachment-rules.ts) through a
    // server action; the default limit is 1 MB. The margin covers the multipart envelope.
    serverActions: { bodySizeLimit: "11mb" },
    // proxy.ts sees every action post (to refuse malformed ones with 4xx); a body passing through
    // it is cut at this size, so it must be the actions' own limit (proxy.ts's ACTION_BODY_LIMIT).
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
