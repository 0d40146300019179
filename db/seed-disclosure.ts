import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "./client";
import { disclosures, indicators, objectiveIndicators, objectives, objectiveVersions, orgs, projects, regions, reviews, selfEvaluations } from "./schema";
import { writeAudit } from "@/lib/audit";
import { disclosureRow } from "@/lib/disclosure/disclose";
import { seedDemoLedger } from "./seed-ledger";
import { evaluationDisclosureRow } from "@/lib/disclosure/evaluation";

const YEAR = 2027;

/** Two more approved objectives (a province unit and a county school), so the portal has something to show. */
const APPROVED = [
  {
    owner: "440000-JT-GL",
    name: "普通国省道路面养护工程",
    category: "special_fund" as const,
    total: "152000000.00",
    overall: "全省普通国省道路面技术状况保持良好，优良路率稳步提高，保障公众安全便捷出行。",
    annual: "完成普通国省道路面养护里程1200公里，优良中等路率达到85%以上。",
    indicators: [
      ["JT-SL-008", "1200", "1200"],
      ["JT-ZL-003", "85", "85"],
      ["JT-SX-002", "100", "100"],
      ["JT-XY-004", "100", "100"],
      ["GX-MY-003", "90", "90"],
    ],
  },
  {
    owner: "440224-JY-YZ",
    name: "仁化县第一中学校舍维修改造",
    category: "other_development" as const,
    total: "6800000.00",
    overall: "改善学校办学条件，消除校舍安全隐患。",
    annual: "完成教学楼及学生宿舍维修改造面积12000平方米，校舍安全隐患全部消除。",
    indicators: [
      ["JY-SL-005", "12000", "12000"],
      ["GX-ZL-005", "规范", "规范"],
      ["GX-SX-004", "100", "100"],
      ["GX-XY-003", "2600", "2600"],
      ["GX-MY-003", "90", "90"],
    ],
  },
];

/**
 * Demo disclosures: adds two approved objectives and discloses the province's approved
 * 免疫规划项目 and 普通国省道路面养护工程 with their budgets; the county school's stays approved
 * but undisclosed, so the portal visibly leaves it out.
 */
export async function seedDemoDisclosures(tx: Tx, orgIds: Map<string, number>, userIds: Map<string, number>) {
  const bank = new Map<string, typeof indicators.$inferSelect>();
  for (const i of await tx.select().from(indicators)) bank.set(i.code, i);
  let seq = 0;
  for (const d of APPROVED) {
    const [owner] = await tx.select().from(orgs).where(eq(orgs.id, orgIds.get(d.owner)!));
    const [region] = await tx.select().from(regions).where(eq(regions.id, owner.regionId));
    const departmentOrgId = owner.parentId!;
    const [p] = await tx
      .insert(projects)
      .values({
        code: `${region.code}-${YEAR}-P${String(++seq).padStart(5, "0")}`,
        name: d.name,
        category: d.category,
        ownerOrgId: owner.id,
        departmentOrgId,
        regionId: owner.regionId,
        startYear: YEAR,
        endYear: YEAR,
        totalAmount: d.total,
        fundSource: "general_budget",
        isNew: false,
        state: "admitted",
      })
      .returning();
    const [o] = await tx
      .insert(objectives)
      .values({
        subjectKind: "project",
        projectId: p.id,
        ownerOrgId: owner.id,
        departmentOrgId,
        regionId: owner.regionId,
        fiscalYear: YEAR,
        title: d.name,
        requestedAmount: d.total,
        state: "approved",
        grade: "good",
        submittedAt: new Date("2026-10-20T09:00:00+08:00"),
      })
      .returning();
    const [v] = await tx
      .insert(objectiveVersions)
      .values({
        objectiveId: o.id,
        number: 1,
        basic: { name: d.name, category: d.category, startYear: YEAR, endYear: YEAR, servesPublic: true },
        funding: [{ source: "general_budget", year: YEAR, amount: d.total }],
        requestedAmount: d.total,
        fundUses: "项目实施所需的工程及服务支出",
        plan: [{ start: String(YEAR), end: String(YEAR), content: d.annual }],
        overallGoal: d.overall,
        annualGoal: d.annual,
        submittedAt: new Date("2026-10-20T09:00:00+08:00"),
        approvedAt: new Date("2026-11-20T10:00:00+08:00"),
      })
      .returning();
    await tx.update(objectives).set({ currentVersionId: v.id, approvedVersionId: v.id }).where(eq(objectives.id, o.id));
    await tx.insert(objectiveIndicators).values(
      d.indicators.map(([code, annual, period], i) => {
        const b = bank.get(code)!;
        return { versionId: v.id, ordinal: i + 1, level1: b.level1, level2: b.level2, name: b.name, comparison: b.comparison, annualTarget: annual, periodTarget: period, unit: b.unit, formula: b.formula, indicatorId: b.id };
      }),
    );
    await tx.insert(reviews).values({ objectiveId: o.id, versionId: v.id, stage: "finance", result: "pass", grade: "good", score: "86", reviewerId: userIds.get("reviewer")! });
  }

  // 同步公开: what is disclosed is first arranged (批复) — the ledger's amount is the disclosed budget.
  await seedDemoLedger(tx, userIds);
  const disclose = ["免疫规划项目", "普通国省道路面养护工程"];
  const rows = await tx
    .select({
      objective: objectives,
      version: objectiveVersions,
      orgPath: orgs.path,
      ownerName: orgs.name,
      regionPath: regions.path,
      category: projects.category,
    })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, objectives.regionId))
    .innerJoin(objectiveVersions, eq(objectiveVersions.id, objectives.approvedVersionId))
    .leftJoin(projects, eq(projects.id, objectives.projectId))
    .where(inArray(objectives.title, disclose));
  const admin = userIds.get("admin")!;
  for (const r of rows) {
    const [dept] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.objective.departmentOrgId));
    const [d] = await tx
      .insert(disclosures)
      .values({ ...disclosureRow({ ...r, departmentName: dept.name }, YEAR, admin), disclosedAt: new Date("2026-11-25T10:00:00+08:00") })
      .returning();
    await writeAudit(tx, { userId: admin, username: "admin" }, { action: "disclosure.publish", objectType: "disclosure", objectId: d.id, after: { objectiveId: d.objectiveId, fiscalYear: YEAR, amount: d.amount } });
  }
}

/**
 * Demo result disclosure (runs after the evaluation seed): the accepted self-evaluation of 2026
 * (重点传染病防控项目, 良 83.98) is disclosed with its objective (disclosed too when it is not
 * already), so the portal's 2026 figures show one grade and the objective's page its result.
 */
export async function seedDemoResultDisclosure(tx: Tx, userIds: Map<string, number>) {
  const admin = userIds.get("admin")!;
  const who = { userId: admin, username: "admin" };
  const accepted = await tx
    .select({
      se: selfEvaluations,
      objective: objectives,
      version: objectiveVersions,
      orgPath: orgs.path,
      ownerName: orgs.name,
      regionPath: regions.path,
      category: projects.category,
    })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .innerJoin(objectiveVersions, eq(objectiveVersions.id, objectives.approvedVersionId))
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, objectives.regionId))
    .leftJoin(projects, eq(projects.id, objectives.projectId))
    .where(eq(selfEvaluations.state, "accepted"));
  for (const r of accepted) {
    const [live] = await tx
      .select({ id: disclosures.id, withdrawnAt: disclosures.withdrawnAt })
      .from(disclosures)
      .where(and(eq(disclosures.objectiveId, r.objective.id), eq(disclosures.subjectType, "objective")));
    if (!live || live.withdrawnAt) {
      const [dept] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.objective.departmentOrgId));
      const [d] = await tx
        .insert(disclosures)
        .values({ ...disclosureRow({ ...r, departmentName: dept.name }, r.objective.fiscalYear, admin), disclosedAt: new Date("2026-11-25T10:00:00+08:00") })
        .returning();
      await writeAudit(tx, who, { action: "disclosure.publish", objectType: "disclosure", objectId: d.id, after: { objectiveId: d.objectiveId, fiscalYear: d.fiscalYear, amount: d.amount } });
    }
    const [d] = await tx
      .insert(disclosures)
      .values({ ...evaluationDisclosureRow(r.se, r.objective.title, r.regionPath, admin), disclosedAt: new Date("2027-03-20T10:00:00+08:00") })
      .returning();
    await writeAudit(tx, who, { action: "disclosure.publish", objectType: "disclosure", objectId: d.id, after: { selfEvaluationId: r.se.id, objectiveId: d.objectiveId, fiscalYear: d.fiscalYear, score: d.score, grade: d.grade } });
  }
}
