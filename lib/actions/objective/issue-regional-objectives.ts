"use server";
import { defineAction } from "@/lib/actions/define";
import { issueTransfer, issueTransferInput } from "@/lib/objective/transfer-issue";

/**
 * Public endpoint: finance issues (下达) a transfer payment's approved overall objective to
 * departments of the same sector in the regions below — the fund split among them, the additive
 * quantity targets too — each receiving a regional objective to declare (lib/objective/transfer-issue.ts).
 */
export const issueRegionalObjectives = defineAction({
  name: "objective.issueRegional",
  permission: "transfer.issue",
  input: issueTransferInput,
  async run({ actor, db, input }) {
    return db.transaction((tx) => issueTransfer(tx, actor, input));
  },
});
