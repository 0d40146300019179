// Browser tests of result application with amounts (issue 14, item 5): next year's proposals from the
// year's rules, the reason where a subject has none, a reviewer's change with a reason, the
// confirmation, and the effect per department. Runs after the evaluation specs (which confirm the
// trunk road's proposal) or alone: it acts on the health project's, which nothing before it decides.
import assert from "node:assert/strict";

import { PASSWORD } from "./demo-password.mjs";

async function signInAs(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/(inbox|overview)/);
  // Finance and readers land on the year at a glance; these specs start from the inbox.
  if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
}

const HEALTH = "重点传染病防控项目";
const HEALTH_DEPT = "广东省卫生健康委员会";

/** The cells of the department's row in the totals table, trimmed. */
async function totalsOf(page, department) {
  const row = page.getByTestId("proposal-totals").getByRole("row").filter({ hasText: department });
  return (await row.locator("th, td").allInnerTexts()).map((c) => c.trim());
}

export const proposalSpecs = [
  {
    name: "proposals-generate-change-confirm",
    async run({ page, base, shot }) {
      await signInAs(page, base, "reviewer");
      await page.goto(`${base}/evaluation/proposals?year=2027`);
      await page.getByRole("button", { name: "生成预算建议" }).click();
      await page.getByText("已生成预算建议").waitFor();
      // Every subject of 2026 is counted (the trunk road and the health project).
      await page.getByTestId("proposal-generated-counts").getByText(/^2026年度共 2 个评价对象/).waitFor();

      // The health project (良 83.98): as requested, the rule and its arithmetic shown in 元.
      const health = page.getByRole("row").filter({ hasText: HEALTH });
      // Undecided: the change and decision forms are open.
      await health.getByTestId("proposal-revise").waitFor();
      const basis = health.getByTestId("proposal-basis");
      await basis.getByText("按自评等级：自评 83.98 分（良）").waitFor();
      await basis.getByText("良：按申请安排").waitFor();
      await basis.getByText("32,000,000.00 = 32,000,000.00 元（金额四舍五入到分）").waitFor();
      await basis.getByText("规则：2026年度单位自评评分规则").waitFor();
      // The department's totals before any change: 3,200 万元 this year, 3,200 proposed.
      assert.deepEqual(await totalsOf(page, HEALTH_DEPT), [HEALTH_DEPT, "1", "1", "3,200.00", "3,200.00", "0.00"]);
      await shot("01-generated");

      // A subject without a proposal says why: 2027's immunisation programme ends that year.
      await page.goto(`${base}/evaluation/proposals?year=2028&reason=ended`);
      const ended = page.getByRole("row").filter({ hasText: "免疫规划项目" }).first();
      await ended.getByTestId("no-proposal-reason").getByText("项目已于本年度到期结束").waitFor();
      await shot("02-reason");

      // The reviewer changes the amount, typed in 万元: bad input is refused on its field, a change needs its reason.
      await page.goto(`${base}/evaluation/proposals?year=2027`);
      const change = health.getByTestId("proposal-revise");
      await change.getByLabel("修改后金额（万元）").fill("三千");
      await change.getByLabel("修改理由").fill("压减非急需支出");
      await change.getByRole("button", { name: "修改金额" }).click();
      await change.getByText("请填写金额（万元），最多六位小数").waitFor();
      await change.getByLabel("修改后金额（万元）").fill("-10");
      await change.getByRole("button", { name: "修改金额" }).click();
      await change.getByText("请填写金额（万元），最多六位小数").waitFor();
      await change.getByLabel("修改后金额（万元）").fill("2,880");
      await change.getByLabel("修改理由").fill("");
      await change.getByRole("button", { name: "修改金额" }).click();
      await change.getByText("调整须说明理由").waitFor();
      assert.equal(await health.getByTestId("proposal-revised").count(), 0, "nothing written");
      await change.getByLabel("修改理由").fill("压减非急需支出");
      await change.getByRole("button", { name: "修改金额" }).click();
      await health.getByTestId("proposal-revised").getByText("已修改为 2,880.00 万元").waitFor();
      await health.getByTestId("proposal-revised").getByText("压减非急需支出").waitFor();
      assert.deepEqual(await totalsOf(page, HEALTH_DEPT), [HEALTH_DEPT, "1", "1", "3,200.00", "2,880.00", "-320.00"]);
      await shot("03-changed");

      // Confirming takes the changed amount.
      await health.getByRole("button", { name: "确认", exact: true }).click();
      await health.getByText("已确认").waitFor();
      await health.getByText("2,880.00").first().waitFor();
      assert.equal(await health.getByTestId("proposal-revise").count(), 0, "a confirmed proposal cannot be changed");
      assert.deepEqual(await totalsOf(page, HEALTH_DEPT), [HEALTH_DEPT, "1", "1", "3,200.00", "2,880.00", "-320.00"]);
      await shot("04-confirmed");
    },
  },
];
