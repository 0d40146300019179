import { describe, expect, it } from "vitest";
import { projects } from "@/db/schema";
import type { ProjectState, Role } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { ActionError } from "@/lib/errors";
import { defineWorkflow, mermaidOf, type Transition, type WorkflowRef } from "@/lib/workflow/define";
import { keyEvaluationWorkflow, selfEvaluationWorkflow } from "@/lib/workflow/machines";

/*
 * The engine itself, on a small machine of its own: which events an actor may fire now, and each
 * refusal of `assert` (what `fire` checks before it writes). Writing is tested on both drivers in
 * tests/integration/workflow-engine.test.ts.
 */
interface Ref extends WorkflowRef<ProjectState> {
  big: boolean;
}
interface TestTransition extends Transition<ProjectState, "start" | "admit" | "withdraw"> {
  guard?: "small" | "big";
  requires?: readonly "funded"[];
}
const T: readonly TestTransition[] = [
  { event: "start", from: ["budgeted"], to: "executing", roles: ["unit_filer"], permission: "project.write", guard: "small" },
  { event: "start", from: ["budgeted"], to: "executing", roles: ["dept_reviewer"], permission: "project.write", guard: "big" },
  { event: "admit", from: ["reserve"], to: "admitted", roles: ["finance_reviewer"], permission: "declaration.review.finance", requires: ["funded"] },
  { event: "withdraw", from: ["reserve", "admitted"], to: "withdrawn", roles: ["finance_reviewer"], permission: "declaration.review.finance" },
];

const machine = defineWorkflow<typeof projects, TestTransition, Ref, { funded: boolean }>({
  name: "project",
  objectType: "project",
  title: "test",
  table: projects,
  stateColumn: "state",
  initial: "reserve",
  transitions: T,
  guards: { small: (r) => !r.big, big: (r) => r.big },
  requirements: { funded: (f) => f.funded },
});

function actor(role: Role, orgPath: string, regionPath = "/1/"): Actor {
  return { userId: 1, username: role, displayName: role, orgId: 1, orgName: "", orgKind: "unit", orgPath, regionId: 1, regionName: "", regionPath, roles: [role], sessionId: "s" };
}
const filer = actor("unit_filer", "/10/11/");
const otherFiler = actor("unit_filer", "/10/12/");
const finance = actor("finance_reviewer", "/30/");
const cityFinance = actor("finance_reviewer", "/31/", "/1/4/");
const ref = (state: ProjectState, big = false, version = 3): Ref => ({ id: 7, state, version, big, orgPath: "/10/11/", regionPath: "/1/" });

function refusal(f: () => unknown): { code: string; fieldErrors?: unknown } | null {
  try {
    f();
    return null;
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    return { code: e.code, fieldErrors: e.fieldErrors };
  }
}

describe("defineWorkflow: available", () => {
  it("lists what this actor may fire from this state, through the guard that selects the row", () => {
    expect(machine.available(filer, ref("budgeted"))).toEqual(["start"]);
    expect(machine.available(filer, ref("budgeted", true))).toEqual([]);
    expect(machine.available(finance, ref("reserve"))).toEqual(["admit", "withdraw"]);
    expect(machine.available(finance, ref("executing"))).toEqual([]);
  });

  it("counts only the row's roles, each within its scope", () => {
    expect(machine.available(otherFiler, ref("budgeted"))).toEqual([]);
    expect(machine.available(cityFinance, ref("reserve"))).toEqual([]);
    // A finance reviewer holding unit_filer elsewhere does not start a unit's project.
    expect(machine.available({ ...finance, roles: ["finance_reviewer", "unit_filer"] }, ref("budgeted"))).toEqual([]);
  });

  it("does not hold back an event for a precondition: the server says why when it is pressed", () => {
    expect(machine.available(finance, ref("reserve"))).toContain("admit");
  });
});

describe("defineWorkflow: the refusals before writing", () => {
  it("a stale version is a conflict, checked first", () => {
    expect(refusal(() => machine.assert(filer, ref("budgeted"), "start", 2))).toMatchObject({ code: "conflict" });
    expect(refusal(() => machine.assert(filer, ref("withdrawn"), "start", 2))).toMatchObject({ code: "conflict" });
  });

  it("no row from this state is forbidden with workflow.notNow", () => {
    expect(refusal(() => machine.assert(filer, ref("executing"), "start", 3))).toEqual({ code: "forbidden", fieldErrors: { _form: "workflow.notNow" } });
    // The guard selects the row: a big project has no row for the unit's filer, only for its department.
    expect(refusal(() => machine.assert(filer, ref("budgeted", true), "start", 3))).toMatchObject({ code: "forbidden" });
  });

  it("an actor out of role or out of scope is forbidden", () => {
    expect(refusal(() => machine.assert(otherFiler, ref("budgeted"), "start", 3))).toEqual({ code: "forbidden", fieldErrors: undefined });
    expect(refusal(() => machine.assert(finance, ref("budgeted"), "start", 3))).toMatchObject({ code: "forbidden" });
    expect(refusal(() => machine.assert(cityFinance, ref("reserve"), "withdraw", 3))).toMatchObject({ code: "forbidden" });
  });

  it("a failing precondition is the user's message; a holding one lets it through", () => {
    expect(refusal(() => machine.assert(finance, ref("reserve"), "admit", 3, { funded: false }))).toEqual({ code: "invalid_input", fieldErrors: { _form: "workflow.guard.funded" } });
    expect(machine.assert(finance, ref("reserve"), "admit", 3, { funded: true })).toMatchObject({ to: "admitted" });
    expect(machine.assert(filer, ref("budgeted"), "start", 3)).toMatchObject({ roles: ["unit_filer"] });
  });

  it("a machine may say 'not now' its own way", () => {
    const strict = defineWorkflow<typeof projects, TestTransition, Ref, { funded: boolean }>({
      name: "project",
      objectType: "project",
      title: "test",
      table: projects,
      stateColumn: "state",
      initial: "reserve",
      transitions: T,
      guards: { small: (r) => !r.big, big: (r) => r.big },
      requirements: { funded: (f) => f.funded },
      notNow: () => new ActionError("conflict"),
    });
    expect(refusal(() => strict.assert(finance, ref("withdrawn"), "withdraw", 3))).toMatchObject({ code: "conflict" });
  });
});

describe("defineWorkflow: declaration", () => {
  it("refuses a table naming a guard or precondition it does not declare", () => {
    const spec = { name: "project", objectType: "project", title: "t", table: projects, stateColumn: "state" as const, initial: "reserve" as const, transitions: T };
    expect(() => defineWorkflow({ ...spec, requirements: { funded: () => true } } as never)).toThrow(/guard small/);
    expect(() => defineWorkflow({ ...spec, guards: { small: () => true, big: () => true } } as never)).toThrow(/requirement funded/);
    expect(() => defineWorkflow({ ...spec, stateColumn: "nope", guards: { small: () => true, big: () => true }, requirements: { funded: () => true } } as never)).toThrow(/no column nope/);
  });

  it("draws each row from each of its states, with its conditions and roles", () => {
    expect(mermaidOf(machine)).toEqual([
      "stateDiagram-v2",
      "  [*] --> reserve",
      "  budgeted --> executing: start [small] (unit_filer)",
      "  budgeted --> executing: start [big] (dept_reviewer)",
      "  reserve --> admitted: admit [funded] (finance_reviewer)",
      "  reserve --> withdrawn: withdraw (finance_reviewer)",
      "  admitted --> withdrawn: withdraw (finance_reviewer)",
    ]);
  });
});

describe("the declared machines", () => {
  it("a key evaluation's evaluator reaches it through the engagement, not the org tree", () => {
    const evaluator = { ...actor("evaluator", "/50/"), orgId: 50 };
    const k = { id: 1, state: "assigned" as const, version: 1, agencyOrgId: 50, orgPath: "/10/11/", regionPath: "/1/" };
    expect(keyEvaluationWorkflow.available(evaluator, k)).toEqual(["submit"]);
    expect(keyEvaluationWorkflow.available({ ...evaluator, orgId: 51 }, k)).toEqual([]);
    // Finance scores only one it runs itself.
    expect(keyEvaluationWorkflow.available(finance, k)).toEqual([]);
    expect(keyEvaluationWorkflow.available(finance, { ...k, agencyOrgId: null })).toEqual(["submit"]);
    expect(keyEvaluationWorkflow.available(finance, { ...k, state: "submitted" })).toEqual(["accept"]);
  });

  it("a self-evaluation's return needs no reason to be offered, and a department's own skips its department", () => {
    const se = { id: 1, state: "draft" as const, version: 1, ownerKind: "department" as const, orgPath: "/10/", regionPath: "/1/" };
    expect(selfEvaluationWorkflow.find("submit", se)?.to).toBe("finance_review");
    expect(selfEvaluationWorkflow.find("submit", { ...se, ownerKind: "unit" })?.to).toBe("dept_review");
  });
});
