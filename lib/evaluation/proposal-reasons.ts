/** Why a subject of the evaluated year has no proposal for next year (labels: evaluation.proposal.reasonLabel). */
export const NO_PROPOSAL_REASONS = ["department", "not_project", "withdrawn", "ended", "no_result", "not_generated"] as const;
export type NoProposalReason = (typeof NO_PROPOSAL_REASONS)[number];
