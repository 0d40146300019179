import { describe, expect, it } from "vitest";
import pg from "pg";
import { generateInYear } from "@/scripts/gen/in-year";
import { generateProvince } from "@/scripts/gen/province";
import { createTestDatabase } from "../helpers/db";

/** A silent progress bar: the generator reports progress through it. */
const quietBar = { start() {}, increment() {}, update() {}, setTotal() {}, getTotal: () => 0 } as never;
const GRADE_STEP: Record<string, number> = { excellent: 0, good: 1, fair: 2, poor: 3 };

/**
 * `npm run gen -- --years N` (issue 21): a history, not N unrelated years. Generated as gen.ts
 * does — each year's declarations, then its monitoring — and read back with plain SQL.
 * The generator loads with pg on a server (bulk unnest inserts as the tables' owner): server only.
 */
describe.runIf(process.env.DATABASE_URL)("the generator over several years", () => {
  async function generate(seed: number) {
    const t = await createTestDatabase();
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    const q = async <T,>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
    try {
      // 2,082 departments report every year; 2,300 subjects a year leaves 218 projects a year.
      const opts = { subjects: 2300, years: 4, seed, lastYear: 2027 };
      const counts = await generateProvince(client, opts, "x", quietBar, {
        afterYear: async (year) => void (await generateInYear(client, opts, quietBar, { years: [year], disclose: false })),
      });
      const perYear = await q<{ year: number; n: number; projects: number }>(
        `select fiscal_year as year, count(*)::int as n, count(project_id)::int as projects from objectives
          where owner_org_id in (select id from orgs where code like 'G%') group by 1 order by 1`,
      );
      // Every generated project with its objectives in year order.
      const projects = await q<{ id: number; start: number; end: number; total: string; amounts: { year: number; amount: string }[]; state: string; years: number[]; titles: string[]; requested: string[]; grades: (string | null)[]; tables: string[] }>(
        `select p.id, p.start_year as start, p.end_year as end, p.total_amount::text as total, p.annual_amounts as amounts, p.state::text as state,
                array_agg(o.fiscal_year order by o.fiscal_year) as years, array_agg(o.title order by o.fiscal_year) as titles,
                array_agg(o.requested_amount::text order by o.fiscal_year) as requested, array_agg(o.grade::text order by o.fiscal_year) as grades,
                array_agg((select string_agg(i.name || '/' || coalesce(i.weight::text, '-'), ';' order by i.ordinal) from objective_indicators i where i.version_id = o.current_version_id) order by o.fiscal_year) as tables
           from projects p join objectives o on o.project_id = p.id where p.code like 'GP%' group by p.id order by p.id`,
      );
      const departments = await q<{ years: number }>(
        `select count(distinct fiscal_year)::int as years from objectives where subject_kind = 'department' and owner_org_id in (select id from orgs where code like 'G%') group by owner_org_id`,
      );
      const monitored = await q<{ year: number; approved: number; reports: number }>(
        `select o.fiscal_year as year, count(*) filter (where o.state = 'approved')::int as approved, count(m.id)::int as reports
           from objectives o left join monitoring_reports m on m.objective_id = o.id
          where o.owner_org_id in (select id from orgs where code like 'G%') group by 1 order by 1`,
      );
      const audit = await q<{ action: string; n: number }>(`select action, count(*)::int as n from audit_log where action in ('objective.submit', 'objective.finance_approve', 'monitoring_report.dept_pass') group by 1 order by 1`);
      const digest = (
        await q<{ d: string }>(
          `select md5(string_agg(o.title || o.fiscal_year || o.state || o.requested_amount || coalesce(o.grade::text, '-') || coalesce(m.executed_amount::text, '-') ||
                                 (select string_agg(i.name || i.annual_target, ',' order by i.ordinal) from objective_indicators i where i.version_id = o.current_version_id), ';' order by o.id)) as d
             from objectives o left join monitoring_reports m on m.objective_id = o.id where o.owner_org_id in (select id from orgs where code like 'G%')`,
        )
      )[0].d;
      return { counts, perYear, projects, departments, monitored, audit, digest };
    } finally {
      await client.end();
      await t.drop();
    }
  }

  it("continues projects across years with their objectives, budgets and indicator tables; grades drift; the same from the same seed", async () => {
    const a = await generate(11);
    // Every year holds the same number of subjects, departments and regions stable: each department reports all four years.
    expect(a.perYear.map((y) => [y.year, y.n, y.projects])).toEqual([2024, 2025, 2026, 2027].map((y) => [y, 2300, 218]));
    expect(new Set(a.departments.map((d) => d.years))).toEqual(new Set([4]));

    // A project has one objective in each of its years inside the window, under the same title.
    for (const p of a.projects) {
      const expected = [];
      for (let y = Math.max(p.start, 2024); y <= Math.min(p.end, 2027); y++) expected.push(y);
      expect(p.years).toEqual(expected);
      expect(new Set(p.titles).size).toBe(1);
      // Budgets carried on: each year's objective asks the year's amount of the project's plan, which sums to its total.
      const plan = new Map(p.amounts.map((x) => [x.year, x.amount]));
      expect(p.requested).toEqual(p.years.map((y) => plan.get(y)));
      expect(p.amounts.reduce((s, x) => s + Number(x.amount), 0).toFixed(2)).toBe(p.total);
      // The objectives and results carried on: the same indicators, in the same order with the same weights, every year.
      expect(new Set(p.tables).size).toBe(1);
      // Finished before the newest year: completed.
      if (p.end < 2027) expect(p.state).toBe("completed");
    }
    // Some projects run the whole window, some started within it, some ended within it.
    const multi = a.projects.filter((p) => p.years.length > 1);
    expect(multi.length).toBeGreaterThan(50);
    expect(a.projects.some((p) => p.start > 2024)).toBe(true);
    expect(a.projects.some((p) => p.end < 2027)).toBe(true);
    expect(a.projects.filter((p) => p.years.length === 4).length).toBeGreaterThan(0);

    // Grades drift by at most one step from one approved year to the next, and some do move.
    let moved = 0;
    for (const p of multi) {
      const steps = p.grades.filter((g): g is string => g !== null).map((g) => GRADE_STEP[g]);
      for (let i = 1; i < steps.length; i++) {
        expect(Math.abs(steps[i] - steps[i - 1])).toBeLessThanOrEqual(1);
        if (steps[i] !== steps[i - 1]) moved++;
      }
    }
    expect(moved).toBeGreaterThan(0);

    // Every year is monitored: one report per approved objective; the older years are all approved.
    for (const y of a.monitored) {
      expect(y.reports).toBe(y.approved);
      if (y.year < 2027) expect(y.approved).toBe(2300);
    }
    // The audit log holds each step: a submission and a finance approval per approved objective, an acceptance per accepted report.
    const approvedAll = a.monitored.reduce((s, y) => s + y.approved, 0);
    const audit = Object.fromEntries(a.audit.map((x) => [x.action, x.n]));
    expect(audit["objective.finance_approve"]).toBe(approvedAll);
    expect(audit["objective.submit"]).toBeGreaterThanOrEqual(approvedAll);
    expect(audit["monitoring_report.dept_pass"]).toBeGreaterThanOrEqual(3 * 2300);

    const b = await generate(11);
    expect(b.digest).toBe(a.digest);
    const c = await generate(12);
    expect(c.digest).not.toBe(a.digest);
  }, 600_000); // three four-year provinces: a few minutes on a loaded machine
});
