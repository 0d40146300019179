import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import { auditLog, budgetMovements, disclosures, monitoringPeriods, monitoringReports, monitoringWarnings, objectives, objectiveVersions, orgs, projects, warningDispositions } from "@/db/schema";
import { queryRows } from "@/db/client";
import { arrangeBudget } from "@/lib/actions/ledger/arrange-budget";
import { approveBudget } from "@/lib/actions/ledger/approve-budget";
import { releaseHold } from "@/lib/actions/ledger/release-hold";
import { disposeWarning } from "@/lib/actions/monitoring/dispose-warning";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { fireProjectEvent } from "@/lib/actions/project/project-event";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";

/**
 * The budget ledger (DESIGN §3.11, lib/ledger): every movement, every refusal, on whichever
 * driver this run uses. Amounts are typed in 万元 and stored in exact 元.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const YEAR = 2027;
let seq = 0;

/** An approved objective of the highway unit (广东省公路事务中心) requesting `requested` 元; its project in `projectState`. */
async function approvedSubject(requested: string, projectState: "reserve" | "admitted" = "admitted") {
  const owner = await orgByCode(database, "440000-JT-GL");
  const [o0] = await database.db.select().from(orgs).where(eq(orgs.id, owner.id));
  const title = `台账测试项目${++seq}`;
  const [p] = await database.db
    .insert(projects)
    .values({ code: `LEDGER-${seq}`, name: title, category: "special_fund", ownerOrgId: owner.id, departmentOrgId: o0.parentId!, regionId: o0.regionId, startYear: YEAR, endYear: YEAR, totalAmount: requested, fundSource: "general_budget", isNew: false, state: projectState })
    .returning();
  const [o] = await database.db
    .insert(objectives)
    .values({ subjectKind: "project", projectId: p.id, ownerOrgId: owner.id, departmentOrgId: o0.parentId!, regionId: o0.regionId, fiscalYear: YEAR, title, requestedAmount: requested, state: "approved" })
    .returning();
  const [v] = await database.db
    .insert(objectiveVersions)
    .values({ objectiveId: o.id, number: 1, basic: { name: title }, funding: [], requestedAmount: requested, approvedAt: new Date() })
    .returning();
  await database.db.update(objectives).set({ currentVersionId: v.id, approvedVersionId: v.id }).where(eq(objectives.id, o.id));
  return { objectiveId: o.id, projectId: p.id, versionId: v.id, ownerOrgId: owner.id, departmentOrgId: o0.parentId!, regionId: o0.regionId };
}

/** A red execution warning on the subject's report of a period (executed `executed` 元, accepted). */
async function redWarning(s: Awaited<ReturnType<typeof approvedSubject>>, executed: string, throughMonth = 9) {
  const [period] = await database.db
    .insert(monitoringPeriods)
    .values({ regionId: s.regionId, fiscalYear: YEAR, throughMonth, deadline: "2027-10-15" })
    .onConflictDoNothing()
    .returning();
  const periodId = period?.id ?? (await database.db.select().from(monitoringPeriods).where(and(eq(monitoringPeriods.regionId, s.regionId), eq(monitoringPeriods.fiscalYear, YEAR), eq(monitoringPeriods.throughMonth, throughMonth))))[0].id;
  const [report] = await database.db
    .insert(monitoringReports)
    .values({ periodId, objectiveId: s.objectiveId, versionId: s.versionId, ownerOrgId: s.ownerOrgId, departmentOrgId: s.departmentOrgId, regionId: s.regionId, state: "accepted", budget: "0", executedAmount: executed })
    .onConflictDoUpdate({ target: [monitoringReports.periodId, monitoringReports.objectiveId], set: { executedAmount: executed } })
    .returning();
  const [w] = await database.db
    .insert(monitoringWarnings)
    .values({ reportId: report.id, periodId, objectiveId: s.objectiveId, ownerOrgId: s.ownerOrgId, departmentOrgId: s.departmentOrgId, regionId: s.regionId, rule: "execution", light: "red" })
    .returning();
  return w;
}

async function money(objectiveId: number) {
  const [o] = await database.db.select({ current: objectives.budgetCurrent, held: objectives.budgetHeld, arrangedOn: objectives.budgetArrangedOn }).from(objectives).where(eq(objectives.id, objectiveId));
  return o;
}
async function movements(objectiveId: number) {
  return database.db.select({ kind: budgetMovements.kind, amount: budgetMovements.amount, documentNo: budgetMovements.documentNo, reason: budgetMovements.reason, dispositionId: budgetMovements.dispositionId }).from(budgetMovements).where(eq(budgetMovements.objectiveId, objectiveId)).orderBy(budgetMovements.id);
}

function fieldError(res: { ok: boolean; fieldErrors?: Record<string, string[]> }, field: string): string {
  expect(res.ok).toBe(false);
  return res.fieldErrors?.[field]?.join(" ") ?? "";
}

describe("安排预算 with money", () => {
  it("bad amounts, a missing 文号 and an impossible date are refused on their fields, and nothing is written", async () => {
    const s = await approvedSubject("5000000.00");
    await signInAs(database, "reviewer");
    const base = { objectiveId: s.objectiveId, documentNo: "粤财预〔2027〕1号", documentDate: "2027-01-10" };
    expect(fieldError(await arrangeBudget({ ...base, amount: "-5" }), "amount")).toContain("万元");
    expect(fieldError(await arrangeBudget({ ...base, amount: "五百" }), "amount")).toContain("万元");
    expect(fieldError(await arrangeBudget({ ...base, amount: "1.1234567" }), "amount")).toContain("六位小数");
    expect(fieldError(await arrangeBudget({ ...base, amount: "0" }), "amount")).toContain("大于零");
    expect(fieldError(await arrangeBudget({ ...base, amount: "500", documentNo: "" }), "documentNo")).not.toBe("");
    expect(fieldError(await arrangeBudget({ ...base, amount: "500", documentDate: "2027-02-30" }), "documentDate")).not.toBe("");
    expect(await movements(s.objectiveId)).toEqual([]);
    expect(await money(s.objectiveId)).toEqual({ current: "0.00", held: "0.00", arrangedOn: null });
    const [p] = await database.db.select().from(projects).where(eq(projects.id, s.projectId));
    expect(p.state).toBe("admitted");
  });

  it("a filer or a department reviewer may not arrange; the pool's budget event without money is refused", async () => {
    const s = await approvedSubject("5000000.00");
    for (const who of ["filer", "dept"]) {
      await signInAs(database, who);
      expect(await arrangeBudget({ objectiveId: s.objectiveId, amount: "500", documentNo: "粤财预〔2027〕1号", documentDate: "2027-01-10" })).toMatchObject({ ok: false, code: "forbidden" });
    }
    await signInAs(database, "reviewer");
    const res = await fireProjectEvent({ projectId: s.projectId, event: "budget", version: 1 });
    expect(fieldError(res, "event")).toContain("批复文号");
    expect(await movements(s.objectiveId)).toEqual([]);
  });

  it("a project still in 储备 cannot be arranged", async () => {
    const s = await approvedSubject("5000000.00", "reserve");
    await signInAs(database, "reviewer");
    expect(fieldError(await arrangeBudget({ objectiveId: s.objectiveId, amount: "500", documentNo: "粤财预〔2027〕2号", documentDate: "2027-01-10" }), "amount")).toContain("尚未入库");
    expect(await movements(s.objectiveId)).toEqual([]);
  });

  it("more than requested needs a reason; with one it is arranged, the project budgeted, audited; a second arrangement is a conflict", async () => {
    const s = await approvedSubject("5000000.00"); // 500 万元 requested
    await signInAs(database, "reviewer");
    const doc = { objectiveId: s.objectiveId, documentNo: "粤财预〔2027〕3号", documentDate: "2027-01-10" };
    expect(fieldError(await arrangeBudget({ ...doc, amount: "520.5" }), "reason")).toContain("500");
    expect(await movements(s.objectiveId)).toEqual([]);
    expect(await arrangeBudget({ ...doc, amount: "520.5", reason: "追加路段" })).toMatchObject({ ok: true, data: { kind: "arrange", amount: "5205000.00", current: "5205000.00" } });
    expect(await movements(s.objectiveId)).toEqual([{ kind: "arrange", amount: "5205000.00", documentNo: "粤财预〔2027〕3号", reason: "追加路段", dispositionId: null }]);
    expect(await money(s.objectiveId)).toEqual({ current: "5205000.00", held: "0.00", arrangedOn: "2027-01-10" });
    const [p] = await database.db.select().from(projects).where(eq(projects.id, s.projectId));
    expect(p.state).toBe("budgeted");
    const audits = await database.db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.objectType, "objective"), eq(auditLog.objectId, String(s.objectiveId))));
    expect(audits.map((a) => a.action)).toEqual(["ledger.arrange"]);
    expect(audits[0].after).toMatchObject({ amount: "5205000.00", documentNo: "粤财预〔2027〕3号", budget: "5205000.00" });
    const again = await arrangeBudget({ ...doc, amount: "100" });
    expect(again).toMatchObject({ ok: false, code: "conflict" });
    expect(fieldError(again, "amount")).toContain("已安排");
    expect((await movements(s.objectiveId)).length).toBe(1);
  });

  it("exactly the requested amount needs no reason; two officers arranging at once: one arranges, the other is told", async () => {
    const s = await approvedSubject("1234567.89");
    const a = await signInAs(database, "reviewer");
    const b = await signInAs(database, "admin");
    const { asSession } = await import("../helpers/session");
    const input = { objectiveId: s.objectiveId, amount: "123.456789", documentNo: "粤财预〔2027〕4号", documentDate: "2027-01-11" };
    const results = await Promise.all([asSession(a, () => arrangeBudget(input)), asSession(b, () => arrangeBudget(input))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ code: "conflict" }]);
    expect(await movements(s.objectiveId)).toEqual([{ kind: "arrange", amount: "1234567.89", documentNo: "粤财预〔2027〕4号", reason: null, dispositionId: null }]);
    expect((await money(s.objectiveId)).current).toBe("1234567.89");
  });
});

describe("the ledger is append-only in the database", () => {
  it("UPDATE and DELETE of a movement are refused, whoever asks", async () => {
    const [m] = await database.db.select({ id: budgetMovements.id }).from(budgetMovements).limit(1);
    const refusal = async (p: Promise<unknown>) => p.then(() => "written", (e: Error) => String(e.message ?? e) + String((e as { cause?: Error }).cause?.message ?? ""));
    expect(await refusal(database.db.execute(sql`update budget_movements set amount = 1 where id = ${m.id}`))).toMatch(/permission denied|append-only/);
    expect(await refusal(database.db.execute(sql`delete from budget_movements where id = ${m.id}`))).toMatch(/permission denied|append-only/);
  });
});

describe("dispositions that move money", () => {
  async function arranged(requested: string, wan: string) {
    const s = await approvedSubject(requested);
    await signInAs(database, "reviewer");
    const r = await arrangeBudget({ objectiveId: s.objectiveId, amount: wan, documentNo: `粤财预〔2027〕${100 + seq}号`, documentDate: "2027-01-15" });
    expect(r).toMatchObject({ ok: true });
    return s;
  }
  const dispositionsOf = async (warningId: number) => database.db.select().from(warningDispositions).where(eq(warningDispositions.warningId, warningId));

  it("调整预算: a new amount is required and numeric; not below what is executed; then the ledger moves by the difference with the disposition", async () => {
    const s = await arranged("8000000.00", "800"); // 1000 万元
    const w = await redWarning(s, "3000000.00"); // 300 万元 executed
    const base = { warningId: w.id, version: w.version, kind: "adjust_budget" as const, comment: "执行缓慢，压减预算" };
    expect(fieldError(await disposeWarning(base), "amount")).toContain("金额");
    expect(fieldError(await disposeWarning({ ...base, amount: "abc" }), "amount")).toContain("万元");
    expect(fieldError(await disposeWarning({ ...base, amount: "-800" }), "amount")).toContain("万元");
    expect(fieldError(await disposeWarning({ ...base, amount: "299.99" }), "amount")).toContain("300");
    expect(await dispositionsOf(w.id)).toEqual([]);
    expect((await money(s.objectiveId)).current).toBe("8000000.00");
    const ok = await disposeWarning({ ...base, amount: "600" });
    expect(ok).toMatchObject({ ok: true });
    const [d] = await dispositionsOf(w.id);
    expect(d.kind).toBe("adjust_budget");
    expect((await movements(s.objectiveId)).slice(1)).toEqual([{ kind: "adjust", amount: "-2000000.00", documentNo: null, reason: "执行缓慢，压减预算", dispositionId: d.id }]);
    expect(await money(s.objectiveId)).toMatchObject({ current: "6000000.00", held: "0.00" });
    const [wr] = await database.db.select().from(monitoringWarnings).where(eq(monitoringWarnings.id, w.id));
    expect(wr.state).toBe("disposed");
  });

  it("收回资金: at most what is neither executed nor held; above it nothing is written, within it the budget goes down", async () => {
    const s = await arranged("8000000.00", "800");
    const w = await redWarning(s, "4000000.00"); // 400 万元 left
    const base = { warningId: w.id, version: w.version, kind: "reclaim" as const, comment: "闲置资金收回" };
    expect(fieldError(await disposeWarning({ ...base, amount: "400.01" }), "amount")).toContain("400");
    expect(await dispositionsOf(w.id)).toEqual([]);
    expect((await movements(s.objectiveId)).length).toBe(1);
    expect(await disposeWarning({ ...base, amount: "250" })).toMatchObject({ ok: true });
    expect((await movements(s.objectiveId)).at(-1)).toMatchObject({ kind: "reclaim", amount: "-2500000.00" });
    expect((await money(s.objectiveId)).current).toBe("5500000.00");
  });

  it("暂缓拨款 holds an amount (the budget stays), 恢复 releases at most what is held; two reclaims at once never over-draw", async () => {
    const s = await arranged("8000000.00", "800");
    const w1 = await redWarning(s, "2000000.00", 9);
    expect(fieldError(await disposeWarning({ warningId: w1.id, version: w1.version, kind: "suspend", comment: "整改前暂缓", amount: "600.01" }), "amount")).toContain("600");
    expect(await disposeWarning({ warningId: w1.id, version: w1.version, kind: "suspend", comment: "整改前暂缓", amount: "300" })).toMatchObject({ ok: true });
    expect(await money(s.objectiveId)).toMatchObject({ current: "8000000.00", held: "3000000.00" });
    const [d] = await dispositionsOf(w1.id);
    expect(fieldError(await releaseHold({ dispositionId: d.id, amount: "300.01" }), "amount")).toContain("300");
    expect(fieldError(await releaseHold({ dispositionId: d.id, amount: "x" }), "amount")).toContain("万元");
    await signInAs(database, "filer");
    expect(await releaseHold({ dispositionId: d.id, amount: "100" })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(database, "reviewer");
    expect(await releaseHold({ dispositionId: d.id, amount: "100", reason: "已整改" })).toMatchObject({ ok: true, data: { kind: "release", amount: "-1000000.00", held: "2000000.00" } });
    // Left to reclaim: 800 − 200 executed − 200 held = 400 万元. Two officers reclaim 300 each at once: one is refused (100 left).
    const w2 = await redWarning(s, "2000000.00", 10);
    const w3 = await redWarning(s, "2000000.00", 11);
    const a = await signInAs(database, "reviewer");
    const b = await signInAs(database, "admin");
    const { asSession } = await import("../helpers/session");
    const results = await Promise.all([
      asSession(a, () => disposeWarning({ warningId: w2.id, version: w2.version, kind: "reclaim", comment: "收回", amount: "300" })),
      asSession(b, () => disposeWarning({ warningId: w3.id, version: w3.version, kind: "reclaim", comment: "收回", amount: "300" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(fieldError(refused, "amount")).toContain("100");
    const reclaims = (await movements(s.objectiveId)).filter((m) => m.kind === "reclaim");
    expect(reclaims.map((m) => m.amount)).toEqual(["-3000000.00"]);
    expect(await money(s.objectiveId)).toMatchObject({ current: "5000000.00", held: "2000000.00" });
  });
});

describe("批复 and 公开 (the five synchronised steps)", () => {
  it("disclosing an objective without an arranged budget is refused with the reason; once arranged it is disclosed with exactly the ledger's amount", async () => {
    const s = await approvedSubject("3000000.00");
    await signInAs(database, "admin");
    const res = await discloseObjectives({ fiscalYear: YEAR, items: [{ objectiveId: s.objectiveId }] });
    expect(fieldError(res, "items.0.objectiveId")).toContain("尚未安排预算");
    expect(await database.db.select().from(disclosures).where(eq(disclosures.objectiveId, s.objectiveId))).toEqual([]);
    expect((await arrangeBudget({ objectiveId: s.objectiveId, amount: "280.25", documentNo: "粤财预〔2027〕9号", documentDate: "2027-01-12" })).ok).toBe(true);
    expect(await discloseObjectives({ fiscalYear: YEAR, items: [{ objectiveId: s.objectiveId }] })).toMatchObject({ ok: true });
    const [d] = await database.db.select().from(disclosures).where(and(eq(disclosures.objectiveId, s.objectiveId), isNull(disclosures.withdrawnAt)));
    expect(d.amount).toBe("2802500.00");
  });

  it("finance approves a department's objectives with their amounts as one act; the desk proposes exactly those with the deadline 20 days on; a second 批复 is a conflict", async () => {
    const s1 = await approvedSubject("2000000.00");
    const s2 = await approvedSubject("4000000.00");
    const dept = s1.departmentOrgId;
    await signInAs(database, "admin");
    const input = { departmentOrgId: dept, fiscalYear: YEAR, documentNo: "粤财预〔2027〕20号", documentDate: "2027-01-20", items: [{ objectiveId: s1.objectiveId, amount: "200" }, { objectiveId: s2.objectiveId, amount: "380" }] };
    // A bad amount on one item: nothing is written for either.
    const bad = await approveBudget({ ...input, items: [input.items[0], { objectiveId: s2.objectiveId, amount: "-1" }] });
    expect(fieldError(bad, "items.1.amount")).toContain("万元");
    const over = await approveBudget({ ...input, items: [input.items[0], { objectiveId: s2.objectiveId, amount: "401" }] });
    expect(fieldError(over, "reason")).toContain("400");
    expect(await movements(s1.objectiveId)).toEqual([]);
    const ok = await approveBudget(input);
    expect(ok).toMatchObject({ ok: true, data: { disclosureDeadline: "2027-02-09" } });
    expect(await money(s1.objectiveId)).toMatchObject({ current: "2000000.00", arrangedOn: "2027-01-20" });
    expect(await money(s2.objectiveId)).toMatchObject({ current: "3800000.00", arrangedOn: "2027-01-20" });
    expect(await approveBudget({ ...input, items: [{ objectiveId: (await approvedSubject("100.00")).objectiveId, amount: "0.01" }] })).toMatchObject({ ok: false, code: "conflict" });
    const { disclosureCandidates } = await import("@/lib/disclosure/manage");
    const { getActor } = await import("@/lib/auth/current-user");
    const actor = await getActor();
    const desk = await disclosureCandidates(database.db, actor!, YEAR, 1);
    const mine = desk.rows.filter((r) => r.id === s1.objectiveId || r.id === s2.objectiveId);
    expect(mine.map((r) => [r.amount, r.deadline]).sort()).toEqual([
      ["2000000.00", "2027-02-09"],
      ["3800000.00", "2027-02-09"],
    ]);
    const unarranged = await approvedSubject("100.00");
    expect(desk.rows.some((r) => r.id === unarranged.objectiveId)).toBe(false);
  });

  it("an objective of another department or year is refused on its item", async () => {
    const s = await approvedSubject("100000.00");
    const other = await orgByCode(database, "440000-WJ");
    await signInAs(database, "admin");
    const res = await approveBudget({ departmentOrgId: other.id, fiscalYear: YEAR, documentNo: "粤财预〔2027〕30号", documentDate: "2027-01-20", items: [{ objectiveId: s.objectiveId, amount: "10" }] });
    expect(fieldError(res, "items.0.objectiveId")).toContain("不属于");
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from budget_approvals where department_org_id = ${other.id}`);
    expect(n).toBe(0);
  });
});
