import Decimal from "decimal.js";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { SingleBar } from "cli-progress";
import type { TargetJudgement } from "@/db/schema/monitoring";
import { bulkDiscloseApproved } from "@/lib/disclosure/bulk";
import { evaluateReport, type Thresholds } from "@/lib/monitoring/rules";
import { BulkWriter } from "./bulk";
import type { GenOptions } from "./province";
import { rng } from "./random";

const CHUNK = 5000;
const DEVIATIONS = ["施工进度受汛期影响滞后", "招标采购流程延长", "配套资金未及时到位", "项目前期手续办理滞后", "设计方案调整"];
const MEASURES = ["加快施工组织，增加作业面", "督促施工单位倒排工期", "协调配套资金尽快到位", "简化审批流程，加快前期工作"];

async function nextId(client: pg.Client, table: string): Promise<number> {
  return (await client.query(`select coalesce(max(id), 0) + 1 as n from ${table}`)).rows[0].n;
}

/**
 * The in-year half of the generated province, for each generated fiscal year (or those given): every region's finance
 * department opens the monitoring period to the end of June; every approved generated subject
 * has its report — most accepted, some in department review, some not yet filled — with a line
 * per indicator, and the warnings the app's own rules (lib/monitoring/rules.ts) raise on what was
 * reported, some of them disposed. In the closed years every report was accepted and finance
 * decided on most red lights. The audit rows of the reports' submission and acceptance follow.
 * Then (unless `disclose` is false) finance discloses every second approved subject of every
 * year (lib/disclosure/bulk.ts, the same rows as the action). Deterministic from the seed.
 */
export async function generateInYear(
  client: pg.Client,
  opts: GenOptions,
  bar: SingleBar,
  only: { years?: number[]; disclose?: boolean } = {},
): Promise<Record<string, number>> {
  const years = only.years ?? Array.from({ length: opts.years }, (_, i) => opts.lastYear - opts.years + 1 + i);
  const counts: Record<string, number> = { "monitoring periods": 0, "monitoring reports": 0, "report lines": 0, warnings: 0, dispositions: 0, "audit rows": 0 };
  for (const year of years) {
    const c = await monitorYear(client, opts, bar, year);
    for (const [k, v] of Object.entries(c)) counts[k] += v;
  }
  if (only.disclose !== false) {
    bar.update({ stage: "disclosures" });
    // Fresh statistics first: inside the one transaction of the load the planner would think the tables empty.
    await client.query("analyze objectives, objective_versions, disclosures, orgs, regions, projects");
    const admin = (await client.query(`select id from users where username = 'admin'`)).rows[0]?.id;
    counts.disclosures = admin ? await bulkDiscloseApproved(drizzle(client), { by: admin, share: 0.5 }) : 0;
  }
  return counts;
}

async function monitorYear(client: pg.Client, opts: GenOptions, bar: SingleBar, year: number): Promise<Record<string, number>> {
  // Each year draws from its own stream: a year's monitoring is the same whichever years are generated with it.
  const r = rng(opts.seed + 7 + (year === opts.lastYear ? 0 : 1000 * (opts.lastYear - year)));
  const closed = year < opts.lastYear;
  const throughMonth = 6;
  await client.query("analyze objectives, objective_versions, objective_indicators, monitoring_periods, monitoring_reports");
  const fy = (await client.query(`select warning_red, warning_yellow from fiscal_years f join regions g on g.id = f.region_id where g.code = '440000' and f.year = $1`, [year])).rows[0];
  const thresholds: Thresholds = fy ? { red: String(fy.warning_red), yellow: String(fy.warning_yellow) } : { red: "60", yellow: "80" };

  const approved = (await client.query(
    `select count(*)::int as n from objectives o join orgs g on g.id = o.owner_org_id where g.code like 'G%' and o.fiscal_year = $1 and o.state = 'approved'`,
    [year],
  )).rows[0].n as number;
  bar.setTotal(bar.getTotal() + approved * 12);
  bar.update({ stage: `monitoring ${year}` });
  // One period per region with approved generated subjects, opened by the region's finance user.
  await client.query(
    `insert into monitoring_periods (region_id, fiscal_year, through_month, deadline, opened_by)
     select x.region_id, $1, $2, $3::date,
            (select u.id from users u join orgs f on f.id = u.org_id where f.region_id = x.region_id and f.kind = 'finance' order by u.id limit 1)
       from (select distinct o.region_id from objectives o join orgs g on g.id = o.owner_org_id
              where g.code like 'G%' and o.fiscal_year = $1 and o.state = 'approved') x
     on conflict do nothing`,
    [year, throughMonth, `${year}-07-15`],
  );
  // The province's own period may exist already (the demo opened it): its reports join it.
  const { rows: periods } = await client.query<{ id: number; region_id: number }>(
    `select id, region_id from monitoring_periods where fiscal_year = $1 and through_month = $2`,
    [year, throughMonth],
  );
  const periodOf = new Map(periods.map((p) => [p.region_id, p.id]));
  const reviewerOf = new Map<number, number>(
    (await client.query(`select o.id as org, min(u.id) as reviewer from orgs o join users u on u.org_id = o.id where o.code like 'G%' and o.kind = 'department' group by o.id`)).rows.map(
      (x) => [x.org, x.reviewer],
    ),
  );
  const financeOf = new Map(
    (await client.query(`select f.region_id, min(u.id) as uid from orgs f join users u on u.org_id = f.id where f.kind = 'finance' group by f.region_id`)).rows.map((x) => [x.region_id, x.uid]),
  );

  let reportId = await nextId(client, "monitoring_reports");
  const firstReport = reportId;
  let lineId = await nextId(client, "monitoring_report_indicators");
  let warningId = await nextId(client, "monitoring_warnings");
  let dispositionId = await nextId(client, "warning_dispositions");
  const tick = (n: number) => bar.increment(n);
  const w = {
    reports: new BulkWriter(
      client,
      "monitoring_reports",
      [
        ["id", "int4"], ["period_id", "int4"], ["objective_id", "int4"], ["version_id", "int4"], ["owner_org_id", "int4"], ["department_org_id", "int4"],
        ["region_id", "int4"], ["state", "monitoring_report_state"], ["budget", "numeric"], ["executed_amount", "numeric"], ["execution_index", "numeric"],
        ["execution_light", "light"], ["submitted_at", "timestamptz"], ["reviewed_by", "int4"], ["reviewed_at", "timestamptz"],
      ],
      tick,
    ),
    lines: new BulkWriter(
      client,
      "monitoring_report_indicators",
      [["id", "int4"], ["report_id", "int4"], ["ordinal", "int2"], ["value_reached", "varchar"], ["expected_value", "varchar"], ["judgement", "target_judgement"], ["deviation_reason", "text"], ["corrective_measure", "text"]],
      tick,
    ),
    warnings: new BulkWriter(
      client,
      "monitoring_warnings",
      [
        ["id", "int4"], ["report_id", "int4"], ["period_id", "int4"], ["objective_id", "int4"], ["owner_org_id", "int4"], ["department_org_id", "int4"], ["region_id", "int4"],
        ["rule", "warning_rule"], ["light", "light"], ["indicator_ordinal", "int2"], ["facts", "jsonb"], ["state", "warning_state"], ["created_at", "timestamptz"],
      ],
      tick,
    ),
    dispositions: new BulkWriter(
      client,
      "warning_dispositions",
      [["id", "int4"], ["warning_id", "int4"], ["kind", "disposition_kind"], ["comment", "text"], ["rectify_deadline", "date"], ["rectification_state", "rectification_state"], ["decided_by", "int4"]],
      tick,
    ),
  };
  w.lines.dependsOn.push(w.reports);
  w.warnings.dependsOn.push(w.reports);
  w.dispositions.dependsOn.push(w.warnings);

  const submittedAt = `${year}-07-10T10:00:00+08:00`;
  const reviewedAt = `${year}-07-13T15:00:00+08:00`;
  let last = 0;
  for (;;) {
    const { rows: subjects } = await client.query<{ id: number; vid: number; owner: number; dept: number; region: number; budget: string }>(
      `select o.id, o.approved_version_id as vid, o.owner_org_id as owner, o.department_org_id as dept, o.region_id as region, v.requested_amount as budget
         from objectives o join objective_versions v on v.id = o.approved_version_id join orgs g on g.id = o.owner_org_id
        where g.code like 'G%' and o.fiscal_year = $1 and o.state = 'approved' and o.id > $2
        order by o.id limit ${CHUNK}`,
      [year, last],
    );
    if (!subjects.length) break;
    last = subjects[subjects.length - 1].id;
    const { rows: lines } = await client.query<{ vid: number; ordinal: number; name: string; comparison: "gte" | "lte" | "eq" | "qualitative"; target: string | null }>(
      `select version_id as vid, ordinal, name, comparison, annual_target as target from objective_indicators where version_id = any($1) order by version_id, ordinal`,
      [subjects.map((s) => s.vid)],
    );
    const linesOf = new Map<number, typeof lines>();
    for (const l of lines) linesOf.set(l.vid, [...(linesOf.get(l.vid) ?? []), l]);

    for (const s of subjects) {
      const periodId = periodOf.get(s.region);
      if (!periodId) continue;
      const rid = reportId++;
      const own = linesOf.get(s.vid) ?? [];
      const roll = r.next();
      const state = closed ? "accepted" : roll < 0.12 ? "draft" : roll < 0.25 ? "dept_review" : "accepted";
      if (state === "draft") {
        await w.reports.add([rid, periodId, s.id, s.vid, s.owner, s.dept, s.region, "draft", s.budget, null, null, null, null, null, null]);
        for (const l of own) await w.lines.add([lineId++, rid, l.ordinal, null, null, null, null, null]);
        continue;
      }
      // Spending by the end of June: most near half the budget, some lagging, a few far behind.
      const band = r.next();
      const share = band < 0.7 ? 0.4 + r.next() * 0.3 : band < 0.9 ? 0.3 + r.next() * 0.1 : 0.02 + r.next() * 0.27;
      const executed = new Decimal(s.budget).times(share).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);
      const judged = own.map((l) => {
        const j = r.next();
        const judgement: TargetJudgement = j < 0.86 ? "met" : j < 0.96 ? "probably" : "not_met";
        return { ...l, judgement };
      });
      const { execution, warnings } = evaluateReport(
        { executed, budget: s.budget, throughMonth, indicators: judged.map((l) => ({ ordinal: l.ordinal, name: l.name, comparison: l.comparison, judgement: l.judgement })) },
        thresholds,
      );
      await w.reports.add([
        rid, periodId, s.id, s.vid, s.owner, s.dept, s.region, state, s.budget, executed, execution.index, execution.light, submittedAt,
        state === "accepted" ? (reviewerOf.get(s.dept) ?? null) : null, state === "accepted" ? reviewedAt : null,
      ]);
      for (const l of judged) {
        const numeric = l.comparison !== "qualitative" && l.target !== null && /^\d+(\.\d+)?$/.test(l.target);
        const reached = numeric ? new Decimal(l.target!).times(l.judgement === "met" ? 0.5 : 0.3).toDecimalPlaces(2).toString() : l.judgement === "met" ? "按计划推进" : "部分完成";
        const off = l.judgement !== "met";
        await w.lines.add([lineId++, rid, l.ordinal, reached, l.target, l.judgement, off ? r.pick(DEVIATIONS) : null, off ? r.pick(MEASURES) : null]);
      }
      for (const x of warnings) {
        const wid = warningId++;
        // Finance has decided on about half of the red execution lights of accepted reports.
        const decide = state === "accepted" && x.rule === "execution" && x.light === "red" && r.next() < (closed ? 0.9 : 0.5);
        await w.warnings.add([wid, rid, periodId, s.id, s.owner, s.dept, s.region, x.rule, x.light, x.indicatorOrdinal, JSON.stringify(x.facts), decide ? "disposed" : "open", submittedAt]);
        if (decide) {
          const rectify = r.next() < 0.7;
          await w.dispositions.add([
            dispositionId++, wid, rectify ? "rectify" : "continue", rectify ? "执行进度严重滞后，限期整改" : "已说明原因，继续执行",
            rectify ? `${year}-09-30` : null, rectify ? (closed ? "accepted" : "open") : null, financeOf.get(s.region) ?? null,
          ]);
        }
      }
    }
  }
  for (const x of Object.values(w)) await x.flush();
  for (const t of ["monitoring_periods", "monitoring_reports", "monitoring_report_indicators", "monitoring_warnings", "warning_dispositions"]) {
    await client.query(`select setval(pg_get_serial_sequence('${t}', 'id'), greatest((select max(id) from ${t}), 1))`);
  }

  // The audit rows of the year's reports: submitted by the owner's filer, accepted by the department's reviewer.
  const audit = await client.query(
    `insert into audit_log (at, actor_user_id, actor_name, actor_org_id, action, object_type, object_id, before, after)
     select x.at, u.id, u.username, u.org_id, x.action, 'monitoring_report', x.rid::text, x.before, x.after
       from (
         select m.submitted_at as at, (select min(f.id) from users f where f.org_id = m.owner_org_id) as uid, 'monitoring_report.submit' as action, m.id as rid,
                jsonb_build_object('state', 'draft') as before, jsonb_build_object('state', 'dept_review') as after
           from monitoring_reports m where m.period_id = any($1) and m.id >= $2 and m.submitted_at is not null
         union all
         select m.reviewed_at, m.reviewed_by, 'monitoring_report.dept_pass', m.id,
                jsonb_build_object('state', 'dept_review'), jsonb_build_object('state', 'accepted')
           from monitoring_reports m where m.period_id = any($1) and m.id >= $2 and m.reviewed_at is not null
       ) x join users u on u.id = x.uid
      order by x.at, x.rid`,
    [periods.map((p) => p.id), firstReport],
  );

  return {
    "monitoring periods": periods.length,
    "monitoring reports": w.reports.rows,
    "report lines": w.lines.rows,
    warnings: w.warnings.rows,
    dispositions: w.dispositions.rows,
    "audit rows": audit.rowCount ?? 0,
  };
}
