// Each spec: { name, run({ page, base, shot }) }. Assertions throw; screenshots go to test-output/e2e/.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { disclosureSpecs } from "./specs-disclosure.mjs";
import { monitoringSpecs } from "./specs-monitoring.mjs";
import { evaluationSpecs } from "./specs-evaluation.mjs";
import { proposalSpecs } from "./specs-proposals.mjs";
import { securitySpecs } from "./specs-security.mjs";
import { ledgerSpecs } from "./specs-ledger.mjs";

import { PASSWORD } from "./demo-password.mjs";

async function signIn(page, base, username, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", password);
  await page.click("button[type=submit]");
}

async function navTexts(page) {
  const nav = page.locator("nav").first();
  await nav.waitFor();
  return (await nav.locator("a").allInnerTexts()).map((t) => t.trim());
}

// ── The trunk-road declaration (the seed's 普通国省道改造 screen), driven end to end ──────────────

/** The declaration as the seed shows it (tests/fixtures/guangdong-trunk-road.json). */
const TRUNK = JSON.parse(fs.readFileSync(new URL("../fixtures/guangdong-trunk-road.json", import.meta.url), "utf8"));
/** The bank codes of the fixture's five indicators, in its order, and the word typed in the bank search to find each. */
const TRUNK_BANK = [
  { code: "JT-SL-001", search: "公路" },
  { code: "JT-SL-002", search: "公路" },
  { code: "JT-SL-003", search: "公路" },
  { code: "JT-SX-001", search: "施工进度" },
  { code: "JT-XY-001", search: "二级及以上" },
];
const LEVEL1_KEY = { 产出指标: "output", 效益指标: "benefit", 满意度指标: "satisfaction", 成本指标: "cost" };
const LEVEL2_KEY = { 数量指标: "quantity", 质量指标: "quality", 时效指标: "timeliness", 社会效益指标: "social", 可持续影响指标: "sustainable" };
const CMP = { ">=": { key: "gte", sign: "≥" }, "<=": { key: "lte", sign: "≤" }, "=": { key: "eq", sign: "=" } };
const RETURN_REASON = "效益指标单一，请补充可持续影响指标";

/** A fixture indicator as the wizard holds it and as the objective page prints it. */
function trunkIndicator(ind) {
  const cmp = ind.cmp ? CMP[ind.cmp] : null;
  return {
    name: ind.name,
    level1: LEVEL1_KEY[ind.level1],
    level2: LEVEL2_KEY[ind.level2],
    comparison: cmp ? cmp.key : "qualitative",
    annual: ind.annual,
    period: ind.period,
    unit: ind.unit,
    formula: ind.formula,
    printedAnnual: cmp ? `${cmp.sign}${ind.annual}` : ind.annual,
    printedPeriod: cmp ? `${cmp.sign}${ind.period}` : ind.period,
  };
}

async function signOutVia(page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

async function signInAs(page, base, username) {
  await signIn(page, base, username);
  await page.waitForURL(/\/(inbox|overview)/);
  // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
  if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
  await page.getByRole("heading", { name: "待办事项" }).first().waitFor();
}

/** The objective page's status strip (当前状态 …) shows this state label. */
async function objectiveStateIs(page, label) {
  await page.getByTestId("objective-status").getByText(label, { exact: true }).waitFor();
}

/** Reads one indicator row of the printed 绩效目标申报表: [年度, 实施期, 计量单位, 分值, 指标解释及计算公式] (the last five cells). */
async function printedIndicator(page, name) {
  const startsWithName = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
  const row = page.getByTestId("declaration-table").getByRole("row").filter({ has: page.getByRole("cell", { name: startsWithName }) });
  assert.equal(await row.count(), 1, `one row of the objective table names 「${name}」`);
  const cells = (await row.getByRole("cell").allInnerTexts()).map((c) => c.trim());
  return cells.slice(-5);
}

async function assertPrintedIndicators(page, indicators) {
  for (const ind of indicators) {
    const [annual, period, unit, , explain] = await printedIndicator(page, ind.name);
    assert.equal(annual, ind.printedAnnual, `年度指标值 of 「${ind.name}」`);
    assert.equal(period, ind.printedPeriod, `实施期指标值 of 「${ind.name}」`);
    assert.equal(unit, ind.unit ?? "—", `计量单位 of 「${ind.name}」`);
    if (ind.formula) assert.ok(explain.includes(`计算公式：${ind.formula}`), `formula of 「${ind.name}」: ${explain}`);
  }
}

/** Searches the bank picker and adds one indicator by its code; waits for the "已添加" notice. */
async function addFromBank(page, search, code, name, rowNumber) {
  const picker = page.getByTestId("bank-picker");
  const box = picker.getByLabel("关键字");
  if ((await picker.getByLabel("行业领域").inputValue()) !== "") await picker.getByLabel("行业领域").selectOption(""); // the picker starts on the unit's own sector
  if ((await box.inputValue()) !== search) {
    await box.fill(search);
    await picker.getByText("正在查询…").waitFor({ state: "hidden" });
  }
  const add = picker.getByRole("button", { name: `添加 ${code} ${name}` });
  await add.click();
  await page.getByText(`已添加「${name}」到第 ${rowNumber} 行`).waitFor();
  assert.ok(await add.isDisabled(), `${code} is marked as picked`);
}

/** 保存并下一步 on a wizard step; waits for the next step (steps 2 and 3 say "上一步已保存"; step 4 has no save of its own). */
async function saveAndNext(page, nextStep) {
  await page.getByRole("button", { name: "保存并下一步" }).click();
  await page.waitForURL(new RegExp(`/edit\\?step=${nextStep}`));
  if (nextStep <= 3) await page.getByRole("status").filter({ hasText: "上一步已保存" }).waitFor();
}

/** A reviewer's queue: opens the declaration named so (the demo data has look-alikes). */
async function openFromQueue(page, navLabel, title) {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: navLabel, exact: true }).click();
  await page.getByRole("heading", { name: navLabel }).first().waitFor();
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.waitForURL(/\/objectives\/\d+$/);
  await page.getByRole("heading", { name: title }).first().waitFor();
}

async function deptPass(page) {
  const form = page.getByRole("form", { name: "部门审核" });
  await form.getByRole("radio", { name: "通过", exact: true }).check();
  await form.getByRole("button", { name: "提交审核意见" }).click();
  await page.waitForURL(/done=dept_pass/);
  await page.getByText("已审核通过，报送财政审核。").waitFor();
  await objectiveStateIs(page, "财政审核中");
}

/** The minimal well-formed PDF: the upload recognises files by their first bytes ("%PDF"). */
function writeSmallPdf() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-e2e-pdf-"));
  const file = path.join(dir, "普通国省道改造可行性研究报告.pdf");
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
    "",
  ].join("\n");
  fs.writeFileSync(file, body, "latin1");
  return file;
}

export const specs = [
  {
    name: "filer-sees-unit-navigation",
    async run({ page, base, shot }) {
      await signIn(page, base, "filer");
      await page.waitForURL(/\/(inbox|overview)/);
      // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
      if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
      await page.getByRole("heading", { name: "待办事项" }).first().waitFor();
      const nav = await navTexts(page);
      assert.ok(nav.includes("待办事项"), `nav: ${nav}`);
      assert.ok(nav.includes("个人设置"), `nav: ${nav}`);
      assert.ok(!nav.includes("用户管理"), `a filer must not see user administration: ${nav}`);
      assert.ok(!nav.includes("操作日志"), `a filer must not see the audit log: ${nav}`);
      await page.getByText("广东省公路事务中心").first().waitFor();
      await shot("inbox");
      // The page itself refuses, not just the menu.
      await page.goto(`${base}/admin/users`);
      await page.getByText("无权访问").first().waitFor();
      await shot("forbidden");
    },
  },
  {
    name: "admin-sees-administration",
    async run({ page, base, shot }) {
      await signIn(page, base, "admin");
      await page.waitForURL(/\/(inbox|overview)/);
      // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
      if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
      const nav = await navTexts(page);
      for (const item of ["待办事项", "用户管理", "组织机构", "预算年度", "操作日志"]) assert.ok(nav.includes(item), `missing ${item}: ${nav}`);
      await shot("inbox");
      await page.goto(`${base}/admin/users`);
      await page.getByRole("cell", { name: "filer", exact: true }).waitFor();
      await shot("users");
      await page.goto(`${base}/admin/audit`);
      await page.locator("table").getByText("登录成功").first().waitFor();
      await shot("audit");
    },
  },
  {
    name: "wrong-password-is-refused-in-chinese",
    async run({ page, base, shot }) {
      await signIn(page, base, "reviewer", "not-the-password");
      await page.getByText("用户名或密码不正确").waitFor();
      assert.match(page.url(), /\/login/);
      await shot("refused");
    },
  },
  {
    name: "english-is-switchable-and-remembered",
    async run({ page, base, shot }) {
      await signIn(page, base, "dept");
      await page.waitForURL(/\/(inbox|overview)/);
      // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
      if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
      await page.getByRole("button", { name: "English" }).first().click();
      await page.getByRole("heading", { name: "Inbox" }).first().waitFor();
      await page.reload();
      await page.getByRole("heading", { name: "Inbox" }).first().waitFor();
      await shot("english");
    },
  },
  {
    name: "trunk-road-declaration-review-approval",
    async run({ page, base, shot }) {
      const project = TRUNK.project;
      const indicators = TRUNK.indicators.map(trunkIndicator);
      const plan = project.schedule[0];
      // Full-page shots from the top, so the sticky header and save bar sit where a reader expects them.
      const snap = async (name) => {
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(name);
      };
      const SUBMIT_CONFIRM = "提交后将进入审核流程，审核期间不能修改。确定提交吗？";
      // The only browser dialog this flow should meet is the submit confirmation; an unsaved-changes prompt would be a bug.
      const dialogs = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        return d.message() === SUBMIT_CONFIRM ? d.accept() : d.dismiss();
      });

      // 1 · The filer enters the project in the pool (amount in 万元, as the form says) and declares 2019.
      await signInAs(page, base, "filer");
      await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "项目库", exact: true }).click();
      await page.getByRole("heading", { name: "项目库" }).first().waitFor();
      await page.locator("summary", { hasText: "新增项目" }).click();
      const create = page.getByRole("form", { name: "新增项目" });
      assert.equal(await create.getByLabel("总金额（万元）").count(), 1, "the pool form takes the total in 万元");
      await create.locator('[name="name"]').fill(project.name);
      const owner = create.locator('[name="ownerOrgId"]');
      const ownerValue = await owner.locator("option").filter({ hasText: "广东省公路事务中心" }).first().getAttribute("value");
      await owner.selectOption(ownerValue);
      await create.locator('[name="tier"]').selectOption({ label: "二级项目" });
      await create.locator('[name="startYear"]').fill("2019");
      await create.locator('[name="endYear"]').fill("2021");
      await create.locator('[name="totalAmount"]').fill("150000");
      // Saved with 项目类别 left at 请选择: a plain message on each (no browser bubble, no
      // list of enum values), all problems in one answer; a field's message goes once it is changed.
      await create.getByRole("button", { name: "新增", exact: true }).click();
      const choose = create.getByText("请选择一项", { exact: true });
      await choose.first().waitFor();
      assert.ok(await create.locator('[aria-invalid="true"][name="category"]').count(), "项目类别 is marked invalid");
      assert.ok(!/期望|special_fund/.test(await create.innerText()), "no raw enum list on the form");
      await create.locator('[name="category"]').selectOption({ label: "专项资金" });
      await create.locator('[aria-invalid="true"][name="category"]').waitFor({ state: "detached" });
      await create.locator('[name="fundSource"]').selectOption({ label: "一般公共预算" });
      await choose.waitFor({ state: "detached" });
      const isNew = create.getByRole("checkbox", { name: /新增项目/ });
      assert.ok(await isNew.isChecked(), "新增项目 is ticked by default");
      await create.getByRole("button", { name: "新增", exact: true }).click();
      const created = create.getByRole("status").filter({ hasText: "项目已登记入储备库" });
      await created.waitFor();
      const code = /编码\s*(\S+?)。/.exec(await created.innerText())?.[1];
      assert.ok(code, "the new project's code is announced");
      const listed = page.getByRole("row").filter({ hasText: code });
      await listed.getByText("储备", { exact: true }).waitFor();
      assert.ok((await listed.innerText()).includes("150,000.00"), `the pool lists 150,000.00 万元: ${await listed.innerText()}`);
      await listed.getByRole("link", { name: project.name, exact: true }).click();
      await page.waitForURL(/\/projects\/\d+$/);
      await page.getByRole("heading", { name: project.name }).first().waitFor();
      for (const text of ["二级项目", "专项资金", "广东省公路事务中心", "2019—2021年", "150,000.00", "一般公共预算", "新增"]) {
        await page.getByText(text, { exact: true }).first().waitFor();
      }
      await page.getByText("该项目尚未申报绩效目标。").waitFor();
      await page.getByLabel("申报年度").selectOption({ label: "2019年度" });
      await snap("01-project");
      await page.getByRole("button", { name: "申报绩效目标" }).click();
      await page.waitForURL(/\/objectives\/\d+\/edit$/);
      const objectiveUrl = page.url().replace(/\/edit$/, "");

      // 2 · Step 1: contact 刘芳; the trunk-road table has no satisfaction indicator, so not 面向社会公众.
      const step1 = page.getByRole("form", { name: "项目基本信息" });
      await step1.waitFor();
      await page.getByText("广东省公路事务中心 · 2019 年度").waitFor();
      assert.equal(await step1.locator('[name="name"]').inputValue(), project.name);
      assert.equal(await step1.locator('[name="category"]').inputValue(), "special_fund");
      assert.equal(await step1.locator('[name="startYear"]').inputValue(), "2019");
      assert.equal(await step1.locator('[name="endYear"]').inputValue(), "2021");
      await step1.locator('[name="contactName"]').fill("刘芳");
      const servesPublic = step1.getByLabel("面向社会公众提供服务");
      assert.ok(await servesPublic.isChecked(), "面向社会公众 starts ticked");
      await servesPublic.uncheck();
      await page.getByText("有未保存的修改").waitFor();
      await snap("02-step1");
      await saveAndNext(page, 2);

      // 3 · Step 2: 150,000 万元 requested (the step takes 万元, like the pool), one 一般公共预算 2019 row of the same amount, the fund use.
      const step2 = page.getByRole("form", { name: "资金需求" });
      await step2.waitFor();
      assert.equal(await step2.getByLabel("申报金额（万元）").count(), 1, "the funding step takes 万元");
      await step2.locator('[name="requestedAmount"]').fill("150000");
      await step2.getByText("即 1,500,000,000.00 元").waitFor();
      await step2.getByRole("button", { name: "添加资金来源" }).click();
      await step2.locator('[name="rows.0.source"]').selectOption({ label: "一般公共预算" });
      await step2.locator('[name="rows.0.year"]').fill("2019");
      await step2.locator('[name="rows.0.amount"]').fill("150,000");
      await step2.getByText("与申报金额一致").waitFor();
      await step2.locator('[name="fundUses"]').fill(project.fundUse);
      await snap("03-step2");
      await saveAndNext(page, 3);

      // 4 · Step 3: the schedule, the objectives, and the five indicators from the bank with the seed's targets.
      const step3 = page.getByRole("form", { name: "绩效信息" });
      await step3.waitFor();
      await step3.getByRole("button", { name: "添加实施计划" }).click();
      await step3.locator('[name="plan.0.start"]').fill(String(plan.start));
      await step3.locator('[name="plan.0.end"]').fill(String(plan.end));
      await step3.locator('[name="plan.0.content"]').fill(plan.content);
      const overallGoal = "2019—2021年完成普通国省道改造2000公里，普通国省干线二级及以上公路比重达到95%，提升全省干线公路通行能力和服务水平。";
      const annualGoal = "2019年推进普通国省道改造，按计划完成年度改造工程量，普通国省干线二级及以上公路比重达到90%。";
      await step3.getByLabel("总体目标（实施期）").fill(overallGoal);
      await step3.getByLabel("年度目标").fill(annualGoal);
      await step3.getByRole("button", { name: "从指标库选择" }).click();
      for (const [i, ind] of indicators.entries()) await addFromBank(page, TRUNK_BANK[i].search, TRUNK_BANK[i].code, ind.name, i + 1);
      for (const [i, ind] of indicators.entries()) {
        const f = (field) => step3.locator(`[name="indicators.${i}.${field}"]`);
        assert.equal(await f("name").inputValue(), ind.name, `row ${i + 1} is 「${ind.name}」`);
        assert.equal(await f("level1").inputValue(), ind.level1, `一级指标 of 「${ind.name}」`);
        assert.equal(await f("level2").inputValue(), ind.level2, `二级指标 of 「${ind.name}」`);
        assert.equal(await f("comparison").inputValue(), ind.comparison, `比较 of 「${ind.name}」 as the bank has it`);
        assert.equal(await f("unit").inputValue(), ind.unit, `计量单位 of 「${ind.name}」 as the bank has it`);
        assert.equal(await f("formula").inputValue(), ind.formula, `计算公式 of 「${ind.name}」 matches the seed`);
        await f("fundUse").fill(project.fundUse);
        await f("annualTarget").fill(ind.annual);
        await f("periodTarget").fill(ind.period);
      }
      await step3.getByText("分值全部留空，将按指标数平均分配。").waitFor();
      await snap("04-step3");
      await saveAndNext(page, 4);

      // 5 · Step 4: the feasibility study as a small PDF.
      const upload = page.getByRole("form", { name: "上传附件" });
      await upload.waitFor();
      const pdf = writeSmallPdf();
      await upload.getByLabel("附件类型").selectOption({ label: "可行性研究报告" });
      await upload.getByLabel("选择文件").setInputFiles(pdf);
      await upload.getByRole("button", { name: "上传", exact: true }).click();
      await page.getByText("附件已上传").waitFor();
      const attached = page.getByRole("row").filter({ hasText: path.basename(pdf) });
      await attached.getByText("可行性研究报告", { exact: true }).waitFor();
      await snap("05-step4");
      await page.getByRole("link", { name: "下一步", exact: true }).click();
      await page.waitForURL(/\/edit\?step=5/);

      // 6 · Step 5: nothing blocks; submit → 部门审核中.
      await page.getByText("完整性检查全部通过，可以提交审核。").waitFor();
      for (const text of ["申报金额 150,000.00 万元", "绩效指标 5 项", "附件 1 个"]) await page.getByText(text, { exact: true }).waitFor();
      const stepBar = page.getByRole("navigation", { name: "申报步骤" });
      assert.ok(!(await stepBar.innerText()).includes("项待完善"), `no step has open findings: ${await stepBar.innerText()}`);
      await snap("06-step5");
      await page.getByRole("button", { name: "提交审核", exact: true }).click();
      await page.waitForURL(/\/objectives\/\d+$/);
      await objectiveStateIs(page, "部门审核中");
      await assertPrintedIndicators(page, indicators);
      await snap("07-submitted");

      // 7 · The department reviewer passes it.
      await signOutVia(page);
      await signInAs(page, base, "dept");
      await openFromQueue(page, "部门审核", project.name);
      await objectiveStateIs(page, "部门审核中");
      await snap("08-dept-review");
      await deptPass(page);
      await snap("09-dept-passed");

      // 8 · Finance checks the table and returns it as 中 with the reason.
      await signOutVia(page);
      await signInAs(page, base, "reviewer");
      await openFromQueue(page, "财政审核", project.name);
      await objectiveStateIs(page, "财政审核中");
      await assertPrintedIndicators(page, indicators);
      for (const text of [plan.content, project.fundUse, overallGoal, annualGoal]) await page.getByTestId("declaration-table").getByText(text).first().waitFor();
      await snap("10-finance-review");
      const finance = page.getByRole("form", { name: "财政审核" });
      await finance.getByRole("radio", { name: /^中/ }).check();
      await finance.getByLabel("绩效评分（0–100）").fill("72");
      await finance.getByRole("textbox", { name: "审核意见", exact: true }).fill(RETURN_REASON);
      await finance.getByRole("button", { name: "提交审核意见" }).click();
      await page.waitForURL(/done=finance_return/);
      await page.getByText("已退回申报单位修改。").waitFor();
      await objectiveStateIs(page, "退回修改");
      await page.getByTestId("review-history").getByText(RETURN_REASON).waitFor();
      await snap("11-finance-returned");

      // 9 · The filer finds it in the inbox with the reason, adds the sustainability indicator and submits again.
      await signOutVia(page);
      await signInAs(page, base, "filer");
      const returnedBox = page.getByRole("region", { name: "被退回待修改" });
      const returnedItem = returnedBox.getByRole("listitem").filter({ hasText: project.name });
      await returnedItem.getByText(`财政审核退回：${RETURN_REASON}`).waitFor();
      await snap("12-filer-inbox");
      await returnedItem.getByRole("link", { name: project.name, exact: true }).click();
      await page.waitForURL(/\/objectives\/\d+$/);
      assert.equal(page.url(), objectiveUrl);
      await objectiveStateIs(page, "退回修改");
      await page.getByRole("link", { name: "编辑申报" }).click();
      await page.waitForURL(/\/edit$/);
      const notice = page.getByRole("note");
      await notice.getByText("本申报已被退回修改").waitFor();
      await notice.getByText(RETURN_REASON).waitFor();
      await notice.getByText(/财政审核 · 李晓梅/).waitFor();
      await snap("13-returned-notice");
      await page.getByRole("navigation", { name: "申报步骤" }).getByRole("link", { name: /绩效信息/ }).click();
      await page.waitForURL(/\/edit\?step=3/);
      const fix = page.getByRole("form", { name: "绩效信息" });
      await fix.waitFor();
      assert.equal(await fix.locator('[name="indicators.4.name"]').inputValue(), indicators[4].name, "the saved rows come back");
      await fix.getByRole("button", { name: "从指标库选择" }).click();
      const sustain = { name: "长效管理制度健全性", target: "建立长效管理制度" };
      await addFromBank(page, "长效管理", "GX-XY-002", sustain.name, 6);
      const r5 = (field) => fix.locator(`[name="indicators.5.${field}"]`);
      assert.equal(await r5("level1").inputValue(), "benefit");
      assert.equal(await r5("level2").inputValue(), "sustainable");
      assert.equal(await r5("comparison").inputValue(), "qualitative");
      await r5("fundUse").fill(project.fundUse);
      await r5("annualTarget").fill(sustain.target);
      await r5("periodTarget").fill(sustain.target);
      const annualGoal2 = `${annualGoal}建立国省道改造项目长效管护制度。`;
      await fix.getByLabel("年度目标").fill(annualGoal2);
      await snap("14-step3-fixed");
      await page.getByRole("button", { name: "保存", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "已保存" }).waitFor();
      assert.equal(await page.getByRole("form", { name: "绩效信息" }).locator('[name="indicators.5.name"]').inputValue(), sustain.name, "the added row is saved");
      await page.getByRole("navigation", { name: "申报步骤" }).getByRole("link", { name: /完整性检查与提交/ }).click();
      await page.waitForURL(/\/edit\?step=5/);
      await page.getByText("完整性检查全部通过，可以提交审核。").waitFor();
      await page.getByText("绩效指标 6 项", { exact: true }).waitFor();
      await page.getByRole("button", { name: "提交审核", exact: true }).click();
      await page.waitForURL(/\/objectives\/\d+$/);
      await objectiveStateIs(page, "部门审核中");
      await page.getByTestId("declaration-table").getByText(annualGoal2).waitFor();
      await snap("15-resubmitted");

      // 10 · The department passes again; finance approves as 优 → 已批复, version 1 in force.
      await signOutVia(page);
      await signInAs(page, base, "dept");
      await openFromQueue(page, "部门审核", project.name);
      await deptPass(page);
      await snap("16-dept-passed-again");
      await signOutVia(page);
      await signInAs(page, base, "reviewer");
      await openFromQueue(page, "财政审核", project.name);
      const all = [...indicators, { name: sustain.name, printedAnnual: sustain.target, printedPeriod: sustain.target, unit: null, formula: "是否建立长效管理制度并有效执行" }];
      await assertPrintedIndicators(page, all);
      const finance2 = page.getByRole("form", { name: "财政审核" });
      await finance2.getByRole("radio", { name: /^优/ }).check();
      await finance2.getByLabel("绩效评分（0–100）").fill("92");
      await finance2.getByRole("button", { name: "提交审核意见" }).click();
      await page.waitForURL(/done=finance_approve/);
      await page.getByText("已批复，绩效目标生效。").waitFor();
      await objectiveStateIs(page, "已批复");
      await page.getByTestId("objective-status").getByText("优", { exact: true }).waitFor();
      const v1 = page.getByTestId("versions").getByRole("row").filter({ hasText: "版本1 原始申报" });
      await v1.getByText("已批复生效", { exact: true }).waitFor();
      const history = page.getByTestId("review-history").getByRole("row");
      assert.equal(await history.count(), 1 + 4, "the header, two department passes, the finance return and the approval");
      await history.filter({ hasText: "财政审核" }).filter({ hasText: RETURN_REASON }).getByText("中", { exact: true }).waitFor();
      await history.filter({ hasText: "财政审核" }).filter({ hasText: "通过" }).getByText("优", { exact: true }).waitFor();
      await assertPrintedIndicators(page, all);
      await snap("17-approved");
      assert.deepEqual(dialogs, [SUBMIT_CONFIRM, SUBMIT_CONFIRM], "the only dialogs were the two submit confirmations");
    },
  },
  {
    // Continues the trunk road's project, entered as 新增 and approved for 2019 by the spec above.
    name: "ex-ante-appraisal-before-admission",
    async run({ page, base, shot }) {
      const name = TRUNK.project.name;
      // Finance may not admit a new project that has not been appraised, even with its objective approved.
      await signInAs(page, base, "admin");
      await page.goto(`${base}/projects?q=${encodeURIComponent(name)}`);
      await page.getByRole("link", { name, exact: true }).first().click();
      await page.waitForURL(/\/projects\/\d+$/);
      const projectUrl = page.url();
      await page.getByText("该项目须经事前绩效评估（新增项目或金额达到本年度门槛）。").waitFor();
      await page.getByRole("button", { name: "入库", exact: true }).click();
      // A one-way action asks first (ConfirmButton): 入库后不能撤回，确定吗？
      await page.getByRole("group", { name: "入库后不能撤回，确定吗？" }).getByRole("button", { name: "确认入库" }).click();
      await page.getByText("该项目须经事前绩效评估且结论为“予以支持”或“调整完善后予以支持”，方可入库和安排预算。").waitFor();

      // It engages the agency for the appraisal.
      await page.locator("summary", { hasText: "委托第三方评估" }).click();
      const engage = page.getByRole("form", { name: "委托第三方评估" });
      await engage.getByLabel("评估机构").selectOption({ label: "广东华正绩效评价事务所" });
      await engage.getByLabel("评估年度").selectOption({ label: "2019年度" });
      await engage.getByRole("button", { name: "委托", exact: true }).click();
      await page.getByText("已委托第三方机构开展事前绩效评估。").waitFor();
      await signOutVia(page);

      // The agency's evaluator finds it on its appraisals page and records the five dimensions.
      await signInAs(page, base, "evaluator");
      await page.goto(`${base}/appraisals`);
      await page.getByText("待评估 1 项，已完成 0 项").waitFor();
      await page.getByText("2019年度事前评估").waitFor();
      await page.locator("summary", { hasText: "录入事前评估" }).click();
      const scores = { 立项必要性: "18", 投入经济性: "16", 绩效目标合理性: "17", 实施方案可行性: "17.5", 筹资合规性: "19" };
      await page.getByLabel("立项必要性 得分（0–20）").fill("21");
      await page.getByRole("button", { name: "提交", exact: true }).click();
      await page.getByText("每项 0–20 分，最多两位小数").first().waitFor();
      for (const [dimension, score] of Object.entries(scores)) {
        await page.getByLabel(`${dimension} 得分（0–20）`).fill(score);
        await page.getByLabel(`${dimension} 评估意见`).fill(`${dimension}：资料齐全，论证充分。`);
      }
      await page.getByLabel("评估结论").selectOption({ label: "予以支持" });
      await page.getByRole("button", { name: "提交", exact: true }).click();
      // The card turns into its result (the form, and its notice, leave with the refresh).
      await page.getByText("87.5 分 · 予以支持").waitFor();
      await page.getByText("待评估 0 项，已完成 1 项").waitFor();
      await shot("01-appraised");
      await signOutVia(page);

      // Now finance admits it to the pool.
      await signInAs(page, base, "admin");
      await page.goto(projectUrl);
      await page.getByRole("button", { name: "入库", exact: true }).click();
      // A one-way action asks first (ConfirmButton): 入库后不能撤回，确定吗？
      await page.getByRole("group", { name: "入库后不能撤回，确定吗？" }).getByRole("button", { name: "确认入库" }).click();
      await page.getByText("项目已入库。").waitFor();
      await page.getByText("已入库", { exact: true }).first().waitFor();
      await shot("02-admitted");
    },
  },
  {
    // issue 17: a password an administrator chose is changed at first sign-in, and must meet the policy.
    name: "admin-created-user-changes-the-password-first",
    async run({ page, base, shot }) {
      await signIn(page, base, "admin");
      await page.waitForURL(/\/(inbox|overview)/);
      // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
      if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
      await page.goto(`${base}/admin/users`);
      await page.getByText("＋ 新增用户").click();
      await page.fill("#new-username", "e2e.newcomer");
      await page.fill("#new-displayName", "新同事");
      const org = await page.locator("#new-orgId option", { hasText: "广东省公路事务中心" }).first().getAttribute("value");
      await page.selectOption("#new-orgId", org);
      await page.locator("#new-roles-unit_filer").check();
      await page.fill("#new-password", "qwerty123");
      await page.getByRole("button", { name: "新增", exact: true }).click();
      await page.getByText("这是常见或已泄露的密码，请换一个").first().waitFor();
      await shot("weak-refused");
      await page.fill("#new-password", "Orchid garden 2026");
      await page.getByRole("button", { name: "新增", exact: true }).click();
      await page.getByText("用户已创建。").first().waitFor();
      await page.getByRole("button", { name: "退出登录" }).click();
      await page.waitForURL(/\/login/);

      await signIn(page, base, "e2e.newcomer", "Orchid garden 2026");
      await page.waitForURL(/\/account/);
      await page.getByTestId("must-change-password").waitFor();
      await page.goto(`${base}/projects`);
      assert.match(page.url(), /\/account$/);
      await shot("held-at-account");
      await page.fill("#currentPassword", "Orchid garden 2026");
      await page.fill("#newPassword", "My own river 2027");
      await page.fill("#confirmPassword", "My own river 2027");
      await page.getByRole("button", { name: "修改密码" }).click();
      await page.waitForURL(/\/login/, { timeout: 15_000 });
      await signIn(page, base, "e2e.newcomer", "My own river 2027");
      await page.waitForURL(/\/(inbox|overview)/);
      // Finance and the congress/audit readers land on the year at a glance; these specs start from the inbox.
      if (new URL(page.url()).pathname === "/overview") await page.goto(`${base}/inbox`);
      await page.goto(`${base}/projects`);
      assert.match(page.url(), /\/projects/);
    },
  },
  ...disclosureSpecs,
  ...monitoringSpecs,
  ...evaluationSpecs,
  ...proposalSpecs,
  ...(await import("./specs-headers.mjs")).headerSpecs,
  ...securitySpecs,
  ...(await import("./specs-money.mjs")).moneySpecs,
  ...(await import("./specs-portal-mobile.mjs")).portalMobileSpecs,
  ...(await import("./specs-audit.mjs")).auditSpecs,
  ...(await import("./specs-picker.mjs")).pickerSpecs,
  ...(await import("./specs-dept-overall.mjs")).deptOverallSpecs,
  ...(await import("./specs-money-forms.mjs")).moneyFormsSpecs,
  ...(await import("./specs-inbox.mjs")).inboxSpecs,
  ...(await import("./specs-transfer.mjs")).transferSpecs,
  ...(await import("./specs-assessment.mjs")).assessmentSpecs,
  ...(await import("./specs-yoy.mjs")).yoySpecs,
  ...(await import("./specs-overview.mjs")).overviewSpecs,
  // Last: it discloses the rural bridge and moves its money, which the specs above count as they were.
  ...ledgerSpecs,
];
