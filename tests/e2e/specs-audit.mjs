// Browser tests of issue 16 items 4 and 6: the audit log as an auditor reads it, and the
// people's-congress pack from the observer's menu.
import assert from "node:assert/strict";
import ExcelJS from "exceljs";

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

/** Today's date in China (yyyy-MM-dd). */
const chinaToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

export const auditSpecs = [
  {
    name: "audit-log",
    async run({ page, base, shot }) {
      await signInAs(page, base, "admin");
      await page.getByRole("navigation").first().getByRole("link", { name: "操作日志" }).click();
      await page.waitForURL(/\/admin\/audit/);
      const table = page.getByRole("table", { name: "操作日志" });
      await table.waitFor();
      // Actions and objects are named in Chinese: the admin's own sign-in, the demo disclosures with their titles.
      await table.getByText("登录成功").first().waitFor();
      const text = await table.innerText();
      for (const code of ["auth.signin", "disclosure.publish", "seed.demo", "#"]) assert.ok(!text.includes(code), `the table shows no raw code ${code}`);
      assert.ok(!text.includes("{\""), "no JSON in the table");
      await shot("all");

      // Filter: action 公开 (labels in the select); the changed fields as a table with labels, the objective by name.
      await page.getByLabel("操作", { exact: true }).selectOption({ label: "公开" });
      await page.getByRole("button", { name: "查询" }).click();
      await page.waitForURL(/action=disclosure\.publish/);
      await table.getByRole("rowheader", { name: "预算年度" }).first().waitFor();
      const actions = (await table.locator("tbody tr td:nth-child(3)").allInnerTexts()).map((s) => s.trim());
      assert.ok(actions.length > 0 && actions.every((a) => a === "公开"), `only 公开 rows: ${actions.join(",")}`);
      await table.getByRole("cell", { name: "8,650.00", exact: true }).waitFor();
      // The objective a disclosure names is shown by its title, not its id.
      await table.getByRole("cell", { name: "免疫规划项目", exact: true }).first().waitFor();
      await table.getByRole("link", { name: "免疫规划项目" }).first().waitFor();
      await shot("filtered");

      // By organisation: the finance department's sign-ins.
      await page.goto(`${base}/admin/audit`);
      await page.getByLabel("操作", { exact: true }).selectOption({ label: "登录成功" });
      await page.getByLabel("操作单位").selectOption({ label: "广东省财政厅" });
      await page.getByRole("button", { name: "查询" }).click();
      await page.waitForURL(/orgId=\d+/);
      const orgs = (await table.locator("tbody tr td:nth-child(2)").allInnerTexts()).map((s) => s.trim());
      assert.ok(orgs.length > 0 && orgs.every((a) => a.includes("广东省财政厅")), `only 财政厅 rows: ${orgs.join("|")}`);

      // A date range with no rows; then today's sign-ins by user name.
      await page.goto(`${base}/admin/audit?from=2020-01-01&to=2020-01-02`);
      await page.getByText("暂无").first().waitFor();
      await page.goto(`${base}/admin/audit?from=2026-02-30`);
      await page.getByText("请填写有效日期").waitFor();
      await page.goto(`${base}/admin/audit?user=admin&action=auth.signin&from=${chinaToday()}&to=${chinaToday()}`);
      await table.getByText("登录成功").first().waitFor();

      // The export of the filtered log, opened and checked.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
      const stream = await download.createReadStream();
      const chunks = [];
      for await (const c of stream) chunks.push(c);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.concat(chunks));
      const sheet = wb.getWorksheet("操作日志");
      assert.deepEqual(sheet.getRow(1).values.slice(1), ["时间（北京时间）", "操作人", "操作单位", "操作", "操作代码", "对象类型", "对象", "变更内容", "IP 地址"]);
      assert.ok(sheet.rowCount >= 2, "at least today's sign-in");
      assert.equal(sheet.getRow(2).getCell(4).value, "登录成功");
      assert.equal(sheet.getRow(2).getCell(2).value, "王建国（admin）");
      assert.ok(String(sheet.getRow(2).getCell(1).value).startsWith(chinaToday()), "China-time timestamp");
    },
  },
  {
    name: "congress-pack",
    async run({ page, base, shot }) {
      await signInAs(page, base, "observer");
      await page.getByRole("navigation").first().getByRole("link", { name: "人大报送材料" }).click();
      await page.waitForURL(/\/evaluation\/congress/);
      await page.getByLabel("年度", { exact: true }).selectOption("2027");
      await page.waitForURL(/year=2027/);
      await page.getByRole("heading", { name: "2027年度预算绩效情况报送材料" }).waitFor();
      const byDept = page.getByRole("region", { name: "五、按主管部门汇总" });
      await byDept.getByRole("rowheader", { name: "广东省交通运输厅" }).waitFor();
      const total = (await byDept.locator("tfoot tr").innerText()).replace(/\s+/g, " ").trim();
      // The year's two disclosed objectives; the results disclosed depend on the specs run before this one.
      const totals = /^合计 (\d+) ([\d,.]+) (\d+)$/.exec(total);
      assert.ok(totals, `a total row: ${total}`);
      assert.equal(`${totals[1]} ${totals[2]}`, "2 23,850.00");
      await page.getByRole("region", { name: "三、已公开的绩效目标" }).getByText("普通国省道路面养护工程").waitFor();
      await shot("page");
      // Printed: the pack alone, without the shell's navigation or the buttons.
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.getByRole("navigation").first().isVisible(), false, "no navigation in print");
      assert.equal(await page.getByRole("button", { name: "打印" }).isVisible(), false, "no buttons in print");
      await shot("print");
      await page.emulateMedia({ media: "screen" });
      // The Excel of the same year.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
      const chunks = [];
      for await (const c of await download.createReadStream()) chunks.push(c);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.concat(chunks));
      const sheet = wb.getWorksheet("按部门汇总");
      assert.deepEqual(sheet.getRow(sheet.rowCount).values.slice(1), ["合计", 2, 238500000, 23850, Number(totals[3])]);
    },
  },
];
