import { gzipSync } from "node:zlib";
import { request } from "./http";

const scriptSizes = new Map<string, number>();

/**
 * What a page weighs: its HTML (with the RSC payload inlined for hydration) and the JavaScript
 * its `<script src>` tags load, gzipped as a browser would receive it. Each script is fetched
 * once per run (the chunks are shared between pages).
 */
export async function pageWeight(base: string, html: string): Promise<{ htmlKB: number; jsKB: number }> {
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&")))];
  let js = 0;
  for (const src of srcs) {
    let size = scriptSizes.get(src);
    if (size === undefined) {
      const answer = await request(new URL(src, base).href);
      size = answer.status === 200 ? gzipSync(answer.body).length : 0;
      scriptSizes.set(src, size);
    }
    js += size;
  }
  return { htmlKB: Buffer.byteLength(html) / 1024, jsKB: js / 1024 };
}
