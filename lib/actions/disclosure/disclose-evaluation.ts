"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { expirePublicDisclosures } from "@/lib/disclosure/cache";
import { discloseEvaluation as disclose } from "@/lib/disclosure/evaluation";
import { id } from "@/lib/validation/common";

/** Public endpoint: finance discloses an accepted self-evaluation's result; the public portal's cache is expired at once. */
export const discloseEvaluation = defineAction({
  name: "disclosure.publish_evaluation",
  permission: "disclosure.manage",
  input: z.strictObject({ selfEvaluationId: id }),
  success: "disclosure.evaluationDisclosed",
  async run({ actor, db, input }) {
    const disclosureId = await disclose(db, actor, input);
    expirePublicDisclosures();
    return { id: disclosureId };
  },
});
