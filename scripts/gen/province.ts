import type pg from "pg";
import type { SingleBar } from "cli-progress";
import { BulkWriter } from "./bulk";
import { CITIES, COUNTY_SUFFIXES, DEPARTMENTS, GENERIC_TOPICS, PROJECT_TOPICS, PROJECT_WORDS, UNIT_SUFFIXES } from "./names";
import { rng, type Rng } from "./random";

export interface GenOptions {
  subjects: number;
  years: number;
  seed: number;
  /** The newest fiscal year generated: the one still in declaration and review. */
  lastYear: number;
}

interface Region {
  id: number;
  name: string;
  code: string;
  level: "province" | "city" | "county";
}
interface Dept {
  id: number;
  path: string;
  region: Region;
  sector: string;
  stem: string;
  reviewerId: number;
}
interface Unit {
  id: number;
  dept: Dept;
  filerId: number;
}
interface BankRow {
  id: number;
  name: string;
  level1: string;
  level2: string;
  comparison: string;
  unit: string | null;
  formula: string | null;
  sector: string | null;
  reference: string | null;
}

/** Share of the newest year's objectives in each state; older years are all approved. */
const STATE_MIX = [
  ["approved", 62],
  ["finance_review", 10],
  ["dept_review", 10],
  ["returned", 5],
  ["draft", 11],
  ["rejected", 2],
] as const;
const CATEGORIES = [
  ["special_fund", 35],
  ["other_development", 25],
  ["operation", 38],
  ["transfer", 2],
] as const;
const FUND_SOURCES = [
  ["general_budget", 80],
  ["government_fund", 12],
  ["superior_transfer", 6],
  ["state_capital", 2],
] as const;
const GRADES = [
  ["excellent", 45],
  ["good", 40],
  ["fair", 13],
  ["poor", 2],
] as const;
/** Best first: a grade drifts by one step of this order. */
const GRADE_ORDER = ["excellent", "good", "fair", "poor"] as const;
/** How many years a project runs: a year's projects are those under way, the finished replaced by new ones. */
const PROJECT_SPANS = [
  [1, 40],
  [2, 15],
  [3, 30],
  [5, 15],
] as const;
const QUALITATIVE_TARGETS = ["有效提升", "逐步改善", "达到预期", "明显改善", "持续发挥效益"] as const;
const RETURN_REASONS = ["绩效指标不够细化，数量指标缺少计量单位", "效益指标与产出指标混同，请修改", "年度目标与资金规模不匹配"] as const;

async function nextId(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query(`select coalesce(max(id), 0)::bigint + 1 as n from ${table}`);
  return Number(rows[0].n);
}

/** Log-uniform between 100,000 and 300,000,000 yuan, rounded to 1,000: project budgets span that range. */
function amount(r: Rng): number {
  const v = Math.exp(Math.log(1e5) + r.next() * (Math.log(3e8) - Math.log(1e5)));
  return Math.max(1000, Math.round(v / 1000) * 1000);
}

function splitWeights(r: Rng, n: number): string[] | null {
  if (r.next() < 0.4) return null; // left blank: split evenly
  const base = Math.floor(100 / n);
  const w = Array.from({ length: n }, () => base);
  let rest = 100 - base * n;
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) w[i]++;
  return w.map(String);
}

export interface ProvinceHooks {
  /** Runs after each fiscal year's objectives are written (the generator monitors that year there), oldest year first. */
  afterYear?: (year: number) => Promise<void>;
}

/**
 * The audit rows of one generated year's declarations, as the app writes them when each step is
 * taken (lib/workflow/define.ts): the submission by the filer, the department's pass, finance's
 * decision — at the times recorded on the version and the reviews, oldest first.
 */
async function auditYear(client: pg.Client, year: number, firstObjectiveId: number): Promise<number> {
  const { rowCount } = await client.query(
    `insert into audit_log (at, actor_user_id, actor_name, actor_org_id, action, object_type, object_id, before, after)
     select x.at, u.id, u.username, u.org_id, x.action, 'objective', x.oid::text, x.before, x.after
       from (
         select v.submitted_at as at, v.created_by as uid, 'objective.submit' as action, o.id as oid,
                jsonb_build_object('state', 'draft', 'version', 1) as before, jsonb_build_object('state', 'dept_review', 'version', 2) as after
           from objectives o join objective_versions v on v.id = o.current_version_id
          where o.fiscal_year = $1 and o.id >= $2 and v.submitted_at is not null
         union all
         select r.created_at, r.reviewer_id,
                case when r.stage = 'department' then 'objective.dept_pass' when r.result = 'pass' then 'objective.finance_approve'
                     when r.result = 'return' then 'objective.finance_return' else 'objective.finance_reject' end,
                o.id,
                jsonb_build_object('state', case when r.stage = 'department' then 'dept_review' else 'finance_review' end),
                jsonb_build_object('state', case when r.stage = 'department' then 'finance_review' when r.result = 'pass' then 'approved'
                                                 when r.result = 'return' then 'returned' else 'rejected' end, 'grade', r.grade)
           from reviews r join objectives o on o.id = r.objective_id
          where o.fiscal_year = $1 and o.id >= $2
       ) x join users u on u.id = x.uid
      order by x.at, x.oid`,
    [year, firstObjectiveId],
  );
  return rowCount ?? 0;
}

export async function generateProvince(client: pg.Client, opts: GenOptions, passwordHash: string, bar: SingleBar, hooks: ProvinceHooks = {}): Promise<Record<string, number>> {
  const r = rng(opts.seed);
  const years = Array.from({ length: opts.years }, (_, i) => opts.lastYear - opts.years + 1 + i);

  // ── What is there already: the demo province, the bank, and the id counters ──────────────
  const prov = (await client.query(`select id, path from regions where code = '440000'`)).rows[0];
  if (!prov) throw new Error("the demo province 440000 is missing; run the demo seed first");
  const bank: BankRow[] = (
    await client.query(`select id, name, level1, level2, comparison, unit, formula, sector,
                               coalesce(reference_values->>'standard', reference_values->>'historical', reference_values->>'plan') as reference
                          from indicators where is_current and status = 'active' order by id`)
  ).rows;
  const pools = new Map<string, BankRow[]>();
  for (const b of bank) {
    for (const s of [b.sector ?? "GX", "*"]) {
      const key = `${s}:${b.level2}`;
      pools.set(key, [...(pools.get(key) ?? []), b]);
    }
  }
  const poolFor = (sector: string, level2: string) => {
    const own = pools.get(`${sector}:${level2}`) ?? [];
    const common = pools.get(`GX:${level2}`) ?? [];
    const all = own.length + common.length >= 2 ? [...own, ...common] : pools.get(`*:${level2}`) ?? [];
    return all;
  };

  let regionId = await nextId(client, "regions");
  let orgId = await nextId(client, "orgs");
  let userId = await nextId(client, "users");
  let projectId = await nextId(client, "projects");
  let objectiveId = await nextId(client, "objectives");
  let versionId = await nextId(client, "objective_versions");
  let indicatorRowId = await nextId(client, "objective_indicators");
  let reviewId = await nextId(client, "reviews");
  const firstObjectiveId = objectiveId;

  const provinceRegion: Region = { id: prov.id, name: "广东省", code: "440000", level: "province" };
  const deptsPerLevel = { province: 30, city: 24, county: 14 } as const;
  const unitsPerLevel = { province: 8, city: 4, county: 2 } as const;
  const countiesPerCity = 6;
  const regionsTotal = CITIES.length * (1 + countiesPerCity);
  const orgsEstimate =
    (1 + deptsPerLevel.province * (1 + unitsPerLevel.province)) +
    CITIES.length * (1 + deptsPerLevel.city * (1 + unitsPerLevel.city)) +
    CITIES.length * countiesPerCity * (1 + deptsPerLevel.county * (1 + unitsPerLevel.county));
  const estimate = regionsTotal + orgsEstimate * 3 + opts.subjects * opts.years * (2 + 10 + 1.5) + opts.subjects;
  bar.start(Math.round(estimate), 0, { stage: "organisations" });
  const tick = (n: number) => bar.increment(n);

  const w = {
    regions: new BulkWriter(client, "regions", [["id", "int4"], ["code", "varchar"], ["name", "varchar"], ["level", "region_level"], ["parent_id", "int4"], ["path", "text"]], tick),
    orgs: new BulkWriter(client, "orgs", [["id", "int4"], ["code", "varchar"], ["name", "varchar"], ["kind", "org_kind"], ["region_id", "int4"], ["parent_id", "int4"], ["path", "text"]], tick),
    users: new BulkWriter(client, "users", [["id", "int4"], ["username", "varchar"], ["display_name", "varchar"], ["org_id", "int4"], ["password_hash", "text"]], tick),
    roles: new BulkWriter(client, "user_roles", [["user_id", "int4"], ["role", "role"], ["org_id", "int4"]], tick),
  };

  w.roles.dependsOn.push(w.users);
  w.users.dependsOn.push(w.orgs);

  // ── Regions and organisations ─────────────────────────────────────────────────────────────
  const regionList: Region[] = [provinceRegion];
  for (const [code, name] of CITIES) {
    const city: Region = { id: regionId++, code, name, level: "city" };
    await w.regions.add([city.id, code, name, "city", prov.id, `${prov.path}${city.id}/`]);
    regionList.push(city);
    for (let k = 0; k < countiesPerCity; k++) {
      const county: Region = { id: regionId++, code: `${code.slice(0, 4)}${String(k * 3 + 2).padStart(2, "0")}`, name: `${name.replace(/市$/, "")}${COUNTY_SUFFIXES[k]}`, level: "county" };
      await w.regions.add([county.id, county.code, county.name, "county", city.id, `${prov.path}${city.id}/${county.id}/`]);
      regionList.push(county);
    }
  }
  await w.regions.flush();

  const depts: Dept[] = [];
  const units: Unit[] = [];
  const user = async (username: string, name: string, org: number, role: string) => {
    const id = userId++;
    await w.users.add([id, username, name, org, passwordHash]);
    await w.roles.add([id, role, org]);
    return id;
  };
  for (const region of regionList) {
    const finId = orgId++;
    const finName = region.level === "province" ? "广东省财政厅（生成）" : `${region.name}财政局`;
    await w.orgs.add([finId, `G${region.code}-CZ`, finName, "finance", region.id, null, `/${finId}/`]);
    await user(`gc${finId}`, `${region.name}财政审核`, finId, "finance_reviewer");
    const deptCount = deptsPerLevel[region.level];
    for (let d = 0; d < deptCount; d++) {
      const [dcode, stem, sector] = DEPARTMENTS[d % DEPARTMENTS.length];
      const id = orgId++;
      const suffix = region.level === "province" ? "厅" : "局";
      const dept: Dept = { id, path: `/${id}/`, region, sector, stem, reviewerId: 0 };
      await w.orgs.add([id, `G${region.code}-${dcode}`, `${region.name}${stem}${suffix}`, "department", region.id, null, dept.path]);
      dept.reviewerId = await user(`gd${id}`, `${stem}审核`, id, "dept_reviewer");
      depts.push(dept);
      for (let u = 0; u < unitsPerLevel[region.level]; u++) {
        const uid = orgId++;
        const uname = `${region.name}${stem}${UNIT_SUFFIXES[u % UNIT_SUFFIXES.length]}`;
        await w.orgs.add([uid, `G${region.code}-${dcode}-${u + 1}`, uname, "unit", region.id, id, `${dept.path}${uid}/`]);
        const filerId = await user(`gf${uid}`, `${stem}填报${u + 1}`, uid, "unit_filer");
        units.push({ id: uid, dept, filerId });
      }
    }
  }
  for (const x of Object.values(w)) await x.flush();
  const financeReviewer = (await client.query(`select id from users where lower(username) = 'reviewer'`)).rows[0]?.id as number;

  // Fiscal years the generated years need (copied from the nearest existing year of the province).
  for (const y of years) {
    await client.query(
      `insert into fiscal_years (region_id, year, status, declaration_start, declaration_end, review_deadline, self_evaluation_deadline, appraisal_threshold, warning_red, warning_yellow, grade_medium_cut_percent)
       select region_id, $1, case when $1 < 2026 then 'closed'::fiscal_year_status else status end,
              declaration_start + make_interval(years => $1 - year), declaration_end + make_interval(years => $1 - year),
              review_deadline + make_interval(years => $1 - year), self_evaluation_deadline + make_interval(years => $1 - year),
              appraisal_threshold, warning_red, warning_yellow, grade_medium_cut_percent
         from fiscal_years where region_id = $2 order by abs(year - $1) limit 1
       on conflict do nothing`,
      [y, prov.id],
    );
  }

  // ── Projects and, per year, objectives with their versions, indicators and reviews ────────
  bar.update({ stage: "subjects" });
  const pw = {
    projects: new BulkWriter(
      client,
      "projects",
      [
        ["id", "int4"], ["code", "varchar"], ["name", "varchar"], ["tier", "int2"], ["category", "project_category"], ["owner_org_id", "int4"],
        ["department_org_id", "int4"], ["region_id", "int4"], ["start_year", "int2"], ["end_year", "int2"], ["total_amount", "numeric"],
        ["annual_amounts", "jsonb"], ["fund_source", "fund_source"], ["is_new", "bool"], ["state", "project_state"], ["created_by", "int4"],
      ],
      tick,
    ),
    objectives: new BulkWriter(
      client,
      "objectives",
      [
        ["id", "int4"], ["subject_kind", "subject_kind"], ["project_id", "int4"], ["owner_org_id", "int4"], ["department_org_id", "int4"],
        ["region_id", "int4"], ["fiscal_year", "int2"], ["title", "varchar"], ["requested_amount", "numeric"], ["state", "objective_state"],
        ["current_version_id", "int4"], ["approved_version_id", "int4"], ["is_key", "bool"], ["grade", "grade"], ["submitted_at", "timestamptz"],
        ["created_at", "timestamptz"],
      ],
      tick,
    ),
    versions: new BulkWriter(
      client,
      "objective_versions",
      [
        ["id", "int4"], ["objective_id", "int4"], ["number", "int2"], ["basic", "jsonb"], ["funding", "jsonb"], ["fund_uses", "text"],
        ["requested_amount", "numeric"], ["plan", "jsonb"], ["overall_goal", "text"], ["annual_goal", "text"], ["submitted_at", "timestamptz"],
        ["approved_at", "timestamptz"], ["created_by", "int4"], ["created_at", "timestamptz"],
      ],
      tick,
    ),
    indicators: new BulkWriter(
      client,
      "objective_indicators",
      [
        ["id", "int8"], ["version_id", "int4"], ["ordinal", "int2"], ["level1", "indicator_level1"], ["level2", "indicator_level2"], ["name", "varchar"],
        ["comparison", "comparison"], ["annual_target", "varchar"], ["period_target", "varchar"], ["unit", "varchar"], ["weight", "numeric"],
        ["formula", "text"], ["indicator_id", "int4"],
      ],
      tick,
      20000,
    ),
    reviews: new BulkWriter(
      client,
      "reviews",
      [
        ["id", "int4"], ["objective_id", "int4"], ["version_id", "int4"], ["stage", "review_stage"], ["result", "review_result"], ["grade", "grade"],
        ["score", "numeric"], ["reasons", "text"], ["reviewer_id", "int4"], ["created_at", "timestamptz"],
      ],
      tick,
    ),
  };

  pw.objectives.dependsOn.push(pw.projects);
  pw.versions.dependsOn.push(pw.objectives);
  pw.indicators.dependsOn.push(pw.versions);
  pw.reviews.dependsOn.push(pw.versions);

  interface Subject {
    kind: "project" | "department";
    projectId: number | null;
    ownerId: number;
    dept: Dept;
    filerId: number;
    title: string;
    category: string;
    /** The annual amount in the start year (元); each later year drifts from it by `growth`. */
    annual: number;
    growth: number;
    start: number;
    end: number;
    fundSource: string;
    /** Seeds the subject's own indicator table, so every year of it reads the same indicators. */
    planSeed: number;
    /** Index into GRADE_ORDER of the last grade given: next year's drifts from it. */
    grade: number;
  }
  /** The annual amount of a subject in a year: the start year's, grown or shrunk a little each year, to 1,000 元. */
  const annualOf = (s: Subject, year: number) => Math.max(1000, Math.round((s.annual * (1 + s.growth) ** (year - s.start)) / 1000) * 1000);
  const gradeStart = () => GRADE_ORDER.indexOf(r.weighted(GRADES));
  const subjects: Subject[] = [];
  for (const d of depts) {
    subjects.push({
      kind: "department", projectId: null, ownerId: d.id, dept: d, filerId: d.reviewerId, title: `${d.region.name}${d.stem}部门整体支出`, category: "operation",
      annual: amount(r) * 5, growth: r.int(-2, 6) / 100, start: years[0], end: years[years.length - 1], fundSource: "general_budget", planSeed: r.int(1, 2 ** 30), grade: gradeStart(),
    });
  }
  const projectCount = Math.max(0, opts.subjects - depts.length);
  // Units at the province carry more projects than a county's.
  const unitWeights = units.map((u) => [u, u.dept.region.level === "province" ? 6 : u.dept.region.level === "city" ? 2 : 1] as const);
  /** A project of `span` years; in the first generated year some are already under way (started up to span − 1 years before). */
  const newProject = async (year: number, underway: boolean) => {
    const unit = r.weighted(unitWeights);
    const topics = PROJECT_TOPICS[unit.dept.sector] ?? GENERIC_TOPICS;
    const category = r.weighted(CATEGORIES);
    const annual = amount(r);
    const span = r.weighted(PROJECT_SPANS);
    const start = underway ? year - r.int(0, span - 1) : year;
    const end = start + span - 1;
    const id = projectId++;
    const title = `${unit.dept.region.name.replace(/(省|市)$/, "")}${r.pick(topics)}${r.pick(PROJECT_WORDS)}项目（${id}）`;
    const fundSource = r.weighted(FUND_SOURCES);
    const s: Subject = {
      kind: "project", projectId: id, ownerId: unit.id, dept: unit.dept, filerId: unit.filerId, title, category, annual, growth: r.int(-5, 8) / 100,
      start, end, fundSource, planSeed: r.int(1, 2 ** 30), grade: gradeStart(),
    };
    const annualAmounts = [];
    let total = 0;
    for (let y = start; y <= end; y++) {
      annualAmounts.push({ year: y, amount: `${annualOf(s, y)}.00` });
      total += annualOf(s, y);
    }
    // Finished before the newest year: completed; the newest year's are set from their objective below.
    const state = end < opts.lastYear ? "completed" : "budgeted";
    await pw.projects.add([
      id, `GP${String(id).padStart(8, "0")}`, title, 2, category, unit.id, unit.dept.id, unit.dept.region.id, start, end,
      `${total}.00`, JSON.stringify(annualAmounts), fundSource, start === opts.lastYear, state, unit.filerId,
    ]);
    return s;
  };

  let objectiveCount = 0;
  let indicatorCount = 0;
  let auditRows = 0;
  let projects: Subject[] = [];
  for (const year of years) {
    // The year's projects: those still running carry on, finished ones leave, new ones keep the count.
    projects = projects.filter((p) => p.end >= year);
    const first = year === years[0];
    while (projects.length < projectCount) projects.push(await newProject(year, first));
    const newest = year === opts.lastYear;
    for (const s of [...subjects, ...projects]) {
      const state = newest ? r.weighted(STATE_MIX) : "approved";
      const oid = objectiveId++;
      const vid = versionId++;
      const submitted = state === "draft" ? null : `${year - 1}-0${r.int(7, 9)}-${String(r.int(1, 28)).padStart(2, "0")}T10:00:00+08:00`;
      const approvedAt = state === "approved" ? `${year - 1}-11-${String(r.int(1, 28)).padStart(2, "0")}T10:00:00+08:00` : null;
      // Grades drift: most subjects keep last year's, some move one step up or down.
      if (state === "approved") {
        const move = r.next();
        s.grade = Math.min(GRADE_ORDER.length - 1, Math.max(0, s.grade + (move < 0.15 ? -1 : move < 0.3 ? 1 : 0)));
      }
      const grade = state === "approved" ? GRADE_ORDER[s.grade] : null;
      const annual = annualOf(s, year);
      const money = `${annual}.00`;
      await pw.objectives.add([
        oid, s.kind, s.projectId, s.ownerId, s.dept.id, s.dept.region.id, year, s.title, money, state, vid,
        state === "approved" ? vid : null, annual >= 50_000_000, grade, submitted, `${year - 1}-06-15T09:00:00+08:00`,
      ]);
      // The subject's own table, the same every year: its indicators, weights and base targets from its plan seed.
      const p = rng(s.planSeed);
      const servesPublic = p.next() < 0.8;
      const annualGoal = `${year}年完成${s.title.replace(/（\d+）$/, "")}年度建设任务，资金支出进度符合序时要求。`;
      await pw.versions.add([
        vid, oid, 1,
        JSON.stringify({ name: s.title, category: s.category, startYear: s.start, endYear: s.end, servesPublic }),
        JSON.stringify([{ source: s.fundSource, year, amount: money }]),
        "项目实施所需的工程、设备及服务支出", money,
        JSON.stringify([{ start: `${year}-01`, end: `${year}-12`, content: annualGoal }]),
        `${s.title.replace(/（\d+）$/, "")}实施期内目标全面完成，服务对象满意度达到90%以上。`, annualGoal, submitted, approvedAt, s.filerId,
        `${year - 1}-06-15T09:00:00+08:00`,
      ]);

      // Indicator table: a quantity, a quality or timeliness, a benefit, satisfaction when public, then fill to k rows.
      const k = p.int(6, 14);
      const plan: string[] = ["quantity", p.pick(["quality", "timeliness"]), p.pick(["social", "economic", "ecological", "sustainable"])];
      if (servesPublic) plan.push("satisfaction");
      while (plan.length < k) plan.push(p.pick(["quantity", "quantity", "quality", "timeliness", "cost", "social", "economic", "sustainable"]));
      const weights = splitWeights(p, plan.length);
      for (let i = 0; i < plan.length; i++) {
        const pool = poolFor(s.dept.sector, plan[i]);
        const b = p.pick(pool);
        const numeric = b.comparison !== "qualitative";
        const base = numeric
          ? b.unit === "%"
            ? p.int(80, 100)
            : b.reference && /^\d+(\.\d+)?$/.test(b.reference) ? Math.max(1, Math.round(Number(b.reference) * (0.5 + p.next()))) : p.int(1, 2000)
          : p.int(0, QUALITATIVE_TARGETS.length - 1);
        // Quantities grow with the budget from year to year; percentages and qualitative targets stay.
        const target = numeric
          ? b.unit === "%" ? String(base) : String(Math.max(1, Math.round((base * annual) / s.annual)))
          : QUALITATIVE_TARGETS[base];
        await pw.indicators.add([
          indicatorRowId++, vid, i + 1, b.level1, b.level2, b.name, b.comparison, target, target, numeric ? (b.unit ?? "项") : b.unit,
          weights ? weights[i] : null, b.formula, b.id,
        ]);
        indicatorCount++;
      }

      // The reviews that brought it to its state.
      const deptReviewed = state === "approved" || state === "finance_review" || state === "returned" || state === "rejected";
      if (deptReviewed && s.kind === "project") {
        await pw.reviews.add([reviewId++, oid, vid, "department", "pass", null, null, null, s.dept.reviewerId, `${year - 1}-10-08T10:00:00+08:00`]);
      }
      if (state === "approved") {
        const score = grade === "excellent" ? r.int(90, 99) : grade === "good" ? r.int(80, 89) : grade === "fair" ? r.int(60, 79) : r.int(45, 59);
        await pw.reviews.add([reviewId++, oid, vid, "finance", "pass", grade, `${score}.00`, null, financeReviewer, approvedAt]);
      } else if (state === "returned" || state === "rejected") {
        await pw.reviews.add([reviewId++, oid, vid, "finance", state === "returned" ? "return" : "reject", "fair", `${r.int(50, 70)}.00`, r.pick(RETURN_REASONS), financeReviewer, `${year - 1}-10-20T10:00:00+08:00`]);
      }
      objectiveCount++;
    }
    for (const x of [pw.projects, pw.objectives, pw.versions, pw.indicators, pw.reviews]) await x.flush();
    auditRows += await auditYear(client, year, firstObjectiveId);
    if (hooks.afterYear) await hooks.afterYear(year);
  }
  // Projects of the newest year that are still being declared stand at 'admitted'; older ones execute.
  await client.query(
    `update projects p set state = case when o.state = 'approved' then 'budgeted'::project_state when o.state = 'rejected' then 'withdrawn'::project_state else 'admitted'::project_state end
       from objectives o where o.project_id = p.id and o.fiscal_year = $1 and p.code like 'GP%'`,
    [opts.lastYear],
  );

  for (const t of ["regions", "orgs", "users", "projects", "objectives", "objective_versions", "objective_indicators", "reviews", "audit_log"]) {
    await client.query(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
  }
  bar.update(bar.getTotal());
  return {
    regions: w.regions.rows,
    organisations: w.orgs.rows,
    users: w.users.rows,
    projects: pw.projects.rows,
    objectives: objectiveCount,
    "objective versions": pw.versions.rows,
    "indicator rows": indicatorCount,
    reviews: pw.reviews.rows,
    "audit rows": auditRows,
  };
}
