import type { Translate } from "@/lib/i18n";
import { type Content, declarationSheet } from "@/lib/objective/declaration-sheet";
import type { loadObjectiveView } from "@/lib/objective/view";
import { ObjectiveSheetView } from "@/app/_components/objective-sheet";

export { targetText } from "@/lib/objective/table-layout";
export type { Content };

/** The declaration as the 绩效目标申报表 (lib/objective/declaration-sheet.ts): the grid its Excel export writes too. */
export function DeclarationTable({ t, view, content }: { t: Translate; view: Awaited<ReturnType<typeof loadObjectiveView>>; content: Content }) {
  return <ObjectiveSheetView sheet={declarationSheet(view, content, t)} testId="declaration-table" />;
}
