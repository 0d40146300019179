// Issue 17, finding 5: every bad request is answered 4xx — the public portal's addresses with
// hostile paths and queries, a few signed-in pages with the same, server-action posts with a
// malformed body, another site's Origin, a 12 MB body — never 5xx, and the server log gains no
// stack trace and no huge line for them. Plain fetch requests, not the browser (the browser only
// signs in to lend its session cookie).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";

import { PASSWORD } from "./demo-password.mjs";

async function signIn(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/(inbox|overview)/);
  // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
  if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
}

async function cookieHeader(page) {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Sends the request; a refused body may make the server close the connection: that is no 5xx. */
async function send(url, init = {}) {
  try {
    const res = await fetch(url, { redirect: "manual", ...init });
    await res.arrayBuffer().catch(() => {});
    return res.status;
  } catch (e) {
    return `connection closed (${e?.cause?.code ?? e?.message})`;
  }
}

/** The server log written since `mark`: no stack frame, no line longer than 2,000 characters. */
function assertQuietLog(log, mark, what) {
  const added = log().slice(mark);
  const stack = added.split("\n").filter((l) => /^\s+at\s/.test(l));
  assert.deepEqual(stack.slice(0, 3), [], `${what}: the server log shows a stack trace:\n${added.slice(0, 1500)}`);
  const long = added.split("\n").filter((l) => l.length > 2000);
  assert.equal(long.length, 0, `${what}: the server log has ${long.length} huge line(s), e.g. ${long[0]?.slice(0, 200)}`);
}

function assertNo5xx(results, what) {
  const bad = results.filter(([, s]) => typeof s === "number" && s >= 500);
  assert.equal(bad.length, 0, `${what}: 5xx answers: ${JSON.stringify(bad).slice(0, 600)}`);
}

const HOSTILE_PORTAL = [
  "/portal/objectives?q=%00",
  "/portal/objectives?q=%00%00%00%00",
  `/portal/objectives?q=${"%00".repeat(3000)}`,
  "/portal/objectives?q=%ED%A0%80",
  "/portal/objectives?q=%E0%A4%A",
  `/portal/objectives?q=${"公".repeat(5000)}`,
  "/portal/objectives?q=%27%3B%20drop%20table%20objectives%3B--",
  "/portal/objectives?year=2027-02-30",
  "/portal/objectives?year=%00&page=-1&pageSize=1e309",
  "/portal/objectives?regionId=99999999999999999999&departmentId=%00",
  "/portal/objectives?sort=__proto__&dir=constructor",
  "/portal/objectives?q[]=a&q[]=b",
  "/portal?regionId=%00&year=2027-02-30",
  "/portal/objectives/%E0%A4%A",
  "/portal/objectives/%",
  "/portal/objectives/%00",
  "/portal/objectives/99999999999999999999",
  "/portal/objectives/0",
  "/portal/objectives/year/%00",
  "/portal/objectives/year/2026/page/%E0%A4%A",
  "/portal/objectives/year/%E0%A4%A/page/2",
  "/portal/regionId/%FF",
  "/portal/regionId/%00/year/2027",
  "/portal/%00",
  "/portal/zh/list/%E0%A4%A",
  "/portal/en/objectives/%00",
  "/portal/objectives/1/export?x=%00",
  "/portal/objectives/%00/export",
  "/portal/objectives/export?q=%00",
  "/portal/objectives/export?q=%E0%A4%A&year=2027-02-30",
  "/portal/key-reports/%00",
  "/portal/key-reports/abc",
  "/portal/key-reports/99999999999999999999",
  "/api/health?%00",
  "/login?callbackUrl=%00",
  "/login?callbackUrl=%E0%A4%A",
];

/** A path of segments and a query, as fast-check's web arbitraries write them, under /portal. */
const portalAddress = fc
  .tuple(
    fc.constantFrom("/portal", "/portal/objectives", "/portal/objectives/year", "/portal/regionId", "/portal/key-reports", "/portal/objectives/export"),
    fc.array(fc.oneof(fc.webSegment(), fc.constantFrom("%00", "%E0%A4%A", "%FF", "%", "..", "%2F", "2027-02-30", "99999999999999999999")), { maxLength: 3 }),
    fc.option(
      fc.dictionary(fc.constantFrom("q", "year", "regionId", "departmentId", "category", "grade", "sort", "dir", "page", "pageSize", "x"), fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom("%00", "%E0%A4%A", "2027-02-30", "-1")), { maxKeys: 3 }),
    ),
  )
  .map(([base, segments, query]) => {
    const enc = (v) => (/%/.test(v) ? v : encodeURIComponent(v));
    const q = query ? Object.entries(query).map(([k, v]) => `${k}=${/%/.test(v) ? v : encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, "\uFFFD"))}`) : [];
    return `${[base, ...segments.map(enc)].join("/")}${q.length ? `?${q.join("&")}` : ""}`;
  });

/** The signed-in pages' own filters, with the same values. */
const HOSTILE_SIGNED_IN = [
  "/projects?q=%00",
  "/objectives?q=%00&page=%E0%A4%A",
  "/indicators?q=%00&sector=%00",
  "/indicators?q=%ED%A0%80",
  "/admin/users?q=%00",
  "/admin/audit?action=%00",
  "/api/indicators/export?q=%00&sector=%00",
  "/objectives/%00",
  "/objectives/99999999999999999999",
  "/projects/%E0%A4%A",
  "/warnings?year=2027-02-30",
];

/** An action the build knows (any: the body is refused before it runs, or it answers itself). */
function someActionId() {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"));
  const ids = Object.keys(manifest.node ?? {});
  assert.ok(ids.length > 0, "the build has server actions");
  return { id: ids[0], page: Object.keys(manifest.node[ids[0]].workers ?? {})[0] ?? "/" };
}

const MALFORMED_TEXT_BODIES = [
  "",
  "{",
  "[",
  "not json",
  "\u0000",
  "{}",
  "null",
  "42",
  '"$@1"',
  '{"__proto__":{"polluted":1}}',
  "[1,2",
];

export const securitySpecs = [
  {
    name: "security-portal-never-5xx",
    async run({ base, log }) {
      const mark = log().length;
      const listed = [];
      for (const address of HOSTILE_PORTAL) listed.push([address, await send(`${base}${address}`)]);
      assertNo5xx(listed, "hostile portal addresses");
      const generated = [];
      for (const address of fc.sample(portalAddress, { numRuns: 60, seed: 17 })) generated.push([address, await send(`${base}${address}`)]);
      assertNo5xx(generated, "generated portal addresses");
      assert.ok(listed.some(([, s]) => s === 200 || s === 307) && listed.every(([, s]) => typeof s === "number"), `answers: ${JSON.stringify(listed)}`);
      assertQuietLog(log, mark, "portal addresses");
    },
  },
  {
    name: "security-signed-in-pages-never-5xx",
    async run({ page, base, log }) {
      await signIn(page, base, "admin");
      const cookie = await cookieHeader(page);
      const mark = log().length;
      const results = [];
      for (const address of HOSTILE_SIGNED_IN) results.push([address, await send(`${base}${address}`, { headers: { cookie } })]);
      assertNo5xx(results, "signed-in pages");
      assertQuietLog(log, mark, "signed-in pages");
    },
  },
  {
    name: "security-action-posts-4xx",
    async run({ page, base, log }) {
      await signIn(page, base, "admin");
      const cookie = await cookieHeader(page);
      const { id, page: actionPage } = someActionId();
      const url = `${base}${actionPage.replace(/^\/?app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\/\[[^\]]+\]/g, "/1") || "/"}`;
      const headers = (extra) => ({ cookie, accept: "text/x-component", "next-action": id, "content-type": "text/plain;charset=UTF-8", origin: base, ...extra });
      const mark = log().length;

      // Another site's page posting to an action: refused as forbidden.
      for (const origin of ["https://evil.example", "null", "http://localhost.evil.example", "garbage"]) {
        assert.equal(await send(url, { method: "POST", headers: headers({ origin }), body: "[]" }), 403, `Origin ${origin}`);
      }
      // A body over the actions' limit (11 MB): 413, before it is read.
      const big = Buffer.alloc(12 * 1024 * 1024, 0x61);
      const boundary = "----hostile";
      const bigStatus = await send(url, { method: "POST", headers: headers({ "content-type": `multipart/form-data; boundary=${boundary}` }), body: big });
      assert.ok(bigStatus === 413 || String(bigStatus).startsWith("connection closed"), `12 MB body: ${bigStatus}`);
      // Bodies of a type no action is sent in, or not the JSON array React encodes arguments in: 400.
      assert.equal(await send(url, { method: "POST", headers: headers({ "content-type": "application/json" }), body: "[]" }), 400);
      assert.equal(await send(url, { method: "POST", headers: headers({ "content-type": "multipart/form-data" }), body: "x" }), 400);
      const malformed = [];
      for (const body of MALFORMED_TEXT_BODIES) malformed.push([body.slice(0, 20), await send(url, { method: "POST", headers: headers(), body })]);
      const notRefused = malformed.filter(([, s]) => s !== 400);
      assert.equal(notRefused.length, 0, `malformed action bodies not answered 400: ${JSON.stringify(notRefused)}`);
      // Multipart bodies that do not parse, or name no action, and a deeply nested argument: never 5xx.
      const parts = [
        `--${boundary}\r\nContent-Disposition: form-data; name="1_$ACTION_ID_${id}"\r\n\r\n\r\n--${boundary}`, // unterminated
        `--other\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--other--\r\n`, // wrong boundary
        `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n{\r\n--${boundary}--\r\n`, // a broken argument
      ];
      parts.push(`${"[".repeat(5000)}${"]".repeat(5000)}`);
      const multipart = [];
      for (const body of parts) {
        const type = body.startsWith("[") ? "text/plain;charset=UTF-8" : `multipart/form-data; boundary=${boundary}`;
        multipart.push([body.slice(0, 40), await send(url, { method: "POST", headers: headers({ "content-type": type }), body })]);
      }
      assertNo5xx(multipart, "malformed multipart action bodies");
      // The action itself still answers a well-formed call from this site.
      assert.equal(await send(url, { method: "POST", headers: headers(), body: "[{}]" }), 200, "a well-formed action call");
      assertQuietLog(log, mark, "action posts");
    },
  },
];
