import { describe, expect, it } from "vitest";
import { OBJECTIVE_STATES, ROLES, type ObjectiveState, type OrgKind, type Role } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { objectiveWorkflow, type ObjectiveRef } from "@/lib/workflow/machines";

const availableObjectiveEvents = objectiveWorkflow.available;
import { OBJECTIVE_EVENTS, type ObjectiveEvent } from "@/lib/workflow/objective";

/*
 * The objective workflow of DESIGN §3.3–3.4, written out by hand as the list of what IS allowed:
 * [state, event, role, owner kind, adjustment?]. Every other combination of state × event × role ×
 * owner × adjustment must be refused. The actors sit where they can reach the objective, so only
 * the workflow decides.
 */
type Case = [ObjectiveState, ObjectiveEvent, Role, OrgKind, boolean];
const ALLOWED: Case[] = [];
const both = (f: (adj: boolean) => void) => [false, true].forEach(f);
both((adj) => {
  // A unit's objective is filed by the unit's filer; a department's own by the department
  // (its reviewer, or a filer sitting in the department). A department never files for its units.
  const filers: [Role, OrgKind][] = [["unit_filer", "unit"], ["unit_filer", "department"], ["dept_reviewer", "department"]];
  for (const [role, kind] of filers) {
    for (const s of ["draft", "returned"] as ObjectiveState[]) {
      ALLOWED.push([s, "submit", role, kind, adj]);
      if (adj) ALLOWED.push([s, "cancel_adjustment", role, kind, adj]);
    }
    ALLOWED.push([kind === "unit" ? "dept_review" : "finance_review", "recall", role, kind, adj]);
    ALLOWED.push(["approved", "adjust", role, kind, adj]);
  }
  ALLOWED.push(["dept_review", "dept_pass", "dept_reviewer", "unit", adj], ["dept_review", "dept_return", "dept_reviewer", "unit", adj]);
  for (const role of ["finance_reviewer", "finance_admin"] as Role[]) {
    for (const kind of ["unit", "department"] as OrgKind[]) {
      ALLOWED.push(["finance_review", "finance_approve", role, kind, adj], ["finance_review", "finance_return", role, kind, adj]);
      if (!adj) ALLOWED.push(["finance_review", "finance_reject", role, kind, adj]);
    }
  }
});
const key = (c: Case) => c.join("|");
const allowed = new Set(ALLOWED.map(key));

function actorFor(role: Role, ownerKind: OrgKind): Actor {
  // The filer sits in the owning organisation; the department reviewer in the department (the owner
  // itself for a department's own objective, else the unit's parent); finance in the region.
  const orgPath = role === "unit_filer" ? (ownerKind === "unit" ? "/10/11/" : "/10/") : role === "dept_reviewer" ? "/10/" : "/30/";
  return { userId: 1, username: role, displayName: role, orgId: 1, orgName: "", orgKind: "unit", orgPath, regionId: 1, regionName: "", regionPath: "/1/", roles: [role], sessionId: "s" };
}

const cases: Case[] = [];
for (const state of OBJECTIVE_STATES)
  for (const event of OBJECTIVE_EVENTS)
    for (const role of ROLES)
      for (const kind of ["unit", "department"] as OrgKind[])
        for (const adj of [false, true]) cases.push([state, event, role, kind, adj]);

describe("objective workflow: every state × event × role × owner × adjustment", () => {
  it.each(cases.map((c) => ({ c, name: key(c), expected: allowed.has(key(c)) })))("$name → $expected", ({ c, expected }) => {
    const [state, event, role, kind, adj] = c;
    const o: ObjectiveRef = { id: 1, state, version: 1, ownerKind: kind, isAdjustment: adj, orgPath: kind === "unit" ? "/10/11/" : "/10/", regionPath: "/1/" };
    expect(availableObjectiveEvents(actorFor(role, kind), o).includes(event)).toBe(expected);
  });

  it("a department's own objective never waits for a department review", () => {
    for (const s of OBJECTIVE_STATES) {
      const o: ObjectiveRef = { id: 1, state: s, version: 1, ownerKind: "department", isAdjustment: false, orgPath: "/10/", regionPath: "/1/" };
      expect(availableObjectiveEvents(actorFor("dept_reviewer", "department"), o)).not.toContain("dept_pass");
    }
  });

  it("another department's reviewer is offered nothing", () => {
    const o: ObjectiveRef = { id: 1, state: "dept_review", version: 1, ownerKind: "unit", isAdjustment: false, orgPath: "/20/21/", regionPath: "/1/" };
    expect(availableObjectiveEvents(actorFor("dept_reviewer", "unit"), o)).toEqual([]);
  });
});
