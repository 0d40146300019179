import { describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { PROJECT_STATES, ROLES, type OrgKind, type ProjectState, type Role } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { ActionError } from "@/lib/errors";
import { mayEditReport } from "@/lib/monitoring/workflow";
import {
  indicatorChangeWorkflow,
  keyEvaluationWorkflow,
  objectiveWorkflow,
  projectWorkflow,
  proposalWorkflow,
  rectificationWorkflow,
  reportWorkflow,
  ruleSetWorkflow,
  selfEvaluationWorkflow,
  warningRectificationWorkflow,
  warningWorkflow,
  type ObjectiveRef, type ProjectRef, type ReportRef, type SelfEvaluationRef } from "@/lib/workflow/machines";
import { EDITABLE_STATES } from "@/lib/workflow/objective";
import type { ProjectFacts } from "@/lib/workflow/project";
import { SELF_EVALUATION_GUARDS } from "@/lib/workflow/self-evaluation";
import { stateDiagrams, withDiagrams, DIAGRAM_END, DIAGRAM_START } from "@/lib/workflow/diagram";

/*
 * The workflows as their users meet them, through the declared machines (lib/workflow/machines.ts)
 * only (so these tests hold whatever shape the tables take): which buttons a role is offered in
 * each state (`available`), what the server refuses and with which message, and — on a recording
 * stand-in for the transaction — the state written and the audit row that says who did what (`fire`).
 */
const place = { unit: { orgPath: "/10/11/", regionPath: "/1/" }, department: { orgPath: "/10/", regionPath: "/1/" } } as const;

function actor(role: Role, orgPath = role === "unit_filer" ? "/10/11/" : role === "dept_reviewer" ? "/10/" : "/30/"): Actor {
  return { userId: 7, username: role, displayName: role, orgId: 3, orgName: "", orgKind: "unit", orgPath, regionId: 1, regionName: "", regionPath: "/1/", roles: [role], sessionId: "s", ip: "10.0.0.9" };
}

const dialect = new PgDialect();
/** SQL as PostgreSQL would be sent it: its text and parameters. */
const sqlOf = (v: unknown) => dialect.sqlToQuery(v as SQL);

/** A query builder of the stand-in: every step returns itself; awaited, it gives `result`. */
function chain(result: unknown): unknown {
  const p: unknown = new Proxy(() => p, {
    get: (_t, k) => (k === "then" ? (resolve: (v: unknown) => void) => resolve(result) : () => p),
    apply: () => p,
  });
  return p;
}
/**
 * A transaction that records the state written and the audit row, and answers the conditional
 * update with `rows`. Reads (the notification rules' look-ups after the audit row) find nothing.
 */
function recordingTx(rows: Record<string, unknown>[] = [{ version: 5 }]) {
  const seen: { set: Record<string, unknown>[]; where: { sql: string; params: unknown[] }[]; audit: Record<string, unknown>[] } = { set: [], where: [], audit: [] };
  const tx = {
    update: () => ({
      set: (v: Record<string, unknown>) => (
        seen.set.push(v), { where: (w: SQL) => (seen.where.push(dialect.sqlToQuery(w)), { returning: async () => rows }) }
      ),
    }),
    insert: (table: unknown) => ({ values: (v: Record<string, unknown>) => (table === auditLog && seen.audit.push(v), chain([])) }),
    select: () => chain([]),
  };
  return { tx: tx as unknown as Tx, seen };
}
/** A transaction that must not be touched: the refusal comes first. */
const untouchable = new Proxy({}, { get: () => { throw new Error("the database was touched before the refusal"); } }) as Tx;

async function refusal(p: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    return { code: e.code, fieldErrors: e.fieldErrors, refusedObject: e.refusedObject };
  }
  throw new Error("not refused");
}

describe("project pool: who moves a project, and what must hold first", () => {
  const project = (state: ProjectState, at: { orgPath: string; regionPath: string } = place.unit): ProjectRef => ({ id: 9, state, version: 3, ...at });
  const offered = (role: Role, state: ProjectState) => projectWorkflow.available(actor(role), project(state));
  it("finance admits, budgets and withdraws; the unit starts and completes; nothing after completed or withdrawn", () => {
    const expected: Record<ProjectState, Partial<Record<Role, string[]>>> = {
      reserve: { finance_reviewer: ["admit", "withdraw"], finance_admin: ["admit", "withdraw"] },
      admitted: { finance_reviewer: ["budget", "withdraw"], finance_admin: ["budget", "withdraw"] },
      budgeted: { finance_reviewer: ["withdraw"], finance_admin: ["withdraw"], unit_filer: ["start"] },
      executing: { finance_reviewer: ["withdraw"], finance_admin: ["withdraw"], unit_filer: ["complete"] },
      completed: {},
      withdrawn: {},
    };
    for (const state of PROJECT_STATES) for (const role of ROLES) expect(offered(role, state), `${role} in ${state}`).toEqual(expected[state][role] ?? []);
    // A department starts its own project, not its units'.
    expect(projectWorkflow.available(actor("dept_reviewer"), project("budgeted", place.department))).toEqual(["start"]);
    expect(projectWorkflow.available(actor("dept_reviewer"), project("executing", place.department))).toEqual(["complete"]);
  });

  const facts = (f: Partial<ProjectFacts> = {}): ProjectFacts => ({ hasApprovedObjective: true, appraisalRequired: true, appraisal: "support", ...f });
  const admit = (f: Partial<ProjectFacts>) => refusal(projectWorkflow.fire(untouchable, actor("finance_reviewer"), project("reserve"), "admit", 3, { facts: facts(f) }));
  it("no objective, no pool: admitting or budgeting without an approved objective is refused with that reason", async () => {
    expect(await admit({ hasApprovedObjective: false })).toEqual({ code: "invalid_input", fieldErrors: { _form: "workflow.guard.objectiveApproved" }, refusedObject: undefined });
    expect(await refusal(projectWorkflow.fire(untouchable, actor("finance_admin"), project("admitted"), "budget", 3, { facts: facts({ hasApprovedObjective: false }) }))).toMatchObject({
      fieldErrors: { _form: "workflow.guard.objectiveApproved" },
    });
  });
  it("a required appraisal must exist and support; a 'do not support' blocks even when none was required", async () => {
    expect(await admit({ appraisal: null })).toMatchObject({ code: "invalid_input", fieldErrors: { _form: "workflow.guard.appraisalSupports" } });
    expect(await admit({ appraisal: "not_support", appraisalRequired: false })).toMatchObject({ fieldErrors: { _form: "workflow.guard.appraisalSupports" } });
    // Both fail: the objective is named first.
    expect(await admit({ hasApprovedObjective: false, appraisal: null })).toMatchObject({ fieldErrors: { _form: "workflow.guard.objectiveApproved" } });
  });
  it("with the guards holding, the project moves, with its audit row and the reason given", async () => {
    for (const f of [facts(), facts({ appraisal: "support_after_revision" }), facts({ appraisalRequired: false, appraisal: null })]) {
      const { tx, seen } = recordingTx();
      const r = await projectWorkflow.fire(tx, actor("finance_reviewer"), project("reserve"), "admit", 3, { facts: f, audit: { reason: "入库" } });
      expect(r).toMatchObject({ version: 5, to: "admitted", transition: { to: "admitted" } });
      expect(seen.set[0]).toMatchObject({ state: "admitted" });
      expect(seen.audit[0]).toMatchObject({ action: "project.admit", objectType: "project", objectId: "9", actorUserId: 7, actorName: "finance_reviewer", actorOrgId: 3, ip: "10.0.0.9", before: { state: "reserve", version: 3 }, after: { state: "admitted", version: 5, reason: "入库" } });
    }
    // Withdrawing asks nothing of the objective.
    const { tx, seen } = recordingTx();
    await projectWorkflow.fire(tx, actor("finance_admin"), project("executing"), "withdraw", 3, { facts: facts({ hasApprovedObjective: false }) });
    expect(seen.set[0]).toMatchObject({ state: "withdrawn" });
    expect(seen.audit[0]).toMatchObject({ action: "project.withdraw", after: { state: "withdrawn" } });
  });
  it("refuses a stale page, a move the pool does not have now, and a role or place that may not", async () => {
    expect(await refusal(projectWorkflow.fire(untouchable, actor("finance_reviewer"), project("reserve"), "admit", 2, { facts: facts() }))).toEqual({ code: "conflict", fieldErrors: undefined, refusedObject: undefined });
    expect(await refusal(projectWorkflow.fire(untouchable, actor("finance_reviewer"), project("completed"), "withdraw", 3, { facts: facts() }))).toEqual({ code: "forbidden", fieldErrors: { _form: "workflow.notNow" }, refusedObject: undefined });
    expect(await refusal(projectWorkflow.fire(untouchable, actor("unit_filer"), project("reserve"), "admit", 3, { facts: facts() }))).toEqual({ code: "forbidden", fieldErrors: undefined, refusedObject: { type: "project", id: 9 } });
    const { tx, seen } = recordingTx([]);
    expect(await refusal(projectWorkflow.fire(tx, actor("finance_reviewer"), project("reserve"), "admit", 3, { facts: facts() }))).toMatchObject({ code: "conflict" });
    expect(seen.audit).toEqual([]);
  });
});

describe("objective: the server writes what the table allows, and says so in the audit log", () => {
  const objective = (state: ObjectiveRef["state"], ownerKind: OrgKind = "unit", isAdjustment = false): ObjectiveRef => ({ id: 4, state, version: 2, ownerKind, isAdjustment, ...(ownerKind === "unit" ? place.unit : place.department) });
  it("a unit's submission goes to its department, a department's straight to finance", async () => {
    for (const [kind, to] of [["unit", "dept_review"], ["department", "finance_review"]] as const) {
      const { tx, seen } = recordingTx();
      const filer = actor(kind === "unit" ? "unit_filer" : "dept_reviewer");
      const r = await objectiveWorkflow.fire(tx, filer, objective("draft", kind), "submit", 2, { set: { submittedAt: new Date(0) }, audit: { note: "x" } });
      expect(r).toMatchObject({ version: 5, to, transition: { to } });
      expect(seen.set[0]).toMatchObject({ state: to, submittedAt: new Date(0) });
      expect(seen.set[0].updatedAt).toBeInstanceOf(Date);
      expect(seen.audit[0]).toMatchObject({ action: "objective.submit", objectType: "objective", objectId: "4", actorUserId: 7, ip: "10.0.0.9", before: { state: "draft", version: 2 }, after: { state: to, version: 5, note: "x" } });
    }
  });
  it("refuses a stale page, a move not open now, and a reviewer of another department", async () => {
    expect(await refusal(objectiveWorkflow.fire(untouchable, actor("unit_filer"), objective("draft"), "submit", 1))).toMatchObject({ code: "conflict" });
    expect(await refusal(objectiveWorkflow.fire(untouchable, actor("unit_filer"), objective("approved"), "submit", 2))).toEqual({ code: "forbidden", fieldErrors: { _form: "workflow.notNow" }, refusedObject: undefined });
    expect(await refusal(objectiveWorkflow.fire(untouchable, actor("finance_reviewer"), objective("finance_review", "unit", true), "finance_reject", 2))).toMatchObject({ fieldErrors: { _form: "workflow.notNow" } });
    expect(await refusal(objectiveWorkflow.fire(untouchable, actor("dept_reviewer", "/20/"), objective("dept_review"), "dept_pass", 2))).toEqual({ code: "forbidden", fieldErrors: undefined, refusedObject: { type: "objective", id: 4 } });
    const { tx } = recordingTx([]);
    expect(await refusal(objectiveWorkflow.fire(tx, actor("dept_reviewer"), objective("dept_review"), "dept_pass", 2))).toMatchObject({ code: "conflict" });
  });
  it("a filer holding a second role is offered each button once", () => {
    const both = { ...actor("dept_reviewer"), roles: ["dept_reviewer", "unit_filer"] as Role[] };
    expect(objectiveWorkflow.available(both, objective("draft", "department"))).toEqual(["submit"]);
  });
  it("the wizard is open in draft and returned only", () => expect([...EDITABLE_STATES]).toEqual(["draft", "returned"]));
});

describe("self-evaluation: filled by the unit, reviewed by its department, accepted by finance", () => {
  const se = (state: SelfEvaluationRef["state"], ownerKind: OrgKind = "unit"): SelfEvaluationRef => ({ id: 6, state, version: 1, ownerKind, ...(ownerKind === "unit" ? place.unit : place.department) });
  const states: SelfEvaluationRef["state"][] = ["draft", "dept_review", "finance_review", "returned", "accepted"];
  it("offers each role its buttons in each state", () => {
    const unitExpected: Record<string, Partial<Record<Role, string[]>>> = {
      draft: { unit_filer: ["submit"] },
      returned: { unit_filer: ["submit"] },
      dept_review: { dept_reviewer: ["dept_pass", "dept_return"] },
      finance_review: { finance_reviewer: ["finance_accept", "finance_return"], finance_admin: ["finance_accept", "finance_return"] },
      accepted: {},
    };
    for (const s of states) for (const role of ROLES) expect(selfEvaluationWorkflow.available(actor(role), se(s)), `${role} in ${s}`).toEqual(unitExpected[s][role] ?? []);
    expect(selfEvaluationWorkflow.available(actor("dept_reviewer"), se("draft", "department"))).toEqual(["submit"]);
    expect(selfEvaluationWorkflow.available(actor("dept_reviewer", "/20/"), se("dept_review"))).toEqual([]);
  });
  it("a unit's goes to its department, a department's own straight to finance", async () => {
    for (const [kind, to, who] of [["unit", "dept_review", "unit_filer"], ["department", "finance_review", "dept_reviewer"]] as const) {
      const { tx, seen } = recordingTx();
      const r = await selfEvaluationWorkflow.fire(tx, actor(who), se("draft", kind), "submit", 1, { set: { summary: "s" }, audit: { total: "90.00" } });
      expect(r).toMatchObject({ version: 5, to, transition: { to } });
      expect(seen.set[0]).toMatchObject({ state: to, summary: "s" });
      expect(seen.set[0]).not.toHaveProperty("returnReason");
      expect(seen.audit[0]).toMatchObject({ action: "selfEvaluation.submit", objectType: "self_evaluation", objectId: "6", actorUserId: 7, before: { state: "draft", version: 1 }, after: { state: to, version: 5, total: "90.00" } });
    }
  });
  it("the returns, and only they, ask for a reason; a refused reason writes nothing", async () => {
    // lib/evaluation/operations.ts refuses a return without its reason through `check`, from the row's needsReason.
    const needing = (event: string, s: SelfEvaluationRef["state"]) => selfEvaluationWorkflow.find(event as never, se(s))?.needsReason ?? false;
    expect([needing("dept_return", "dept_review"), needing("finance_return", "finance_review")]).toEqual([true, true]);
    expect([needing("submit", "draft"), needing("dept_pass", "dept_review"), needing("finance_accept", "finance_review")]).toEqual([false, false, false]);
    const noReason = (t: { needsReason?: boolean }) => {
      if (t.needsReason) throw new ActionError("invalid_input", { reason: "evaluation.errors.reasonRequired" });
    };
    expect(await refusal(selfEvaluationWorkflow.fire(untouchable, actor("dept_reviewer"), se("dept_review"), "dept_return", 1, { check: noReason }))).toEqual({
      code: "invalid_input", fieldErrors: { reason: "evaluation.errors.reasonRequired" }, refusedObject: undefined,
    });
    const { tx, seen } = recordingTx();
    await selfEvaluationWorkflow.fire(tx, actor("finance_admin"), se("finance_review"), "finance_return", 1, { set: (t) => (t.needsReason ? { returnReason: "缺少佐证材料" } : {}), audit: { reason: "缺少佐证材料" } });
    expect(seen.set[0]).toMatchObject({ state: "returned", returnReason: "缺少佐证材料" });
    expect(seen.audit[0]).toMatchObject({ action: "selfEvaluation.finance_return", after: { state: "returned", reason: "缺少佐证材料" } });
  });
  it("refuses a stale page, a move not open now, and someone out of scope", async () => {
    expect(await refusal(selfEvaluationWorkflow.fire(untouchable, actor("unit_filer"), se("draft"), "submit", 0))).toMatchObject({ code: "conflict" });
    expect(await refusal(selfEvaluationWorkflow.fire(untouchable, actor("unit_filer"), se("accepted"), "submit", 1))).toEqual({ code: "forbidden", fieldErrors: { _form: "workflow.notNow" }, refusedObject: undefined });
    expect(await refusal(selfEvaluationWorkflow.fire(untouchable, actor("unit_filer", "/10/12/"), se("draft"), "submit", 1))).toEqual({ code: "forbidden", fieldErrors: undefined, refusedObject: { type: "self_evaluation", id: 6 } });
    const { tx } = recordingTx([]);
    expect(await refusal(selfEvaluationWorkflow.fire(tx, actor("finance_admin"), se("finance_review"), "finance_accept", 1))).toMatchObject({ code: "conflict" });
  });
});

describe("monitoring report: filed by the unit, passed or returned by its department", () => {
  const report = (state: ReportRef["state"], ownerIsDepartment = false): ReportRef => ({ id: 8, state, version: 1, ownerIsDepartment, ...(ownerIsDepartment ? place.department : place.unit) });
  it("the department passes or returns, and the audit row says so", async () => {
    expect(reportWorkflow.available(actor("finance_reviewer"), report("draft"))).toEqual([]);
    expect(reportWorkflow.available(actor("dept_reviewer"), report("dept_review"))).toEqual(["dept_pass", "dept_return"]);
    const { tx, seen } = recordingTx();
    expect(await reportWorkflow.fire(tx, actor("dept_reviewer"), report("dept_review"), "dept_return", 1, { set: { reviewComment: "r" }, audit: { comment: "r" } })).toMatchObject({ to: "returned", version: 5 });
    expect(seen.set[0]).toMatchObject({ state: "returned", reviewComment: "r" });
    expect(seen.audit[0]).toMatchObject({ action: "monitoring_report.dept_return", objectType: "monitoring_report", objectId: "8", actorUserId: 7, before: { state: "dept_review", version: 1 }, after: { state: "returned", version: 5, comment: "r" } });
  });
  it("a department's own report is accepted on submission", async () => {
    const { tx } = recordingTx();
    expect(await reportWorkflow.fire(tx, actor("dept_reviewer"), report("draft", true), "submit", 1)).toMatchObject({ to: "accepted", version: 5 });
  });
  it("the figures are editable by whoever may submit the report now, nobody else", () => {
    expect(mayEditReport(actor("unit_filer"), report("draft"))).toBe(true);
    expect(mayEditReport(actor("unit_filer"), report("returned"))).toBe(true);
    expect(mayEditReport(actor("unit_filer"), report("dept_review"))).toBe(false);
    expect(mayEditReport(actor("unit_filer", "/10/12/"), report("draft"))).toBe(false);
    expect(mayEditReport(actor("dept_reviewer"), report("draft"))).toBe(false);
    expect(mayEditReport(actor("dept_reviewer"), report("draft", true))).toBe(true);
  });
  it("refuses a stale page, a move not open now, someone out of scope, and a lost race", async () => {
    expect(await refusal(reportWorkflow.fire(untouchable, actor("unit_filer"), report("draft"), "submit", 2))).toMatchObject({ code: "conflict" });
    expect(await refusal(reportWorkflow.fire(untouchable, actor("unit_filer"), report("accepted"), "submit", 1))).toEqual({ code: "forbidden", fieldErrors: { _form: "workflow.notNow" }, refusedObject: undefined });
    expect(await refusal(reportWorkflow.fire(untouchable, actor("unit_filer"), report("draft", true), "submit", 1))).toMatchObject({ code: "forbidden", refusedObject: { type: "monitoring_report", id: 8 } });
    expect(await refusal(reportWorkflow.fire(untouchable, actor("dept_reviewer", "/20/"), report("dept_review"), "dept_pass", 1))).toEqual({ code: "forbidden", fieldErrors: undefined, refusedObject: { type: "monitoring_report", id: 8 } });
    const { tx } = recordingTx([]);
    expect(await refusal(reportWorkflow.fire(tx, actor("unit_filer"), report("draft"), "submit", 1))).toMatchObject({ code: "conflict" });
  });
});

describe("the state diagrams in docs/ARCHITECTURE.md", () => {
  it("draw every transition with its guard and roles", () => {
    const d = stateDiagrams();
    expect(d).toContain("  [*] --> draft");
    expect(d).toContain("  draft --> dept_review: submit [ownerIsUnit] (unit_filer, dept_reviewer)");
    expect(d).toContain("  approved --> draft: adjust (unit_filer, dept_reviewer)");
    expect(d).toContain("  [*] --> reserve");
    expect(d).toContain("  reserve --> admitted: admit [objectiveApproved, appraisalSupports] (finance_reviewer, finance_admin)");
    expect(d).toContain("  budgeted --> executing: start (unit_filer, dept_reviewer)\n");
  });
  it("replace only what lies between the markers, and refuse a document without them", () => {
    const doc = `before\n${DIAGRAM_START}\nold\n${DIAGRAM_END}\nafter`;
    expect(withDiagrams(doc)).toBe(`before\n${DIAGRAM_START}\n${stateDiagrams()}\n${DIAGRAM_END}\nafter`);
    expect(withDiagrams(`${DIAGRAM_START}${DIAGRAM_END}`)).toBe(`${DIAGRAM_START}\n${stateDiagrams()}\n${DIAGRAM_END}`);
    expect(() => withDiagrams(`${DIAGRAM_START} only`)).toThrow("states markers");
    expect(() => withDiagrams(`only ${DIAGRAM_END}`)).toThrow("states markers");
  });
});

describe("the engine's one writer: a conditional update on the expected state and version", () => {
  const project = (state: ProjectState): ProjectRef => ({ id: 9, state, version: 3, ...place.unit });
  it("writes the new state and version + 1 only where the id, the state and the version are still those the page saw", async () => {
    const { tx, seen } = recordingTx();
    await projectWorkflow.fire(tx, actor("unit_filer"), project("budgeted"), "start", 3);
    // No precondition on starting: no facts needed. The project table has no updatedAt to stamp.
    expect(Object.keys(seen.set[0]).sort()).toEqual(["state", "version"]);
    expect(sqlOf(seen.set[0].version).sql).toBe('"projects"."version" + 1');
    expect(seen.where[0]).toMatchObject({ sql: '("projects"."id" = $1 and "projects"."state" = $2 and "projects"."version" = $3)', params: [9, "budgeted", 3] });
  });
  it("an event with preconditions fired without the facts they need is a bug, said loudly", async () => {
    await expect(projectWorkflow.fire(untouchable, actor("finance_reviewer"), project("reserve"), "admit", 3)).rejects.toThrow("project: admit needs facts");
  });
  it("more writes of the same step join the audit row; the audit row may be named otherwise", async () => {
    const { tx, seen } = recordingTx([{ version: 5, id: 9 }]);
    const written: unknown[] = [];
    await projectWorkflow.fire(tx, actor("finance_admin"), project("admitted"), "withdraw", 3, {
      auditBefore: { amount: "1" },
      alsoWrite: async (row) => (written.push(row), { audit: { disposition: 2 }, objectId: 77 }),
    });
    expect(written).toEqual([{ version: 5, id: 9 }]);
    expect(seen.audit[0]).toMatchObject({ action: "project.withdraw", objectType: "project", objectId: "77", before: { state: "admitted", version: 3, amount: "1" }, after: { state: "withdrawn", version: 5, disposition: 2 } });
    const other = recordingTx();
    await projectWorkflow.fire(other.tx, actor("finance_admin"), project("admitted"), "withdraw", 3, { auditAs: { action: "objective.submit", objectType: "objective", objectId: 4 } });
    expect(other.seen.audit[0]).toMatchObject({ action: "objective.submit", objectType: "objective", objectId: "4" });
    const nothingMore = recordingTx();
    await projectWorkflow.fire(nothingMore.tx, actor("finance_admin"), project("admitted"), "withdraw", 3, { alsoWrite: async () => undefined });
    expect(nothingMore.seen.audit[0]).toMatchObject({ objectId: "9", after: { state: "withdrawn", version: 5 } });
  });
});

describe("the other machines: what a second officer, or a decided object, is told", () => {
  const ref = <S extends string>(state: S, at: { orgPath: string; regionPath: string } = place.unit) => ({ id: 3, state, version: 1, ...at });
  const finance = actor("finance_reviewer");
  it("a warning disposed, a rectification decided, an indicator change decided: it changed meanwhile", async () => {
    expect(await refusal(() => warningWorkflow.assert(finance, ref("disposed"), "dispose", 1))).toEqual({ code: "conflict", fieldErrors: undefined, refusedObject: undefined });
    expect(await refusal(() => warningRectificationWorkflow.assert(finance, ref("accepted"), "accept", 1))).toEqual({ code: "conflict", fieldErrors: undefined, refusedObject: undefined });
    expect(await refusal(() => indicatorChangeWorkflow.assert(actor("finance_admin"), ref("approved", { orgPath: "", regionPath: "/1/" }), "approve", 1))).toEqual({ code: "conflict", fieldErrors: undefined, refusedObject: undefined });
    expect(warningWorkflow.available(finance, ref("open"))).toEqual(["dispose"]);
  });
  it("a proposal decided, a rule set no longer a draft: said in their own words", async () => {
    expect(await refusal(() => proposalWorkflow.assert(finance, ref("confirmed"), "confirm", 1))).toEqual({ code: "forbidden", fieldErrors: { _form: "evaluation.proposal.decided" }, refusedObject: undefined });
    expect(await refusal(() => ruleSetWorkflow.assert(actor("finance_admin"), ref("active", { orgPath: "", regionPath: "/1/" }), "activate", 1))).toEqual({ code: "forbidden", fieldErrors: { _form: "evaluation.rules.notDraft" }, refusedObject: undefined });
    expect(await refusal(() => rectificationWorkflow.assert(finance, ref("closed"), "close", 1))).toEqual({ code: "forbidden", fieldErrors: { _form: "workflow.notNow" }, refusedObject: undefined });
  });
  it("a key evaluation's evaluator is the engaged agency's; finance with the agency's org id is not one", () => {
    const k = { id: 1, state: "assigned" as const, version: 1, agencyOrgId: 3, ...place.unit };
    expect(keyEvaluationWorkflow.available(actor("evaluator", "/50/"), k)).toEqual(["submit"]);
    expect(keyEvaluationWorkflow.available(finance, k)).toEqual([]);
    expect(keyEvaluationWorkflow.available(actor("evaluator", "/50/"), { ...k, agencyOrgId: null })).toEqual([]);
    expect(keyEvaluationWorkflow.available(actor("finance_reviewer", "/31/"), { ...k, agencyOrgId: null, regionPath: "/2/" })).toEqual([]);
    // One finance runs itself is submitted by finance (the row for an agency's evaluator does not apply).
    expect(keyEvaluationWorkflow.assert(finance, { ...k, agencyOrgId: null }, "submit", 1)).toMatchObject({ to: "submitted", roles: ["finance_reviewer", "finance_admin"] });
  });
  it("a self-evaluation's submission goes by its owner's kind: each guard holds for exactly one kind", () => {
    expect([SELF_EVALUATION_GUARDS.ownerIsUnit({ ownerKind: "unit" }), SELF_EVALUATION_GUARDS.ownerIsUnit({ ownerKind: "department" })]).toEqual([true, false]);
    expect([SELF_EVALUATION_GUARDS.ownerIsDepartment({ ownerKind: "unit" }), SELF_EVALUATION_GUARDS.ownerIsDepartment({ ownerKind: "department" })]).toEqual([false, true]);
  });
});
