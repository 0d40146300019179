import type { Widen } from "../widen";
import type { refusalZh } from "./refusal.zh";

export const refusalEn: Widen<typeof refusalZh> = {
  transferNeedsTransferProject: "A transfer objective needs a transfer project",
  yearOutsideProject: "The fiscal year must fall within the project's years",
  keyEvaluationNotAccepted: "Only key evaluations finance has accepted can be disclosed",
  keyEvaluationDisclosed: "This key evaluation is already disclosed",
  evaluationNotAccepted: "Only results finance has accepted can be disclosed",
  evaluationDisclosed: "This result is already disclosed",
  noDeptReviewer: "{org} has no active department reviewer: ask {org}'s administrator to appoint a reviewer",
  noFinanceReviewer: "{org} has no active finance reviewer: ask {org}'s administrator to appoint a reviewer",
  unstorable: "Contains a character that cannot be stored (such as NUL)",
  date: "Enter a date such as 2027-07-10",
  yearOrMonth: "Enter a year (such as 2019) or a year and month (such as 2019-06)",
};
