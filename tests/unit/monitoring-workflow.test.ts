import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/db/schema/enums";
import { mayEditReport, type ReportRef } from "@/lib/monitoring/workflow";
import { reportWorkflow } from "@/lib/workflow/machines";

const availableReportEvents = reportWorkflow.available;

const actor = (role: Role, orgPath: string): Actor => ({
  userId: 1, username: role, displayName: role, orgId: 1, orgName: "", orgKind: "unit", orgPath, regionId: 1, regionName: "", regionPath: "/1/", roles: [role], sessionId: "s",
});
const unitReport = (state: ReportRef["state"]): ReportRef => ({ id: 1, state, version: 1, ownerIsDepartment: false, orgPath: "/5/6/", regionPath: "/1/" });
const deptReport = (state: ReportRef["state"]): ReportRef => ({ id: 2, state, version: 1, ownerIsDepartment: true, orgPath: "/5/", regionPath: "/1/" });

describe("monitoring report workflow", () => {
  const filer = actor("unit_filer", "/5/6/");
  const otherFiler = actor("unit_filer", "/5/7/");
  const dept = actor("dept_reviewer", "/5/");
  const finance = actor("finance_reviewer", "/9/");

  it("a unit's report: its filer submits a draft or a returned one; the department passes or returns it", () => {
    expect(availableReportEvents(filer, unitReport("draft"))).toEqual(["submit"]);
    expect(availableReportEvents(filer, unitReport("returned"))).toEqual(["submit"]);
    expect(availableReportEvents(filer, unitReport("dept_review"))).toEqual([]);
    expect(availableReportEvents(dept, unitReport("dept_review"))).toEqual(["dept_pass", "dept_return"]);
    expect(availableReportEvents(dept, unitReport("accepted"))).toEqual([]);
  });

  it("nobody else files it: another unit, the department (it files only its own), finance", () => {
    expect(mayEditReport(otherFiler, unitReport("draft"))).toBe(false);
    expect(mayEditReport(dept, unitReport("draft"))).toBe(false);
    expect(mayEditReport(finance, unitReport("draft"))).toBe(false);
    expect(availableReportEvents(finance, unitReport("dept_review"))).toEqual([]);
  });

  it("a department's own report has no department stage: submitting it files it", () => {
    expect(availableReportEvents(dept, deptReport("draft"))).toEqual(["submit"]);
    expect(availableReportEvents(filer, deptReport("draft"))).toEqual([]);
  });
});
