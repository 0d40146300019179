// Browser spec of issue 19 item 5: the indicator picker used from the keyboard and the indicator
// table at 1366 × 900, as the demo filer (广东省公路事务中心, a transport unit).
import assert from "node:assert/strict";

import { PASSWORD } from "./demo-password.mjs";

async function signInAs(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/(inbox|overview)/);
  // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
  if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
}

/** Is the element's box inside the viewport (at least its top part)? */
const inView = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0;
  });

export const pickerSpecs = [
  {
    name: "picker-keyboard",
    async run({ page, base, shot }) {
      await signInAs(page, base, "filer");
      // The demo draft 农村公路安全生命防护工程: its declaration, step 3.
      await page.goto(`${base}/projects`);
      await page.getByRole("link", { name: "农村公路安全生命防护工程" }).first().click();
      await page.waitForURL(/\/projects\/\d+$/);
      const href = await page.locator('main a[href^="/objectives/"]').first().getAttribute("href");
      assert.match(href ?? "", /^\/objectives\/\d+$/);
      await page.goto(`${base}${href}/edit?step=3`);
      const form = page.getByRole("form", { name: "绩效信息" });
      await form.waitFor();
      const rowsBefore = await form.locator('[data-testid^="indicator-row-"]').count();

      // Open the picker with the keyboard: focus its button, press Enter.
      const open = form.getByTestId("open-bank");
      await open.focus();
      await page.keyboard.press("Enter");
      const picker = page.getByTestId("bank-picker");
      await picker.waitFor();
      const search = picker.getByLabel("关键字");
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "bank-search");
      assert.ok(await inView(picker), "the picker opens in view");
      // It starts on the unit's own sector, and every hit is of that sector.
      const sector = picker.getByLabel("行业领域");
      assert.equal(await sector.inputValue(), "交通运输");
      await picker.getByText("正在查询…").waitFor({ state: "hidden" });
      const kinds = await picker.locator("tbody tr td:nth-child(5)").allInnerTexts();
      assert.ok(kinds.length > 0, "the unit's sector has indicators");
      for (const k of kinds) assert.match(k, /交通运输/);

      // Filter: 一级 产出指标, 二级 质量指标 — only 产出/质量 rows remain.
      await picker.getByLabel("一级指标").selectOption("output");
      await picker.getByLabel("二级指标").selectOption("quality");
      await picker.getByText("正在查询…").waitFor({ state: "hidden" });
      const level2s = await picker.locator("tbody tr td:nth-child(4)").allInnerTexts();
      assert.ok(level2s.length > 0);
      for (const l of level2s) assert.match(l, /质量/);
      // 二级 成本 is not offered under 产出 (成本 is a 一级 class of its own).
      const l2options = await picker.getByLabel("二级指标").locator("option").allInnerTexts();
      assert.ok(!l2options.some((o) => o.includes("成本")), `二级 under 产出: ${l2options.join(",")}`);
      // Type a keyword, go down into the results with ↓ and add with Enter.
      await search.focus();
      await page.keyboard.type("优良");
      await picker.getByText("正在查询…").waitFor({ state: "hidden" });
      const add = picker.getByRole("button", { name: "添加 JT-ZL-002 公路优良路率" });
      await add.waitFor();
      await page.keyboard.press("ArrowDown");
      assert.equal(await add.evaluate((el) => el === document.activeElement), true, "↓ moves into the results");
      await shot("picker");
      await page.keyboard.press("Enter");
      await page.getByText(`已添加「公路优良路率」到第 ${rowsBefore + 1} 行`).waitFor();

      // Focus lands in the new row's first input, in view (not at the page's top).
      const first = form.locator(`[name="indicators.${rowsBefore}.fundUse"]`);
      await page.waitForFunction((n) => document.activeElement?.getAttribute("name") === `indicators.${n}.fundUse`, rowsBefore);
      assert.ok(await inView(first), "the new row is in view");
      assert.equal(await form.locator(`[name="indicators.${rowsBefore}.name"]`).inputValue(), "公路优良路率");
      await page.keyboard.type("路面养护");
      assert.equal(await first.inputValue(), "路面养护");

      // The table fits 1366 px: no horizontal overflow of the page or of the table's scroller.
      const table = form.getByTestId("indicator-table");
      const overflow = await table.evaluate((t) => ({
        scroller: t.parentElement.scrollWidth - t.parentElement.clientWidth,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      assert.deepEqual(overflow, { scroller: 0, page: 0 }, "no horizontal overflow at 1366 px");
      // 指标解释 and 来源 are in the row's details: closed for a bank row, opened by its button.
      const details = form.getByTestId(`indicator-details-${rowsBefore}`);
      assert.equal(await details.isVisible(), false);
      await form.getByTestId(`indicator-details-toggle-${rowsBefore}`).click();
      await details.getByText("JT-ZL-002").waitFor();
      assert.match(await form.locator(`[name="indicators.${rowsBefore}.formula"]`).inputValue(), /优良等级路段里程/);
      await shot("table");

      // The picker stays open for the next pick; 共性 (the common indicators) are found by their word; Esc closes it.
      await picker.getByLabel("行业领域").selectOption("");
      await picker.getByLabel("一级指标").selectOption("");
      await picker.getByLabel("关键字").fill("共性");
      await picker.getByText("正在查询…").waitFor({ state: "hidden" });
      const commonKinds = await picker.locator("tbody tr td:nth-child(5)").allInnerTexts();
      assert.ok(commonKinds.length > 0, "searching 共性 finds the common indicators");
      for (const k of commonKinds) assert.equal(k.trim(), "共性");
      await page.keyboard.press("Escape");
      await picker.waitFor({ state: "detached" });
    },
  },
];
