// Browser spec of issue 21 item 3, year over year: the health commission's reviewer opens the
// 2027 declaration of the continuing health project (重点传染病防控项目) and compares it with 2026 —
// the approved target and the value reached in the accepted self-evaluation — and sees the
// 筛查人数 target lowered from 120000 to 100000 without a reason flagged; returned, the filer gives
// the reason in the wizard's indicator step, and the reviewer then sees it lowered with a reason.
import assert from "node:assert/strict";

import { PASSWORD } from "./demo-password.mjs";

const TITLE = "重点传染病防控项目（2027年度）";

async function signInAs(page, base, username) {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/(inbox|overview)/);
  // Finance and readers land on the year at a glance; these specs start from the inbox.
  if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
}

async function openFromDeptQueue(page) {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "部门审核", exact: true }).click();
  await page.getByRole("heading", { name: "部门审核" }).first().waitFor();
  await page.getByRole("link", { name: TITLE, exact: true }).first().click();
  await page.waitForURL(/\/objectives\/\d+$/);
  await page.getByRole("heading", { name: TITLE }).first().waitFor();
}

export const yoySpecs = [
  {
    name: "yoy-reviewer-compares-with-last-year",
    async run({ page, base, shot }) {
      await signInAs(page, base, "wj.reviewer");
      await openFromDeptQueue(page);
      const objectiveUrl = page.url();

      // 与往年对比, inside the department's review: this year's target beside 2026's approved target and result.
      const compare = page.getByTestId("yoy-compare");
      await compare.waitFor();
      await compare.getByTestId("yoy-flag-count").getByText("1 项指标目标调低且未说明理由").waitFor();
      const screening = compare.getByTestId("yoy-compare-row-1");
      assert.equal(await screening.getAttribute("data-status"), "lowered");
      const cells = (await screening.locator("td").allInnerTexts()).map((s) => s.replace(/\s+/g, " ").trim());
      assert.equal(cells[0], "≥100000 人");
      assert.equal(cells[1], "≥120000 人 2026 年度");
      assert.equal(cells[2], "98000 人 2026 年度 自评");
      assert.equal(cells[3], "目标调低，未说明理由");
      assert.equal(await compare.getByTestId("yoy-compare-row-2").getAttribute("data-status"), "raised");
      assert.equal(await compare.getByTestId("yoy-compare-row-3").getAttribute("data-status"), "new");
      await shot("01-compare-flag");

      // 历年情况: 2026 approved (良), 3,200 万元 budget, 2,560 万元 executed, self-evaluation 83.98 / 良.
      const year2026 = page.getByTestId("yoy-history-year-2026");
      const row = (await year2026.locator("th, td").allInnerTexts()).map((s) => s.replace(/\s+/g, " ").trim());
      assert.deepEqual(row, ["2026 年度", "已批复", "3,200.00", "2,560.00", "良", "83.98 / 良", "—"]);
      await page.getByTestId("yoy-history-indicators").locator("tr", { hasText: "重点人群筛查人数" }).getByText("120000 / 98000 人").waitFor();
      await shot("02-history");

      // Each year opens its own page.
      await year2026.getByRole("link", { name: "2026 年度" }).click();
      await page.waitForURL(/\/objectives\/\d+$/);
      await page.getByRole("heading", { name: "重点传染病防控项目", exact: true }).first().waitFor();
      assert.notEqual(page.url(), objectiveUrl);
      await page.goto(objectiveUrl);

      // Returned for the reason.
      const form = page.getByRole("form", { name: "部门审核" });
      await form.getByRole("radio", { name: "退回修改", exact: true }).check();
      await form.locator("#rv-reasons").fill("重点人群筛查人数低于上年批复目标，请说明理由");
      await form.getByRole("button", { name: "提交审核意见" }).click();
      await page.waitForURL(/done=dept_return/);

      // The filer writes the reason beside the indicator (目标调低说明), saves and submits again.
      await signInAs(page, base, "filer2");
      await page.goto(`${objectiveUrl}/edit?step=3`);
      const step3 = page.getByRole("form", { name: "绩效信息" });
      await step3.waitFor();
      const reason = step3.locator('[name="indicators.0.changeReason"]');
      await reason.fill("中央补助资金减少，筛查点由40个减至34个");
      await shot("03-wizard-reason");
      await page.getByRole("button", { name: "保存", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "已保存" }).waitFor();
      await page.getByRole("navigation", { name: "申报步骤" }).getByRole("link", { name: /完整性检查与提交/ }).click();
      await page.waitForURL(/\/edit\?step=5/);
      page.once("dialog", (d) => d.accept());
      await page.getByRole("button", { name: "提交审核", exact: true }).click();
      await page.waitForURL(/\/objectives\/\d+$/);

      // The reviewer now sees the lowering explained, and no flag.
      await signInAs(page, base, "wj.reviewer");
      await page.goto(objectiveUrl);
      const again = page.getByTestId("yoy-compare");
      await again.getByTestId("yoy-flag-count").getByText("未发现未说明理由的目标调低。").waitFor();
      const explained = again.getByTestId("yoy-compare-row-1");
      assert.equal(await explained.getAttribute("data-status"), "lowered_explained");
      await explained.getByText("目标调低，已说明理由").waitFor();
      await explained.getByText("中央补助资金减少，筛查点由40个减至34个").waitFor();
      await shot("04-explained");
    },
  },
];
