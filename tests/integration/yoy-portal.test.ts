import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { disclosures, objectiveVersions, objectives, regions } from "@/db/schema";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { arrangeBudget } from "@/lib/actions/ledger/arrange-budget";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import { yuanToWan } from "@/lib/money";
import { publicRegionYears, publicSubjectYears } from "@/lib/objective/history-public";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

/**
 * The portal's years side by side (issue 21 item 3): only live disclosures. Demo data: the health
 * project's 2026 objective (3,200 万元) is disclosed with its self-evaluation (良); its 2027 one
 * (3,000 万元) is under review. The province's figures by year before anything here: 2026 — one
 * objective, 3,200 万元, one result; 2027 — the demo disclosures of seed-disclosure.ts.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let provincePath: string;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  [{ path: provincePath }] = await database.db.select({ path: regions.path }).from(regions).where(eq(regions.code, "440000"));
});
afterAll(() => database.drop());

const objectiveTitled = async (title: string) => (await database.db.select().from(objectives).where(eq(objectives.title, title)))[0];
async function liveDisclosureOf(objectiveId: number) {
  const [d] = await database.db
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.objectiveId, objectiveId), eq(disclosures.subjectType, "objective"), isNull(disclosures.withdrawnAt)));
  return d;
}
const sideBySide = async (disclosureId: number) =>
  (await publicSubjectYears(database.db, disclosureId)).map((y) => [y.fiscalYear, y.amount, y.grade, y.gradeSource, y.indicators.map((i) => `${i.name}${i.annualTarget}`).join("、")]);

const Y2026 = [2026, "32000000.00", "good", "self", "重点人群筛查人数120000、法定传染病报告及时率95、重点传染病报告发病率5、服务对象满意度90"];
const Y2027 = [2027, "30000000.00", null, null, "重点人群筛查人数100000、法定传染病报告及时率96、突发疫情报告处置时限2、重点传染病报告发病率6、服务对象满意度90"];

describe("a subject's disclosed years side by side", () => {
  it("an approved year that is not disclosed is not there; disclosed, it stands beside the earlier year; withdrawn, it is gone", async () => {
    const y2026 = await objectiveTitled("重点传染病防控项目");
    const y2027 = await objectiveTitled("重点传染病防控项目（2027年度）");
    const d2026 = await liveDisclosureOf(y2026.id);
    expect(await sideBySide(d2026.id)).toEqual([Y2026]);

    // 2027 reviewed and approved, not yet disclosed: still only 2026.
    await signInAs(database, "wj.reviewer");
    expect((await reviewObjective({ objectiveId: y2027.id, version: y2027.version, stage: "department", result: "pass" })).ok).toBe(true);
    await signInAs(database, "reviewer");
    const approved = await reviewObjective({ objectiveId: y2027.id, version: y2027.version + 1, stage: "finance", result: "pass", grade: "good", score: "86" });
    expect(approved.ok, JSON.stringify(approved)).toBe(true);
    expect(await sideBySide(d2026.id)).toEqual([Y2026]);

    // Only an arranged budget is disclosed (lib/ledger): finance arranges the approved request first.
    const [{ requested }] = await database.db
      .select({ requested: objectiveVersions.requestedAmount })
      .from(objectives)
      .innerJoin(objectiveVersions, eq(objectiveVersions.id, objectives.approvedVersionId))
      .where(eq(objectives.id, y2027.id));
    const arranged = await arrangeBudget({ objectiveId: y2027.id, amount: yuanToWan(requested), documentNo: "粤财预〔2027〕21号", documentDate: "2026-12-01" });
    expect(arranged.ok, JSON.stringify(arranged)).toBe(true);

    const before = await publicRegionYears(database.db, provincePath);
    await signInAs(database, "admin");
    const res = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: y2027.id }] });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const d2027 = await liveDisclosureOf(y2027.id);
    expect(await sideBySide(d2027.id)).toEqual([Y2026, Y2027]);
    expect(await sideBySide(d2026.id)).toEqual([Y2026, Y2027]);

    // The region's figures by year: 2027 gains one objective and 3,000 万元; 2026 is as seeded.
    const after = await publicRegionYears(database.db, provincePath);
    const b2027 = before.find((y) => y.fiscalYear === 2027)!;
    expect(after).toEqual([
      { fiscalYear: 2027, count: b2027.count + 1, amount: (Number(b2027.amount) + 30000000).toFixed(2), results: b2027.results },
      { fiscalYear: 2026, count: 1, amount: "32000000.00", results: 1 },
    ]);

    // 2026 withdrawn: the 2027 page shows 2027 alone, the withdrawn page nothing; 2026 keeps only its disclosed result.
    const w = await withdrawDisclosure({ disclosureId: d2026.id, version: d2026.version, reason: "数据更正后重新公开" });
    expect(w.ok, JSON.stringify(w)).toBe(true);
    expect(await sideBySide(d2027.id)).toEqual([Y2027]);
    expect(await publicSubjectYears(database.db, d2026.id)).toEqual([]);
    expect((await publicRegionYears(database.db, provincePath)).find((y) => y.fiscalYear === 2026)).toEqual({ fiscalYear: 2026, count: 0, amount: "0.00", results: 1 });
  });

  it("a result disclosure's id or an unknown id shows no years", async () => {
    const [result] = await database.db.select().from(disclosures).where(eq(disclosures.subjectType, "evaluation"));
    expect(await publicSubjectYears(database.db, result.id)).toEqual([]);
    expect(await publicSubjectYears(database.db, 2_000_000_000)).toEqual([]);
  });

  it("a county's figures by year count only what is disclosed under it: its approved school, once disclosed", async () => {
    const [county] = await database.db.select({ path: regions.path }).from(regions).where(eq(regions.code, "440224"));
    const [city] = await database.db.select({ path: regions.path }).from(regions).where(eq(regions.code, "440200"));
    // 仁化县第一中学校舍维修改造 (680 万元) is approved but not disclosed: the county and its city have no year.
    expect(await publicRegionYears(database.db, county.path)).toEqual([]);
    expect(await publicRegionYears(database.db, city.path)).toEqual([]);
    const school = await objectiveTitled("仁化县第一中学校舍维修改造");
    await signInAs(database, "admin");
    expect((await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] })).ok).toBe(true);
    expect(await publicRegionYears(database.db, county.path)).toEqual([{ fiscalYear: 2027, count: 1, amount: "6800000.00", results: 0 }]);
    expect(await publicRegionYears(database.db, city.path)).toEqual([{ fiscalYear: 2027, count: 1, amount: "6800000.00", results: 0 }]);
  });
});
