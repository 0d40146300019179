import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { userRoles, users } from "@/db/schema";
import { createOrg } from "@/lib/actions/admin/create-org";
import { createUser } from "@/lib/actions/admin/create-user";
import { setUserActive } from "@/lib/actions/admin/set-user-active";
import { setUserRoles } from "@/lib/actions/admin/set-user-roles";
import { updateOrgProfile } from "@/lib/actions/admin/update-org-profile";
import { authenticate } from "@/lib/auth/authenticate";
import { queryRows } from "@/db/client";
import { createTestDatabase } from "../helpers/db";
import { orgByCode, userByName } from "../helpers/orgs";
import { auditCount, signInAs, signInFirstTime, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

async function snapshot() {
  const [u] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from users`);
  const [o] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from orgs`);
  return { users: u.n, orgs: o.n, audit: await auditCount(database) };
}

function formData(fields: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) fd.append(k, x);
  return fd;
}

describe("creating a user", () => {
  it("works from a form post, with roles, and writes one audit row; the user can sign in", async () => {
    await signInAs(database, "admin");
    const unit = await orgByCode(database, "440000-JY-KS");
    const before = await snapshot();
    const res = await createUser(
      undefined,
      formData({ username: "ks.filer", displayName: "赵磊", orgId: String(unit.id), roles: "unit_filer", password: "Spring-Rain-2026", phone: "" }),
    );
    expect(res).toMatchObject({ ok: true, message: "用户已创建。" });
    const after = await snapshot();
    expect(after).toEqual({ users: before.users + 1, orgs: before.orgs, audit: before.audit + 1 });
    expect((await authenticate(database.db, { username: "ks.filer", password: "Spring-Rain-2026" })).ok).toBe(true);
  });

  it("refuses malformed input with a message on each field, and writes nothing", async () => {
    await signInAs(database, "admin");
    const unit = await orgByCode(database, "440000-JY-KS");
    const before = await snapshot();
    const cases: { input: unknown; fields: string[] }[] = [
      // wrong types
      { input: { username: 42, displayName: ["a"], orgId: "abc", roles: ["unit_filer"], password: "Spring-Rain-2026" }, fields: ["username", "displayName", "orgId"] },
      // an unknown role, a weak password
      { input: { username: "ok.name", displayName: "某", orgId: unit.id, roles: ["superuser"], password: "short" }, fields: ["roles.0", "password"] },
      // oversized strings
      { input: { username: "x".repeat(51), displayName: "名".repeat(51), orgId: unit.id, roles: ["unit_filer"], password: "Spring-Rain-2026" + "a".repeat(200) }, fields: ["username", "displayName", "password"] },
      // extra fields (a caller trying to set what the form does not offer)
      { input: { username: "ok.name2", displayName: "某", orgId: unit.id, roles: ["unit_filer"], password: "Spring-Rain-2026", active: false, passwordHash: "x" }, fields: ["_form"] },
      // not an object at all
      { input: "DROP TABLE users", fields: ["_form"] },
    ];
    for (const c of cases) {
      const res = await createUser(c.input);
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.code).toBe("invalid_input");
      expect(res.message).toBe("填写内容有误，请按提示修改。");
      for (const f of c.fields) expect(res.fieldErrors?.[f]?.length, `field ${f} of ${JSON.stringify(c.input).slice(0, 60)}`).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("names the unknown fields", async () => {
    await signInAs(database, "admin");
    const unit = await orgByCode(database, "440000-JY-KS");
    const res = await createUser({ username: "ok.name3", displayName: "某", orgId: unit.id, roles: ["unit_filer"], password: "Spring-Rain-2026", isAdmin: true });
    expect(!res.ok && res.fieldErrors?._form?.[0]).toBe("包含无法识别的字段：isAdmin");
  });

  it("refuses a taken user name (any case) and a role that does not fit the organisation, on their fields", async () => {
    await signInAs(database, "admin");
    const unit = await orgByCode(database, "440000-JY-KS");
    const before = await snapshot();
    const dup = await createUser({ username: "FILER", displayName: "重名", orgId: unit.id, roles: ["unit_filer"], password: "Spring-Rain-2026" });
    expect(!dup.ok && dup.fieldErrors?.username).toEqual(["该用户名已被使用"]);
    const misfit = await createUser({ username: "new.one", displayName: "某", orgId: unit.id, roles: ["finance_admin"], password: "Spring-Rain-2026" });
    expect(!misfit.ok && misfit.fieldErrors?.roles).toEqual(["该角色与所属单位类型不匹配"]);
    expect(await snapshot()).toEqual(before);
  });

  it("a city's finance admin cannot create users in the province's organisations", async () => {
    await signInAs(database, "admin");
    const gzFinance = await orgByCode(database, "440100-CZ");
    expect((await createUser({ username: "gz.admin", displayName: "广州管理员", orgId: gzFinance.id, roles: ["finance_admin"], password: "Spring-Rain-2026" })).ok).toBe(true);
    await signInFirstTime(database, "gz.admin", "Spring-Rain-2026");
    const provinceUnit = await orgByCode(database, "440000-JT-GL");
    const before = await snapshot();
    const res = await createUser({ username: "sneaky", displayName: "某", orgId: provinceUnit.id, roles: ["unit_filer"], password: "Spring-Rain-2026" });
    expect(res).toMatchObject({ ok: false, code: "not_found" });
    expect((await snapshot()).users).toBe(before.users);
    // …but can in its own city.
    const gzUnit = await orgByCode(database, "440100-JT-GL");
    expect((await createUser({ username: "gz.filer", displayName: "某", orgId: gzUnit.id, roles: ["unit_filer"], password: "Spring-Rain-2026" })).ok).toBe(true);
  });

  it("a department reviewer may not create users at all", async () => {
    await signInAs(database, "dept");
    const unit = await orgByCode(database, "440000-JT-GL");
    const res = await createUser({ username: "x.y", displayName: "某", orgId: unit.id, roles: ["unit_filer"], password: "Spring-Rain-2026" });
    expect(res).toMatchObject({ ok: false, code: "forbidden", message: "您无权执行此操作。" });
  });
});

describe("two people acting on the same record at once", () => {
  it("one wins, the other is told of the conflict, nothing is lost, one audit row", async () => {
    const unit = await orgByCode(database, "440000-JT-GH");
    const before = await auditCount(database, "org.updateProfile");
    // Both loaded version N; both save.
    await signInAs(database, "admin");
    const first = await updateOrgProfile({ orgId: unit.id, contactName: "甲", contactPhone: null, version: unit.version });
    await signInAs(database, "dept");
    const second = await updateOrgProfile({ orgId: unit.id, contactName: "乙", contactPhone: null, version: unit.version });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, code: "conflict", message: "该记录已被他人修改，请刷新页面后重试。您的修改尚未保存。" });
    expect((await orgByCode(database, "440000-JT-GH")).contactName).toBe("甲");
    expect(await auditCount(database, "org.updateProfile")).toBe(before + 1);
  });

  it("truly concurrent role changes on one user: exactly one applies", async () => {
    await signInAs(database, "admin");
    const u = await userByName(database, "dept");
    const results = await Promise.all([
      setUserRoles({ userId: u.id, roles: ["dept_reviewer"], version: u.version }),
      setUserRoles({ userId: u.id, roles: ["dept_reviewer", "unit_filer"], version: u.version }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(1);
    const roles = await database.db.select().from(userRoles).where(eq(userRoles.userId, u.id));
    expect(roles.length === 1 || roles.length === 2).toBe(true);
    expect((await userByName(database, "dept")).version).toBe(u.version + 1);
  });

  it("an admin cannot disable their own account", async () => {
    await signInAs(database, "admin");
    const me = await userByName(database, "admin");
    const res = await setUserActive({ userId: me.id, active: false, version: me.version });
    expect(!res.ok && res.fieldErrors?._form).toEqual(["不能停用自己的账户"]);
    expect((await database.db.select().from(users).where(eq(users.id, me.id)))[0].active).toBe(true);
  });
});

describe("creating an organisation", () => {
  it("puts a unit under its department in the tree, so the department's reviewer reaches it", async () => {
    await signInAs(database, "admin");
    const dept = await orgByCode(database, "440000-JT");
    const res = await createOrg({ code: "440000-JT-JS", name: "广东省交通建设工程质量检测中心", kind: "unit", regionId: dept.regionId, parentId: dept.id });
    expect(res.ok).toBe(true);
    const created = await orgByCode(database, "440000-JT-JS");
    expect(created.path).toBe(`${dept.path}${created.id}/`);
    await signInAs(database, "dept");
    expect((await updateOrgProfile({ orgId: created.id, contactName: "钱工", contactPhone: null, version: 1 })).ok).toBe(true);
  });

  it("refuses a unit without a department parent, and a duplicate code", async () => {
    await signInAs(database, "admin");
    const finance = await orgByCode(database, "440000-CZ");
    const noParent = await createOrg({ code: "U-1", name: "某单位", kind: "unit", regionId: finance.regionId });
    expect(!noParent.ok && noParent.fieldErrors?.parentId).toEqual(["上级单位类型不正确：预算单位的上级应为主管部门"]);
    const wrongParent = await createOrg({ code: "U-2", name: "某单位", kind: "unit", regionId: finance.regionId, parentId: finance.id });
    expect(!wrongParent.ok && wrongParent.fieldErrors?.parentId).toBeTruthy();
    const dup = await createOrg({ code: "440000-JT", name: "重复", kind: "department", regionId: finance.regionId });
    expect(!dup.ok && dup.fieldErrors?.code).toEqual(["该编码已被使用"]);
  });
});
