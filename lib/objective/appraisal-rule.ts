import Decimal from "decimal.js";

/**
 * DESIGN §3.2: an ex-ante appraisal is required for new projects, and for any project whose
 * total amount reaches the fiscal year's threshold.
 */
export function appraisalRequired(project: { isNew: boolean; totalAmount: string }, threshold: string | null): boolean {
  if (project.isNew) return true;
  return threshold !== null && new Decimal(project.totalAmount).gte(threshold);
}
