// Browser spec of a whole assessment round (绩效管理工作考核, issue 15): finance adopts the default
// framework, opens the round of 2026, computes the figures (with the progress shown), enters the
// judged scores (one out of range refused on its field), releases the results; the department sees
// its own result with every figure's basis and objects once; finance upholds the objection with a
// changed score and publishes the ranking; the department sees its rank and the congress pack
// carries the ranking.
import assert from "node:assert/strict";
import { PASSWORD } from "./demo-password.mjs";

const YEAR = "2026";
const FRAMEWORK = "2026 年度考核办法（浏览器测试）";

async function signIn(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function signOut(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

export const assessmentSpecs = [
  {
    name: "assessment-whole-round",
    async run({ page, base, shot }) {
      // ── Finance adopts the default framework (six classes) for 2026 ──
      await signIn(page, base, "admin");
      await page.goto(`${base}/assessment/frameworks`);
      await page.fill("#fw-year", YEAR);
      await page.fill("#fw-name", FRAMEWORK);
      await page.getByRole("button", { name: "新建（默认六类指标）" }).click();
      const section = page.locator(`section[aria-label="${FRAMEWORK}"]`);
      await section.waitFor();
      for (const cls of ["目标管理", "运行监控", "绩效评价", "结果应用", "信息公开", "基础工作"]) await section.getByRole("cell", { name: cls, exact: true }).first().waitFor();
      await section.getByRole("button", { name: "启用", exact: true }).click();
      await section.getByText("启用中").waitFor();
      await shot("01-framework");

      // ── Opens and computes the round ──
      await page.goto(`${base}/assessment`);
      await page.fill("#open-year", YEAR);
      await page.fill("#open-deadline", "2099-12-31");
      await page.getByRole("button", { name: "开启考核" }).click();
      await page.getByTestId("rounds").getByRole("link", { name: "查看" }).first().click();
      await page.waitForURL(/\/assessment\/\d+$/);
      const roundUrl = page.url();
      await page.getByRole("heading", { name: `${YEAR} 年度绩效管理工作考核 · 广东省` }).waitFor();
      await page.getByRole("button", { name: "计算指标" }).click();
      await page.getByTestId("results-department").waitFor();
      await page.getByTestId("results-finance").waitFor();
      assert.match(await page.getByTestId("results-department").innerText(), /广东省交通运输厅/);

      // ── Judged scores: one beyond its points is refused on its field, then each entered ──
      const forms = page.locator('form[aria-label^="评分 "]');
      assert.equal(await forms.count(), 9, "one judged indicator for each of three departments, two for each of three finance departments");
      const first = forms.nth(0);
      await first.locator('input[name="score"]').fill("12");
      await first.locator('input[name="evidence"]').fill("制度文件齐全，人员到位");
      await first.getByRole("button", { name: "保存评分" }).click();
      await first.getByText("评分应在 0–10 之间").waitFor();
      for (let i = 0; i < 9; i++) {
        const form = page.locator('form[aria-label^="评分 "]').nth(i);
        await form.locator('input[name="score"]').fill("8");
        await form.locator('input[name="evidence"]').fill("制度文件齐全，人员到位");
        await form.getByRole("button", { name: "保存评分" }).click();
        await form.getByText("评分已保存").waitFor();
        // The next form of the same body needs the result's new version: read the page again.
        await page.reload();
      }
      await page.reload();
      assert.doesNotMatch(await page.getByTestId("results-department").innerText(), /待评分/);
      await shot("02-judged");
      await page.getByRole("button", { name: "反馈被考核单位" }).click();
      await page.getByRole("button", { name: "确认反馈被考核单位" }).click();
      await page.getByText("已反馈（异议期）").first().waitFor();
      await signOut(page);

      // ── The department sees its own result with the basis of every figure, and objects once ──
      await signIn(page, base, "dept");
      await page.goto(`${base}/assessment`);
      await page.getByTestId("own-results").getByRole("link", { name: "查看" }).click();
      await page.waitForURL(/\/assessment\/results\/\d+$/);
      const resultUrl = page.url();
      const figures = page.getByTestId("figures");
      await figures.getByText("D01 绩效目标按时申报率").waitFor();
      assert.match(await figures.innerText(), /申报期截止日（中国时间）前首次提交的目标数 ÷ 本年度目标数/);
      assert.match(await figures.innerText(), /10 × \d+ ÷ \d+ = \d+\.\d\d/, "a ratio's arithmetic is shown");
      const before = await page.getByTestId("final-score").innerText();
      await page.fill("#objection-reason", "本部门绩效管理制度已于年初印发，请复核基础工作得分");
      await page.getByRole("button", { name: "提交异议" }).click();
      await page.getByTestId("objection").getByText("待处理").waitFor();
      assert.equal(await page.locator("#objection-reason").count(), 0, "the objection form is gone: once only");
      await shot("03-objection");
      await signOut(page);

      // ── Finance upholds it with a changed score, then publishes ──
      await signIn(page, base, "admin");
      await page.goto(resultUrl);
      await page.selectOption("#decide-outcome", "upheld");
      await page.fill("#decide-D12", "10");
      await page.fill("#decide-reply", "补充材料属实，基础工作评分调整为 10 分");
      await page.getByRole("button", { name: "处理异议" }).click();
      await page.getByTestId("objection").getByText("已采纳").waitFor();
      const after = await page.getByTestId("final-score").innerText();
      assert.notEqual(after, before, "the upheld objection changed the total");
      await page.goto(roundUrl);
      await page.getByRole("button", { name: "发布排名" }).click();
      await page.getByRole("button", { name: "确认发布排名" }).click();
      await page.getByText("已发布").first().waitFor();
      await shot("04-published");
      await signOut(page);

      // ── The department sees its rank; the congress pack carries the ranking ──
      await signIn(page, base, "dept");
      await page.goto(`${base}/assessment`);
      const own = await page.getByTestId("own-results").innerText();
      assert.match(own, /已发布/);
      assert.match(own, new RegExp(after.replace(".", "\\.")));
      await signOut(page);
      await signIn(page, base, "observer");
      await page.goto(`${base}/evaluation/congress?year=${YEAR}`);
      const pack = page.getByTestId("congress-assessments");
      await pack.waitFor();
      assert.match(await pack.innerText(), /广东省交通运输厅/);
      assert.match(await pack.innerText(), /广州市财政局/);
      await shot("05-congress");
    },
  },
];
