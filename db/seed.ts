import { count } from "drizzle-orm";
import type { Db } from "./client";
import { fiscalYears, indicators, orgs, sectors, userRoles, users, type Role } from "./schema";
import { BANK_INDICATORS, SECTORS } from "./seed-indicator-bank";
import { indicatorGrams } from "@/lib/indicator/grams";
import { seedDemoObjectives } from "./seed-objectives";
import { seedDemoMonitoring } from "./seed-monitoring";
import { seedDemoDisclosures } from "./seed-disclosure";
import { seedDemoResultDisclosure } from "./seed-disclosure";
import { seedDemoEvaluation } from "./seed-evaluation";
import { seedDemoYearOverYear } from "./seed-yoy";
import { seedDemoLedger } from "./seed-ledger";
import { hashPassword } from "@/lib/auth/password";
import { insertOrg, insertRegion } from "@/lib/org/tree";
import { writeAudit } from "@/lib/audit";

export const DEMO_PASSWORD = "Demo@2026-Budget";

/** Demo accounts: one for every role, plus a second filer and a city reviewer to show scoping. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; org: string; roles: Role[] }[] = [
  { username: "admin", displayName: "王建国", org: "440000-CZ", roles: ["finance_admin"] },
  { username: "reviewer", displayName: "李晓梅", org: "440000-CZ", roles: ["finance_reviewer"] },
  { username: "gz.reviewer", displayName: "陈志强", org: "440100-CZ", roles: ["finance_reviewer"] },
  { username: "dept", displayName: "张伟", org: "440000-JT", roles: ["dept_reviewer"] },
  // The health commission's reviewer: without one, filer2's declarations have nobody to review them (lib/objective/routing.ts).
  { username: "wj.reviewer", displayName: "孙丽华", org: "440000-WJ", roles: ["dept_reviewer"] },
  { username: "filer", displayName: "刘芳", org: "440000-JT-GL", roles: ["unit_filer"] },
  { username: "filer2", displayName: "黄敏", org: "440000-WJ-JK", roles: ["unit_filer"] },
  { username: "evaluator", displayName: "周静", org: "440000-PJ01", roles: ["evaluator"] },
  { username: "observer", displayName: "吴涛", org: "440000-RD", roles: ["observer"] },
];

/**
 * One province (广东省) with two cities and a county, their finance departments, line
 * departments with units, an evaluation agency, oversight bodies, fiscal years and a demo
 * account per role. Runs in one transaction; with onlyIfEmpty it does nothing on a database
 * that already has organisations.
 */
export async function seedDemoData(db: Db, opts: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(orgs);
    if (n > 0) {
      if (opts.onlyIfEmpty) return false;
      throw new Error("The database already has organisations; the demo data goes only into an empty database.");
    }
    const gd = await insertRegion(tx, { code: "440000", name: "广东省", level: "province" });
    const gz = await insertRegion(tx, { code: "440100", name: "广州市", level: "city", parentId: gd.id });
    const sg = await insertRegion(tx, { code: "440200", name: "韶关市", level: "city", parentId: gd.id });
    const rh = await insertRegion(tx, { code: "440224", name: "仁化县", level: "county", parentId: sg.id });

    const byCode = new Map<string, number>();
    const org = async (code: string, name: string, kind: Parameters<typeof insertOrg>[1]["kind"], regionId: number, parent?: string) => {
      const row = await insertOrg(tx, { code, name, kind, regionId, parentId: parent ? byCode.get(parent) : null });
      byCode.set(code, row.id);
      return row;
    };
    // Province
    await org("440000-CZ", "广东省财政厅", "finance", gd.id);
    await org("440000-JT", "广东省交通运输厅", "department", gd.id);
    await org("440000-JT-GL", "广东省公路事务中心", "unit", gd.id, "440000-JT");
    await org("440000-JT-GH", "广东省交通运输规划研究中心", "unit", gd.id, "440000-JT");
    await org("440000-WJ", "广东省卫生健康委员会", "department", gd.id);
    await org("440000-WJ-JK", "广东省疾病预防控制中心", "unit", gd.id, "440000-WJ");
    await org("440000-WJ-ZF", "广东省职业病防治院", "unit", gd.id, "440000-WJ");
    await org("440000-JY", "广东省教育厅", "department", gd.id);
    await org("440000-JY-KS", "广东省教育考试院", "unit", gd.id, "440000-JY");
    await org("440000-PJ01", "广东华正绩效评价事务所", "agency", gd.id);
    await org("440000-RD", "广东省人大常委会预算工作委员会", "oversight", gd.id);
    await org("440000-SJ", "广东省审计厅", "oversight", gd.id);
    // Cities and county
    await org("440100-CZ", "广州市财政局", "finance", gz.id);
    await org("440100-JT", "广州市交通运输局", "department", gz.id);
    await org("440100-JT-GL", "广州市公路事务中心", "unit", gz.id, "440100-JT");
    await org("440200-CZ", "韶关市财政局", "finance", sg.id);
    await org("440200-WJ", "韶关市卫生健康局", "department", sg.id);
    await org("440200-WJ-RM", "韶关市第一人民医院", "unit", sg.id, "440200-WJ");
    await org("440224-CZ", "仁化县财政局", "finance", rh.id);
    await org("440224-JY", "仁化县教育局", "department", rh.id);
    await org("440224-JY-YZ", "仁化县第一中学", "unit", rh.id, "440224-JY");

    for (const a of DEMO_ACCOUNTS) {
      const orgId = byCode.get(a.org)!;
      const [u] = await tx
        .insert(users)
        .values({ username: a.username, displayName: a.displayName, orgId, passwordHash })
        .returning({ id: users.id });
      await tx.insert(userRoles).values(a.roles.map((role) => ({ userId: u.id, role, orgId })));
    }

    await tx.insert(fiscalYears).values([
      {
        regionId: gd.id,
        year: 2026,
        status: "open",
        declarationStart: "2025-09-01",
        declarationEnd: "2025-11-30",
        reviewDeadline: "2025-12-31",
        selfEvaluationDeadline: "2027-03-31",
        appraisalThreshold: "10000000.00",
      },
      {
        regionId: gd.id,
        year: 2027,
        status: "open",
        declarationStart: "2026-09-01",
        declarationEnd: "2026-11-30",
        reviewDeadline: "2026-12-31",
        selfEvaluationDeadline: "2028-03-31",
        appraisalThreshold: "10000000.00",
      },
    ]);
    const financeId = byCode.get("440000-CZ")!;
    await tx.insert(sectors).values(SECTORS.map((sct, i) => ({ code: sct.code, name: sct.name, ordinal: i })));
    const sectorOwner: Record<string, string> = { 交通运输: "440000-JT", 卫生健康: "440000-WJ", 教育: "440000-JY" };
    await tx.insert(indicators).values(
      BANK_INDICATORS.map(([code, name, level1, level2, kind, sector, unit, comparison, formula, reference]) => ({
        code,
        name,
        level1,
        level2,
        kind,
        sector,
        unit,
        comparison,
        formula,
        referenceValues: reference ? { standard: reference } : null,
        searchGrams: indicatorGrams({ name, formula, sector }),
        // Sector indicators belong to the line department of that sector where the demo has one.
        ownerOrgId: kind === "sector" && sector && sectorOwner[sector] ? byCode.get(sectorOwner[sector]) : financeId,
      })),
    );
    const userIds = new Map<string, number>();
    for (const u of await tx.select({ id: users.id, username: users.username }).from(users)) userIds.set(u.username, u.id);
    await seedDemoObjectives(tx, byCode, userIds);
    await seedDemoMonitoring(tx, byCode, userIds);
    await seedDemoDisclosures(tx, byCode, userIds);
    await seedDemoEvaluation(tx, gd.id, byCode, userIds);
    await seedDemoLedger(tx, userIds);
    await seedDemoResultDisclosure(tx, userIds);
    await seedDemoYearOverYear(tx);

    await writeAudit(tx, { userId: null, username: "system" }, { action: "seed.demo", objectType: "database", after: { accounts: DEMO_ACCOUNTS.length } });
    return true;
  });
}
