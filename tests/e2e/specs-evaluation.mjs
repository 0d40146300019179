// Browser tests of evaluation (issue #6): self-evaluation of the trunk road, replay, result application.
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

async function signOut(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

/** Opens the self-evaluation of 普通国省道改造 (2026) from the list. */
async function openTrunkRoad(page, base) {
  await page.goto(`${base}/evaluation?year=2026`);
  await page.getByRole("link", { name: "普通国省道改造" }).click();
  await page.waitForURL(/\/evaluation\/\d+$/);
}

export const evaluationSpecs = [
  {
    name: "evaluation-trunk-road",
    async run({ page, base, shot }) {
      // The filer completes the self-evaluation, sees the grade and the breakdown, and submits.
      await signInAs(page, base, "filer");
      await page.getByRole("navigation").first().getByRole("link", { name: "绩效自评" }).click();
      await page.waitForURL(/\/evaluation/);
      await openTrunkRoad(page, base);
      // Amounts are typed in 万元, as on every screen: 47,000 万元 is 470,000,000 元.
      await page.getByLabel("实际支出（万元）").fill("四万七");
      await page.getByRole("button", { name: "保存并计分" }).click();
      await page.getByText("请填写金额（万元），最多六位小数").waitFor();
      await page.getByLabel("实际支出（万元）").fill("47000");
      await page.getByLabel("公路建设工程量完成率 实际完成值").fill("96");
      await page.getByRole("button", { name: "保存并计分" }).click();
      await page.getByText("自评已保存").waitFor();
      await page.getByTestId("total-score").getByText("97.39").waitFor();
      await page.getByTestId("grade").getByText("优", { exact: true }).waitFor();
      const breakdown = page.getByTestId("breakdown");
      await breakdown.getByText("14.06 × 96 ÷ 100 = 13.50").waitFor();
      await breakdown.getByText("min(47,000.00 ÷ 50,000.00, 1) × 10 = 9.40").waitFor(); // in 万元, as the columns beside it
      await breakdown.getByText("9.40 + 54.99 + 33.00 = 97.39").waitFor();
      await shot("01-filer-breakdown");
      await page.getByRole("button", { name: "提交自评" }).click();
      await page.getByText("待主管部门审核").first().waitFor();
      await signOut(page);

      // The department passes it; finance accepts it.
      await signInAs(page, base, "dept");
      await openTrunkRoad(page, base);
      await page.getByRole("button", { name: "审核通过" }).click();
      await page.getByText("待财政审核").first().waitFor();
      await signOut(page);
      await signInAs(page, base, "reviewer");
      await openTrunkRoad(page, base);
      await page.getByRole("button", { name: "审核通过" }).click();
      await page.getByText("已审核通过").first().waitFor();
      await signOut(page);

      // Finance copies the 2026 rules, makes them stricter and replays the year: nothing is written.
      await signInAs(page, base, "admin");
      await page.goto(`${base}/evaluation/rules`);
      const active = page.getByRole("region", { name: "2026年度单位自评评分规则", exact: true });
      await active.getByRole("button", { name: "复制为新版本" }).click();
      await page.getByText("已复制为新的规则草稿").waitFor();
      const copy = page.getByRole("region", { name: "2026年度单位自评评分规则（副本）", exact: true });
      await copy.getByText("编辑规则").click();
      await copy.getByLabel("优（≥）").fill("98");
      await copy.getByLabel("良（≥）").fill("85");
      await copy.getByRole("button", { name: "保存规则" }).click();
      await page.getByText("评分规则已保存").waitFor();
      await copy.getByRole("link", { name: "回放测算" }).click();
      await page.waitForURL(/replay=\d+/);
      await page.getByTestId("replay-summary").getByText("共 2 个已计分项目：2 个等级变化，0 个仅分数变化。").waitFor();
      const changes = page.getByTestId("replay-changes");
      const road = changes.getByRole("row").filter({ hasText: "普通国省道改造" });
      assert.deepEqual((await road.getByRole("cell").allInnerTexts()).slice(2, 5).map((c) => c.trim()), ["97.39", "97.39", "0.00"]);
      await road.getByText("良", { exact: true }).waitFor();
      await changes.getByRole("row").filter({ hasText: "重点传染病防控项目" }).getByText("中", { exact: true }).waitFor();
      await shot("02-replay");
      await signOut(page);

      // Finance generates next year's proposals and confirms the trunk road's.
      await signInAs(page, base, "reviewer");
      await page.goto(`${base}/evaluation/proposals`);
      await page.getByRole("button", { name: "生成预算建议" }).click();
      await page.getByText("已生成预算建议").waitFor();
      const row = page.getByRole("row").filter({ hasText: "普通国省道改造" });
      await row.getByText("优先保障").waitFor();
      await row.getByRole("button", { name: "确认" }).click();
      await row.getByText("已确认").waitFor();
      // In 万元, as on every screen: 500,000,000 元.
      await row.getByText("50,000.00").first().waitFor();
      await shot("03-proposal-confirmed");

      // The health project's proposal is changed (typed in 万元) and confirmed in specs-proposals.mjs, which runs next.
    },
  },
  {
    name: "key-evaluation-from-engagement-to-portal",
    async run({ page, base, shot }) {
      // Finance puts the disclosed road under key evaluation, entrusted to the evaluator's agency.
      const title = "普通国省道路面养护工程";
      await signInAs(page, base, "admin");
      await page.goto(`${base}/evaluation/key`);
      const agency = page.locator("#key-agency");
      await agency.selectOption(await agency.locator("option", { hasText: "广东华正绩效评价事务所" }).getAttribute("value"));
      const objective = page.locator("#key-objective");
      await objective.selectOption(await objective.locator("option", { hasText: title }).getAttribute("value"));
      await page.fill("#key-reason", "按金额选取");
      await page.getByRole("button", { name: "列入重点评价" }).click();
      await page.getByText("操作成功").waitFor();
      await signOut(page);

      // The evaluator's inbox has it, and none of the filer's or reviewer's sections.
      await signInAs(page, base, "evaluator");
      const card = page.locator("section[aria-labelledby=inbox-agency]");
      await card.getByText("待提交的重点评价（1）").waitFor();
      assert.ok(await card.getByText(title).isVisible(), "the inbox names the objective");
      assert.equal(await page.locator("section[aria-labelledby=inbox-drafts]").count(), 0, "no filer's section for an evaluator");
      await shot("01-evaluator-inbox");

      // The evaluator attaches the report, scores the four dimensions (决策 20, 过程 20, 产出 30, 效益 30) and submits.
      await page.goto(`${base}/evaluation/key`);
      const section = page.getByRole("region", { name: title });
      await section.locator("input[type=file]").setInputFiles({ name: "路面养护绩效评价报告.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n") });
      await section.getByRole("button", { name: "上传评价报告" }).click();
      await section.getByRole("link", { name: "路面养护绩效评价报告.pdf" }).waitFor();
      const scores = { decision: ["18", "立项程序完整"], process: ["17", "资金拨付滞后两个月"], output: ["27", "完成养护里程1180公里"], benefit: ["26", "优良路率84.6%"] };
      for (const [d, [score, evidence]] of Object.entries(scores)) {
        await section.locator(`[id$="-${d}"]`).fill(score);
        await section.locator(`[id$="-${d}-evidence"]`).fill(evidence);
      }
      await section.locator('[id$="-findings"]').fill("部分路段养护资金拨付滞后。");
      await section.locator('[id$="-recs"]').fill("建立按月拨付机制。");
      await section.getByRole("button", { name: "提交评价结果" }).click();
      await section.getByText("待财政审核").waitFor();
      await section.getByText("88.00").first().waitFor();
      await shot("02-evaluator-submitted");
      await signOut(page);

      // Finance accepts it and discloses it from the disclosure desk.
      await signInAs(page, base, "admin");
      await page.goto(`${base}/evaluation/key`);
      await page.getByRole("region", { name: title }).getByRole("button", { name: "审核通过" }).click();
      await page.getByRole("region", { name: title }).getByText("已审核").waitFor();
      await page.goto(`${base}/disclosure?year=2027`);
      const desk = page.getByTestId("disclosure-key-results");
      await desk.getByRole("row").filter({ hasText: title }).getByRole("button", { name: "公开重点评价", exact: true }).click();
      await desk.getByRole("row").filter({ hasText: title }).getByRole("button", { name: "确认公开重点评价" }).click();
      // The row leaves the candidates (its notice with it, as the page refreshes) and is listed as disclosed.
      await page.getByText("重点评价结果：88.00分，良").waitFor();
      assert.equal(await desk.getByRole("row").filter({ hasText: title }).count(), 0, "no longer a candidate");
      await shot("03-key-disclosed");

      // The public sees it on the road's page, with the report to download; no sign-in.
      const anon = await page.context().browser().newContext();
      const visitor = await anon.newPage();
      await visitor.goto(`${base}/portal/objectives?q=${encodeURIComponent("路面养护")}`);
      await visitor.getByRole("link", { name: title }).click();
      await visitor.waitForURL(/\/portal\/objectives\/\d+$/);
      await visitor.getByRole("heading", { name: "2027年度重点评价结果" }).waitFor();
      const result = visitor.getByTestId("portal-key-evaluation");
      for (const text of ["决策", "88.00", "部分路段养护资金拨付滞后。", "建立按月拨付机制。"]) await result.getByText(text).first().waitFor();
      const report = await visitor.request.get(new URL(await visitor.getByTestId("portal-key-report").getAttribute("href"), base).href);
      assert.equal(report.status(), 200);
      assert.match(report.headers()["content-type"], /application\/pdf/);
      assert.ok((await report.body()).subarray(0, 5).equals(Buffer.from("%PDF-")), "the evaluator's own file is served");
      await anon.close();
    },
  },
];
