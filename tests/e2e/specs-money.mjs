// Browser spec of issue 19 item 3: money is typed in 万元 on the wizard's funding step, stored as exact 元.
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

export const moneySpecs = [
  {
    name: "money-funding-step-in-wan",
    async run({ page, base, shot }) {
      // The unit filer's demo draft, step 2 (资金需求).
      await signInAs(page, base, "filer");
      await page.getByRole("link", { name: "农村公路安全生命防护工程" }).first().click();
      await page.waitForURL(/\/objectives\/\d+/);
      const id = /\/objectives\/(\d+)/.exec(page.url())[1];
      await page.goto(`${base}/objectives/${id}/edit?step=2`);
      const step2 = page.getByRole("form", { name: "资金需求" });
      await step2.waitFor();
      const requested = step2.getByLabel("申报金额（万元）");

      // Not an amount in 万元: the message sits on the field, and saving sends nothing.
      await requested.fill("一千万");
      await step2.getByText("请填写金额（万元），最多六位小数").waitFor();
      assert.equal(await requested.getAttribute("aria-invalid"), "true", "the field is marked invalid");
      await step2.getByTestId("save").click();
      await page.waitForTimeout(500);
      assert.equal(await page.getByRole("status").filter({ hasText: "已保存" }).count(), 0, "nothing is saved");

      // 1,234.567801 万元 is 12,345,678.01 元 exactly; the message clears as soon as the amount is right.
      await requested.fill("1,234.567801");
      await step2.getByText("即 12,345,678.01 元").waitFor();
      assert.equal(await step2.getByText("请填写金额（万元），最多六位小数").count(), 0, "the message is gone");
      await step2.getByTestId("save").click();
      await page.getByRole("status").filter({ hasText: "已保存" }).waitFor();
      await shot("money-funding-wan");

      // Read back from the stored 元: the same 万元, to the fen.
      await page.reload();
      await page.getByRole("form", { name: "资金需求" }).waitFor();
      assert.equal(await page.getByLabel("申报金额（万元）").inputValue(), "1234.567801");
    },
  },
];
