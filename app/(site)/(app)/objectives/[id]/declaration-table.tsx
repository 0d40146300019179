import type { FundSource, RegionLevel, SubjectKind } from "@/db/schema/enums";
import type { Translate } from "@/lib/i18n";
import type { declarationContent } from "@/lib/objective/content";
import { objectiveSheet, type ObjectiveSheet } from "@/lib/objective/table-layout";
import { ObjectiveSheetView } from "@/app/_components/objective-sheet";

export { targetText } from "@/lib/objective/table-layout";

export type Content = Awaited<ReturnType<typeof declarationContent>>;

export interface DeclarationSheetInput {
  heading: string;
  yearLine: string;
  subjectKind: SubjectKind;
  fiscalYear: number;
  name: string;
  regionLevel: RegionLevel;
  financeName: string | null;
  departmentName: string;
  ownerName: string;
  attribute: string;
  content: Content;
}

/**
 * The whole declaration as the 绩效目标申报表: the published 绩效目标表 (lib/objective/table-layout.ts,
 * the same model as the portal and the Excel exports) with what only filers and reviewers read
 * (attribute, period, funding by source, fund uses, plan, weights and explanations).
 */
export function declarationSheet(p: DeclarationSheetInput, t: Translate): ObjectiveSheet {
  const { basic, funding, performance } = p.content;
  const fundingRows = (funding.rows ?? []) as { source: FundSource; year: number; amount: string }[];
  const period = basic.startYear && basic.endYear ? t("review.fields.periodValue", { start: basic.startYear, end: basic.endYear }) : t("review.empty");
  const sheet = objectiveSheet(
    {
      subjectKind: p.subjectKind,
      fiscalYear: p.fiscalYear,
      subtitle: p.yearLine,
      name: basic.name || p.name,
      regionLevel: p.regionLevel,
      financeName: p.financeName,
      departmentName: p.departmentName,
      ownerName: p.ownerName,
      amountYuan: funding.requestedAmount ?? "0",
      overallGoal: performance.overallGoal,
      annualGoal: performance.annualGoal,
      indicators: p.content.indicatorRows,
      declaration: {
        attribute: p.attribute,
        period,
        funding: fundingRows.map((r) => ({ source: t(`pool.fundSourceLabel.${r.source}`), year: r.year, amountYuan: r.amount })),
        fundUses: funding.fundUses,
        plan: performance.plan ?? [],
      },
    },
    t,
  );
  return { ...sheet, title: p.heading };
}

export function DeclarationTable({ t, ...p }: DeclarationSheetInput & { t: Translate }) {
  return <ObjectiveSheetView sheet={declarationSheet(p, t)} testId="declaration-table" />;
}
