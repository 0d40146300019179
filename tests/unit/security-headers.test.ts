import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { STATIC_CSP } from "@/lib/security/headers";

const request = (url: string, headers: Record<string, string> = {}) => new NextRequest(`http://localhost:3000${url}`, { headers });
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("proxy.ts: the nonce Content-Security-Policy of the system's pages", async () => {
  it("gives a system page a policy with a fresh nonce, and hands Next.js the same policy to render with", async () => {
    const a = await proxy(request("/inbox"));
    const b = await proxy(request("/inbox"));
    const csp = a.headers.get("content-security-policy");
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(b.headers.get("content-security-policy"))).not.toBe(nonce);
    const scriptSrc = csp!.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(d);
    // What Next.js reads the nonce from when it renders the page (the request's own CSP header).
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("replaces a policy the client sent, so a client cannot choose the nonce", async () => {
    const res = await proxy(request("/objectives/1", { "content-security-policy": "script-src 'nonce-chosenByTheClient=='", "content-security-policy-report-only": "script-src 'nonce-x'" }));
    const forwarded = res.headers.get("x-middleware-request-content-security-policy");
    expect(forwarded).not.toContain("chosenByTheClient");
    expect(nonceOf(forwarded)).toBe(nonceOf(res.headers.get("content-security-policy")));
    expect(res.headers.get("x-middleware-override-headers")).not.toContain("content-security-policy-report-only");
  });

  it("leaves the portal's routing alone: no nonce there (its pages come whole from the cache)", async () => {
    const res = await proxy(request("/portal/objectives?year=2026"));
    expect(res.status).toBe(307);
    expect(res.headers.get("content-security-policy")).toBeNull();
    expect(STATIC_CSP).not.toContain("nonce-");
  });
});
