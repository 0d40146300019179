// Browser spec of issue 19 items 3–4: an amount typed in 万元 on a money form is shown back in 万元
// and stored exactly (read back to the fen through the edit form), and the form's messages come
// in one round and go away from a field as soon as it changes. The wizard's funding step is in
// specs-money.mjs, the department's key tasks in specs-dept-overall.mjs, the monitoring report's
// executed amount in specs-monitoring.mjs.
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

export const moneyFormsSpecs = [
  {
    name: "money-forms-project-in-wan",
    async run({ page, base, shot }) {
      await signInAs(page, base, "filer");
      await page.goto(`${base}/projects`);
      await page.locator("summary", { hasText: "新增项目" }).click();
      const form = page.getByRole("form", { name: "新增项目" });
      await form.waitFor();
      const amount = form.locator('[name="totalAmount"]');

      // Nothing typed in the name, the amount not in 万元: both messages in the same answer.
      await form.locator('[name="startYear"]').fill("2027");
      await form.locator('[name="endYear"]').fill("2027");
      await amount.fill("一千万");
      await form.getByRole("button", { name: "新增", exact: true }).click();
      await form.getByText("请填写非负金额，如 1260 或 1260.5").waitFor();
      assert.ok(await form.locator('[aria-invalid="true"][name="name"]').count(), "the name is marked in the same round");
      assert.ok(await form.locator('[aria-invalid="true"][name="category"]').count(), "the category is marked in the same round");

      // A field's message goes as soon as that field changes; the others stay.
      const name = `万元核对项目${Date.now() % 100000}`;
      await form.locator('[name="name"]').fill(name);
      await form.locator('[aria-invalid="true"][name="name"]').waitFor({ state: "detached" });
      assert.ok(await form.locator('[aria-invalid="true"][name="category"]').count(), "the category's message stays");
      await amount.fill("1,234.567801");
      await form.getByText("请填写非负金额，如 1260 或 1260.5").waitFor({ state: "detached" });

      await form.locator('[name="category"]').selectOption({ label: "专项资金" });
      await form.locator('[name="fundSource"]').selectOption({ label: "一般公共预算" });
      await form.getByRole("button", { name: "新增", exact: true }).click();
      await form.getByRole("status").filter({ hasText: "项目已登记入储备库" }).waitFor();

      // Shown in 万元 (to the cent of a 万元) in the pool and on the project's page …
      const listed = page.getByRole("row").filter({ hasText: name });
      assert.ok((await listed.innerText()).includes("1,234.57"), `the pool lists 1,234.57 万元: ${await listed.innerText()}`);
      await listed.getByRole("link", { name, exact: true }).click();
      await page.waitForURL(/\/projects\/\d+$/);
      await page.getByText("1,234.57", { exact: true }).first().waitFor();
      // … and stored exactly: 12,345,678.01 元 reads back as the 万元 typed.
      await page.goto(`${page.url()}?edit=1`);
      const edit = page.getByRole("form", { name: "编辑项目信息" });
      await edit.waitFor();
      assert.equal(await edit.locator('[name="totalAmount"]').inputValue(), "1234.567801");
      await shot("project-wan");
    },
  },
];
