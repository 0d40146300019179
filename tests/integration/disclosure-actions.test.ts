import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { auditLog, disclosures, objectives, userRoles, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { PUBLIC_DISCLOSURE_TAG } from "@/lib/disclosure/cache";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

async function objectiveByTitle(title: string) {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.title, title));
  return o;
}
async function liveDisclosure(objectiveId: number) {
  const [d] = await database.db
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.objectiveId, objectiveId), isNull(disclosures.withdrawnAt)));
  return d;
}

describe("finance discloses approved objectives and withdraws them", () => {
  it("the demo seed disclosed two objectives and left the county school's approved one undisclosed", async () => {
    const school = await objectiveByTitle("仁化县第一中学校舍维修改造");
    expect(school.state).toBe("approved");
    expect(await liveDisclosure(school.id)).toBeUndefined();
    expect(await liveDisclosure((await objectiveByTitle("免疫规划项目")).id)).toMatchObject({ amount: "86500000.00", fiscalYear: 2027 });
  });

  it("only finance_admin may disclose; a filer and a reviewer are refused", async () => {
    const school = await objectiveByTitle("仁化县第一中学校舍维修改造");
    for (const who of ["filer", "reviewer", "observer"]) {
      await signInAs(database, who);
      expect(await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await liveDisclosure(school.id)).toBeUndefined();
  });

  it("an objective that is not approved, of another year or already disclosed is refused with a message on that item, and nothing is written", async () => {
    await signInAs(database, "admin");
    const school = await objectiveByTitle("仁化县第一中学校舍维修改造");
    const draft = await objectiveByTitle("传染病监测预警项目");
    const disclosed = await objectiveByTitle("免疫规划项目");
    const res = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }, { objectiveId: draft.id }, { objectiveId: disclosed.id }] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.code).toBe("invalid_input");
    expect(res.fieldErrors?.["items.1.objectiveId"]?.[0]).toContain("已批复");
    expect(res.fieldErrors?.["items.2.objectiveId"]?.[0]).toContain("已公开");
    expect(res.fieldErrors?.["items.0.objectiveId"]).toBeUndefined();
    expect(await liveDisclosure(school.id)).toBeUndefined();
    const wrongYear = await discloseObjectives({ fiscalYear: 2026, items: [{ objectiveId: school.id }] });
    expect(!wrongYear.ok && wrongYear.fieldErrors?.["items.0.objectiveId"]?.[0]).toContain("2027");
  });

  it("a city's finance admin cannot reach another region's objective (scope: its region and below): not found, audited", async () => {
    const gz = await orgByCode(database, "440100-CZ");
    const [u] = await database.db
      .insert(users)
      .values({ username: "gz.admin", displayName: "广州管理员", orgId: gz.id, passwordHash: await hashPassword(DEMO_PASSWORD) })
      .returning();
    await database.db.insert(userRoles).values({ userId: u.id, role: "finance_admin", orgId: gz.id });
    await signInAs(database, "gz.admin");
    const school = await objectiveByTitle("仁化县第一中学校舍维修改造");
    expect(await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] })).toMatchObject({ ok: false, code: "not_found" });
    const vaccine = await liveDisclosure((await objectiveByTitle("免疫规划项目")).id);
    expect(await withdrawDisclosure({ disclosureId: vaccine.id, version: vaccine.version, reason: "越权撤回" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await liveDisclosure(school.id)).toBeUndefined();
    expect((await liveDisclosure(vaccine.objectiveId!)).id).toBe(vaccine.id);
  });

  it("discloses with the ledger's current budget (nothing typed), writes the audit row with it, and expires the public cache", async () => {
    await signInAs(database, "admin");
    vi.mocked(revalidateTag).mockClear();
    const school = await objectiveByTitle("仁化县第一中学校舍维修改造");
    const res = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] });
    expect(res).toMatchObject({ ok: true });
    const d = await liveDisclosure(school.id);
    expect(d).toMatchObject({ amount: "6800000.00", title: "仁化县第一中学校舍维修改造", versionId: school.approvedVersionId, withdrawnAt: null });
    expect(d.regionPath).toMatch(/^\/\d+\/\d+\/\d+\/$/);
    expect(d.searchGrams).toContain("校舍");
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "disclosure.publish"), eq(auditLog.objectId, String(d.id))));
    expect(audit.after).toMatchObject({ objectiveId: school.id, amount: "6800000.00" });
    expect(revalidateTag).toHaveBeenCalledWith(PUBLIC_DISCLOSURE_TAG, { expire: 0 });

    // Disclosing it again is refused.
    const again = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] });
    expect(!again.ok && again.fieldErrors?.["items.0.objectiveId"]?.[0]).toContain("已公开");
  });

  it("withdraws with a recorded reason; a second withdrawal of the same version is a conflict; a blank reason is refused", async () => {
    await signInAs(database, "admin");
    const school = await objectiveByTitle("仁化县第一中学校舍维修改造");
    const d = await liveDisclosure(school.id);
    const blank = await withdrawDisclosure({ disclosureId: d.id, version: d.version, reason: "  " });
    expect(blank).toMatchObject({ ok: false, code: "invalid_input" });
    vi.mocked(revalidateTag).mockClear();
    const res = await withdrawDisclosure({ disclosureId: d.id, version: d.version, reason: "预算金额有误，更正后重新公开" });
    expect(res).toMatchObject({ ok: true, data: { id: d.id, version: d.version + 1 } });
    expect(revalidateTag).toHaveBeenCalledWith(PUBLIC_DISCLOSURE_TAG, { expire: 0 });
    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.id, d.id));
    expect(row.withdrawReason).toBe("预算金额有误，更正后重新公开");
    expect(row.withdrawnAt).toBeInstanceOf(Date);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "disclosure.withdraw"), eq(auditLog.objectId, String(d.id))));
    expect(audit.after).toMatchObject({ reason: "预算金额有误，更正后重新公开" });
    expect(await withdrawDisclosure({ disclosureId: d.id, version: d.version, reason: "重复撤回" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await withdrawDisclosure({ disclosureId: d.id, version: d.version + 1, reason: "重复撤回" })).toMatchObject({ ok: false, code: "conflict" });

    // After withdrawal it can be disclosed again (a new row; the withdrawn one stays on record).
    const re = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] });
    expect(re.ok).toBe(true);
    expect((await liveDisclosure(school.id)).amount).toBe("6800000.00");
  });

  it("two concurrent withdrawals of the same disclosure: one wins, the other gets conflict", async () => {
    await signInAs(database, "admin");
    const school = await objectiveByTitle("仁化县第一中学校舍维修改造");
    const d = await liveDisclosure(school.id);
    const results = await Promise.all([
      withdrawDisclosure({ disclosureId: d.id, version: d.version, reason: "并发撤回甲" }),
      withdrawDisclosure({ disclosureId: d.id, version: d.version, reason: "并发撤回乙" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(1);
  });

  it("two concurrent disclosures of the same objective: one wins, the other is refused; one live row", async () => {
    await signInAs(database, "admin");
    const school = await objectiveByTitle("仁化县第一中学校舍维修改造");
    expect(await liveDisclosure(school.id)).toBeUndefined();
    const results = await Promise.all([
      discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] }),
      discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // Either the second saw the first (already disclosed) or lost the race on the unique index (conflict).
    expect(results.filter((r) => !r.ok && (r.code === "conflict" || r.code === "invalid_input"))).toHaveLength(1);
    const live = await database.db
      .select()
      .from(disclosures)
      .where(and(eq(disclosures.objectiveId, school.id), isNull(disclosures.withdrawnAt)));
    expect(live).toHaveLength(1);
  });

  it("an unknown disclosure reads as not found and the attempt is audited", async () => {
    await signInAs(database, "admin");
    expect(await withdrawDisclosure({ disclosureId: 999999, version: 1, reason: "不存在的公开" })).toMatchObject({ ok: false, code: "not_found" });
    const denied = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.objectType, "disclosure")));
    expect(denied.length).toBeGreaterThan(0);
  });
});
