import type { FundSource } from "@/db/schema/enums";
import type { Translate } from "@/lib/i18n";
import type { declarationContent } from "./content";
import { objectiveSheet, type ObjectiveSheet } from "./table-layout";
import type { loadObjectiveView } from "./view";

export type Content = Awaited<ReturnType<typeof declarationContent>>;
type View = Awaited<ReturnType<typeof loadObjectiveView>>;

/**
 * A declaration as the 绩效目标申报表: the published 绩效目标表 (lib/objective/table-layout.ts, the
 * same model as the portal and the Excel exports) with what only filers and reviewers read
 * (attribute, period, funding by source, fund uses, plan, weights and explanations). `content` is
 * the version shown (the current one, or an earlier one read-only).
 */
export function declarationSheet(view: Pick<View, "objective" | "project" | "regionLevel" | "financeName" | "departmentName" | "ownerName">, content: Content, t: Translate): ObjectiveSheet {
  const o = view.objective;
  const { basic, funding, performance } = content;
  const fundingRows = (funding.rows ?? []) as { source: FundSource; year: number; amount: string }[];
  const period = basic.startYear && basic.endYear ? t("review.fields.periodValue", { start: basic.startYear, end: basic.endYear }) : t("review.empty");
  const attribute = [
    view.project ? t(`review.attributeValue.${view.project.isNew ? "new" : "continuing"}`) : null,
    basic.category ? t(`pool.categoryLabel.${basic.category}`) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const sheet = objectiveSheet(
    {
      subjectKind: o.subjectKind,
      fiscalYear: o.fiscalYear,
      subtitle: t("review.tableYear", { year: o.fiscalYear }),
      name: basic.name || o.title,
      regionLevel: view.regionLevel,
      financeName: view.financeName,
      departmentName: view.departmentName,
      ownerName: view.ownerName,
      amountYuan: funding.requestedAmount ?? "0",
      overallGoal: performance.overallGoal,
      annualGoal: performance.annualGoal,
      indicators: content.indicatorRows,
      department:
        o.subjectKind === "department"
          ? { duties: basic.duties, tasks: content.keyTasks.map((k) => ({ name: k.name, content: k.content, amountYuan: k.amount })) }
          : undefined,
      declaration: {
        attribute: attribute || t("review.empty"),
        period,
        funding: fundingRows.map((r) => ({ source: t(`pool.fundSourceLabel.${r.source}`), year: r.year, amountYuan: r.amount })),
        fundUses: funding.fundUses,
        plan: performance.plan ?? [],
      },
    },
    t,
  );
  return { ...sheet, title: t("review.tableTitle", { kind: t(`review.subjectLabel.${o.subjectKind}`) }) };
}
