/**
 * The JavaScript a page makes the browser load: every <script src> of its HTML but the nomodule
 * polyfills (a browser with modules skips them), fetched and gzipped (level 9), summed; and the
 * HTML itself (which carries the page's RSC payload, with the reader's client messages). The benchmark prints it for the
 * signed-in empty page (the shell every signed-in screen pays for; issue 18 target ≤ 170 KB).
 * Run alone against a running server:
 *   tsx scripts/bench/js-size.ts http://127.0.0.1:3303 /floor/signed-in reviewer
 */
import { gzipSync } from "node:zlib";
import { request } from "./http";
import { signIn } from "./sign-in";

export interface PageJs {
  files: { src: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
  html: { raw: number; gzip: number };
}

export async function pageJs(base: string, path: string, cookie?: string): Promise<PageJs> {
  const page = await request(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  // A nomodule script (Next's polyfills for browsers without modules) is never fetched by a modern one.
  const tags = [...page.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const srcs = [...new Set(tags.flatMap((tag) => [...tag.matchAll(/\ssrc="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&"))))];
  const files = [];
  for (const src of srcs) {
    const res = await fetch(new URL(src, base));
    const body = Buffer.from(await res.arrayBuffer());
    files.push({ src, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const html = Buffer.from(page.body);
  return {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    html: { raw: html.length, gzip: gzipSync(html, { level: 9 }).length },
  };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1]?.endsWith("js-size.ts")) {
  const [base = "http://127.0.0.1:3400", path = "/floor/signed-in", user = "reviewer"] = process.argv.slice(2);
  (async () => {
    const js = await pageJs(base, path, user === "-" ? undefined : await signIn(base, user));
    for (const f of [...js.files].sort((a, b) => b.gzip - a.gzip)) console.log(`${kb(f.gzip).padStart(9)} gz ${kb(f.raw).padStart(9)} raw  ${f.src}`);
    console.log(`${path}: ${js.files.length} scripts, ${kb(js.raw)} raw, ${kb(js.gzip)} gzipped; the HTML ${kb(js.html.raw)} raw, ${kb(js.html.gzip)} gzipped`);
  })();
}
