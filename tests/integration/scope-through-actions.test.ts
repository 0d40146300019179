import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, orgs } from "@/db/schema";
import { updateOrgProfile } from "@/lib/actions/admin/update-org-profile";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

/**
 * Who may edit which organisation's contact details, written out by hand from DESIGN.md §1:
 * a unit's filer its own unit; a department itself and its units; the provincial finance
 * administrator everything in the province and below; roles without the permission nothing.
 */
const TARGETS = ["440000-JT-GL", "440000-JT-GH", "440000-JT", "440000-WJ-JK", "440100-JT-GL", "440224-JY-YZ", "440000-PJ01"] as const;
const EXPECTED: Record<string, "forbidden" | readonly (typeof TARGETS)[number][]> = {
  admin: TARGETS,
  reviewer: "forbidden",
  "gz.reviewer": "forbidden",
  dept: ["440000-JT-GL", "440000-JT-GH", "440000-JT"],
  filer: ["440000-JT-GL"],
  filer2: ["440000-WJ-JK"],
  evaluator: "forbidden",
  observer: "forbidden",
};

const cases = Object.entries(EXPECTED).flatMap(([user, allowed]) =>
  TARGETS.map((target) => ({
    user,
    target,
    expected: allowed === "forbidden" ? "forbidden" : allowed.includes(target) ? "ok" : "not_found",
  })),
);

describe("updateOrgProfile called directly, by id, as each demo account against each organisation", () => {
  it.each(cases)("$user → $target: $expected", async ({ user, target, expected }) => {
    await signInAs(database, user);
    const org = await orgByCode(database, target);
    const contactName = `联系人-${user}`;
    const res = await updateOrgProfile({ orgId: org.id, contactName, contactPhone: "020-12345678", version: org.version });
    const after = await orgByCode(database, target);
    if (expected === "ok") {
      expect(res).toMatchObject({ ok: true, data: { version: org.version + 1 } });
      expect(after.contactName).toBe(contactName);
      const audit = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "org.updateProfile"), eq(auditLog.objectId, String(org.id))))
        .orderBy(auditLog.id);
      expect(audit.at(-1)).toMatchObject({ actorName: user, after: { contactName } });
    } else {
      expect(res).toMatchObject({ ok: false, code: expected });
      // Nothing written, and the attempt is on record.
      expect(after).toEqual(org);
      const denied = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.actorName, user)))
        .orderBy(auditLog.id);
      expect(denied.at(-1)?.after).toMatchObject({ action: "org.updateProfile", code: expected });
    }
  });

  it("the refusal for another unit's id reads the same as for an id that does not exist", async () => {
    await signInAs(database, "filer");
    const other = await orgByCode(database, "440000-WJ-JK");
    const a = await updateOrgProfile({ orgId: other.id, contactName: "x", contactPhone: null, version: other.version });
    const b = await updateOrgProfile({ orgId: 999_999, contactName: "x", contactPhone: null, version: 1 });
    expect(a).toEqual(b);
  });

  it("is refused when signed out", async () => {
    const { actAsSession } = await import("../helpers/session");
    actAsSession(null);
    const org = await orgByCode(database, "440000-JT-GL");
    expect(await updateOrgProfile({ orgId: org.id, contactName: "x", contactPhone: null, version: org.version })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect(await database.db.select().from(orgs).where(eq(orgs.id, org.id))).toEqual([org]);
  });
});
