// Browser specs of the inbox and the notifications (issue 19): a declaration returned by the
// department reaches its filer as a notification (the bell's count, the list, its link); a
// finance reviewer finds the red warnings awaiting its disposition in the inbox.
import assert from "node:assert/strict";
import { PASSWORD } from "./demo-password.mjs";

const ROAD = "普通国省道路面养护专项"; // the demo's declaration waiting for the department
const REASON = "养护里程测算依据不足，请补充路况检测报告";

async function signIn(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/inbox/);
  await page.getByRole("heading", { name: "待办事项" }).first().waitFor();
}

async function signOut(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

export const inboxSpecs = [
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
];
