// Browser spec of issue 19 item 6: the department-overall objective (部门整体支出绩效目标) in its own
// words — its own wizard steps (duties, key tasks with budgets in 万元, the year's objective and
// department-wide indicators) and its own 绩效目标表 — walked as the demo department account.
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

export const deptOverallSpecs = [
  {
    name: "dept-overall-wizard-and-table",
    async run({ page, base, shot }) {
      await signInAs(page, base, "dept");
      await page.goto(`${base}/objectives/department`);
      await page.locator("summary", { hasText: "新建部门整体绩效目标" }).click();
      await page.getByRole("button", { name: "新建并填报" }).click();
      await page.waitForURL(/\/objectives\/\d+\/edit/);
      const id = /\/objectives\/(\d+)/.exec(page.url())[1];

      // The steps speak of the department, not of a project.
      const nav = page.getByRole("navigation", { name: "申报步骤" });
      for (const s of ["部门基本信息", "年度主要任务", "绩效目标与指标", "完整性检查与提交"]) await nav.getByText(s).waitFor();
      assert.equal(await nav.getByText("项目基本信息").count(), 0, "no project step");

      // Step 1 · 部门基本信息: the duties.
      const step1 = page.getByRole("form", { name: "部门基本信息" });
      await step1.waitFor();
      assert.equal(await step1.locator("#f-category").count(), 0, "no project category");
      await step1.locator("#f-name").fill("广东省交通运输厅");
      await step1.locator("#f-duties").fill("负责全省公路、水路交通行业管理。\n负责公路建设市场监管。");
      await step1.getByTestId("save-next").click();

      // Step 2 · 年度主要任务: the budget and two key tasks, in 万元.
      const step2 = page.getByRole("form", { name: "年度主要任务" });
      await step2.waitFor();
      await step2.locator("#f-requestedAmount").fill("1,000.5");
      await step2.getByTestId("add-task").click();
      await step2.getByTestId("add-task").click();
      await step2.locator("#f-tasks-0-name").fill("国省干线公路养护");
      await step2.locator("#f-tasks-0-content").fill("路面大中修 1200 公里");
      await step2.locator("#f-tasks-0-amount").fill("600.250001");
      await step2.locator("#f-tasks-1-name").fill("农村公路提质改造");
      await step2.locator("#f-tasks-1-amount").fill("400");
      // Not adding up: said while typing, with the exact difference.
      await step2.getByTestId("tasks-match").getByText("相差 0.249999 万元").waitFor();
      await step2.locator("#f-tasks-1-amount").fill("400.249999");
      await step2.getByTestId("tasks-match").getByText("任务预算合计与部门预算总额一致").waitFor();
      await shot("dept-key-tasks");
      await step2.getByTestId("save-next").click();

      // Step 3 · 绩效目标与指标: the year's objective only, and the department-wide indicators.
      const step3 = page.getByRole("form", { name: "绩效目标与指标" });
      await step3.waitFor();
      assert.equal(await step3.locator("#f-overallGoal").count(), 0, "no multi-year overall goal");
      await step3.getByText("部门整体绩效指标").first().waitFor();
      await step3.locator("#f-annualGoal").fill("全面完成年度公路建设养护任务。");
      await step3.getByTestId("save").click();
      await page.getByRole("status").filter({ hasText: "已保存" }).waitFor();

      // Back on step 2: the amounts read back from the stored 元 in the same 万元.
      await page.goto(`${base}/objectives/${id}/edit?step=2`);
      await page.getByRole("form", { name: "年度主要任务" }).waitFor();
      assert.equal(await page.locator("#f-requestedAmount").inputValue(), "1000.5");
      assert.equal(await page.locator("#f-tasks-0-amount").inputValue(), "600.250001");

      // Step 5 · 完整性检查与提交: findings name the department's steps.
      await page.goto(`${base}/objectives/${id}/edit?step=5`);
      await page.getByRole("heading", { name: "完整性检查" }).first().waitFor();
      await page.getByText("部门预算总额 1,000.50 万元").waitFor();
      await page.getByTestId("checklist").getByText("第 3 步 · 绩效目标与指标").first().waitFor();

      // The table: the department's own layout.
      await page.goto(`${base}/objectives/${id}`);
      const table = page.getByTestId("declaration-table");
      await table.waitFor();
      await page.getByRole("heading", { name: "部门整体支出绩效目标申报表" }).waitFor();
      for (const label of ["部门名称", "部门职责", "年度主要任务", "任务名称", "预算金额（万元）", "金额合计", "年度总体目标", "部门整体绩效指标"]) {
        assert.ok((await table.getByText(label, { exact: true }).count()) > 0, `the table has ${label}`);
      }
      for (const label of ["项目名称", "总体目标", "实施计划"]) assert.equal(await table.getByText(label, { exact: true }).count(), 0, `no ${label}`);
      assert.equal((await table.getByTestId("task-name-0").textContent()).trim(), "国省干线公路养护");
      assert.equal((await table.getByTestId("task-amount-0").textContent()).trim(), "600.25");
      assert.equal((await table.getByTestId("cell-amount").textContent()).trim(), "1,000.50");
      assert.match(await table.getByTestId("cell-duties").textContent(), /负责公路建设市场监管/);
      await shot("dept-table");
    },
  },
];
