import type { Grade } from "@/db/schema/enums";
import type { SelfEvaluationState } from "@/db/schema";
import type { Translate } from "@/lib/i18n";
import { Badge } from "@/app/_components/ui";

const STATE_TONE = { draft: "slate", dept_review: "navy", finance_review: "navy", returned: "amber", accepted: "green" } as const;
const GRADE_TONE = { excellent: "green", good: "navy", fair: "amber", poor: "red" } as const;

export function SelfEvaluationStateBadge({ state, t }: { state: SelfEvaluationState; t: Translate }) {
  return <Badge tone={STATE_TONE[state]}>{t(`evaluation.state.${state}`)}</Badge>;
}

export function GradeBadge({ grade, t }: { grade: Grade | null; t: Translate }) {
  return grade ? <Badge tone={GRADE_TONE[grade]}>{t(`evaluation.grade.${grade}`)}</Badge> : <span>—</span>;
}
