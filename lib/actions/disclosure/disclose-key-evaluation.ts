"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { expirePublicDisclosures } from "@/lib/disclosure/cache";
import { discloseKeyEvaluation as disclose } from "@/lib/disclosure/key-evaluation";
import { id } from "@/lib/validation/common";

/** Public endpoint: finance discloses an accepted key evaluation (result and report); the public portal's cache is expired at once. */
export const discloseKeyEvaluation = defineAction({
  name: "disclosure.publish_key_evaluation",
  permission: "disclosure.manage",
  input: z.strictObject({ keyEvaluationId: id }),
  success: "disclosure.keyEvaluationDisclosed",
  async run({ actor, db, input }) {
    const disclosureId = await disclose(db, actor, input);
    expirePublicDisclosures();
    return { id: disclosureId };
  },
});
