import { assessmentRounds } from "@/db/schema/assessment";
import { ActionError } from "@/lib/errors";
import { defineWorkflow, type WorkflowRef } from "@/lib/workflow/define";
import type { AssessmentRoundState } from "@/db/schema/assessment";
import { ASSESSMENT_ROUND_REQUIREMENTS, ASSESSMENT_ROUND_TRANSITIONS, type AssessmentRoundFacts } from "./transitions";

/** A round belongs to a region, not an organisation: its place is the region's (orgPath empty). */
export const assessmentRoundWorkflow = defineWorkflow<typeof assessmentRounds, (typeof ASSESSMENT_ROUND_TRANSITIONS)[number], WorkflowRef<AssessmentRoundState>, AssessmentRoundFacts>({
  name: "assessmentRound",
  objectType: "assessment_round",
  title: "Assessment round (绩效管理工作考核)",
  table: assessmentRounds,
  stateColumn: "state",
  updatedAtColumn: "updatedAt",
  initial: "open",
  transitions: ASSESSMENT_ROUND_TRANSITIONS,
  requirements: ASSESSMENT_ROUND_REQUIREMENTS,
  notNow: () => new ActionError("forbidden", { _form: "assessment.errors.notNow" }),
});
