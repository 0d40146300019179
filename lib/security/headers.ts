/**
 * The security headers of every response (ASVS 5.0 V3.4), in one place. No imports: next.config.ts
 * reads this file when it loads, and proxy.ts when it runs.
 *
 * Two Content-Security-Policies, because Next.js can put a nonce only into a page it renders for
 * the request (it reads the nonce back from the request's CSP header):
 *  - NONCE: the system's pages (everything but the portal, the API and the build's files) are
 *    rendered per request anyway (app/(site)/layout.tsx); proxy.ts gives each a fresh nonce, and
 *    only the framework's scripts that carry it run ('strict-dynamic': what they load runs too).
 *  - STATIC: the public portal is served whole from the cache without running proxy.ts, and its
 *    pages carry the framework's inline payload scripts (different on every page, so neither a
 *    nonce nor a hash in a fixed header can name them; experimental.sri only hashes the external
 *    chunks). Scripts: only from this origin, plus inline ones. Route handlers, the build's files
 *    and 404s get the same policy (they run no script at all).
 * Both: nothing from another origin, no plugins, no <base>, forms post only here, never framed.
 * Styles allow inline: the app's print styles are <style> elements and a few style attributes;
 * CSS cannot run script.
 */
const DEV = process.env.NODE_ENV === "development";

function policy(scriptSrc: string): string {
  return [
    "default-src 'self'",
    // Development only: React rebuilds server error stacks with eval.
    `script-src ${scriptSrc}${DEV ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The portal's, the API's, the build's files' and the 404's policy. */
export const STATIC_CSP = policy("'self' 'unsafe-inline'");

/** A per-request page's policy: only scripts carrying this request's nonce (and what they load). */
export function nonceCsp(nonce: string): string {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
}

/** 16 random bytes, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Headers on every response (next.config.ts); proxy.ts replaces the CSP on per-request pages. */
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "Content-Security-Policy", value: STATIC_CSP },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // The app's addresses carry object ids and filters: no other site hears of them.
  { key: "Referrer-Policy", value: "same-origin" },
  // Browsers take it only over HTTPS; behind TLS termination it holds for a year.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];
