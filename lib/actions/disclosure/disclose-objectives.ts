"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { expirePublicDisclosures } from "@/lib/disclosure/cache";
import { discloseObjectives as disclose } from "@/lib/disclosure/disclose";
import { id } from "@/lib/validation/common";
import { msg } from "@/lib/i18n/core";

/**
 * Public endpoint: finance discloses approved objectives of one fiscal year (one or many), each
 * with the ledger's current budget (lib/ledger; an objective without an arranged budget is refused); the public portal's cache is expired at once.
 */
export const discloseObjectives = defineAction({
  name: "disclosure.publish",
  permission: "disclosure.manage",
  input: z.strictObject({
    fiscalYear: z.coerce.number().int().min(2000).max(2100),
    items: z.array(z.strictObject({ objectiveId: id })).min(1, msg("rules.chooseToDisclose")).max(500),
  }),
  success: "disclosure.disclosed",
  async run({ actor, db, input }) {
    const ids = await disclose(db, actor, input);
    expirePublicDisclosures();
    return { ids };
  },
});
