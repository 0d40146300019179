// Browser tests of the public disclosure portal (issue #7). Each spec: { name, run({ page, base, shot }) }.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import { PASSWORD } from "./demo-password.mjs";
const OUT = path.resolve("test-output/e2e");
const AXE = path.resolve("node_modules/axe-core/axe.min.js");

/** The seed's approved 普通国省道路面养护工程 (db/seed-disclosure.ts), as finance approved it. */
const ROAD = {
  title: "普通国省道路面养护工程",
  department: "广东省交通运输厅",
  owner: "广东省公路事务中心",
  amountWan: "15,200.00",
  annual: "完成普通国省道路面养护里程1200公里，优良中等路率达到85%以上。",
  indicators: [
    ["产出指标", "数量指标", "公路安全生命防护工程实施里程", "≥1200", "公里"],
    ["产出指标", "质量指标", "农村公路优良中等路率", "≥85", "%"],
    ["产出指标", "时效指标", "项目按期交工率", "≥100", "%"],
    ["效益指标", "可持续影响指标", "农村公路列养率", "≥100", "%"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90", "%"],
  ],
};
const SCHOOL = "仁化县第一中学校舍维修改造";

/** The indicator rows of the table as [一级, 二级, 三级, 年度值, 单位], filling merged cells from the rows above. */
async function indicatorRows(page) {
  return page.getByTestId("objective-table").evaluate((table) => {
    const out = [];
    let l1 = "";
    let l2 = "";
    for (const tr of table.querySelectorAll("tr[data-testid=indicator-row]")) {
      const cells = [...tr.querySelectorAll("td")].map((td) => ({ text: td.textContent.trim(), span: td.rowSpan }));
      const rest = cells.slice(-4);
      const lead = cells.slice(0, cells.length - 4);
      if (lead.length === 2) [l1, l2] = [lead[0].text, lead[1].text];
      else if (lead.length === 1) l2 = lead[0].text;
      out.push([l1, l2, rest[0].text, rest[1].text, rest[3].text]);
    }
    return out;
  });
}

async function axeCheck(page, label) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, [], `axe found serious/critical violations on ${label}: ${JSON.stringify(bad, null, 1)}`);
}

/** A fresh visitor: no cookies, no session. */
async function visitor(page, opts = {}) {
  const context = await page.context().browser().newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", ...opts });
  return { context, page: await context.newPage() };
}

export const disclosureSpecs = [
  {
    name: "disclosure-visitor-search-print",
    async run({ page, base, shot }) {
      // No sign-in: the portal opens, it is not sent to the login page.
      await page.goto(`${base}/portal`);
      assert.match(page.url(), /\/portal$/);
      await page.getByRole("heading", { level: 1, name: /广东省2027年度预算绩效信息公开/ }).waitFor();
      assert.equal(await page.getByTestId("figure-count").innerText(), "2", "two objectives disclosed in the demo");
      assert.equal(await page.getByTestId("figure-amount").innerText(), "23,850.00 万元");
      await shot("01-landing");

      // Search in Chinese.
      await page.getByRole("navigation", { name: "公开导航" }).getByRole("link", { name: "绩效目标公开" }).click();
      await page.getByLabel("关键词").fill("路面 养护");
      await page.getByRole("button", { name: "查询" }).click();
      await page.waitForURL(/q=/);
      const rows = page.getByTestId("portal-list").locator("tbody tr");
      assert.equal(await rows.count(), 1);
      await shot("02-search");
      // The approved but undisclosed school cannot be found.
      await page.getByLabel("关键词").fill("校舍");
      await page.getByRole("button", { name: "查询" }).click();
      await page.getByText("没有符合条件的公开绩效目标。").waitFor();
      await page.getByLabel("关键词").fill("路面养护");
      await page.getByRole("button", { name: "查询" }).click();
      await page.getByRole("link", { name: ROAD.title }).click();
      await page.waitForURL(/\/portal\/objectives\/\d+$/);

      // The table, as approved.
      assert.equal((await page.getByTestId("cell-name").innerText()).trim(), ROAD.title);
      assert.equal((await page.getByTestId("cell-department").innerText()).trim(), ROAD.department);
      assert.equal((await page.getByTestId("cell-owner").innerText()).trim(), ROAD.owner);
      assert.equal((await page.getByTestId("cell-amount").innerText()).trim(), ROAD.amountWan);
      assert.equal((await page.getByTestId("cell-annual").innerText()).trim(), ROAD.annual);
      assert.deepEqual(await indicatorRows(page), ROAD.indicators);
      await shot("03-detail");

      // Print: as the printer sees it (only the table), and a PDF from the browser with a Chinese font embedded.
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator("header").isVisible(), false, "the portal header is not printed");
      assert.equal(await page.getByRole("button", { name: "打印" }).isVisible(), false, "the buttons are not printed");
      await shot("04-print-view");
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      fs.writeFileSync(path.join(OUT, "disclosure-objective.pdf"), pdf);
      const bytes = pdf.toString("latin1");
      assert.ok(bytes.startsWith("%PDF-"), "a PDF");
      const pages = (bytes.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1 && pages <= 2, `the table fits on one or two A4 pages (got ${pages})`);
      assert.match(bytes, /\/FontName\s*\/[A-Z]{6}\+[^\s/]*CJK/, "a CJK font is embedded, so Chinese prints as Chinese");
      // The printed pages as images, one per A4 page, for a person (and the test) to look at.
      const a4 = { width: 794, height: 1123 };
      await page.setViewportSize(a4);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let i = 0; i * a4.height < height && i < pages; i++) {
        await page.screenshot({ path: path.join(OUT, `disclosure-print-page-${i + 1}.png`), clip: { x: 0, y: i * a4.height, ...a4 } });
      }
      const printedText = await page.locator("main").innerText();
      for (const [, , name] of ROAD.indicators) assert.ok(printedText.includes(name), `printed: ${name}`);
      await page.emulateMedia({ media: "screen" });

      // The Excel export of the table is served to anyone.
      const xlsx = await page.request.get(`${page.url()}/export`);
      assert.equal(xlsx.status(), 200);
      assert.match(xlsx.headers()["content-type"], /spreadsheetml/);

      // The server-component payload (what client navigation fetches) carries nothing undisclosed.
      for (const u of ["/portal", "/portal/objectives", `/portal/objectives?q=${encodeURIComponent("校舍")}`, new URL(page.url()).pathname]) {
        const rsc = await page.request.get(`${base}${u}`, { headers: { RSC: "1" } });
        assert.equal(rsc.status(), 200);
        const body = await rsc.text();
        for (const secret of [SCHOOL, "传染病监测预警项目", "contactPhone", "customReason\":\"", "search_text"]) {
          assert.ok(!body.includes(secret), `the payload of ${u} must not carry ${secret}`);
        }
      }

      // Without JavaScript: the search form and links still work.
      const noJs = await visitor(page, { javaScriptEnabled: false });
      await noJs.page.goto(`${base}/portal/objectives`);
      // A filter chosen in the form leads to the page's own address, which the cache answers.
      await noJs.page.locator("#f-year").selectOption("2027");
      await noJs.page.getByRole("button", { name: "查询" }).click();
      await noJs.page.waitForURL(`${base}/portal/objectives/year/2027`);
      const sortLink = await noJs.page.locator('a[href^="/portal/objectives/year/2027/sort/amount"]').count();
      assert.equal(sortLink, 1, "the list's own links keep the filter in the path");
      let filtered = "";
      for (let i = 0; i < 20 && filtered !== "HIT"; i++) {
        filtered = (await noJs.page.request.get(`${base}/portal/objectives/year/2027`)).headers()["x-nextjs-cache"];
        if (filtered !== "HIT") await new Promise((r) => setTimeout(r, 250));
      }
      assert.equal(filtered, "HIT", "a filtered list page is cached whole");
      await noJs.page.getByLabel("关键词").fill("免疫");
      await noJs.page.getByRole("button", { name: "查询" }).click();
      await noJs.page.getByRole("link", { name: "免疫规划项目" }).click();
      await noJs.page.getByTestId("objective-table").waitFor();
      assert.equal((await noJs.page.getByTestId("cell-department").innerText()).trim(), "广东省卫生健康委员会");
      await noJs.page.screenshot({ path: path.join(OUT, "disclosure-no-js.png"), fullPage: true });
      await noJs.context.close();
    },
  },
  {
    name: "disclosure-accessibility-zh-en",
    async run({ page, base }) {
      await page.goto(`${base}/portal/objectives?q=${encodeURIComponent("免疫")}`);
      const detail = await page.getByRole("link", { name: "免疫规划项目" }).getAttribute("href");
      const urls = ["/portal", "/portal/objectives", `/portal/objectives?q=${encodeURIComponent("养护")}&year=2027`, detail, `/portal/objectives?q=${encodeURIComponent("不存在的项目")}`];
      for (const lang of ["zh", "en"]) {
        for (const u of urls) {
          await page.goto(`${base}${u}`);
          await axeCheck(page, `${u} (${lang})`);
        }
        if (lang === "zh") {
          // The language switch is a plain link: it sets the cookie and comes back to the same page.
          await page.getByTestId("portal-language").click();
          await page.getByRole("heading", { level: 1 }).filter({ hasText: "budget performance disclosure" }).waitFor();
          assert.equal(await page.locator("html").getAttribute("lang"), "en");
        }
      }
    },
  },
  {
    name: "disclosure-withdraw-leaves-at-once",
    async run({ page, base, shot }) {
      const anon = await visitor(page);
      const search = `${base}/portal/objectives?q=${encodeURIComponent("校舍")}`;
      await anon.page.goto(search);
      await anon.page.getByText("没有符合条件的公开绩效目标。").waitFor();
      await anon.page.goto(`${base}/portal`);
      assert.equal(await anon.page.getByTestId("figure-count").innerText(), "2");
      // The landing page is now served whole from the cache, not rendered again.
      const cached = await anon.page.request.get(`${base}/portal`);
      assert.equal(cached.headers()["x-nextjs-cache"], "HIT", "the portal's landing page comes from the cache");
      assert.equal(cached.headers()["cache-control"], "no-cache", "a shared cache in front must ask again: a withdrawal leaves at once");

      // Finance discloses the county school.
      await page.goto(`${base}/login`);
      await page.fill("#username", "admin");
      await page.fill("#password", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL(/\/(inbox|overview)/);
      // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
      if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
      await page.goto(`${base}/disclosure?year=2027`);
      await page.getByRole("checkbox", { name: `选择 ${SCHOOL}` }).check();
      // The budget is the ledger's (批复 arranged 6,800,000 元), shown in 万元 and never typed again.
      const candidate = page.locator("tr").filter({ hasText: SCHOOL });
      assert.equal((await candidate.locator("td").nth(3).innerText()).trim(), "680.00");
      await page.getByRole("button", { name: "公开所选目标", exact: true }).click();
      await page.getByRole("button", { name: "确认公开所选目标" }).click();
      await page.getByText("已公开。").waitFor();
      await shot("01-disclosed");

      // It is on the public pages at once (the cache was expired by the action).
      await anon.page.goto(search);
      await anon.page.getByRole("link", { name: SCHOOL }).click();
      await anon.page.getByTestId("objective-table").waitFor();
      const detailUrl = anon.page.url();
      // Cached whole again once the disclosure's revalidation is past its grace (2 s, lib/cache/handler.mjs).
      let served = "";
      for (let i = 0; i < 20 && served !== "HIT"; i++) {
        served = (await anon.page.request.get(detailUrl)).headers()["x-nextjs-cache"];
        if (served !== "HIT") await new Promise((r) => setTimeout(r, 250));
      }
      assert.equal(served, "HIT", "the detail page is cached whole");
      await anon.page.goto(`${base}/portal`);
      assert.equal(await anon.page.getByTestId("figure-count").innerText(), "3", "the province's figures count the county below it");

      // Finance withdraws it with a reason; it is gone from every public page at once.
      const row = page.getByRole("row").filter({ hasText: SCHOOL });
      await row.getByRole("button", { name: "撤回" }).click();
      await row.getByLabel("撤回原因").fill("预算金额更正后重新公开");
      await row.getByRole("button", { name: "确认撤回" }).click();
      // The confirmation, or (once the desk has refreshed) the row marked 已撤回.
      await row.getByText(/^已撤回(公开。)?$/).first().waitFor();
      await shot("02-withdrawn");
      await anon.page.goto(search);
      await anon.page.getByText("没有符合条件的公开绩效目标。").waitFor();
      const gone = await anon.page.goto(detailUrl);
      assert.equal(gone.status(), 404);
      const xlsx = await anon.page.request.get(`${detailUrl}/export`);
      assert.equal(xlsx.status(), 404);
      await anon.page.goto(`${base}/portal`);
      assert.equal(await anon.page.getByTestId("figure-count").innerText(), "2");
      await anon.context.close();
    },
  },
  {
    name: "disclosure-grade-on-portal",
    async run({ page, base, shot }) {
      // The demo disclosed the accepted 2026 self-evaluation of 重点传染病防控项目 (良, 83.98) with its objective.
      await page.goto(`${base}/portal?year=2026`);
      const grades = page.getByTestId("portal-grades");
      const good = grades.getByRole("row").filter({ has: page.getByRole("link", { name: "良", exact: true }) });
      assert.equal((await good.getByRole("cell").first().innerText()).trim(), "1", "one 良 result disclosed");
      await axeCheck(page, "/portal?year=2026");
      await good.getByRole("link", { name: "良", exact: true }).click();
      await page.waitForURL(/\/portal\/objectives\/year\/2026\/regionId\/\d+\/grade\/good$/);
      assert.equal(await page.getByTestId("portal-list").locator("tbody tr").count(), 1);
      await page.getByRole("link", { name: "重点传染病防控项目" }).click();
      await page.getByTestId("portal-evaluation").waitFor();
      assert.equal((await page.getByTestId("portal-evaluation-score").innerText()).trim(), "83.98");
      assert.match(await page.getByTestId("portal-evaluation-grade").innerText(), /良/);
      await axeCheck(page, "objective with its result");
      await shot("01-result");
      // No result disclosed for the road: no block on its page.
      await page.goto(`${base}/portal/objectives?q=${encodeURIComponent("路面养护")}`);
      await page.getByRole("link", { name: ROAD.title }).click();
      await page.getByTestId("objective-table").waitFor();
      assert.equal(await page.getByTestId("portal-evaluation").count(), 0);
    },
  },
];
