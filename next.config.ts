import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder at run time;
  // bundling it breaks those paths. argon2 is a native addon. exceljs (indicator Excel export
  // and import, server only) is a large CommonJS package with optional requires: loaded as is.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "exceljs"],
  poweredByHeader: false,
  // The server cache (unstable_cache data, cached pages): in memory, with tag revalidation
  // shared by every app process through PostgreSQL (lib/cache/handler.mjs). Next.js's own
  // per-process memory layer is turned off so reads always go through it.
  cacheHandler: path.resolve("lib/cache/handler.mjs"),
  cacheMaxMemorySize: 0,
  experimental: {
    // Step 4 uploads attachments of up to 10 MB (lib/objective/attachment-rules.ts) through a
    // server action; the default limit is 1 MB. The margin covers the multipart envelope.
    serverActions: { bodySizeLimit: "11mb" },
  },
};

export default nextConfig;
