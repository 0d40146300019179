"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { expirePublicDisclosures } from "@/lib/disclosure/cache";
import { withdrawDisclosure as withdraw } from "@/lib/disclosure/disclose";
import { id, text, version } from "@/lib/validation/common";

/** Public endpoint: finance withdraws a disclosure, with the reason on record; it leaves every public page at once. */
export const withdrawDisclosure = defineAction({
  name: "disclosure.withdraw",
  permission: "disclosure.manage",
  input: z.strictObject({ disclosureId: id, version, reason: text(500, 4) }),
  success: "disclosure.withdrawn",
  async run({ actor, db, input }) {
    const result = await withdraw(db, actor, input);
    expirePublicDisclosures();
    return result;
  },
});
