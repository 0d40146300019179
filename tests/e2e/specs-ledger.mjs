// Browser spec of the money line (DESIGN §3.11, lib/ledger): one subject's budget from its request
// to 批复 with an amount and 文号, disclosure with exactly that amount, a warning disposed with an
// adjustment, part reclaimed, against what is executed. The demo leaves the rural bridge project
// (requested 6,400 万元, 960 万元 executed by June, two open warnings) approved and unarranged.
import assert from "node:assert/strict";
import { PASSWORD } from "./demo-password.mjs";

const BRIDGE = "农村公路危桥改造工程";

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

export const ledgerSpecs = [
  {
    // 同步批复: the department's approved, unarranged objectives on one page, approved under one 批复文号.
    // Refused here (no 文号), so the bridge stays unarranged for the money life below.
    name: "ledger-department-approval-page-refuses-without-document-number",
    async run({ page, base, shot }) {
      await signIn(page, base, "reviewer");
      await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "批复部门预算", exact: true }).click();
      await page.getByRole("heading", { name: "批复部门预算" }).waitFor();
      const value = await page.locator("select[name=dept] option", { hasText: "广东省交通运输厅" }).first().getAttribute("value");
      await page.locator("select[name=dept]").selectOption(value);
      await page.locator("select[name=year]").selectOption("2027");
      await page.getByRole("button", { name: "查询" }).click();
      await page.waitForURL(/dept=\d+/);
      const row = page.getByTestId("approve-row").filter({ hasText: BRIDGE });
      await row.waitFor();
      // The requested 6,400 万元 beside the amount, prefilled in 万元.
      assert.match(await row.innerText(), /6,400\.00/);
      assert.equal(await row.locator("input[inputmode=decimal]").inputValue(), "6400");
      await page.getByRole("button", { name: "确认批复" }).click();
      await page.locator("#approve-document-no[aria-invalid=true]").waitFor();
      await shot("ledger-approval-refused");
      // Nothing written: after a reload the bridge is still waiting for its 批复.
      await page.reload();
      await page.getByTestId("approve-row").filter({ hasText: BRIDGE }).waitFor();
      await signOut(page);
    },
  },
  {
    name: "ledger-money-life-of-one-subject",
    async run({ page, base, shot }) {
      // 1. Finance arranges the budget on the project page: the request beside the form.
      await signIn(page, base, "reviewer");
      await page.goto(`${base}/projects?q=${encodeURIComponent(BRIDGE)}`);
      await page.getByRole("link", { name: BRIDGE }).first().click();
      // Above the appraisal threshold: finance records the ex-ante appraisal (予以支持) first (无评估不安排预算).
      await page.locator("summary", { hasText: "录入事前评估" }).click();
      for (const dimension of ["立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性"]) {
        await page.getByLabel(`${dimension} 得分（0–20）`).fill("17");
        await page.getByLabel(`${dimension} 评估意见`).fill(`${dimension}：论证充分。`);
      }
      await page.getByLabel("评估结论").selectOption({ label: "予以支持" });
      await page.getByRole("button", { name: "提交", exact: true }).click();
      await page.getByText("事前评估已录入，总分 85 分。").waitFor();
      const form = page.getByRole("form", { name: "安排预算" });
      await form.waitFor();
      assert.equal((await form.getByTestId("arrange-requested").innerText()).trim(), "6,400.00");
      await form.getByLabel("安排金额（万元）").fill("-1");
      await form.getByLabel("批复文号").fill("粤财预〔2027〕8号");
      await form.getByLabel("文件日期").fill("2026-12-01");
      await form.getByRole("button", { name: "确认安排" }).click();
      await form.getByText("请填写以万元为单位的非负金额，最多六位小数").waitFor();
      await form.getByLabel("安排金额（万元）").fill("6400");
      await form.getByRole("button", { name: "确认安排" }).click();
      await page.getByText("已安排预算", { exact: true }).first().waitFor();
      const budgetCell = page.locator("[data-testid^=project-budget-]").first();
      assert.equal((await budgetCell.innerText()).trim(), "6,400.00");
      await shot("01-arranged");
      await signOut(page);

      // 2. The desk proposes it with the ledger's amount and its deadline (批复 + 20 days); disclosed as is.
      await signIn(page, base, "admin");
      await page.goto(`${base}/disclosure?year=2027`);
      const row = page.locator("tr").filter({ hasText: BRIDGE });
      assert.equal((await row.locator("td").nth(3).innerText()).trim(), "6,400.00");
      assert.match(await row.locator("td").nth(4).innerText(), /2026-12-21/);
      await page.getByRole("checkbox", { name: `选择 ${BRIDGE}` }).check();
      await page.getByRole("button", { name: "公开所选目标", exact: true }).click();
      await page.getByRole("button", { name: "确认公开所选目标" }).click();
      await page.getByText("已公开。").waitFor();
      await shot("02-disclosed");
      const anon = await page.context().browser().newContext();
      const portal = await anon.newPage();
      await portal.goto(`${base}/portal/objectives?q=${encodeURIComponent("危桥")}`);
      await portal.locator("main").getByText(BRIDGE).first().waitFor();
      assert.match(await portal.locator("main").innerText(), /6,400\.00/);
      await anon.close();
      await signOut(page);

      // 3. The bridge's open warning (the browser specs before this one have reported its execution
      // and disposed its other warning): 调整预算 below what is executed is refused, naming it.
      await signIn(page, base, "reviewer");
      await page.goto(`${base}/warnings`);
      await page.locator("tbody tr").filter({ hasText: BRIDGE }).first().getByRole("link", { name: "处置" }).click();
      const dispose = page.getByRole("form", { name: "处置" }).first();
      await dispose.locator("select[name=kind]").selectOption("adjust_budget");
      await dispose.getByLabel("调整后预算（万元）").fill("900");
      await dispose.locator("textarea[name=comment]").fill("执行进度滞后，调减预算");
      await dispose.getByRole("button", { name: "处置", exact: true }).click();
      const belowExecuted = dispose.getByText(/调整后预算不能低于已执行金额 [\d,.]+ 万元/);
      await belowExecuted.waitFor();
      const executed = Number((await belowExecuted.innerText()).match(/已执行金额 ([\d,.]+) 万元/)[1].replace(/,/g, ""));
      assert.ok(executed > 900 && executed < 6400, `executed ${executed}`);
      await shot("03-below-executed");

      // 4. 收回资金 instead: at most what is neither executed nor held (6,400 − executed), then 1,000.
      await dispose.locator("select[name=kind]").selectOption("reclaim");
      await dispose.getByLabel("收回金额（万元）").fill(String(6400 - executed + 0.01));
      await dispose.getByRole("button", { name: "处置", exact: true }).click();
      const tooMuch = dispose.getByText(/收回金额不能超过尚未执行、未暂缓的余额 [\d,.]+ 万元/);
      await tooMuch.waitFor();
      assert.equal(Number((await tooMuch.innerText()).match(/余额 ([\d,.]+) 万元/)[1].replace(/,/g, "")), 6400 - executed);
      await dispose.getByLabel("收回金额（万元）").fill("1000");
      await dispose.getByRole("button", { name: "处置", exact: true }).click();
      await page.getByText("资金影响：收回 -1,000.00 万元").waitFor();
      assert.equal((await page.getByTestId("ledger-current").innerText()).trim(), "5,400.00");
      assert.equal((await page.getByTestId("ledger-original").innerText()).trim(), "6,400.00");
      // The history: 安排 6,400 (文号), 收回 −1,000.
      const history = page.getByRole("table", { name: "预算变动" });
      assert.equal(await history.locator("tbody tr").count(), 2);
      assert.match(await history.locator("tbody tr").first().innerText(), /粤财预〔2027〕8号/);
      await shot("04-reclaimed");
    },
  },
];
