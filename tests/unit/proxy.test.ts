import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, proxy } from "@/proxy";

/** Issue 17, finding 5: a malformed server-action post or path is answered 4xx by proxy.ts, before Next.js would answer 500. */

const BASE = "http://127.0.0.1:3103";
function post(body: BodyInit | null, headers: Record<string, string> = {}, path = "/account") {
  return new NextRequest(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { host: "127.0.0.1:3103", origin: BASE, "next-action": "7f".padEnd(42, "0"), "content-type": "text/plain;charset=UTF-8", ...headers },
  });
}
const passes = (res: Response) => res.headers.get("x-middleware-next") === "1";

describe("server-action posts", () => {
  it("lets a well-formed call from this site through", async () => {
    expect(passes(await proxy(post('[{"name":"公路"}]')))).toBe(true);
    expect(passes(await proxy(post("[]", { origin: "" })))).toBe(false); // an empty Origin is not this site
  });

  it.each(["https://evil.example", "null", "http://127.0.0.1:3103.evil.example", "garbage"])("refuses Origin %s with 403", async (origin) => {
    expect((await proxy(post("[]", { origin }))).status).toBe(403);
  });

  it("compares the Origin with X-Forwarded-Host when a proxy in front sets it, as Next.js does", async () => {
    expect(passes(await proxy(post("[]", { origin: "https://bpm.example.gov.cn", "x-forwarded-host": "bpm.example.gov.cn" })))).toBe(true);
    expect((await proxy(post("[]", { "x-forwarded-host": "bpm.example.gov.cn" }))).status).toBe(403);
  });

  it("refuses a declared body over the actions' limit with 413", async () => {
    expect((await proxy(post("[]", { "content-length": String(ACTION_BODY_LIMIT + 1) }))).status).toBe(413);
    expect((await proxy(post("[]", { "content-length": "99999999999999999999" }))).status).toBe(413);
  });

  it.each(["", "{", "not json", "\u0000", "{}", "null", "42", '"$@1"', "[1,2", `${"[".repeat(65)}${"]".repeat(65)}`])("refuses the text body %j with 400", async (body) => {
    expect((await proxy(post(body))).status).toBe(400);
  });

  it("refuses a body of a type no action is sent in, and a multipart body without a boundary or that does not parse", async () => {
    expect((await proxy(post("[]", { "content-type": "application/json" }))).status).toBe(400);
    expect((await proxy(post("x", { "content-type": "multipart/form-data" }))).status).toBe(400);
    const b = "----x";
    const mp = (body: string) => post(body, { "content-type": `multipart/form-data; boundary=${b}` });
    expect((await proxy(mp(`--${b}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--${b}`))).status).toBe(400);
    expect((await proxy(mp(`--other\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--other--\r\n`))).status).toBe(400);
    expect((await proxy(mp(`--${b}\r\nContent-Disposition: form-data; name="0"\r\n\r\n{\r\n--${b}--\r\n`))).status).toBe(400);
  });

  it("lets a well-formed multipart action post through (a form with a file)", async () => {
    const form = new FormData();
    form.append("0", '["$K1"]');
    form.append("1_file", new File(["%PDF-1.4"], "证据.pdf"));
    const req = new NextRequest(`${BASE}/objectives/1`, { method: "POST", body: form, headers: { host: "127.0.0.1:3103", origin: BASE, "next-action": "7f".padEnd(42, "0") } });
    expect(passes(await proxy(req))).toBe(true);
  });
});

describe("paths", () => {
  it.each(["/projects/%E0%A4%A", "/portal/objectives/year/2026/page/%E0%A4%A", "/portal/%", "/portal/objectives/%FF"])("refuses the malformed escape %s with 400", async (path) => {
    expect((await proxy(new NextRequest(`${BASE}${path}`))).status).toBe(400);
  });

  it("leaves a well-encoded path alone", async () => {
    expect(passes(await proxy(new NextRequest(`${BASE}/indicators/%E5%85%AC%E8%B7%AF`)))).toBe(true);
  });
});
