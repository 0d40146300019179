// Browser tests of the security headers and the Content-Security-Policy (issue 17, finding 8).
// Each spec: { name, run({ page, base, shot }) }. The policies: lib/security/headers.ts.
import assert from "node:assert/strict";

import { PASSWORD } from "./demo-password.mjs";

/**
 * Collects every CSP refusal the browser reports on this page, in both ways it reports them:
 * the console's "Refused to …" messages and the document's securitypolicyviolation events (sent
 * out through a binding, which the page's own policy does not govern).
 */
async function watchCsp(page) {
  const refusals = [];
  page.on("console", (m) => {
    const text = m.text();
    if (/Refused to|Content Security Policy/i.test(text)) refusals.push(`${page.url()} console: ${text}`);
  });
  await page.exposeBinding("__cspViolation", (_source, text) => refusals.push(`${page.url()} event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile ?? ""}:${e.lineNumber ?? ""})`);
    });
  });
  return refusals;
}

function assertNoRefusals(refusals, where) {
  assert.deepEqual(refusals, [], `no CSP refusal ${where}`);
}

/** The headers every response carries (lib/security/headers.ts), checked on one response. */
function assertSecurityHeaders(response, what) {
  const all = response.headersArray();
  const values = (name) => all.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  const one = (name) => {
    const v = values(name);
    assert.equal(v.length, 1, `${what}: exactly one ${name} header (got ${JSON.stringify(v)})`);
    return v[0];
  };
  const csp = one("content-security-policy");
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
    assert.ok(csp.split(/;\s*/).includes(directive), `${what}: CSP has ${directive}: ${csp}`);
  }
  const scriptSrc = csp.split(/;\s*/).find((d) => d.startsWith("script-src "));
  assert.ok(scriptSrc && !scriptSrc.includes("*") && !scriptSrc.includes("unsafe-eval"), `${what}: script-src names no other origin and no eval: ${scriptSrc}`);
  assert.equal(one("x-content-type-options"), "nosniff", what);
  assert.match(one("referrer-policy"), /^(same-origin|no-referrer|strict-origin|strict-origin-when-cross-origin)$/, what);
  assert.match(one("strict-transport-security"), /max-age=\d{7,}/, what);
  assert.equal(one("x-frame-options"), "DENY", what);
  assert.match(one("permissions-policy"), /camera=\(\)/, what);
  assert.equal(one("cross-origin-opener-policy"), "same-origin", what);
  return { csp, scriptSrc };
}

async function signInAs(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/(inbox|overview)/);
  // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
  if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
  await page.getByRole("heading", { name: "待办事项" }).first().waitFor();
}

async function signOut(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

export const headerSpecs = [
  {
    name: "security-headers-on-every-kind-of-response",
    async run({ page, base }) {
      // A page of the system: a nonce policy, fresh on every request, on the scripts Next.js writes.
      const login1 = await page.request.get(`${base}/login`);
      assert.equal(login1.status(), 200);
      const { scriptSrc } = assertSecurityHeaders(login1, "/login");
      const nonce1 = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(scriptSrc)?.[1];
      assert.ok(nonce1 && nonce1.length >= 22, `a page of the system has a nonce policy: ${scriptSrc}`);
      assert.ok(!scriptSrc.includes("'unsafe-inline'"), `a nonce page allows no other inline script: ${scriptSrc}`);
      const html = await login1.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.ok(scripts.length > 0, "the page has scripts");
      for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce1}"`), `every script carries the response's nonce: ${tag}`);
      const login2 = await page.request.get(`${base}/login`);
      const nonce2 = /'nonce-([^']+)'/.exec(login2.headers()["content-security-policy"])?.[1];
      assert.notEqual(nonce2, nonce1, "a new nonce for every request");
      // A policy the client sends is not the one the page gets.
      const forged = await page.request.get(`${base}/login`, { headers: { "Content-Security-Policy": "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='" } });
      assert.ok(!(await forged.text()).includes("AAAAAAAAAAAAAAAAAAAAAA=="), "a client's nonce is never used");

      // A public portal page: served whole from the cache (a fixed policy, no nonce), still cached.
      // (An earlier spec's disclosure may just have expired it: the next requests render it again.)
      let portal = await page.request.get(`${base}/portal/objectives`);
      for (let i = 0; i < 10 && portal.headers()["x-nextjs-cache"] !== "HIT"; i++) {
        await new Promise((r) => setTimeout(r, 300));
        portal = await page.request.get(`${base}/portal/objectives`);
      }
      assert.equal(portal.status(), 200);
      assertSecurityHeaders(portal, "/portal/objectives");
      assert.equal(portal.headers()["x-nextjs-cache"], "HIT", "the portal page still comes from the cache");
      assert.equal(portal.headers()["cache-control"], "no-cache", "the portal's own cache header is kept");

      // A route handler, a file of the build, the portal's Excel export, a 404.
      const health = await page.request.get(`${base}/api/health`);
      assert.equal(health.status(), 200);
      assertSecurityHeaders(health, "/api/health");
      const asset = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
      assert.ok(asset, "the page loads a script of the build");
      const file = await page.request.get(`${base}${asset}`);
      assert.equal(file.status(), 200);
      assertSecurityHeaders(file, asset);
      const xlsx = await page.request.get(`${base}/portal/objectives/export`);
      assert.equal(xlsx.status(), 200);
      assertSecurityHeaders(xlsx, "/portal/objectives/export");
      for (const missing of ["/no-such-page", "/portal/objectives/999999", "/api/no-such-route"]) {
        const res = await page.request.get(`${base}${missing}`);
        assert.equal(res.status(), 404, missing);
        assertSecurityHeaders(res, `404 ${missing}`);
      }
    },
  },
  {
    name: "csp-portal-walk-refuses-nothing",
    async run({ page, base, shot }) {
      const refusals = await watchCsp(page);
      await page.goto(`${base}/portal`);
      await page.getByRole("heading", { level: 1, name: /预算绩效信息公开/ }).waitFor();
      await page.getByRole("navigation", { name: "公开导航" }).getByRole("link", { name: "绩效目标公开" }).click();
      await page.waitForURL(/\/portal\/objectives$/);
      const rows = page.getByTestId("portal-list").locator("tbody tr");
      await rows.first().waitFor();
      // The Excel download link of the list.
      const download = page.waitForEvent("download");
      await page.getByTestId("portal-export-list").click();
      assert.match((await download).suggestedFilename(), /\.xlsx$/);
      // A keyword search (rendered per request through proxy.ts), then an objective.
      await page.getByLabel("关键词").fill("路面养护");
      await page.getByRole("button", { name: "查询" }).click();
      await page.waitForURL(/q=/);
      await page.getByRole("link", { name: "普通国省道路面养护工程" }).click();
      await page.waitForURL(/\/portal\/objectives\/\d+$/);
      await page.getByTestId("objective-table").waitFor();
      await shot("portal-objective");
      // The language switch (a route handler that redirects back) and the page in English.
      await page.getByTestId("portal-language").click();
      await page.waitForLoadState("load");
      await page.goto(`${base}/no-such-page`);
      await page.getByText("页面不存在").waitFor();
      await page.waitForLoadState("networkidle");
      assertNoRefusals(refusals, "on the portal");
    },
  },
  {
    name: "csp-signed-in-screens-refuse-nothing",
    async run({ page, base, shot }) {
      const refusals = await watchCsp(page);
      // A finance reviewer: the inbox, the finance review queue, a declaration.
      await signInAs(page, base, "reviewer");
      await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "财政审核", exact: true }).click();
      await page.getByRole("heading", { name: "财政审核" }).first().waitFor();
      await page.getByRole("table").first().locator("tbody tr a").first().click();
      await page.waitForURL(/\/objectives\/\d+$/);
      await page.getByTestId("objective-status").waitFor();
      await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "指标库", exact: true }).click();
      await page.getByRole("heading", { name: "指标库" }).first().waitFor();
      await page.waitForLoadState("networkidle");
      await shot("reviewer");
      assertNoRefusals(refusals, "on the finance reviewer's screens");
      await signOut(page);

      // A unit filer: the inbox, the project pool, the declaration wizard of the demo draft, one step saved.
      await signInAs(page, base, "filer");
      await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "项目库", exact: true }).click();
      await page.getByRole("heading", { name: "项目库" }).first().waitFor();
      await page.goto(`${base}/inbox`);
      await page.getByRole("link", { name: "农村公路安全生命防护工程" }).first().click();
      await page.waitForURL(/\/objectives\/\d+/);
      const id = /\/objectives\/(\d+)/.exec(page.url())[1];
      await page.goto(`${base}/objectives/${id}/edit?step=1`);
      await page.getByRole("button", { name: "保存并下一步" }).click();
      await page.waitForURL(/\/edit\?step=2/);
      await page.getByRole("status").filter({ hasText: "上一步已保存" }).waitFor();
      await page.waitForLoadState("networkidle");
      await shot("filer-wizard");
      assertNoRefusals(refusals, "on the unit filer's screens");

      // What the policy is for: markup injected into a signed-in page cannot run script.
      const ran = await page.evaluate(async () => {
        const div = document.createElement("div");
        div.innerHTML = `<img src="data:," onload="window.__injected = 1" onerror="window.__injected = 1">`;
        document.body.append(div);
        await new Promise((r) => setTimeout(r, 300));
        return window.__injected ?? null;
      });
      assert.equal(ran, null, "an injected inline handler does not run");
      assert.ok(refusals.some((r) => /script-src/.test(r)), `the browser reports the refusal: ${refusals.join("\n")}`);
    },
  },
];
