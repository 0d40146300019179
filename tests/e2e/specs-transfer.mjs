// Browser spec of issue 14 item 6: finance issues (下达) a transfer payment to two regions — the fund
// and the additive quantity targets split between them, a wrong sum refused on its field — and the
// province's roll-up shows each region's amount and quantities adding up to its own.
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
  await page.getByRole("heading", { name: "待办事项" }).first().waitFor();
}

async function signOutVia(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

/** Adds one bank indicator by its code after a search; waits for the "已添加" notice. */
async function addFromBank(page, search, code, name, rowNumber) {
  const picker = page.getByTestId("bank-picker");
  const box = picker.getByLabel("关键字");
  if ((await box.inputValue()) !== search) {
    await box.fill(search);
    await picker.getByText("正在查询…").waitFor({ state: "hidden" });
  }
  await picker.getByRole("button", { name: `添加 ${code} ${name}` }).click();
  await page.getByText(`已添加「${name}」到第 ${rowNumber} 行`).waitFor();
}

const PROJECT = "省级农村公路建设补助资金（分解下达）";
const FUND_USE = "农村公路建设补助";
// The overall objective's indicators: two that add up across regions (公里, 座), a rate, a benefit.
const INDICATORS = [
  { code: "JT-SL-005", name: "新建改建农村公路里程", target: "20000" },
  { code: "JT-SL-006", name: "农村公路危桥改造数量", target: "1000" },
  { code: "JT-ZL-003", name: "农村公路优良中等路率", target: "80" },
  { code: "JT-XY-004", name: "农村公路列养率", target: "100" },
];

export const transferSpecs = [
  {
    name: "transfer-issue-split-to-regions",
    async run({ page, base, shot }) {
      // The submit confirmation (the 2027 declaration window may be over: then it says so, late).
      page.on("dialog", (d) => (d.message().endsWith("提交后将进入审核流程，审核期间不能修改。确定提交吗？") ? d.accept() : d.dismiss()));

      // 0 · A second transport department below the province: 韶关市交通运输局 (the admin adds it).
      await signInAs(page, base, "admin");
      await page.goto(`${base}/admin/orgs`);
      await page.locator("summary", { hasText: "新增单位" }).click();
      const orgForm = page.getByRole("form", { name: "新增单位" });
      await orgForm.locator("#new-code").fill("440200-JT");
      await orgForm.locator("#new-name").fill("韶关市交通运输局");
      await orgForm.locator('[name="kind"]').selectOption({ label: "主管部门" });
      const sg = await orgForm.locator('[name="regionId"] option').filter({ hasText: "韶关市" }).first().getAttribute("value");
      await orgForm.locator('[name="regionId"]').selectOption(sg);
      await orgForm.getByRole("button", { name: "新增", exact: true }).click();
      await page.getByText("单位已创建。").first().waitFor();
      await signOutVia(page);

      // 1 · The provincial transport department declares the transfer payment: 30,000 万元, 20000 公里, 1000 座.
      await signInAs(page, base, "dept");
      await page.goto(`${base}/projects`);
      await page.locator("summary", { hasText: "新增项目" }).click();
      const create = page.getByRole("form", { name: "新增项目" });
      await create.locator('[name="name"]').fill(PROJECT);
      const owner = create.locator('[name="ownerOrgId"]');
      await owner.selectOption(await owner.locator("option").filter({ hasText: "广东省交通运输厅" }).first().getAttribute("value"));
      await create.locator('[name="tier"]').selectOption({ label: "一级项目" });
      await create.locator('[name="category"]').selectOption({ label: "转移支付" });
      await create.locator('[name="startYear"]').fill("2027");
      await create.locator('[name="endYear"]').fill("2027");
      await create.locator('[name="totalAmount"]').fill("30000");
      await create.locator('[name="fundSource"]').selectOption({ label: "一般公共预算" });
      await create.getByRole("button", { name: "新增", exact: true }).click();
      await create.getByRole("status").filter({ hasText: "项目已登记入储备库" }).waitFor();
      await page.getByRole("link", { name: PROJECT, exact: true }).first().click();
      await page.waitForURL(/\/projects\/\d+$/);
      await page.getByLabel("申报年度").selectOption({ label: "2027年度" });
      await page.getByRole("button", { name: "申报绩效目标" }).click();
      await page.waitForURL(/\/objectives\/\d+\/edit$/);
      const objectiveUrl = page.url().replace(/\/edit$/, "");

      const step1 = page.getByRole("form", { name: "项目基本信息" });
      await step1.waitFor();
      await step1.locator('[name="contactName"]').fill("张伟");
      await step1.getByLabel("面向社会公众提供服务").uncheck();
      await page.getByRole("button", { name: "保存并下一步" }).click();
      await page.waitForURL(/\/edit\?step=2/);
      const step2 = page.getByRole("form", { name: "资金需求" });
      await step2.waitFor();
      await step2.locator('[name="requestedAmount"]').fill("30000");
      await step2.getByRole("button", { name: "添加资金来源" }).click();
      await step2.locator('[name="rows.0.source"]').selectOption({ label: "一般公共预算" });
      await step2.locator('[name="rows.0.year"]').fill("2027");
      await step2.locator('[name="rows.0.amount"]').fill("30000");
      await step2.locator('[name="fundUses"]').fill(FUND_USE);
      await page.getByRole("button", { name: "保存并下一步" }).click();
      await page.waitForURL(/\/edit\?step=3/);
      const step3 = page.getByRole("form", { name: "绩效信息" });
      await step3.waitFor();
      await step3.getByRole("button", { name: "添加实施计划" }).click();
      await step3.locator('[name="plan.0.start"]').fill("2027");
      await step3.locator('[name="plan.0.end"]').fill("2027");
      await step3.locator('[name="plan.0.content"]').fill("全年实施农村公路新改建与危桥改造");
      await step3.getByLabel("总体目标（实施期）").fill("2027年新改建农村公路20000公里，改造危桥1000座。");
      await step3.getByLabel("年度目标").fill("2027年新改建农村公路20000公里，改造危桥1000座。");
      await step3.getByRole("button", { name: "从指标库选择" }).click();
      for (const [i, ind] of INDICATORS.entries()) await addFromBank(page, "农村公路", ind.code, ind.name, i + 1);
      for (const [i, ind] of INDICATORS.entries()) {
        await step3.locator(`[name="indicators.${i}.fundUse"]`).fill(FUND_USE);
        await step3.locator(`[name="indicators.${i}.annualTarget"]`).fill(ind.target);
        await step3.locator(`[name="indicators.${i}.periodTarget"]`).fill(ind.target);
      }
      await page.getByRole("button", { name: "保存并下一步" }).click();
      await page.waitForURL(/\/edit\?step=4/);
      await page.getByRole("link", { name: "下一步", exact: true }).click();
      await page.waitForURL(/\/edit\?step=5/);
      await page.getByText("完整性检查全部通过，可以提交审核。").waitFor();
      await page.getByRole("button", { name: "提交审核", exact: true }).click();
      await page.waitForURL(/\/objectives\/\d+$/);
      await page.getByTestId("objective-status").getByText("财政审核中", { exact: true }).waitFor();
      // Not approved yet: nobody may issue it, and the department never may.
      assert.equal(await page.getByRole("form", { name: "分解下达" }).count(), 0, "the department has no issuing form");
      await signOutVia(page);

      // 2 · Provincial finance approves it; before that it says it cannot be issued yet.
      await signInAs(page, base, "reviewer");
      await page.goto(objectiveUrl);
      await page.getByTestId("transfer-issue").getByText("总体目标批复后，由财政部门分解下达至下级地区本行业的主管部门。").waitFor();
      const review = page.getByRole("form", { name: "财政审核" });
      await review.getByRole("radio", { name: /^良/ }).check();
      await review.getByLabel("绩效评分（0–100）").fill("86");
      await review.getByRole("button", { name: "提交审核意见" }).click();
      await page.waitForURL(/done=finance_approve/);
      await page.getByTestId("objective-status").getByText("已批复", { exact: true }).waitFor();

      // 3 · It issues to two regions: 18,000 and 12,000 万元; the quantities follow the amounts.
      await page.locator("summary", { hasText: "分解下达" }).click();
      const form = page.getByRole("form", { name: "分解下达" });
      await form.getByText("资金总额 30,000.00 万元须全部分解到各地区").waitFor();
      const recipients = await form.getByLabel("第1行 接收单位").locator("option").allInnerTexts();
      // Only the transport bureaus below: not 韶关市卫生健康局 nor 仁化县教育局.
      assert.deepEqual(recipients.slice(1), ["广州市 · 广州市交通运输局", "韶关市 · 韶关市交通运输局"]);
      const pick = async (row, label) => {
        const select = form.getByLabel(`第${row}行 接收单位`);
        await select.selectOption(await select.locator("option").filter({ hasText: label }).getAttribute("value"));
      };
      await pick(1, "广州市交通运输局");
      await pick(2, "韶关市交通运输局");
      await form.getByLabel("第1行 下达金额（万元）").fill("18000");
      await form.getByLabel("第2行 下达金额（万元）").fill("12000");
      await form.getByTestId("transfer-amount-sum").getByText("合计 30,000.00 万元，与资金总额一致").waitFor();
      const km = (row) => form.getByLabel(`第${row}行 新建改建农村公路里程`);
      const bridges = (row) => form.getByLabel(`第${row}行 农村公路危桥改造数量`);
      // 20000 × 18000 ÷ 30000 = 12000 and 8000; 1000 → 600 and 400.
      assert.deepEqual([await km(1).inputValue(), await km(2).inputValue(), await bridges(1).inputValue(), await bridges(2).inputValue()], ["12000", "8000", "600", "400"]);
      assert.equal(await form.getByLabel("第1行 农村公路优良中等路率").count(), 0, "a rate is not split");
      await shot("01-default-split");

      // 4 · Edits the split wrongly: 12500 + 8000 公里, and 18000 + 11000 万元. Refused, each on its field.
      await km(1).fill("12500");
      await form.getByLabel("第2行 下达金额（万元）").fill("11000");
      await form.getByTestId("transfer-amount-sum").getByText("合计 29,000.00 万元，尚有 1,000.00 万元未分配").waitFor();
      await form.getByRole("button", { name: "下达", exact: true }).click();
      await form.locator("tfoot").getByText("「新建改建农村公路里程」各地区合计 20500公里，应等于总体目标 20000公里").waitFor();
      await form.locator("tfoot").getByText(/^各地区金额合计 29,000(\.00)? 万元，与资金总额 30,000(\.00)? 万元相差 1,000(\.00)? 万元，须全部分解下达$/).waitFor();
      await shot("02-refused");

      // 5 · Puts it right: 12000 万元 back, 7500 公里 for 韶关 (12500 + 7500 = 20000). Issued.
      await form.getByLabel("第2行 下达金额（万元）").fill("12000");
      await km(2).fill("7500");
      await form.getByRole("button", { name: "下达", exact: true }).click();
      await page.getByTestId("transfer-issue").getByText("该转移支付已分解下达。").waitFor();

      // 6 · The roll-up: per region amount and quantities, adding up to the province's.
      const rollup = page.getByTestId("regional-rollup");
      const row = async (name) => (await rollup.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) }).getByRole("cell").allInnerTexts()).map((c) => c.trim());
      const gz = await row("广州市");
      const sgRow = await row("韶关市");
      assert.deepEqual(gz.slice(1, 2).concat(gz.slice(3, 5)), ["18,000.00", "≥12500", "≥600"], `广州市: ${gz}`);
      assert.deepEqual(sgRow.slice(1, 2).concat(sgRow.slice(3, 5)), ["12,000.00", "≥7500", "≥400"], `韶关市: ${sgRow}`);
      const total = (await rollup.getByTestId("regional-total").getByRole("cell").allInnerTexts()).map((c) => c.trim());
      assert.deepEqual(total.slice(0, 1).concat(total.slice(2, 4)), ["30,000.00", "≥20000", "≥1000"], `total: ${total}`);
      const overall = (await rollup.getByRole("row").filter({ hasText: "总体目标" }).first().getByRole("cell").allInnerTexts()).map((c) => c.trim());
      assert.deepEqual(overall.slice(0, 1).concat(overall.slice(2, 4)), ["30,000.00", "≥20000", "≥1000"], `overall: ${overall}`);
      await shot("03-rollup");
    },
  },
];
