import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { checkSession } from "@/lib/auth/session";
import { checkIntegrity } from "@/lib/integrity";
import { objectiveListParams } from "@/lib/objective/params";
import { listObjectives } from "@/lib/objective/queries";
import { COUNT_CAP } from "@/lib/paging";
import { generateInYear } from "@/scripts/gen/in-year";
import { generateProvince } from "@/scripts/gen/province";
import { createTestDatabase } from "../helpers/db";
import { signInAs } from "../helpers/session";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe("integrity checks", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("hold on the demo data, and catch an objective whose amount disagrees with its version", async () => {
    const clean = await checkIntegrity(t.db);
    expect(clean.filter((f) => f.violations > 0)).toEqual([]);

    const [o] = await queryRows<{ id: number }>(t.db, sql`select id from objectives where state = 'approved' order by id limit 1`);
    await t.db.execute(sql`update objectives set requested_amount = requested_amount + 1 where id = ${o.id}`);
    const broken = await checkIntegrity(t.db);
    const amount = broken.find((f) => f.check === "requested_amount_matches")!;
    expect(amount.violations).toBe(1);
    expect(amount.sample).toEqual([o.id]);
  });
});

/** A silent progress bar: the generator reports progress through it. */
const quietBar = { start() {}, increment() {}, update() {}, setTotal() {}, getTotal: () => 0 } as never;

describe.runIf(process.env.DATABASE_URL)("the province generator", () => {
  async function generate(seed: number) {
    const t = await createTestDatabase();
    // The generator bulk-loads (explicit ids, setval) as the owner of the tables.
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      const opts = { subjects: 3000, years: 2, seed, lastYear: 2027 };
      const counts = { ...(await generateProvince(client, opts, "x", quietBar)), ...(await generateInYear(client, opts, quietBar)) };
      const digest = await queryRows<{ d: string }>(
        t.db,
        sql`select md5(string_agg(o.title || o.state || o.requested_amount::text || o.fiscal_year || coalesce(m.executed_amount::text, '-') || coalesce(m.execution_light::text, '-'), ',' order by o.id)) as d
              from objectives o left join monitoring_reports m on m.objective_id = o.id where o.owner_org_id in (select id from orgs where code like 'G%')`,
      );
      // The province's reviewer lists every objective of the province: more than the count cap.
      const check = await checkSession(t.db, await signInAs(t, "reviewer"));
      if (!check.ok) throw new Error("session");
      const all = await listObjectives(t.db, check.actor, objectiveListParams.parse({}));
      const lights = await queryRows<{ light: string }>(t.db, sql`select distinct light::text as light from monitoring_warnings`);
      const findings = await checkIntegrity(t.db);
      const states = await queryRows<{ state: string; n: number }>(t.db, sql`select state, count(*)::int as n from objectives where fiscal_year = 2027 and owner_org_id in (select id from orgs where code like 'G%') group by state`);
      return { counts, digest: digest[0].d, findings, states, lights: lights.map((l) => l.light).sort(), all };
    } finally {
      await client.end();
      await t.drop();
    }
  }

  it("fills a province that passes the integrity checks, the same from the same seed", async () => {
    const a = await generate(7);
    expect(a.findings.filter((f) => f.violations > 0)).toEqual([]);
    expect(a.counts.objectives).toBe(6000); // 3,000 subjects × 2 years
    expect(a.counts["indicator rows"]).toBeGreaterThanOrEqual(6000 * 6);
    expect(a.counts["indicator rows"]).toBeLessThanOrEqual(6000 * 14);
    // The newest year is in every workflow state; the older one is all approved.
    expect(new Set(a.states.map((s) => s.state))).toEqual(new Set(["draft", "dept_review", "finance_review", "returned", "approved", "rejected"]));
    // The approved subjects are monitored: one report each, warnings of both colours, half disclosed.
    const approved2027 = a.states.find((s) => s.state === "approved")!.n;
    // Every generated year is monitored (the older one all approved): a report per approved objective of both years.
    expect(a.counts["monitoring reports"]).toBe(approved2027 + 3000);
    expect(a.lights).toEqual(["red", "yellow"]);
    expect(a.counts.disclosures).toBeGreaterThan(0);
    // A list over 6,000 objectives counts to the cap and says there are more; its page is full.
    expect(a.all).toMatchObject({ total: COUNT_CAP, capped: true, page: 1 });
    expect(a.all.rows).toHaveLength(20);

    const b = await generate(7);
    expect(b.digest).toBe(a.digest);
    const c = await generate(8);
    expect(c.digest).not.toBe(a.digest);
  }, 600_000); // two provinces of two monitored years, generated and checked: a minute alone, several on a loaded machine
});
