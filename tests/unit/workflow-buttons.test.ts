import { describe, expect, it } from "vitest";
import type { OrgKind, Role } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { indicatorChangeWorkflow, warningWorkflow } from "@/lib/workflow/machines";

/*
 * The buttons of the warnings list and the indicator change list, as the pages draw them: from
 * the machines' available() on each row's state and place, nothing decided inline.
 */
function actor(role: Role, orgKind: OrgKind, regionPath: string, orgPath = "/30/"): Actor {
  return { userId: 7, username: role, displayName: role, orgId: 30, orgName: "", orgKind, orgPath, regionId: 1, regionName: "", regionPath, roles: [role], sessionId: "s", ip: "10.0.0.9" };
}
// A unit of a city (region /1/5/) under the province (/1/).
const cityUnit = { orgPath: "/40/41/", regionPath: "/1/5/" };

describe("indicator change requests: who is offered 批准 / 驳回", () => {
  const pending = { id: 1, state: "pending" as const, version: 1, ...cityUnit };
  it("the provincial finance administrator decides a pending request, both ways", () => {
    expect(indicatorChangeWorkflow.available(actor("finance_admin", "finance", "/1/"), pending)).toEqual(["approve", "reject"]);
  });
  it("a city's finance administrator holds the permission but the bank is the province's: no buttons", () => {
    expect(indicatorChangeWorkflow.available(actor("finance_admin", "finance", "/1/5/"), pending)).toEqual([]);
  });
  it("the provincial finance reviewer, an observer and the proposer get none", () => {
    expect(indicatorChangeWorkflow.available(actor("finance_reviewer", "finance", "/1/"), pending)).toEqual([]);
    expect(indicatorChangeWorkflow.available(actor("observer", "oversight", "/1/"), pending)).toEqual([]);
    expect(indicatorChangeWorkflow.available(actor("unit_filer", "unit", "/1/5/", "/40/41/"), pending)).toEqual([]);
  });
  it("a decided request offers nothing, even to the provincial administrator", () => {
    const admin = actor("finance_admin", "finance", "/1/");
    expect(indicatorChangeWorkflow.available(admin, { ...pending, state: "approved" })).toEqual([]);
    expect(indicatorChangeWorkflow.available(admin, { ...pending, state: "rejected" })).toEqual([]);
  });
});

describe("warnings: who is offered 处置", () => {
  const open = { id: 9, state: "open" as const, version: 1, ...cityUnit };
  it("finance of the warning's region or above disposes an open warning", () => {
    expect(warningWorkflow.available(actor("finance_reviewer", "finance", "/1/5/"), open)).toEqual(["dispose"]);
    expect(warningWorkflow.available(actor("finance_admin", "finance", "/1/"), open)).toEqual(["dispose"]);
  });
  it("finance of another city, an observer (人大/审计) and the unit's filer are not", () => {
    expect(warningWorkflow.available(actor("finance_reviewer", "finance", "/1/6/"), open)).toEqual([]);
    expect(warningWorkflow.available(actor("observer", "oversight", "/1/"), open)).toEqual([]);
    expect(warningWorkflow.available(actor("unit_filer", "unit", "/1/5/", "/40/41/"), open)).toEqual([]);
  });
  it("a disposed warning offers nothing", () => {
    expect(warningWorkflow.available(actor("finance_reviewer", "finance", "/1/5/"), { ...open, state: "disposed" })).toEqual([]);
  });
});
