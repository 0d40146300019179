import "server-only";
import { createHash } from "node:crypto";
import { clientAddress } from "@/lib/auth/client-ip";
import type { Answer } from "./api-load";
import { parseQuery, type ParseOutcome } from "./api-params";

/**
 * How the public API answers (app/api/public/v1/**): read-only JSON, open to every origin (CORS `*`,
 * Cross-Origin-Resource-Policy cross-origin: the data is public and no cookie is read), an ETag on
 * every 200 with If-None-Match → 304, `Cache-Control: no-cache` like the portal (a cache in front
 * must ask each time, so a withdrawal is seen at once), a per-address token bucket → 429 with
 * Retry-After, and a bad parameter → 400 naming it. Never a 5xx for anything a client sends.
 */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Retry-After, X-RateLimit-Remaining",
  "Cross-Origin-Resource-Policy": "cross-origin",
};

/** Requests per minute per client address (PUBLIC_API_RATE_PER_MINUTE), also the burst. */
function ratePerMinute(): number {
  const n = Number(process.env.PUBLIC_API_RATE_PER_MINUTE);
  return Number.isInteger(n) && n > 0 ? n : 120;
}

interface Bucket {
  tokens: number;
  at: number;
}
const BUCKETS_KEY = Symbol.for("bpm.publicApiBuckets");
const MAX_BUCKETS = 50_000;
function buckets(): Map<string, Bucket> {
  const g = globalThis as { [BUCKETS_KEY]?: Map<string, Bucket> };
  return (g[BUCKETS_KEY] ??= new Map());
}

/**
 * An in-process token bucket per client address (lib/auth/client-ip.ts's rule; requests whose
 * address cannot be known share one bucket). Returns 0 when a token was taken, else the seconds
 * until the next one.
 */
export function takeToken(address: string | null, now = Date.now()): { wait: number; remaining: number } {
  const rate = ratePerMinute();
  const key = address ?? "unknown";
  const map = buckets();
  let b = map.get(key);
  if (b) map.delete(key);
  else {
    b = { tokens: rate, at: now };
    // The oldest-touched addresses go first when the table is full (a Map keeps insertion order).
    if (map.size >= MAX_BUCKETS) map.delete(map.keys().next().value!);
  }
  b.tokens = Math.min(rate, b.tokens + ((now - b.at) / 60_000) * rate);
  b.at = now;
  map.set(key, b);
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return { wait: 0, remaining: Math.floor(b.tokens) };
  }
  return { wait: Math.max(1, Math.ceil(((1 - b.tokens) * 60) / rate)), remaining: 0 };
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache", ...CORS_HEADERS, ...extra },
  });
}

export function badParameter(parameter: string, message: string): Response {
  return json(400, { error: "bad_parameter", parameter, message });
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const v = t.trim();
    return v === "*" || v.replace(/^W\//, "") === etag;
  });
}

/** A 200 with its ETag, or 304 when the client holds it already. */
export function ok(request: Request, body: unknown, extra: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
  const headers = { ETag: etag, ...extra };
  if (matches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { "Cache-Control": "no-cache", ...CORS_HEADERS, ...headers } });
  }
  return new Response(text, { status: 200, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache", ...CORS_HEADERS, ...headers } });
}

/** The rate limit, then the handler; its Answer as a Response. Unexpected failures are logged and answered 503 without detail. */
export async function serve(request: Request, handle: () => Promise<Answer<unknown> | Response>): Promise<Response> {
  const { wait, remaining } = takeToken(clientAddress(request.headers));
  if (wait) {
    return json(429, { error: "rate_limited", message: `请求过于频繁，请 ${wait} 秒后再试 / too many requests, retry in ${wait} s` }, { "Retry-After": String(wait), "X-RateLimit-Remaining": "0" });
  }
  const limitHeader = { "X-RateLimit-Remaining": String(remaining) };
  let a: Answer<unknown> | Response;
  try {
    a = await handle();
  } catch (e) {
    console.error("[public-api] failed:", e instanceof Error ? e.message.slice(0, 200) : "unknown error");
    return json(503, { error: "unavailable", message: "暂时无法提供数据，请稍后再试 / temporarily unavailable, try again later" }, { "Retry-After": "30" });
  }
  if (a instanceof Response) return a;
  if (a.status === 400) return json(400, { error: "bad_parameter", parameter: a.parameter, message: a.message }, limitHeader);
  if (a.status === 404) return json(404, { error: "not_found", message: a.message }, limitHeader);
  return ok(request, a.body, limitHeader);
}

/** The query through its strict schema, then `then`; a 400 naming the parameter otherwise. */
export function withQuery<T>(request: Request, parsed: ParseOutcome<T>, then: (v: T) => Promise<Answer<unknown>>): Promise<Answer<unknown> | Response> {
  if (!parsed.ok) return Promise.resolve(badParameter(parsed.parameter, parsed.message));
  return then(parsed.value);
}

export { parseQuery };

/** The CORS preflight (If-None-Match is not a safelisted header). */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, "Access-Control-Max-Age": "86400" } });
}
