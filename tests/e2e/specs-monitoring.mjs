// Browser specs of double monitoring (DESIGN §3.6): a filer reports a lagging project, finance sees
// the red light, orders a rectification, and the filer finds it in the inbox.
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const AXE = createRequire(import.meta.url)("axe-core").source;

/** Serious and critical WCAG 2 A/AA violations on the page's main content. */
async function axeViolations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run({ include: [["main"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  return result;
}

import { PASSWORD } from "./demo-password.mjs";
const BRIDGE = "农村公路危桥改造工程";

async function signIn(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/(inbox|overview)/);
  // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
  if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
}

async function signOut(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

export const monitoringSpecs = [
  {
    name: "observer-reads-warnings-without-acting",
    async run({ page, base, shot }) {
      // 人大/审计 may read every warning of the province, and act on none.
      await signIn(page, base, "observer");
      await page.goto(`${base}/warnings`);
      const rows = page.locator("tbody tr").filter({ hasText: BRIDGE });
      await rows.first().waitFor();
      assert.ok((await rows.count()) > 0, "the observer sees the warnings");
      assert.equal(await page.locator("tbody").getByRole("link", { name: "处置" }).count(), 0, "no dispose action for a reader");
      assert.ok(await rows.first().getByText("待处置").isVisible(), "an open warning says it waits");
      await shot("01-observer-warnings");
      await signOut(page);
    },
  },
  {
    name: "monitoring-red-light-rectification",
    async run({ page, base, shot }) {
      // Finance opens the period to the end of September 2027.
      await signIn(page, base, "reviewer");
      await page.goto(`${base}/monitoring`);
      await page.selectOption("#mp-year", "2027");
      await page.selectOption("#mp-month", "9");
      await page.fill("#mp-deadline", "2027-10-15");
      await page.getByRole("button", { name: "开启", exact: true }).click();
      await page.getByText("监控期已开启，监控表已生成。").waitFor();
      await shot("01-opened");
      await signOut(page);

      // The filer finds the report in the inbox and reports a lagging project.
      await signIn(page, base, "filer");
      const inbox = page.locator("section[aria-labelledby=inbox-monitoring]");
      await inbox.getByText(/待填报监控表（\d+）/).waitFor(); // the bridge, and any other approved subject of the unit
      await inbox.getByRole("link", { name: BRIDGE }).click();
      await page.waitForURL(/\/monitoring\/reports\/\d+/);
      assert.deepEqual(await axeViolations(page), [], "the report form passes axe");
      await page.fill("#rf-executed", "1920");
      const rows = [
        ["农村公路危桥改造数量", "60", "110", "not_met", "征地拆迁滞后，汛期停工", "倒排工期，四季度集中施工"],
        ["公路桥梁一、二类比例", "89", "91", "met"],
        ["较大及以上安全生产事故发生次数", "0", "0", "met"],
        ["带动沿线产业发展", "部分路段通车", "达成", "met"],
      ];
      for (const [name, reached, expected, judgement, reason, measure] of rows) {
        await page.getByLabel(`${name} 截至本期完成值`).fill(reached);
        await page.getByLabel(`${name} 全年预计完成值`).fill(expected);
        await page.getByLabel(`${name} 能否完成年度目标`).selectOption(judgement);
        if (reason) await page.getByLabel(`${name} 偏差原因`).fill(reason);
        if (measure) await page.getByLabel(`${name} 纠偏措施`).fill(measure);
      }
      await page.getByRole("button", { name: "提交", exact: true }).click();
      await page.getByText("部门审核中").first().waitFor();
      // 1,920 of 6,400 (万元) = 30% at 75% of the year: index 40, red.
      await page.getByText("红灯").first().waitFor();
      assert.ok(await page.getByText("执行率 30.00% ÷ 时间进度 75.00% × 100 = 执行进度指数 40.00").isVisible(), "the warning says its numbers");
      await shot("02-submitted");
      assert.deepEqual(await axeViolations(page), [], "the report page passes axe");
      await signOut(page);

      // Finance sees the red light in the warnings table and orders a rectification.
      await signIn(page, base, "reviewer");
      await page.goto(`${base}/warnings?light=red&rule=execution`);
      const row = page.locator("tbody tr").filter({ hasText: BRIDGE }).filter({ hasText: "2027年1—9月" });
      await row.waitFor();
      assert.ok(await row.getByText("● 红灯", { exact: true }).isVisible(), "the row shows the red light");
      await shot("03-warnings");
      assert.deepEqual(await axeViolations(page), [], "the warnings table passes axe");
      await row.getByRole("link", { name: "处置" }).click();
      await page.waitForURL(/\/monitoring\/reports\/\d+/);
      const warning = page.locator("li[data-warning-rule=execution]");
      await warning.locator("select[name=kind]").selectOption("rectify");
      await warning.locator("input[name=rectifyDeadline]").fill("2027-10-31");
      await warning.locator("textarea[name=comment]").fill("执行进度严重滞后，请于10月底前完成整改并报送整改情况。");
      await warning.getByRole("button", { name: "处置", exact: true }).click();
      await warning.getByText("整改中").waitFor();
      await shot("04-disposed");

      // The charts page draws the period.
      await page.goto(`${base}/warnings/charts`);
      await page.getByRole("heading", { name: "各部门执行进度红黄绿灯数量" }).waitFor();
      const dept = page.locator("tbody tr").filter({ hasText: "广东省交通运输厅" });
      assert.ok(await dept.locator("svg[aria-label*='红灯 1']").isVisible(), "the department's bar counts the red light");
      await shot("05-charts");
      assert.deepEqual(await axeViolations(page), [], "the charts page passes axe");
      await signOut(page);

      // The filer has the rectification in the inbox.
      await signIn(page, base, "filer");
      await inbox.getByText("待整改事项（1）").waitFor();
      assert.ok(await inbox.getByText("执行进度严重滞后").isVisible(), "the task carries finance's instruction");
      await shot("06-inbox");
    },
  },
];
