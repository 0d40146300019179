// The public portal on a phone (issue 16): at 390 px the list is cards (name, department, budget,
// grade) and the 绩效目标表 scrolls inside its own box, never the page. Each spec: { name, run({ page, base, shot }) }.
import assert from "node:assert/strict";

const PHONE = { viewport: { width: 390, height: 844 }, locale: "zh-CN", deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const HEALTH = "重点传染病防控项目";

/** A fresh visitor on a phone: no cookies, no session. */
async function phone(page) {
  const context = await page.context().browser().newContext(PHONE);
  return { context, page: await context.newPage() };
}

/** Nothing on the page is wider than the screen (the page never scrolls sideways). */
async function noSidewaysScroll(page, label) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${label}: the page is ${scroll} px wide on a ${client} px screen`);
}

export const portalMobileSpecs = [
  {
    name: "portal-mobile-cards",
    async run({ page, base }) {
      const v = await phone(page);
      try {
        const p = v.page;
        await p.goto(`${base}/portal/objectives/year/2026`);
        const list = p.getByTestId("portal-list");
        await list.waitFor();
        await p.screenshot({ path: "test-output/e2e/portal-mobile-cards-01-list.png", fullPage: true });
        const cards = list.locator("tbody tr");
        const n = await cards.count();
        assert.ok(n >= 1, "the 2026 list has disclosed objectives");
        for (let i = 0; i < n; i++) {
          const card = cards.nth(i);
          const box = await card.boundingBox();
          assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `card ${i} fits the screen: ${JSON.stringify(box)}`);
          // The name, the department, the budget and the grade, each readable on its own line.
          const grade = card.getByTestId("portal-row-grade");
          assert.ok(await grade.isVisible(), `card ${i}: the grade is visible`);
          const gradeBox = await grade.boundingBox();
          assert.ok(gradeBox.width > 200, `card ${i}: the grade line is not crushed (${gradeBox.width} px)`);
          // Each line says what it is (CSS generated text, not in innerText): 主管部门：, 金额（万元）：, 评价等级：.
          const lines = await card.locator("td[data-label]").evaluateAll((tds) =>
            tds.map((td) => ({ label: getComputedStyle(td, "::before").content, text: td.innerText.trim(), shown: td.getBoundingClientRect().width > 200 })),
          );
          assert.deepEqual(
            lines.map((l) => l.label),
            ['"主管部门："', '"预算金额（万元）："', '"评价等级："'],
            `card ${i}: labelled lines ${JSON.stringify(lines)}`,
          );
          assert.ok(lines.every((l) => l.shown && l.text), `card ${i}: every line readable: ${JSON.stringify(lines)}`);
          assert.match(lines[1].text, /^[\d,]+\.\d{2}$/, `card ${i}: the budget in 万元`);
        }
        // The year, region, category and date columns are left to the wide screen.
        assert.equal(await cards.first().locator("td.wide").first().isVisible(), false);
        const health = cards.filter({ hasText: HEALTH });
        assert.match(await health.getByTestId("portal-row-grade").innerText(), /^良（自评）$/);
        await noSidewaysScroll(p, "list");

        // The 绩效目标表: readable (its own width), scrolled inside its box; the page itself does not scroll sideways.
        await health.getByRole("link", { name: HEALTH }).click();
        await p.waitForURL(/\/portal\/objectives\/\d+$/);
        const table = p.getByTestId("objective-table");
        await table.waitFor();
        await p.screenshot({ path: "test-output/e2e/portal-mobile-cards-02-table.png", fullPage: true });
        const { tableWidth, boxWidth, overflow } = await table.evaluate((t) => ({
          tableWidth: t.getBoundingClientRect().width,
          boxWidth: t.parentElement.getBoundingClientRect().width,
          overflow: getComputedStyle(t.parentElement).overflowX,
        }));
        assert.ok(tableWidth >= 600, `the table keeps a readable width (${tableWidth} px)`);
        assert.ok(boxWidth <= 390, `its box fits the screen (${boxWidth} px)`);
        assert.equal(overflow, "auto", "the box scrolls sideways");
        await noSidewaysScroll(p, "objective page");
        // Every indicator row is there, with its name on one row.
        assert.ok((await table.locator("tr[data-testid=indicator-row]").count()) >= 1);
        await p.getByTestId("portal-evaluation").waitFor();
        assert.match(await p.getByTestId("portal-evaluation-by").innerText(), /单位自评/);
      } finally {
        await v.context.close();
      }
    },
  },
];
