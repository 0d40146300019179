import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql, type SQL } from "drizzle-orm";
import { monitoringWarnings, objectives, orgs, regions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { scopeWhere, scopeWhereByIds } from "@/lib/auth/scope";
import { checkSession } from "@/lib/auth/session";
import { queryRows } from "@/db/client";
import { createTestDatabase } from "../helpers/db";
import { signInAs } from "../helpers/session";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
const DEMO_USERS = ["admin", "reviewer", "gz.reviewer", "dept", "filer", "filer2", "evaluator", "observer"];

/**
 * The lists scope objectives and warnings by their own owner and region columns
 * (scopeWhereByIds) instead of joining the owner's organisation and region (scopeWhere). Both
 * must name exactly the same rows for every user and every permission, or a list would show
 * what its detail page refuses, or hide what it allows.
 */
describe("the scope by ids names the same rows as the scope by org-tree paths", () => {
  let t: TestDb;
  const actors: Actor[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
    for (const username of DEMO_USERS) {
      const check = await checkSession(t.db, await signInAs(t, username));
      if (!check.ok) throw new Error(`session of ${username}`);
      actors.push(check.actor);
    }
  });
  afterAll(() => t?.drop());

  const ids = async (where: SQL, from: "objectives" | "warnings", joined: boolean) => {
    const table = from === "objectives" ? objectives : monitoringWarnings;
    const base = t.db.select({ id: table.id }).from(table).$dynamic();
    const q = joined ? base.innerJoin(orgs, eq(orgs.id, table.ownerOrgId)).innerJoin(regions, eq(regions.id, orgs.regionId)) : base;
    return (await q.where(where).orderBy(table.id)).map((r) => r.id);
  };

  it.each(["objectives", "warnings"] as const)("for %s, every demo user, every permission", async (from) => {
    const table = from === "objectives" ? objectives : monitoringWarnings;
    const [{ n: all }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${table}`);
    expect(all).toBeGreaterThan(0);
    let someSeeAll = false;
    let someSeePart = false;
    let someSeeNone = false;
    for (const actor of actors) {
      for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
        const byPath = await ids(scopeWhere(actor, permission, { orgPath: orgs.path, regionPath: regions.path }), from, true);
        const byIds = await ids(scopeWhereByIds(actor, permission, { ownerOrgId: table.ownerOrgId, regionId: table.regionId }), from, false);
        expect(byIds, `${actor.username} · ${permission}`).toEqual(byPath);
        if (byPath.length === all) someSeeAll = true;
        else if (byPath.length > 0) someSeePart = true;
        else someSeeNone = true;
      }
    }
    // The comparison covered the cases: the province, nothing, and (objectives are spread over
    // the demo's regions and units; its warnings all stand on one unit's report) a part of it.
    expect([someSeeAll, someSeePart || from === "warnings", someSeeNone]).toEqual([true, true, true]);
  });
});
