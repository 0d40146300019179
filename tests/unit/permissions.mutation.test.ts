import { describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { PERMISSIONS, PERMISSION_NAMES, hasPermission, ownOrgOnly, permissionDescription, rolesGranting, type Permission, type Role } from "@/lib/auth/permissions";
import { translator } from "@/lib/i18n";
import { canOn, roleReaches, scopeWhere, scopeWhereByIds } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/actor";

/*
 * The permission matrix written out by hand from DESIGN §1 — who is offered (and allowed) what —
 * so that a role added to or dropped from a permission is noticed, and the org-tree scope as the
 * lists filter it.
 */
const ALL: Role[] = ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "evaluator", "observer"];
const FINANCE: Role[] = ["finance_reviewer", "finance_admin"];
const EXPECTED: Record<Permission, { access: "read" | "write"; roles: Role[] }> = {
  "inbox.view": { access: "read", roles: ALL },
  "account.edit": { access: "write", roles: ALL },
  "org.read": { access: "read", roles: ALL },
  "org.profile.edit": { access: "write", roles: ["unit_filer", "dept_reviewer", "finance_admin"] },
  "org.manage": { access: "write", roles: ["finance_admin"] },
  "user.read": { access: "read", roles: ["finance_admin"] },
  "user.manage": { access: "write", roles: ["finance_admin"] },
  "fiscalYear.read": { access: "read", roles: ALL },
  "fiscalYear.manage": { access: "write", roles: ["finance_admin"] },
  "audit.read": { access: "read", roles: ["finance_reviewer", "finance_admin", "observer"] },
  "project.read": { access: "read", roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "observer"] },
  "project.write": { access: "write", roles: ["unit_filer", "dept_reviewer"] },
  "declaration.review.department": { access: "write", roles: ["dept_reviewer"] },
  "declaration.review.finance": { access: "write", roles: FINANCE },
  "appraisal.assign": { access: "write", roles: FINANCE },
  "appraisal.record": { access: "write", roles: [...FINANCE, "evaluator"] },
  "transfer.issue": { access: "write", roles: FINANCE },
  "warning.dispose": { access: "write", roles: FINANCE },
  "monitoring.period.manage": { access: "write", roles: FINANCE },
  "overview.read": { access: "read", roles: ["finance_reviewer", "finance_admin", "observer"] },
  "warning.read": { access: "read", roles: ["finance_reviewer", "finance_admin", "observer"] },
  "evaluation.key.fill": { access: "write", roles: ["evaluator"] },
  "evaluation.rules.manage": { access: "write", roles: ["finance_admin"] },
  "evaluation.review.department": { access: "write", roles: ["dept_reviewer"] },
  "evaluation.review.finance": { access: "write", roles: FINANCE },
  "indicator.propose": { access: "write", roles: ["dept_reviewer"] },
  "indicator.manage": { access: "write", roles: ["finance_admin"] },
  "disclosure.manage": { access: "write", roles: ["finance_admin"] },
  "assessment.read": { access: "read", roles: ["finance_reviewer", "finance_admin", "observer"] },
  "assessment.manage": { access: "write", roles: FINANCE },
  "assessment.framework.manage": { access: "write", roles: ["finance_admin"] },
  "assessment.own": { access: "write", roles: ["dept_reviewer", "finance_reviewer", "finance_admin"] },
};

describe("the permission matrix, role by role", () => {
  it("lists exactly these permissions", () => expect([...PERMISSION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort()));
  it.each(Object.entries(EXPECTED))("%s: granted to exactly its roles", (permission, e) => {
    const p = permission as Permission;
    for (const role of ALL) expect(hasPermission([role], p), `${role}`).toBe(e.roles.includes(role));
    expect(PERMISSIONS[p].access).toBe(e.access);
    expect(rolesGranting(ALL, p)).toEqual(ALL.filter((r) => e.roles.includes(r)));
  });
  it("describes every permission in the reader's language, from the dictionaries", () => {
    for (const p of PERMISSION_NAMES) {
      expect(translator("zh")(permissionDescription(p)), p).toMatch(/^[^/]*[\u4e00-\u9fff][^/]*$/);
      expect(translator("en")(permissionDescription(p)), p).toMatch(/^[A-Z][^\u4e00-\u9fff/]+$/);
    }
    expect(translator("zh")(permissionDescription("warning.dispose"))).toBe("处置监控预警");
    expect(translator("en")(permissionDescription("warning.dispose"))).toBe("Dispose monitoring warnings");
  });
  it("a department files only for itself, not for its units; nobody else is so narrowed", () => {
    for (const p of PERMISSION_NAMES) for (const role of ALL) expect(ownOrgOnly(p, role), `${p} ${role}`).toBe(p === "project.write" && role === "dept_reviewer");
  });
});

const actor = (roles: Role[], orgPath = "/10/", regionPath = "/1/"): Actor => ({
  userId: 1, username: "u", displayName: "u", orgId: 10, orgName: "", orgKind: "department", orgPath, regionId: 1, regionName: "", regionPath, roles, sessionId: "s",
});

describe("how far each role reaches in the org tree", () => {
  const me = { orgPath: "/10/", regionPath: "/1/" };
  it("filer and evaluator: their own organisation; department: it and below; finance and observers: their region and below", () => {
    const at = (orgPath: string, regionPath = "/1/") => ({ orgPath, regionPath });
    expect(roleReaches("unit_filer", me, at("/10/"))).toBe(true);
    expect(roleReaches("unit_filer", me, at("/10/11/"))).toBe(false);
    expect(roleReaches("evaluator", me, at("/10/11/"))).toBe(false);
    expect(roleReaches("evaluator", me, at("/10/"))).toBe(true);
    expect(roleReaches("dept_reviewer", me, at("/10/11/"))).toBe(true);
    expect(roleReaches("dept_reviewer", me, at("/20/"))).toBe(false);
    for (const r of ["finance_reviewer", "finance_admin", "observer"] as Role[]) {
      expect(roleReaches(r, me, at("/99/", "/1/2/")), r).toBe(true);
      expect(roleReaches(r, me, at("/10/", "/2/")), r).toBe(false);
    }
    expect(roleReaches("public" as Role, me, at("/10/"))).toBe(false);
  });
  it("a permission held through one role uses that role's reach only", () => {
    expect(canOn(actor(["observer", "dept_reviewer"]), "declaration.review.department", { orgPath: "/20/", regionPath: "/1/" })).toBe(false);
    expect(canOn(actor(["observer", "dept_reviewer"]), "project.read", { orgPath: "/20/", regionPath: "/1/" })).toBe(true);
    expect(canOn(actor(["dept_reviewer"]), "project.write", { orgPath: "/10/11/", regionPath: "/1/" })).toBe(false);
    expect(canOn(actor(["dept_reviewer"]), "project.write", { orgPath: "/10/", regionPath: "/1/" })).toBe(true);
  });
});

describe("lists filtered in the database use the same reach", () => {
  const dialect = new PgDialect();
  const cols = { orgPath: sql.raw("o.path"), regionPath: sql.raw("r.path") } as never;
  const ids = { ownerOrgId: sql.raw("t.owner_org_id"), regionId: sql.raw("t.region_id") } as never;
  const render = (s: ReturnType<typeof scopeWhere>) => {
    const q = dialect.sqlToQuery(s);
    return { sql: q.sql.replace(/\s+/g, " "), params: q.params };
  };
  it("a filer's list holds its own organisation's rows", () => {
    expect(render(scopeWhere(actor(["unit_filer"], "/10/11/"), "project.read", cols))).toEqual({ sql: "o.path = $1", params: ["/10/11/"] });
    expect(render(scopeWhereByIds(actor(["evaluator"]), "appraisal.record", ids))).toEqual({ sql: "t.owner_org_id = $1", params: [10] });
  });
  it("a department's list holds its units' rows too — but for filing, only its own", () => {
    expect(render(scopeWhere(actor(["dept_reviewer"]), "project.read", cols))).toEqual({ sql: "o.path like $1", params: ["/10/%"] });
    expect(render(scopeWhere(actor(["dept_reviewer"]), "project.write", cols))).toEqual({ sql: "o.path = $1", params: ["/10/"] });
    const byIds = render(scopeWhereByIds(actor(["dept_reviewer"]), "project.read", ids));
    expect(byIds.sql).toMatch(/^t\.owner_org_id in \(select scope_org\.id from "orgs" scope_org where scope_org\.path like \$1\)$/);
    expect(byIds.params).toEqual(["/10/%"]);
  });
  it("finance's and observers' lists hold their region and the regions below", () => {
    expect(render(scopeWhere(actor(["observer"]), "project.read", cols))).toEqual({ sql: "r.path like $1", params: ["/1/%"] });
    const byIds = render(scopeWhereByIds(actor(["finance_reviewer"]), "warning.read", ids));
    expect(byIds.sql).toMatch(/^t\.region_id in \(select scope_region\.id from "regions" scope_region where scope_region\.path like \$1\)$/);
    expect(byIds.params).toEqual(["/1/%"]);
  });
  it("two roles: either reach; no granting role: nothing at all", () => {
    expect(render(scopeWhere(actor(["unit_filer", "observer"], "/10/11/"), "project.read", cols))).toEqual({ sql: "(o.path = $1 or r.path like $2)", params: ["/10/11/", "/1/%"] });
    expect(render(scopeWhere(actor(["unit_filer"]), "warning.read", cols))).toEqual({ sql: "false", params: [] });
    expect(render(scopeWhereByIds(actor([]), "project.read", ids))).toEqual({ sql: "false", params: [] });
  });
});
