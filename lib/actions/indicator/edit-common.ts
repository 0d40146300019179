"use server";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { assertProvincialFinance, currentIndicator } from "@/lib/indicator/guards";
import { newIndicator, publishVersion } from "@/lib/indicator/publish";
import { createCommonInput, editCommonInput } from "@/lib/validation/indicator";
import { msg } from "@/lib/i18n/core";

/** Public endpoint: finance edits (or retires) a common indicator directly; each edit is a new version. */
export const editCommonIndicator = defineAction({
  name: "indicator.editCommon",
  permission: "indicator.manage",
  input: editCommonInput,
  async run({ actor, db, input }) {
    assertProvincialFinance(actor);
    const current = await currentIndicator(db, input.code);
    if (current.kind !== "common") throw new ActionError("forbidden", { code: msg("rules.sectorByRequest") });
    return db.transaction(async (tx) => {
      const row = await publishVersion(tx, input.code, input.baseVersion, { fields: input.fields, retire: input.retire });
      await writeAudit(tx, actor, {
        action: input.retire ? "indicator.retire" : "indicator.edit",
        objectType: "indicator",
        objectId: input.code,
        before: { version: current.version, name: current.name },
        after: { version: row.version, ...input.fields },
      });
      return { code: row.code, version: row.version };
    });
  },
});

/** Public endpoint: finance adds a common indicator. */
export const createCommonIndicator = defineAction({
  name: "indicator.createCommon",
  permission: "indicator.manage",
  input: createCommonInput,
  async run({ actor, db, input }) {
    assertProvincialFinance(actor);
    return db.transaction(async (tx) => {
      const row = await newIndicator(tx, { fields: input.fields, kind: "common", sector: null, ownerOrgId: actor.orgId });
      await writeAudit(tx, actor, { action: "indicator.create", objectType: "indicator", objectId: row.code, after: input.fields });
      return { code: row.code, version: row.version };
    });
  },
});
