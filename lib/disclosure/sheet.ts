import type { Translate } from "@/lib/i18n";
import { chinaDate } from "@/lib/format";
import { objectiveSheet, type ObjectiveSheet } from "@/lib/objective/table-layout";
import type { PublicDetail } from "./public";

/**
 * A disclosed objective as the published 绩效目标表 (the one model, lib/objective/table-layout.ts):
 * the grid the portal page, its print and its Excel export all draw.
 */
export function publicSheet(d: PublicDetail, t: Translate): ObjectiveSheet {
  return objectiveSheet(
    {
      subjectKind: d.subjectKind,
      fiscalYear: d.fiscalYear,
      subtitle: t("disclosure.detail.regionLine", { region: d.regionName, date: chinaDate(d.disclosedAt) }),
      name: d.content.basic.name || d.title,
      regionLevel: d.regionLevel,
      financeName: d.financeName,
      departmentName: d.departmentName,
      ownerName: d.ownerName,
      amountYuan: d.amount,
      overallGoal: d.content.performance.overallGoal,
      annualGoal: d.content.performance.annualGoal,
      indicators: d.content.indicatorRows,
      department:
        d.subjectKind === "department"
          ? { duties: d.content.basic.duties, tasks: (d.content.keyTasks ?? []).map((k) => ({ name: k.name, content: k.content, amountYuan: k.amount })) }
          : undefined,
    },
    t,
  );
}
