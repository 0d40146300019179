// Browser specs of the inbox and the notifications (issue 19): a declaration returned by the
// department reaches its filer as a notification (the bell's count, the list, its link); a
// finance reviewer finds the red warnings awaiting its disposition in the inbox; the department
// reviewer its queue of declarations; the evaluator an appraisal it was engaged for; the admin an
// indicator change request to decide.
import assert from "node:assert/strict";
import { PASSWORD } from "./demo-password.mjs";

const ROAD = "普通国省道路面养护专项"; // the demo's declaration waiting for the department
const REASON = "养护里程测算依据不足，请补充路况检测报告";

async function signIn(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/(inbox|overview)/);
  // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
  if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
  await page.getByRole("heading", { name: "待办事项" }).first().waitFor();
}

/** The figure beside a navigation link (the tasks that wait behind it). */
async function navCount(page, label) {
  const item = page.getByRole("navigation", { name: "主导航" }).getByRole("listitem").filter({ has: page.getByRole("link", { name: label, exact: true }) });
  return item.getByTestId("nav-count").first().innerText();
}

async function signOut(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

export const inboxSpecs = [
  // First: the returned-declaration spec takes the department's one waiting declaration out of its queue.
  {
    name: "department-reviewer-sees-its-queue",
    async run({ page, base, shot }) {
      await signIn(page, base, "dept");
      const group = page.locator("section[aria-labelledby=inbox-all] [data-task-kind=deptReview]");
      await group.getByText("待部门审核的申报").waitFor();
      const items = await group.getByRole("listitem").count();
      assert.ok(items >= 1, "a submitted declaration waits for the department");
      await group.getByRole("link", { name: ROAD, exact: true }).waitFor();
      const count = await navCount(page, "部门审核");
      assert.match(count, /^\d+\+?$/, "the department queue's count is in the navigation");
      assert.ok(Number(count.replace("+", "")) >= 1);
      await shot("01-dept-inbox");
      await group.getByRole("link", { name: ROAD, exact: true }).click();
      await page.waitForURL(/\/objectives\/\d+$/);
      await page.getByRole("form", { name: "部门审核" }).waitFor();
    },
  },
  {
    name: "returned-declaration-notifies-the-filer",
    async run({ page, base, shot }) {
      // The department reviewer has the declaration in its inbox, with its count beside 部门审核.
      await signIn(page, base, "dept");
      const all = page.locator("section[aria-labelledby=inbox-all]");
      await all.getByText("待部门审核的申报").waitFor();
      const navItem = page.getByRole("navigation", { name: "主导航" }).getByRole("listitem").filter({ has: page.getByRole("link", { name: "部门审核", exact: true }) });
      assert.match(await navItem.getByTestId("nav-count").innerText(), /^\d+$/, "the department queue's count is in the navigation");
      await all.getByRole("link", { name: ROAD, exact: true }).click();
      await page.waitForURL(/\/objectives\/\d+$/);
      const objectiveUrl = page.url();
      const form = page.getByRole("form", { name: "部门审核" });
      await form.getByRole("radio", { name: "退回修改", exact: true }).check();
      await form.getByRole("textbox", { name: "审核意见", exact: true }).fill(REASON);
      await form.getByRole("button", { name: "提交审核意见" }).click();
      await page.waitForURL(/done=dept_return/);
      await signOut(page);

      // The filer: the bell counts the unread ones, the list has the return with the reason.
      await signIn(page, base, "filer");
      const bell = page.getByTestId("bell");
      const count = Number(await page.getByTestId("bell-count").innerText());
      assert.ok(count >= 1, `the bell shows unread notifications (${count})`);
      assert.match((await bell.getAttribute("aria-label")) ?? "", /条未读/);
      await shot("01-filer-bell");
      await bell.click();
      await page.waitForURL(/\/notifications$/);
      const items = page.getByTestId("notification");
      assert.equal(await page.locator("[data-testid=notification][data-unread='1']").count(), count, "the bell's figure is the list's unread ones");
      const returned = items.filter({ hasText: `${ROAD} 被退回` });
      await returned.getByText(REASON).waitFor();
      assert.equal(await returned.getAttribute("data-unread"), "1");
      await shot("02-notifications");
      // Its link opens the declaration and marks it read.
      await returned.getByRole("link", { name: `${ROAD} 被退回` }).click();
      await page.waitForURL(objectiveUrl);
      await page.goto(`${base}/notifications`);
      const after = page.getByTestId("notification").filter({ hasText: `${ROAD} 被退回` });
      assert.equal(await after.getAttribute("data-unread"), "0", "read once followed");
      const left = Number((await page.getByTestId("bell-count").count()) ? await page.getByTestId("bell-count").innerText() : "0");
      assert.equal(left, count - 1, "the bell counts one fewer");
      // All read: the bell has no figure.
      if (left > 0) {
        await page.getByRole("button", { name: "全部标为已读" }).click();
        await page.getByTestId("bell-count").waitFor({ state: "detached" });
      }
      assert.equal(await page.locator("[data-testid=notification][data-unread='1']").count(), 0);
      // The inbox lists the returned declaration among the filer's tasks.
      await page.goto(`${base}/inbox`);
      await page.locator("section[aria-labelledby=inbox-all]").getByText("被退回的绩效目标").waitFor();
      await shot("03-filer-inbox");
    },
  },
  {
    name: "finance-sees-red-warnings-awaiting-disposition",
    async run({ page, base, shot }) {
      await signIn(page, base, "reviewer");
      const group = page.locator("section[aria-labelledby=inbox-all] [data-task-kind=warningToDispose]");
      await group.getByText("待处置的预警").waitFor();
      const red = group.getByRole("listitem").filter({ hasText: "红灯" });
      assert.ok((await red.count()) >= 1, "a red warning waits for its disposition");
      const navItem = page.getByRole("navigation", { name: "主导航" }).getByRole("listitem").filter({ has: page.getByRole("link", { name: "监控预警", exact: true }) });
      assert.match(await navItem.getByTestId("nav-count").innerText(), /^\d+\+?$/, "the warnings awaiting disposition are counted beside 监控预警");
      await shot("01-finance-inbox");
      await red.first().getByRole("link").click();
      await page.waitForURL(/\/monitoring\/reports\/\d+$/);
    },
  },
  {
    name: "evaluator-sees-the-appraisal-it-was-engaged-for",
    async run({ page, base, shot }) {
      // Finance engages the evaluator's agency for a project's ex-ante appraisal.
      await signIn(page, base, "reviewer");
      await page.goto(`${base}/projects`);
      // Not the first project: the ex-ante appraisal spec has engaged this agency on it already.
      await page.locator("main a[href^='/projects/']").nth(1).click();
      await page.waitForURL(/\/projects\/\d+$/);
      const project = (await page.getByRole("heading", { level: 1 }).first().innerText()).trim();
      await page.getByText("＋ 委托第三方评估").click();
      const form = page.getByRole("form", { name: "委托第三方评估" });
      await form.getByLabel("评估机构").selectOption({ label: "广东华正绩效评价事务所" });
      await form.getByRole("button", { name: "委托", exact: true }).click();
      await form.getByText("已委托第三方机构开展事前绩效评估。").waitFor();
      await signOut(page);

      // The evaluator finds it in its inbox and beside 事前评估.
      await signIn(page, base, "evaluator");
      const group = page.locator("section[aria-labelledby=inbox-all] [data-task-kind=appraisalToRecord]");
      await group.getByText("待录入的事前评估").waitFor();
      await group.getByRole("listitem").filter({ hasText: project }).first().waitFor();
      assert.match(await navCount(page, "事前评估"), /^[1-9]\d*\+?$/, "the appraisal to record is counted beside 事前评估");
      await shot("01-evaluator-inbox");
    },
  },
  {
    name: "admin-sees-an-indicator-change-to-decide",
    async run({ page, base, shot }) {
      const NAME = "农村公路优良路率（浏览器测试）";
      // The department proposes a new sector indicator.
      await signIn(page, base, "dept");
      await page.goto(`${base}/indicators`);
      await page.getByText("＋ 申请新增指标").click();
      const form = page.getByRole("form", { name: "申请新增指标" });
      const sector = form.getByLabel("行业领域");
      if ((await sector.inputValue()) === "") await sector.selectOption({ index: 1 });
      await form.getByLabel("指标名称").fill(NAME);
      await form.getByLabel("计量单位").fill("%");
      await form.getByLabel("申请理由").fill("交通运输行业需要考核农村公路养护质量");
      await form.getByRole("button", { name: "提交申请" }).click();
      await page.getByTestId("proposal-submitted").waitFor();
      await signOut(page);

      // The admin: in the inbox, counted beside 指标库, and its link opens the change requests.
      await signIn(page, base, "admin");
      const group = page.locator("section[aria-labelledby=inbox-all] [data-task-kind=indicatorChange]");
      await group.getByText("待审批的指标变更").waitFor();
      const item = group.getByRole("listitem").filter({ hasText: NAME });
      await item.waitFor();
      assert.match(await navCount(page, "指标库"), /^[1-9]\d*\+?$/, "the change request is counted beside 指标库");
      await shot("01-admin-inbox");
      await item.getByRole("link").first().click();
      await page.waitForURL(/\/indicators\/changes/);
      await page.getByText(NAME).first().waitFor();
    },
  },
  {
    name: "own-email-on-the-account-page",
    async run({ page, base, shot }) {
      await signIn(page, base, "filer2");
      await page.goto(`${base}/account`);
      const form = page.getByRole("form", { name: "电子邮箱" });
      const field = form.getByLabel("电子邮箱");
      await field.fill("wang fang@jy");
      await form.getByRole("button", { name: "保存", exact: true }).click();
      await page.locator("#own-email-error").getByText("请填写有效的电子邮箱地址").waitFor();
      await shot("01-bad-email");
      await field.fill("wang.fang@jy.example.cn");
      await form.getByRole("button", { name: "保存", exact: true }).click();
      await form.getByText("邮箱已保存。").waitFor();
      await page.reload();
      assert.equal(await page.getByRole("form", { name: "电子邮箱" }).getByLabel("电子邮箱").inputValue(), "wang.fang@jy.example.cn");
    },
  },
];
