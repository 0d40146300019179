import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ExcelJS from "exceljs";
import { disclosures, keyEvaluations, objectives, orgs, regions } from "@/db/schema";
import { acceptKeyEvaluationAction } from "@/lib/actions/evaluation/accept-key-evaluation";
import { createKeyEvaluationAction } from "@/lib/actions/evaluation/create-key-evaluation";
import { fillOwnKeyEvaluationAction } from "@/lib/actions/evaluation/fill-own-key-evaluation";
import { discloseKeyEvaluation } from "@/lib/actions/disclosure/disclose-key-evaluation";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { publicListParams } from "@/lib/disclosure/params";
import { publicDetail, publicFigures, publicList } from "@/lib/disclosure/public";
import { translator } from "@/lib/i18n";
import { GET as exportList } from "@/app/(public)/portal/objectives/export/route";
import { PublicEvaluationResult } from "@/app/(public)/portal/[lang]/objectives/[id]/evaluation-result";
import { PublicKeyEvaluationResult } from "@/app/(public)/portal/[lang]/objectives/[id]/key-evaluation-result";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let provincePath: string;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  [{ path: provincePath }] = await database.db.select({ path: regions.path }).from(regions).where(eq(regions.code, "440000"));
});
afterAll(() => database.drop());

/** The demo's 2026 health project: its self-evaluation (良 83.98) is disclosed by the seed. */
const HEALTH = "重点传染病防控项目";
const t = translator("zh");

async function seen() {
  const db = database.db;
  const all = await publicList(db, publicListParams.parse({ year: "2026" }), null);
  const row = all.rows.find((r) => r.title === HEALTH)!;
  const byGrade = async (grade: string) => (await publicList(db, publicListParams.parse({ year: "2026", grade }), null)).rows.map((r) => r.title);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await exportList(new Request("http://x/portal/objectives/export?year=2026"))).arrayBuffer());
  let excelGrade = "";
  wb.worksheets[0].eachRow((r) => {
    if (r.getCell(1).value === HEALTH) excelGrade = String(r.getCell(9).value ?? "");
  });
  return {
    row: { grade: row.grade, gradeSource: row.gradeSource },
    good: await byGrade("good"),
    fair: await byGrade("fair"),
    counts: (await publicFigures(db, provincePath, 2026)).byGrade.map((g) => [g.grade, g.count]),
    excelGrade,
  };
}

describe("one rule for which result the public sees", () => {
  it("with only the self-evaluation disclosed, the list's grade is the self-evaluation's and says so", async () => {
    expect(await seen()).toEqual({ row: { grade: "good", gradeSource: "self" }, good: [HEALTH], fair: [], counts: [["good", 1]], excelGrade: "良（自评）" });
  });

  it("once a key evaluation is disclosed, it prevails in the list, filter, figures and Excel; the page shows both, each with who scored it", async () => {
    const [o] = await database.db.select().from(objectives).where(eq(objectives.title, HEALTH));
    await signInAs(database, "reviewer");
    const created = await createKeyEvaluationAction({ objectiveId: o.id, agencyOrgId: null });
    const id = (created as { data: { id: number } }).data.id;
    const filled = await fillOwnKeyEvaluationAction({
      keyEvaluationId: id,
      version: 1,
      scores: {
        decision: { score: "15", evidence: "立项依据基本充分" },
        process: { score: "14", evidence: "资金拨付滞后" },
        output: { score: "20", evidence: "筛查人数未达目标" },
        benefit: { score: "16", evidence: "发病率高于目标" },
      },
      findings: "基层筛查点建设滞后。",
      recommendations: "加快基层筛查点建设。",
    });
    expect(filled).toMatchObject({ ok: true, data: { total: "65.00", grade: "fair" } });
    expect(await acceptKeyEvaluationAction({ keyEvaluationId: id, version: 2 })).toMatchObject({ ok: true });
    await signInAs(database, "admin");
    const done = await discloseKeyEvaluation({ keyEvaluationId: id });
    expect(done).toMatchObject({ ok: true });

    // The list row no longer says 良 while the key evaluation says 中.
    expect(await seen()).toEqual({ row: { grade: "fair", gradeSource: "key" }, good: [], fair: [HEALTH], counts: [["fair", 1]], excelGrade: "中（重点评价）" });

    const [page] = await database.db
      .select({ id: disclosures.id })
      .from(disclosures)
      .where(and(eq(disclosures.objectiveId, o.id), eq(disclosures.subjectType, "objective"), isNull(disclosures.withdrawnAt)));
    const d = (await publicDetail(database.db, page.id))!;
    expect(d.prevailing).toBe("key");
    expect(d.evaluation).toMatchObject({ score: "83.98", grade: "good" });
    expect(d.keyEvaluation).toMatchObject({ score: "65.00", grade: "fair", agencyName: null });
    expect(d.financeName).toBe("广东省财政厅");

    const self = renderToStaticMarkup(createElement(PublicEvaluationResult, { e: d.evaluation!, t, ownerName: d.ownerName, prevailing: false }));
    const key = renderToStaticMarkup(createElement(PublicKeyEvaluationResult, { e: d.keyEvaluation!, t, financeName: d.financeName, prevailing: true }));
    expect(self).toContain(`评分主体：${d.ownerName}（单位自评）`);
    expect(self).toContain("自评得分");
    expect(self).not.toContain("列表中的评价等级以此结果为准");
    expect(key).toContain("评分主体：广东省财政厅（财政重点评价）");
    expect(key).toContain("重点评价得分");
    expect(key).not.toContain("自评得分");
    expect(key).toContain("列表中的评价等级以此结果为准");

    // Scored by an agency the finance department engaged: the page names both.
    const [agency] = await database.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.kind, "agency")).limit(1);
    await database.db.update(keyEvaluations).set({ agencyOrgId: agency.id }).where(eq(keyEvaluations.id, id));
    const withAgency = (await publicDetail(database.db, page.id))!;
    const keyByAgency = renderToStaticMarkup(createElement(PublicKeyEvaluationResult, { e: withAgency.keyEvaluation!, t, financeName: withAgency.financeName, prevailing: true }));
    expect(keyByAgency).toContain(`评分主体：${agency.name}（受广东省财政厅委托开展重点评价）`);

    // Withdrawn, the self-evaluation is the grade again.
    const [kd] = await database.db.select().from(disclosures).where(eq(disclosures.id, (done as { data: { id: number } }).data.id));
    expect((await withdrawDisclosure({ disclosureId: kd.id, version: kd.version, reason: "报告更正" })).ok).toBe(true);
    expect((await seen()).row).toEqual({ grade: "good", gradeSource: "self" });
    expect((await publicDetail(database.db, page.id))?.prevailing).toBe("self");
  });
});
