import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import pg from "pg";
import { objectiveIndicators, objectives, objectiveVersions, regions } from "@/db/schema";
import { createObjective } from "@/lib/actions/objective/create-objective";
import { issueRegionalObjectives } from "@/lib/actions/objective/issue-regional-objectives";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import { createProject } from "@/lib/actions/project/create-project";
import { checkSession } from "@/lib/auth/session";
import { isUniqueViolation } from "@/lib/db-errors";
import { overallObjectiveOf, regionalRollup } from "@/lib/objective/regional";
import { listTransferRecipients } from "@/lib/objective/transfer-recipients";
import { isAdditiveQuantity, proportionalSplit } from "@/lib/objective/transfer-split";
import { insertOrg } from "@/lib/org/tree";
import type { IndicatorRowInput } from "@/lib/validation/objective";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { addColleague } from "../helpers/people";
import { asSession, auditCount, signInAs, useTestDatabase } from "../helpers/session";
import { trunkRoadIndicators } from "../helpers/trunk-road";

/**
 * Issue 14 item 6: finance issues (下达) a transfer payment to the regions — the whole fund split
 * among departments of the issuer's sector in the regions below, the additive quantity targets
 * split with it (lib/objective/transfer-split.ts) — once, from an approved objective; every bad
 * input refused on its field with nothing written; two finance users at once: one wins.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let reviewer: string; // 李晓梅, provincial finance
let colleague: string; // a second provincial finance reviewer
const onServer = !!process.env.DATABASE_URL;

const FUND = "300000000.00"; // 3 亿元 = 30,000 万元
const KM = "新建改建农村公路里程"; // 20000 公里 a year (and over the period)
const BRIDGES = "农村公路危桥改造数量"; // 1000 座 this year, 3000 over the period

beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  // Two more transport departments below the province: 韶关 (a city) and 仁化 (a county of 韶关).
  const [sg] = await database.db.select().from(regions).where(eq(regions.code, "440200"));
  const [rh] = await database.db.select().from(regions).where(eq(regions.code, "440224"));
  await insertOrg(database.db, { code: "440200-JT", name: "韶关市交通运输局", kind: "department", regionId: sg.id });
  await insertOrg(database.db, { code: "440224-JT", name: "仁化县交通运输局", kind: "department", regionId: rh.id });
  await addColleague(database, "reviewer", "reviewer.b", ["finance_reviewer"]);
  colleague = await signInAs(database, "reviewer.b");
  reviewer = await signInAs(database, "reviewer");
});
afterAll(() => database.drop());

/** The trunk road's indicators (rates, a qualitative 万公里) plus two that add up across regions. */
async function indicatorRows(): Promise<IndicatorRowInput[]> {
  const custom = (name: string, unit: string, annualTarget: string, periodTarget: string): IndicatorRowInput => ({
    fundUse: "农村公路建设补助",
    level1: "output",
    level2: "quantity",
    name,
    comparison: "gte",
    annualTarget,
    periodTarget,
    unit,
    weight: null,
    explanation: null,
    formula: null,
    indicatorId: null,
    customReason: "按补助资金测算的分解指标",
  });
  return [...(await trunkRoadIndicators(database)), custom(KM, "公里", "20000", "20000"), custom(BRIDGES, "座", "1000", "3000")];
}

let n = 0;
/** A transfer payment of the provincial transport department, declared; approved by finance unless told. */
async function transfer(opts: { approve?: boolean } = {}) {
  const dept = await orgByCode(database, "440000-JT");
  const deptSid = await signInAs(database, "dept");
  const id = await asSession(deptSid, async () => {
    const p = await createProject({
      name: `省级农村公路建设补助资金${++n}`, tier: 1, category: "transfer", ownerOrgId: dept.id, startYear: 2027, endYear: 2027,
      totalAmount: FUND, fundSource: "general_budget", policyBasis: null, isNew: false,
    });
    if (!p.ok) throw new Error(JSON.stringify(p));
    const created = await createObjective({ subjectKind: "transfer", projectId: p.data.id, fiscalYear: 2027 });
    if (!created.ok) throw new Error(JSON.stringify(created));
    let ev = 1;
    for (const [step, data] of [
      [1, { name: `省级农村公路建设补助资金${n}`, category: "transfer", startYear: 2027, endYear: 2027, contactName: null, contactPhone: null, policyBasis: null, servesPublic: false }],
      [2, { requestedAmount: FUND, rows: [{ source: "general_budget", year: 2027, amount: FUND }], fundUses: "农村公路建设补助" }],
      [3, { plan: [{ start: "2027", end: "2027", content: "全年建设" }], overallGoal: "完成农村公路建设任务。", annualGoal: "2027年完成农村公路新改建。", indicators: await indicatorRows() }],
    ] as const) {
      const r = await saveDeclarationStep({ step, objectiveId: created.data.id, editVersion: ev, data });
      if (!r.ok) throw new Error(JSON.stringify(r));
      ev = (r.data as { editVersion: number }).editVersion;
    }
    const o = await objective(created.data.id);
    const sub = await submitObjective({ objectiveId: o.id, version: o.version });
    if (!sub.ok) throw new Error(JSON.stringify(sub));
    return o.id;
  });
  if (opts.approve !== false) {
    const o = await objective(id);
    const r = await asSession(reviewer, () => reviewObjective({ objectiveId: id, version: o.version, stage: "finance", result: "pass", grade: "good" }));
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  return id;
}

const objective = async (id: number) => (await database.db.select().from(objectives).where(eq(objectives.id, id)))[0];
const children = (parentId: number) =>
  database.db.select().from(objectives).where(eq(objectives.parentObjectiveId, parentId)).orderBy(asc(objectives.id));
/** The ordinals of the split indicators of an objective's version in force. */
async function ordinals(objectiveId: number) {
  const o = await objective(objectiveId);
  const rows = await database.db.select().from(objectiveIndicators).where(eq(objectiveIndicators.versionId, o.currentVersionId!));
  const of = (name: string) => String(rows.find((r) => r.name === name)!.ordinal);
  return { km: of(KM), bridges: of(BRIDGES), rate: of("公路建设工程量完成率") };
}
const org = async (code: string) => (await orgByCode(database, code)).id;
async function recipients() {
  return { gz: await org("440100-JT"), sg: await org("440200-JT"), rh: await org("440224-JT") };
}

describe("the default split of a quantity target (pure)", () => {
  it("is proportional to the amounts, rounded down at the target's precision, the remainder to the last region", () => {
    // 20000 公里 over 1.2亿 / 1亿 / 0.8亿: 8000, 6666.66… → 6666, and 20000 − 8000 − 6666 = 5334.
    expect(proportionalSplit("20000", ["120000000.00", "100000000.00", "80000000.00"])).toEqual(["8000", "6666", "5334"]);
    // 1000 座 in three equal parts: 333, 333, 334.
    expect(proportionalSplit("1000", ["100000000.00", "100000000.00", "100000000.00"])).toEqual(["333", "333", "334"]);
    // One decimal kept: 20000.5 × 70% = 14000.35 → 14000.3; 20000.5 − 14000.3 = 6000.2.
    expect(proportionalSplit("20000.5", ["210000000.00", "90000000.00"])).toEqual(["14000.3", "6000.2"]);
    // No amount typed yet: all to the last row.
    expect(proportionalSplit("1000", ["0", "0"])).toEqual(["0", "1000"]);
  });

  it("splits numeric quantity indicators whose unit adds up, and nothing else", () => {
    const q = { level2: "quantity" as const, comparison: "gte" as const };
    expect(isAdditiveQuantity({ ...q, unit: "公里", annualTarget: "20000" })).toBe(true);
    expect(isAdditiveQuantity({ ...q, unit: "座", annualTarget: "1000" })).toBe(true);
    expect(isAdditiveQuantity({ ...q, unit: "人", annualTarget: "35" })).toBe(true);
    expect(isAdditiveQuantity({ ...q, unit: "%", annualTarget: "100" })).toBe(false);
    expect(isAdditiveQuantity({ ...q, unit: "公里", annualTarget: "完成改造" })).toBe(false);
    expect(isAdditiveQuantity({ ...q, comparison: "qualitative", unit: "万公里", annualTarget: "完成国省道改造" })).toBe(false);
    expect(isAdditiveQuantity({ level2: "quality", comparison: "gte", unit: "公里", annualTarget: "100" })).toBe(false);
  });
});

describe("issuing a transfer payment to the regions", () => {
  it("offers only the departments of the issuer's sector in the regions below", async () => {
    const id = await transfer({ approve: false });
    const dept = await orgByCode(database, "440000-JT");
    const listed = await listTransferRecipients(database.db, id, "/1/", dept.id);
    // Not 韶关市卫生健康局 nor 仁化县教育局: another sector; not the province's own departments.
    expect(listed.recipients.map((r) => `${r.regionName} · ${r.name}`)).toEqual(["广州市 · 广州市交通运输局", "韶关市 · 韶关市交通运输局", "仁化县 · 仁化县交通运输局"]);
    expect(listed.sector).toBe("JT");
    expect(listed.issuedTotal).toBe("0.00");
  });

  it("splits the fund and the quantity targets: parts adding up to the whole, per region", async () => {
    const id = await transfer();
    const { gz, sg, rh } = await recipients();
    const o = await ordinals(id);
    const before = await auditCount(database, "objective.issueRegional");
    // 1.2亿 / 1亿 / 0.8亿; km edited from the default (8000 / 6666 / 5334) to 9000 / 6000 / 5000;
    // bridges by default: 400 / 333 / 267 (period 3000: 1200 / 1000 / 800).
    const issued = await asSession(reviewer, () =>
      issueRegionalObjectives({
        objectiveId: id,
        allocations: [
          { orgId: gz, amount: "120000000.00", targets: { [o.km]: "9000", [o.bridges]: "400" } },
          { orgId: sg, amount: "100000000.00", targets: { [o.km]: "6000", [o.bridges]: "333" } },
          { orgId: rh, amount: "80000000.00", targets: { [o.km]: "5000", [o.bridges]: "267" } },
        ],
      }),
    );
    expect(issued).toMatchObject({ ok: true });
    expect(await auditCount(database, "objective.issueRegional")).toBe(before + 3);
    const made = await children(id);
    expect(made.map((c) => [c.ownerOrgId, c.allocatedAmount, c.requestedAmount, c.state])).toEqual([
      [gz, "120000000.00", "120000000.00", "draft"],
      [sg, "100000000.00", "100000000.00", "draft"],
      [rh, "80000000.00", "80000000.00", "draft"],
    ]);
    const targets = async (objectiveId: number) => {
      const c = await objective(objectiveId);
      const rows = await database.db.select().from(objectiveIndicators).where(eq(objectiveIndicators.versionId, c.currentVersionId!));
      const at = (name: string) => rows.find((r) => r.name === name)!;
      return [at(KM).annualTarget, at(KM).periodTarget, at(BRIDGES).annualTarget, at(BRIDGES).periodTarget, at("公路建设工程量完成率").annualTarget];
    };
    // km: annual = period in the province, so each region's period follows its annual; bridges'
    // period 3000 split by amount; the rate (%) is not split: every region keeps 100.
    expect(await targets(made[0].id)).toEqual(["9000", "9000", "400", "1200", "100"]);
    expect(await targets(made[1].id)).toEqual(["6000", "6000", "333", "1000", "100"]);
    expect(await targets(made[2].id)).toEqual(["5000", "5000", "267", "800", "100"]);
    const [v] = await database.db.select().from(objectiveVersions).where(eq(objectiveVersions.id, made[0].currentVersionId!));
    expect(v.funding).toEqual([{ source: "superior_transfer", year: 2027, amount: "120000000.00" }]);

    // The province's roll-up: amounts and quantities per region, adding up to its own.
    const session = await checkSession(database.db, reviewer);
    if (!session.ok) throw new Error("session");
    const parent = await objective(id);
    const rollup = await regionalRollup(database.db, session.actor, id, parent.currentVersionId!);
    expect(rollup.regions.map((r) => [r.regionName, r.allocatedAmount, r.targets[Number(o.km)], r.targets[Number(o.bridges)]])).toEqual([
      ["广州市", "120000000.00", "9000", "400"],
      ["韶关市", "100000000.00", "6000", "333"],
      ["仁化县", "80000000.00", "5000", "267"],
    ]);
    const ind = (ordinal: string) => rollup.indicators.find((i) => i.ordinal === Number(ordinal))!;
    expect([ind(o.km).additive, ind(o.km).annualTarget, ind(o.km).regionsTotal]).toEqual([true, "20000", "20000"]);
    expect([ind(o.bridges).additive, ind(o.bridges).regionsTotal]).toEqual([true, "1000"]);
    expect([ind(o.rate).additive, ind(o.rate).regionsTotal]).toEqual([false, null]);
    // The department that declared it sees every region, though it may not open their objectives;
    // a city's finance only its own region, and names the overall objective without opening it.
    const deptSession = await checkSession(database.db, await signInAs(database, "dept"));
    const citySession = await checkSession(database.db, await signInAs(database, "gz.reviewer"));
    if (!deptSession.ok || !citySession.ok) throw new Error("session");
    expect((await regionalRollup(database.db, deptSession.actor, id, parent.currentVersionId!)).regions.map((r) => [r.regionName, r.readable])).toEqual([
      ["广州市", false],
      ["韶关市", false],
      ["仁化县", false],
    ]);
    expect((await regionalRollup(database.db, citySession.actor, id, parent.currentVersionId!)).regions.map((r) => [r.regionName, r.readable])).toEqual([["广州市", true]]);
    expect(await overallObjectiveOf(database.db, citySession.actor, id)).toMatchObject({ id, ownerName: "广东省交通运输厅", readable: false });
    expect(await overallObjectiveOf(database.db, session.actor, id)).toMatchObject({ readable: true });

    // Once: a second issuance is refused, nothing more written.
    const again = await asSession(reviewer, () =>
      issueRegionalObjectives({ objectiveId: id, allocations: [{ orgId: gz, amount: FUND, targets: { [o.km]: "20000", [o.bridges]: "1000" } }] }),
    );
    expect(again).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { allocations: ["该转移支付已分解下达（可能刚由其他用户下达），请刷新页面查看"] } });
    expect(await children(id)).toHaveLength(3);
  });

  it("refuses every bad input on its field, and writes nothing", async () => {
    const id = await transfer();
    const draft = await transfer({ approve: false });
    const { gz, sg, rh } = await recipients();
    const o = await ordinals(id);
    const good = (amount: string, km: string, bridges: string, orgId: number) => ({ orgId, amount, targets: { [o.km]: km, [o.bridges]: bridges } });
    const split = [good("120000000.00", "8000", "400", gz), good("100000000.00", "6666", "333", sg), good("80000000.00", "5334", "267", rh)];
    const before = await auditCount(database, "objective.issueRegional");
    const refused = async (input: Parameters<typeof issueRegionalObjectives>[0], field: string, message: string, sid = reviewer) => {
      const r = await asSession(sid, () => issueRegionalObjectives(input));
      expect(r, field).toMatchObject({ ok: false, code: "invalid_input" });
      expect(!r.ok && r.fieldErrors?.[field], field).toEqual([message]);
    };
    const withRow = (i: number, patch: object) => split.map((a, j) => (j === i ? { ...a, ...patch } : a));

    // Not approved yet (finance_review).
    await refused({ objectiveId: draft, allocations: split }, "objectiveId", "总体目标尚未批复，不能分解下达");
    // Amounts: negative, not a number, zero.
    await refused({ objectiveId: id, allocations: withRow(0, { amount: "-120000000.00" }) }, "allocations.0.amount", "金额须为非负数，最多两位小数");
    await refused({ objectiveId: id, allocations: withRow(1, { amount: "一亿" }) }, "allocations.1.amount", "金额须为非负数，最多两位小数");
    await refused({ objectiveId: id, allocations: withRow(2, { amount: "0" }) }, "allocations.2.amount", "请填写大于零的金额");
    // Parts not adding up to the whole: one cent short.
    await refused(
      { objectiveId: id, allocations: withRow(2, { amount: "79999999.99" }) },
      "allocations",
      "各地区金额合计 29,999.999999 万元，与资金总额 30,000.00 万元相差 0.000001 万元，须全部分解下达",
    );
    // A quantity split not adding up: 8000 + 6666 + 5333 = 19999.
    await refused(
      { objectiveId: id, allocations: withRow(2, { targets: { [o.km]: "5333", [o.bridges]: "267" } }) },
      `targets.${o.km}`,
      "「新建改建农村公路里程」各地区合计 19999公里，应等于总体目标 20000公里",
    );
    // A target that is not a number, one missing, one for an indicator that is not split.
    await refused({ objectiveId: id, allocations: withRow(0, { targets: { [o.km]: "八千", [o.bridges]: "400" } }) }, `allocations.0.targets.${o.km}`, "指标值须为非负数，最多四位小数");
    await refused({ objectiveId: id, allocations: withRow(1, { targets: { [o.km]: "6666" } }) }, `allocations.1.targets.${o.bridges}`, "请填写该地区的指标值");
    await refused(
      { objectiveId: id, allocations: withRow(0, { targets: { [o.km]: "8000", [o.bridges]: "400", [o.rate]: "95" } }) },
      `allocations.0.targets.${o.rate}`,
      "该指标不分解，各地区沿用总体目标的指标值",
    );
    // Recipients: another sector (韶关's health bureau), a department of the province itself, twice the same.
    await refused({ objectiveId: id, allocations: withRow(1, { orgId: await org("440200-WJ") }) }, "allocations.1.orgId", "接收单位须与下达部门属同一行业");
    await refused({ objectiveId: id, allocations: withRow(1, { orgId: await org("440000-JT") }) }, "allocations.1.orgId", "接收单位须为下级地区的主管部门");
    await refused({ objectiveId: id, allocations: withRow(2, { orgId: gz }) }, "allocations.2.orgId", "同一单位只能下达一次");

    // Who: the department that declared it may not issue it; a city's finance does not reach it.
    const dept = await signInAs(database, "dept");
    expect(await asSession(dept, () => issueRegionalObjectives({ objectiveId: id, allocations: split }))).toMatchObject({ ok: false, code: "forbidden" });
    const city = await signInAs(database, "gz.reviewer");
    expect(await asSession(city, () => issueRegionalObjectives({ objectiveId: id, allocations: split }))).toMatchObject({ ok: false, code: "not_found" });

    expect(await children(id)).toHaveLength(0);
    expect(await children(draft)).toHaveLength(0);
    expect(await auditCount(database, "objective.issueRegional")).toBe(before);
    // And the good split goes through.
    expect(await asSession(reviewer, () => issueRegionalObjectives({ objectiveId: id, allocations: split }))).toMatchObject({ ok: true });
    expect((await children(id)).map((c) => c.allocatedAmount)).toEqual(["120000000.00", "100000000.00", "80000000.00"]);
  });
});

describe("two finance users issuing the same transfer payment at once", () => {
  const splitA = async (id: number) => {
    const { gz, sg } = await recipients();
    const o = await ordinals(id);
    return [
      { orgId: gz, amount: "150000000.00", targets: { [o.km]: "10000", [o.bridges]: "500" } },
      { orgId: sg, amount: "150000000.00", targets: { [o.km]: "10000", [o.bridges]: "500" } },
    ];
  };
  const splitB = async (id: number) => {
    const { gz, rh } = await recipients();
    const o = await ordinals(id);
    return [
      { orgId: gz, amount: "200000000.00", targets: { [o.km]: "13333", [o.bridges]: "666" } },
      { orgId: rh, amount: "100000000.00", targets: { [o.km]: "6667", [o.bridges]: "334" } },
    ];
  };
  const ALREADY = "该转移支付已分解下达（可能刚由其他用户下达），请刷新页面查看";

  it("one wins, the other is told on its field, and only the winner's split is written", async () => {
    for (let round = 0; round < (onServer ? 4 : 2); round++) {
      const id = await transfer();
      const [a, b] = await Promise.all([
        asSession(reviewer, async () => issueRegionalObjectives({ objectiveId: id, allocations: await splitA(id) })),
        asSession(colleague, async () => issueRegionalObjectives({ objectiveId: id, allocations: await splitB(id) })),
      ]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const loser = a.ok ? b : a;
      expect(loser).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { allocations: [ALREADY] } });
      const amounts = (await children(id)).map((c) => c.allocatedAmount);
      expect(amounts).toEqual(a.ok ? ["150000000.00", "150000000.00"] : ["200000000.00", "100000000.00"]);
    }
  });

  it.runIf(onServer)("forced: the second waits on the overall objective's row and finds it issued", async () => {
    const id = await transfer();
    const [first, second] = [await splitA(id), await splitB(id)];
    const [a, b] = await withRowHeld(id, async (row) => {
      const one = asSession(reviewer, () => issueRegionalObjectives({ objectiveId: id, allocations: first }));
      await row.queued(1);
      const two = asSession(colleague, () => issueRegionalObjectives({ objectiveId: id, allocations: second }));
      await row.queued(2);
      await row.release();
      return Promise.all([one, two]);
    });
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { allocations: [ALREADY] } });
    expect((await children(id)).map((c) => c.allocatedAmount)).toEqual(["150000000.00", "150000000.00"]);
  });
});

describe("the database's own guard", () => {
  it("refuses a second regional objective of one overall objective for one recipient", async () => {
    const id = await transfer();
    const { gz } = await recipients();
    const o = await ordinals(id);
    expect(
      await asSession(reviewer, () => issueRegionalObjectives({ objectiveId: id, allocations: [{ orgId: gz, amount: FUND, targets: { [o.km]: "20000", [o.bridges]: "1000" } }] })),
    ).toMatchObject({ ok: true });
    const [c] = await children(id);
    const copy = { subjectKind: c.subjectKind, projectId: c.projectId, parentObjectiveId: id, ownerOrgId: c.ownerOrgId, departmentOrgId: c.departmentOrgId, regionId: c.regionId, fiscalYear: c.fiscalYear, title: c.title, allocatedAmount: "1.00" };
    const refused = await database.db.insert(objectives).values(copy).then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(refused)).toBe(true);
    expect(await children(id)).toHaveLength(1);
  });
});

/**
 * A third connection holding the objective's row lock while `race` runs: calls started meanwhile
 * queue behind it in the order they reach it; `queued(n)` waits until n of them wait on a lock.
 */
async function withRowHeld<T>(objectiveId: number, race: (row: { queued(n: number): Promise<void>; release(): Promise<void> }) => Promise<T>): Promise<T> {
  const holder = new pg.Client({ connectionString: database.url });
  const watcher = new pg.Client({ connectionString: database.url });
  await holder.connect();
  await watcher.connect();
  let held = true;
  const release = async () => {
    if (held) await holder.query("commit");
    held = false;
  };
  try {
    await holder.query("begin");
    await holder.query("select id from objectives where id = $1 for update", [objectiveId]);
    return await race({
      async queued(count) {
        for (let i = 0; i < 1000; i++) {
          const { rows } = await watcher.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
          if (rows[0].n >= count) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error(`expected ${count} transactions waiting for the row`);
      },
      release,
    });
  } finally {
    await release().catch(() => {});
    await holder.end();
    await watcher.end();
  }
}
