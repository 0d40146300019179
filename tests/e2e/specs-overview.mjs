// Browser specs of the year at a glance (issue 15 item 5): the finance reviewer and the congress
// reader land on it, a filer still on the inbox; a figure's link opens the list it counts, filtered,
// with the same count; printed, the page fits the width of an A4 sheet.
import assert from "node:assert/strict";
import { PASSWORD } from "./demo-password.mjs";

async function signIn(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/(inbox|overview)/);
}

async function signOut(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

/** The number a figure shows ("1,234" → 1234). */
async function figureValue(page, name) {
  const text = await page.locator(`[data-figure="${name}"] [data-value]`).innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

/** The list's "共 N 条". */
async function listTotal(page) {
  const text = await page.getByText(/^共 [\d,]+ 条$/).first().innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

export const overviewSpecs = [
  {
    name: "overview-landing-and-figure-links",
    async run({ page, base, shot }) {
      await signIn(page, base, "reviewer");
      await page.waitForURL(/\/overview$/);
      await page.getByRole("heading", { name: "年度总览" }).waitFor();
      // The inbox is one click away.
      assert.ok(await page.getByRole("main").getByRole("link", { name: "待办事项" }).isVisible(), "a link to the inbox on the overview");
      const declared = await figureValue(page, "declared");
      const approved = await figureValue(page, "approved");
      assert.ok(declared > 0 && approved > 0 && approved <= declared, `declared ${declared}, approved ${approved}`);
      // The warnings and the grades are drawn; the assessment section says there is none yet.
      await page.getByRole("heading", { name: "待处置的预警" }).waitFor();
      await page.getByRole("heading", { name: "自评等级分布" }).waitFor();
      await page.getByText("暂无已发布的考核结果。").waitFor();
      await shot("01-overview");

      // 已申报 → the list filtered to the declared objectives of the year: the same count.
      await page.locator('[data-figure="declared"]').click();
      await page.waitForURL(/\/overview\/objectives\?year=\d{4}&stage=declared/);
      assert.equal(await listTotal(page), declared, "the list counts the figure's objectives");
      await shot("02-declared-list");

      // A region row's 已批复 → that region's approved objectives.
      await page.goto(`${base}/overview`);
      const regionLink = page.locator('[data-figure$="-approved"][data-figure^="region-"]').first();
      const regionApproved = Number((await regionLink.innerText()).replace(/[^\d]/g, ""));
      await regionLink.click();
      await page.waitForURL(/state=approved/);
      assert.equal(await listTotal(page), regionApproved, "the region's approved objectives");

      // The red warnings still waiting → the warnings table, filtered to open red ones of the year.
      await page.goto(`${base}/overview`);
      const red = page.locator('[data-figure="warnings-red"]');
      const redCount = Number((await red.innerText()).replace(/[^\d]/g, ""));
      await red.click();
      await page.waitForURL(/\/warnings\?year=\d{4}&light=red&state=open/);
      assert.equal(await listTotal(page), redCount, "the open red warnings");
      await signOut(page);

      // The congress reader lands on the overview too; a filer on the inbox.
      await signIn(page, base, "observer");
      await page.waitForURL(/\/overview$/);
      assert.equal(await figureValue(page, "declared"), declared, "the province's observer reads the same figures");
      await signOut(page);
      await signIn(page, base, "filer");
      await page.waitForURL(/\/inbox$/);
      await signOut(page);
    },
  },
  {
    name: "overview-print-fits-a4",
    async run({ page, base, shot }) {
      await signIn(page, base, "admin");
      await page.waitForURL(/\/overview$/);
      // An A4 sheet's printable width at 96 dpi: 210 mm less 2 × 10 mm of margin = 190 mm ≈ 718 px.
      await page.setViewportSize({ width: 718, height: 1000 });
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.getByRole("navigation", { name: "主导航" }).isVisible(), false, "no navigation in print");
      assert.equal(await page.getByRole("button", { name: "打印" }).isVisible(), false, "no print button in print");
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
      assert.ok(widths.page <= widths.view, `the printed page is ${widths.page}px wide, the sheet ${widths.view}px`);
      const pdf = await page.pdf({ format: "A4", margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" } });
      assert.ok(pdf.length > 1000, "a PDF is printed");
      await shot("03-print");
      await page.emulateMedia({ media: "screen" });
    },
  },
];
