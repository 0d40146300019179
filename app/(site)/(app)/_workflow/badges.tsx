import type { ObjectiveState, ProjectState } from "@/db/schema/enums";
import type { Translate } from "@/lib/i18n";
import { Badge } from "@/app/_components/ui";

type Tone = "green" | "red" | "slate" | "navy" | "amber";

const PROJECT_TONE: Record<ProjectState, Tone> = {
  reserve: "slate",
  admitted: "navy",
  budgeted: "green",
  executing: "amber",
  completed: "green",
  withdrawn: "red",
};

const OBJECTIVE_TONE: Record<ObjectiveState, Tone> = {
  draft: "slate",
  dept_review: "amber",
  finance_review: "amber",
  returned: "red",
  approved: "green",
  rejected: "red",
  superseded: "slate",
};

export function ProjectStateBadge({ state, t }: { state: ProjectState; t: Translate }) {
  return <Badge tone={PROJECT_TONE[state]}>{t(`pool.stateLabel.${state}`)}</Badge>;
}

export function ObjectiveStateBadge({ state, t }: { state: ObjectiveState; t: Translate }) {
  return <Badge tone={OBJECTIVE_TONE[state]}>{t(`review.stateLabel.${state}`)}</Badge>;
}
