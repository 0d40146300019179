import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import {
  assessmentFrameworks,
  assessmentResults,
  assessmentRounds,
  disclosures,
  fiscalYears,
  keyEvaluations,
  monitoringPeriods,
  monitoringReports,
  monitoringWarnings,
  objectiveIndicators,
  objectives,
  objectiveVersions,
  rectificationTasks,
  reEvaluationItems,
  reEvaluationSamples,
  regions,
  reviews,
  selfEvaluations,
  warningDispositions,
} from "@/db/schema";
import { activateAssessmentFramework } from "@/lib/actions/assessment/activate-framework";
import { createAssessmentFramework } from "@/lib/actions/assessment/create-framework";
import { decideAssessmentObjection } from "@/lib/actions/assessment/decide-objection";
import { discloseAssessmentRound } from "@/lib/actions/assessment/disclose-round";
import { editAssessmentFramework } from "@/lib/actions/assessment/edit-framework";
import { fireAssessmentRound } from "@/lib/actions/assessment/fire-round";
import { judgeAssessmentResult } from "@/lib/actions/assessment/judge-result";
import { objectAssessmentResult } from "@/lib/actions/assessment/object-result";
import { openAssessmentRound } from "@/lib/actions/assessment/open-round";
import { assessmentFlag } from "@/lib/assessment/flag";
import { DEFAULT_FRAMEWORK, type Framework } from "@/lib/assessment/framework";
import { publishedRankings } from "@/lib/assessment/rounds";
import type { Figure } from "@/lib/assessment/scoring";
import { createTestDatabase } from "../helpers/db";
import { orgByCode, userByName } from "../helpers/orgs";
import { auditCount, signInAs, useTestDatabase } from "../helpers/session";

/*
 * A whole assessment round on made data of 2031 (a year the demo has nothing in), every built-in
 * figure with its result computed by hand below. The province's departments (交通运输厅 with data,
 * 卫生健康委 and 教育厅 without) and the finance departments of its cities and county.
 */
const Y = 2031;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let ids: Record<string, number>;

beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  const db = database.db;
  const [gd] = await db.select().from(regions).where(eq(regions.code, "440000"));
  const [gz] = await db.select().from(regions).where(eq(regions.code, "440100"));
  const jt = await orgByCode(database, "440000-JT");
  const gl = await orgByCode(database, "440000-JT-GL");
  const gzJt = await orgByCode(database, "440100-JT");
  const gzGl = await orgByCode(database, "440100-JT-GL");
  const reviewer = await userByName(database, "reviewer");
  await db.insert(fiscalYears).values({ regionId: gd.id, year: Y, status: "open", declarationStart: "2030-09-01", declarationEnd: "2030-11-30", reviewDeadline: "2030-12-31", selfEvaluationDeadline: "2032-03-31", appraisalThreshold: "10000000.00" });

  const t = (iso: string) => new Date(iso);
  async function objective(o: { title: string; owner: number; dept: number; region: number; state: "draft" | "approved" | "rejected" | "finance_review"; submitted: string | null; approvedAt?: string }) {
    const [row] = await db
      .insert(objectives)
      .values({ subjectKind: "project", ownerOrgId: o.owner, departmentOrgId: o.dept, regionId: o.region, fiscalYear: Y, title: o.title, state: o.state, submittedAt: o.submitted ? t(o.submitted) : null })
      .returning();
    const [v] = await db
      .insert(objectiveVersions)
      .values({ objectiveId: row.id, number: 1, kind: "original", submittedAt: o.submitted ? t(o.submitted) : null, approvedAt: o.approvedAt ? t(o.approvedAt) : null })
      .returning();
    await db.update(objectives).set({ currentVersionId: v.id, approvedVersionId: o.state === "approved" ? v.id : null }).where(eq(objectives.id, row.id));
    return { id: row.id, versionId: v.id };
  }
  const review = (o: { id: number; versionId: number }, result: "pass" | "return" | "reject", at: string, stage: "department" | "finance" = "finance") =>
    db.insert(reviews).values({ objectiveId: o.id, versionId: o.versionId, stage, result, reviewerId: reviewer.id, createdAt: t(at) });

  // 交通运输厅: four objectives.
  const o1 = await objective({ title: "考核O1", owner: gl.id, dept: jt.id, region: gd.id, state: "approved", submitted: "2030-11-20T10:00:00+08:00", approvedAt: "2031-01-05T10:00:00+08:00" });
  const o2 = await objective({ title: "考核O2", owner: gl.id, dept: jt.id, region: gd.id, state: "approved", submitted: "2030-12-05T10:00:00+08:00", approvedAt: "2031-01-10T10:00:00+08:00" });
  await objective({ title: "考核O3", owner: gl.id, dept: jt.id, region: gd.id, state: "draft", submitted: null });
  // 23:30 China time on the last day: on time (15:30 UTC).
  const o4 = await objective({ title: "考核O4", owner: gl.id, dept: jt.id, region: gd.id, state: "rejected", submitted: "2030-11-30T15:30:00Z" });
  await review(o1, "pass", "2030-11-22T10:00:00+08:00", "department");
  await review(o1, "pass", "2030-12-01T10:00:00+08:00");
  await review(o2, "return", "2030-12-10T10:00:00+08:00");
  await review(o2, "pass", "2030-12-20T10:00:00+08:00");
  await review(o4, "reject", "2030-12-02T10:00:00+08:00");
  await db.insert(objectiveIndicators).values([
    { versionId: o1.versionId, ordinal: 1, level1: "benefit", level2: "social", name: "群众出行条件", comparison: "qualitative", annualTarget: "明显提高" },
    { versionId: o1.versionId, ordinal: 2, level1: "output", level2: "quantity", name: "改造里程", comparison: "gte", annualTarget: "300", unit: "公里" },
    { versionId: o2.versionId, ordinal: 1, level1: "output", level2: "quality", name: "带动就业人数", comparison: "gte", annualTarget: "50", unit: "人" },
  ]);
  // Monitoring: O1 on time, O2 a day late; a red warning each, O1's rectified on time, O2's still open.
  const [period] = await db.insert(monitoringPeriods).values({ regionId: gd.id, fiscalYear: Y, throughMonth: 6, deadline: "2031-07-10" }).returning();
  const report = async (o: { id: number; versionId: number }, submitted: string) => {
    const [r] = await db.insert(monitoringReports).values({ periodId: period.id, objectiveId: o.id, versionId: o.versionId, ownerOrgId: gl.id, departmentOrgId: jt.id, regionId: gd.id, state: "accepted", budget: "1000000.00", submittedAt: t(submitted) }).returning();
    return r.id;
  };
  const r1 = await report(o1, "2031-07-09T10:00:00+08:00");
  const r2 = await report(o2, "2031-07-11T10:00:00+08:00");
  const warning = async (reportId: number, o: { id: number }, light: "red" | "yellow") => {
    const [w] = await db.insert(monitoringWarnings).values({ reportId, periodId: period.id, objectiveId: o.id, ownerOrgId: gl.id, departmentOrgId: jt.id, regionId: gd.id, rule: "execution", light, state: "disposed" }).returning();
    return w.id;
  };
  await db.insert(warningDispositions).values([
    { warningId: await warning(r1, o1, "red"), kind: "rectify", comment: "限期整改", rectifyDeadline: "2031-08-31", rectificationState: "accepted", evidenceAt: t("2031-08-20T10:00:00+08:00"), decidedBy: reviewer.id },
    { warningId: await warning(r2, o2, "red"), kind: "rectify", comment: "限期整改", rectifyDeadline: "2031-08-31", rectificationState: "open", decidedBy: reviewer.id },
    { warningId: await warning(r2, o2, "yellow"), kind: "continue", comment: "继续执行", decidedBy: reviewer.id },
  ]);
  // Self-evaluation: O1 submitted, O2 a draft; re-scored 90 → 78 (12 above) and 70 → 75 (below: 0).
  const [se1] = await db.insert(selfEvaluations).values({ objectiveId: o1.id, versionId: o1.versionId, ownerOrgId: gl.id, departmentOrgId: jt.id, regionId: gd.id, fiscalYear: Y, state: "accepted", budgetAmount: "1000000.00", submittedAt: t("2032-02-01T10:00:00+08:00") }).returning();
  const [se2] = await db.insert(selfEvaluations).values({ objectiveId: o2.id, versionId: o2.versionId, ownerOrgId: gl.id, departmentOrgId: jt.id, regionId: gd.id, fiscalYear: Y, state: "draft", budgetAmount: "1000000.00" }).returning();
  const [sample] = await db.insert(reEvaluationSamples).values({ regionId: gd.id, fiscalYear: Y, percent: "10", seed: 1, candidates: [se1.id, se2.id] }).returning();
  await db.insert(reEvaluationItems).values([
    { sampleId: sample.id, selfEvaluationId: se1.id, reason: "random", selfScore: "90.00", reScore: "78.00" },
    { sampleId: sample.id, selfEvaluationId: se2.id, reason: "random", selfScore: "70.00", reScore: "75.00" },
  ]);
  await db.insert(keyEvaluations).values({ objectiveId: o1.id, ownerOrgId: gl.id, regionId: gd.id, fiscalYear: Y, state: "accepted", weights: {}, grade: "good", totalScore: "85.00" });
  // Rectification: T1 closed on 2031-09-15 (the audited close), T2 still open; both due 2031-09-30.
  const [t1] = await db.insert(rectificationTasks).values({ selfEvaluationId: se1.id, ownerOrgId: gl.id, regionId: gd.id, requirement: "整改一", deadline: "2031-09-30", state: "closed" }).returning();
  await db.insert(rectificationTasks).values({ selfEvaluationId: se1.id, ownerOrgId: gl.id, regionId: gd.id, requirement: "整改二", deadline: "2031-09-30", state: "open" });
  await db.execute(sql`insert into audit_log (at, action, object_type, object_id) values ('2031-09-15T10:00:00+08:00', 'rectification.close', 'rectification_task', ${String(t1.id)})`);
  // Disclosure: O1 within 20 days of approval (01-05 → 01-20), O2 after (01-10 → 02-15).
  const disclose = (o: { id: number; versionId: number }, at: string) =>
    db.insert(disclosures).values({ subjectType: "objective", objectiveId: o.id, versionId: o.versionId, fiscalYear: Y, regionId: gd.id, regionPath: gd.path, departmentOrgId: jt.id, ownerOrgId: gl.id, title: "考核", amount: "1000000.00", disclosedBy: reviewer.id, disclosedAt: t(at) });
  await disclose(o1, "2031-01-20T10:00:00+08:00");
  await disclose(o2, "2031-02-15T10:00:00+08:00");

  // 广州市: O5 on time, reviewed by finance on time and approved; O6 late and still waiting for finance.
  const o5 = await objective({ title: "考核O5", owner: gzGl.id, dept: gzJt.id, region: gz.id, state: "approved", submitted: "2030-11-01T10:00:00+08:00", approvedAt: "2030-12-20T10:00:00+08:00" });
  await objective({ title: "考核O6", owner: gzGl.id, dept: gzJt.id, region: gz.id, state: "finance_review", submitted: "2030-12-15T10:00:00+08:00" });
  await review(o5, "pass", "2030-12-20T10:00:00+08:00");

  ids = { jt: jt.id, wj: (await orgByCode(database, "440000-WJ")).id, jy: (await orgByCode(database, "440000-JY")).id, gzCz: (await orgByCode(database, "440100-CZ")).id, sgCz: (await orgByCode(database, "440200-CZ")).id, rhCz: (await orgByCode(database, "440224-CZ")).id };
});
afterAll(() => database.drop());

type Ok<T> = { ok: true; data: T };
const data = <T>(r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as Ok<T>).data;
};

describe("assessment frameworks", () => {
  let fwId: number;
  it("a draft of the default six classes; bad weights, a missing method and a judged score beyond its points are refused on their field, nothing written", async () => {
    await signInAs(database, "admin");
    const created = data<{ id: number; version: number }>(await createAssessmentFramework({ fiscalYear: Y, name: "2031年度考核办法" }));
    fwId = created.id;
    const [row] = await database.db.select().from(assessmentFrameworks).where(eq(assessmentFrameworks.id, fwId));
    expect((row.framework as Framework).classes.map((c) => c.name)).toEqual(["目标管理", "运行监控", "绩效评价", "结果应用", "信息公开", "基础工作"]);

    const before = await auditCount(database, "assessmentFramework.edit");
    const badWeights: Framework = { ...DEFAULT_FRAMEWORK, indicators: DEFAULT_FRAMEWORK.indicators.map((i) => (i.code === "D01" ? { ...i, weight: "5" } : i)) };
    const r1 = await editAssessmentFramework({ frameworkId: fwId, version: 1, framework: badWeights });
    expect(r1).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!r1.ok && r1.fieldErrors?.["framework.weights.department"]?.[0]).toBe("分值合计 95，应为 100");
    const noMethod = { ...DEFAULT_FRAMEWORK, indicators: DEFAULT_FRAMEWORK.indicators.map((i, k) => (k === 2 ? { ...i, method: undefined } : i)) };
    const r2 = await editAssessmentFramework({ frameworkId: fwId, version: 1, framework: noMethod });
    expect(!r2.ok && r2.fieldErrors?.["framework.indicators.2.method"]?.[0]).toBe("请选择评分方法");
    expect(await auditCount(database, "assessmentFramework.edit")).toBe(before);
    const [unchanged] = await database.db.select().from(assessmentFrameworks).where(eq(assessmentFrameworks.id, fwId));
    expect(unchanged.version).toBe(1);

    // 交通运输厅's difficulty coefficient 1.2; saved, then adopted.
    const edited = data<{ version: number }>(await editAssessmentFramework({ frameworkId: fwId, version: 1, framework: { ...DEFAULT_FRAMEWORK, difficulty: { [String(ids.jt)]: "1.2" } } }));
    data(await activateAssessmentFramework({ frameworkId: fwId, version: edited.version }));
  });

  let roundId: number;
  let version: number;
  it("computes every built-in figure from the records, as hand-computed, with its basis", async () => {
    await signInAs(database, "reviewer");
    const bad = await openAssessmentRound({ fiscalYear: 2035, objectionDeadline: "2032-06-30" });
    expect(!bad.ok && bad.fieldErrors?.fiscalYear?.[0]).toContain("2035 年度没有启用的考核办法");
    const opened = data<{ id: number; version: number }>(await openAssessmentRound({ fiscalYear: Y, objectionDeadline: "2099-06-30" }));
    roundId = opened.id;
    const computed = data<{ version: number; results: number }>(await fireAssessmentRound({ roundId, version: opened.version, event: "compute" }));
    expect(computed.results).toBe(6); // three departments, three finance departments below
    version = computed.version;

    const results = await database.db.select().from(assessmentResults).where(eq(assessmentResults.roundId, roundId));
    const byOrg = new Map(results.map((r) => [r.orgId, r]));
    const jt = byOrg.get(ids.jt)!;
    const figures = Object.fromEntries((jt.figures as Figure[]).map((f) => [f.code, f]));
    const pick = (code: string) => ({ n: figures[code].numerator, d: figures[code].denominator, p: figures[code].points });
    expect(pick("D01")).toEqual({ n: "2", d: "4", p: "5.00" }); // O1 and O4 (23:30 China time on the last day) of four
    expect(pick("D02")).toEqual({ n: "1", d: "3", p: "3.33" }); // O1 of O1, O2 (returned once), O4 (rejected)
    expect(pick("D03")).toEqual({ n: "1", d: "3", p: "3.33" }); // 5 − 1/3 × 5
    expect(figures.D03.calc).toBe("1 ÷ 3 = 0.3333; max(0, 5 − 0.3333 × 5) = 3.33");
    expect(pick("D04")).toEqual({ n: "2", d: "2", p: "2.50" }); // 明显提高 (vague), 带动就业 under 质量: 5 − 1 × 2.5
    expect(pick("D05")).toEqual({ n: "1", d: "2", p: "5.00" }); // O2's report a day late
    expect(pick("D06")).toEqual({ n: "1", d: "2", p: "5.00" }); // the yellow warning does not count
    expect(pick("D07")).toEqual({ n: "1", d: "2", p: "5.00" }); // O2's self-evaluation still a draft
    expect(pick("D08")).toEqual({ n: "12", d: "2", p: "4.00" }); // (12 + 0) ÷ 2 = 6 points: 10 − 6 × 1
    expect(pick("D09")).toEqual({ n: "0.8", d: "1", p: "4.00" }); // one key evaluation graded 良
    expect(pick("D10")).toEqual({ n: "1", d: "2", p: "5.00" }); // T1 closed on time, T2 open
    expect(pick("D11")).toEqual({ n: "1", d: "2", p: "2.50" }); // O2 disclosed 36 days after approval
    expect(figures.D01.calc).toBe("10 × 2 ÷ 4 = 5.00");
    expect(figures.D12.points).toBeNull(); // judged: waits for finance
    expect(jt.finalScore).toBeNull();
    expect(jt.difficulty).toBe("1.20");

    const gz = byOrg.get(ids.gzCz)!;
    const gf = Object.fromEntries((gz.figures as Figure[]).map((f) => [f.code, f]));
    expect([gf.F01.points, gf.F02.points, gf.F03.points, gf.F06.points, gf.F10.points]).toEqual(["5.00", "5.00", "5.00", "0.00", "0.00"]);
    expect([gf.F02.numerator, gf.F02.denominator]).toEqual(["1", "2"]); // O5 reviewed 12-20; O6 waiting
    // Nothing to count: full points (a ratio), nothing deducted.
    expect([gf.F04.points, gf.F05.points, gf.F07.points, gf.F08.points]).toEqual(["10.00", "10.00", "5.00", "10.00"]);
  });

  it("judged scores: out of range refused on the field and nothing written; release needs them all", async () => {
    await signInAs(database, "reviewer");
    const [jt] = await database.db.select().from(assessmentResults).where(eq(assessmentResults.orgId, ids.jt));
    const tooHigh = await judgeAssessmentResult({ resultId: jt.id, version: jt.version, code: "D12", score: "10.5", evidence: "制度文件齐全" });
    expect(!tooHigh.ok && tooHigh.fieldErrors?.score?.[0]).toBe("评分应在 0–10 之间");
    const notJudged = await judgeAssessmentResult({ resultId: jt.id, version: jt.version, code: "D01", score: "1", evidence: "制度文件齐全" });
    expect(!notJudged.ok && notJudged.fieldErrors?.code?.[0]).toBe("该指标不是财政评分指标");
    const [same] = await database.db.select().from(assessmentResults).where(eq(assessmentResults.id, jt.id));
    expect(same.version).toBe(jt.version);

    const early = await fireAssessmentRound({ roundId, version, event: "release" });
    expect(!early.ok && early.fieldErrors?._form?.[0]).toContain("全部评分后才能反馈");

    const judge = async (orgId: number, scores: Record<string, string>) => {
      for (const [code, score] of Object.entries(scores)) {
        const [r] = await database.db.select().from(assessmentResults).where(eq(assessmentResults.orgId, orgId));
        data(await judgeAssessmentResult({ resultId: r.id, version: r.version, code, score, evidence: `依据${code}` }));
      }
    };
    await judge(ids.jt, { D12: "8" });
    await judge(ids.wj, { D12: "10" });
    await judge(ids.jy, { D12: "2" });
    await judge(ids.gzCz, { F09: "6", F11: "7" });
    await judge(ids.sgCz, { F09: "10", F11: "10" });
    await judge(ids.rhCz, { F09: "10", F11: "9" });
    const rows = await database.db.select().from(assessmentResults).where(eq(assessmentResults.roundId, roundId));
    const get = (id: number) => rows.find((r) => r.orgId === id)!;
    // 交通运输厅: 5 + 3.33 + 3.33 + 2.5 + 5 + 5 + 5 + 4 + 4 + 5 + 2.5 + 8 = 52.66; × 1.2 = 63.192 → 63.19 合格 (中).
    expect([get(ids.jt).rawScore, get(ids.jt).finalScore, get(ids.jt).grade, get(ids.jt).rank]).toEqual(["52.66", "63.19", "fair", 3]);
    expect([get(ids.wj).finalScore, get(ids.wj).rank, get(ids.jy).finalScore, get(ids.jy).rank]).toEqual(["100.00", 1, "92.00", 2]);
    // 广州: 5 + 5 + 5 + 10 + 10 + 0 + 5 + 10 + 6 + 0 + 7 = 63.
    expect([get(ids.gzCz).finalScore, get(ids.gzCz).grade, get(ids.gzCz).rank, get(ids.rhCz).rank, get(ids.sgCz).rank]).toEqual(["63.00", "fair", 3, 2, 1]);
  });

  it("the department sees its own result and objects once; a second objection and one after the deadline are refused; finance upholds it and publishes", async () => {
    await signInAs(database, "reviewer");
    const [round] = await database.db.select().from(assessmentRounds).where(eq(assessmentRounds.id, roundId));
    const released = data<{ version: number }>(await fireAssessmentRound({ roundId, version: round.version, event: "release" }));

    await signInAs(database, "dept"); // 交通运输厅
    const [jt] = await database.db.select().from(assessmentResults).where(eq(assessmentResults.orgId, ids.jt));
    const [wj] = await database.db.select().from(assessmentResults).where(eq(assessmentResults.orgId, ids.wj));
    expect(await objectAssessmentResult({ resultId: wj.id, version: wj.version, reason: "不是本单位的结果" })).toMatchObject({ ok: false, code: "not_found" });
    const first = data<{ version: number }>(await objectAssessmentResult({ resultId: jt.id, version: jt.version, reason: "制度建设已按要求完成，附文件" }));
    const second = await objectAssessmentResult({ resultId: jt.id, version: first.version, reason: "再次提出异议" });
    expect(!second.ok && second.fieldErrors?.reason?.[0]).toBe("已提出过异议，每个被考核单位只能提出一次");

    // After the deadline: a past deadline set on the round, then 卫生健康委's reviewer tries.
    await database.db.update(assessmentRounds).set({ objectionDeadline: "2020-01-01" }).where(eq(assessmentRounds.id, roundId));
    await signInAs(database, "wj.reviewer");
    const late = await objectAssessmentResult({ resultId: wj.id, version: wj.version, reason: "分数偏低，请复核" });
    expect(!late.ok && late.fieldErrors?.reason?.[0]).toBe("异议期已于 2020-01-01 截止，不能再提出异议");
    const [wjAfter] = await database.db.select().from(assessmentResults).where(eq(assessmentResults.id, wj.id));
    expect(wjAfter.objection).toBeNull();

    await signInAs(database, "reviewer");
    const pending = await fireAssessmentRound({ roundId, version: released.version, event: "publish" });
    expect(!pending.ok && pending.fieldErrors?._form?.[0]).toContain("未处理的异议");
    const bad = await decideAssessmentObjection({ resultId: jt.id, version: first.version, outcome: "upheld", reply: "补充材料属实", adjustments: [{ code: "D12", score: "11" }] });
    expect(!bad.ok && bad.fieldErrors?.["adjustments.0.score"]?.[0]).toBe("评分应在 0–10 之间");
    const decided = data<{ finalScore: string; grade: string }>(await decideAssessmentObjection({ resultId: jt.id, version: first.version, outcome: "upheld", reply: "补充材料属实", adjustments: [{ code: "D12", score: "10" }] }));
    // 52.66 − 8 + 10 = 54.66; × 1.2 = 65.592 → 65.59.
    expect(decided).toMatchObject({ finalScore: "65.59", grade: "fair" });
    data(await fireAssessmentRound({ roundId, version: released.version, event: "publish" }));

    const ranking = await publishedRankings(database.db, "/", Y);
    expect(ranking.filter((r) => r.kind === "department").map((r) => [r.orgName, r.rank, r.finalScore])).toEqual([
      ["广东省卫生健康委员会", 1, "100.00"],
      ["广东省教育厅", 2, "92.00"],
      ["广东省交通运输厅", 3, "65.59"],
    ]);
    expect(await assessmentFlag(database.db, ids.jt, Y)).toMatchObject({ grade: "fair", finalScore: "65.59", rank: 3, flagged: false });
    expect(await assessmentFlag(database.db, ids.jt, Y - 1)).toBeNull();

    // The portal shows a published round only once finance's discloser sets it; a reviewer may not.
    expect(await publishedRankings(database.db, "/", Y, true)).toEqual([]);
    const [published] = await database.db.select().from(assessmentRounds).where(eq(assessmentRounds.id, roundId));
    expect(await discloseAssessmentRound({ roundId, version: published.version, disclose: true })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(database, "admin");
    data(await discloseAssessmentRound({ roundId, version: published.version, disclose: true }));
    expect((await publishedRankings(database.db, "/", Y, true)).map((r) => r.orgName)).toContain("广东省交通运输厅");
  });

  it("a used framework is frozen; a unit filer cannot open or compute", async () => {
    await signInAs(database, "admin");
    const [fw] = await database.db.select().from(assessmentFrameworks).where(eq(assessmentFrameworks.fiscalYear, Y));
    expect(fw.used).toBe(true);
    const frozen = await editAssessmentFramework({ frameworkId: fw.id, version: fw.version, framework: DEFAULT_FRAMEWORK });
    expect(!frozen.ok && frozen.fieldErrors?._form?.[0]).toBe("已有考核按此办法计算，不能修改；请复制后修改");
    await signInAs(database, "filer");
    expect(await openAssessmentRound({ fiscalYear: Y, objectionDeadline: "2099-01-01" })).toMatchObject({ ok: false, code: "forbidden" });
  });
});
