import type { Translate } from "@/lib/i18n";
import type { PublicDetail } from "@/lib/disclosure/public";
import { publicSheet } from "@/lib/disclosure/sheet";
import { ObjectiveSheetView } from "@/app/_components/objective-sheet";

/** A disclosed objective in the layout finance departments publish (绩效目标表): the grid its Excel export writes too. */
export function PublicObjectiveTable({ d, t }: { d: PublicDetail; t: Translate }) {
  return <ObjectiveSheetView sheet={publicSheet(d, t)} testId="objective-table" />;
}
