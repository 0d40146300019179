import type { Tx } from "./client";
import { evaluationRuleSets } from "./schema";
import { DEFAULT_RULES } from "@/lib/evaluation/rules";

/**
 * Evaluation demo data: the province's active scoring rule set (DESIGN §3.7 defaults) for each
 * demo fiscal year; cities and counties inherit it.
 */
export async function seedDemoEvaluation(tx: Tx, provinceRegionId: number, adminUserId: number | undefined) {
  for (const year of [2026, 2027]) {
    await tx.insert(evaluationRuleSets).values({
      regionId: provinceRegionId,
      fiscalYear: year,
      number: 1,
      name: `${year}年度单位自评评分规则（默认）`,
      status: "active",
      rules: DEFAULT_RULES,
      createdBy: adminUserId ?? null,
    });
  }
}
