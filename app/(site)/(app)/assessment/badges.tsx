import type { Grade } from "@/db/schema/enums";
import type { AssessmentRoundState } from "@/db/schema/assessment";
import type { Translate } from "@/lib/i18n";
import { Badge } from "@/app/_components/ui";

const STATE_TONE = { open: "slate", computed: "navy", released: "amber", published: "green" } as const;
const GRADE_TONE = { excellent: "green", good: "navy", fair: "amber", poor: "red" } as const;

export function RoundStateBadge({ state, t }: { state: AssessmentRoundState; t: Translate }) {
  return <Badge tone={STATE_TONE[state]}>{t(`assessment.state.${state}`)}</Badge>;
}

export function AssessmentGradeBadge({ grade, t }: { grade: Grade | null; t: Translate }) {
  return grade ? <Badge tone={GRADE_TONE[grade]}>{t(`assessment.grade.${grade}`)}</Badge> : <span>—</span>;
}
