import { z } from "zod";
import { parseWan } from "@/lib/money";
import { id, isoDate, optionalText, text } from "./common";
import { msg } from "@/lib/i18n/core";

/**
 * An amount typed in 万元 → exact 元 (lib/money.ts), refused on its field when it is not a
 * non-negative number with at most six decimals (a negative amount is never typed: the kind of
 * movement gives the sign).
 */
export const wanAmount = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const p = parseWan(String(v).trim());
    if (!p.ok) {
      ctx.addIssue({ code: "custom", message: msg("ledger.amountWan") });
      return z.NEVER;
    }
    return p.yuan;
  });

export const documentNo = text(60);
export const documentDate = isoDate();

/** 安排预算: one subject's budget with its 批复文号 and date. */
export const arrangeBudgetInput = z.strictObject({
  objectiveId: id,
  amount: wanAmount,
  documentNo,
  documentDate,
  reason: optionalText(2000),
});

/** 批复: a department's approved objectives of a year with their amounts, as one act. */
export const approveBudgetInput = z.strictObject({
  departmentOrgId: id,
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  documentNo,
  documentDate,
  items: z
    .array(z.strictObject({ objectiveId: id, amount: wanAmount, reason: optionalText(2000) }))
    .min(1, msg("ledger.chooseObjectives"))
    .max(500),
});

/** 恢复拨款: release (part of) a held amount, from the warning that held it. */
export const releaseHoldInput = z.strictObject({ dispositionId: id, amount: wanAmount, reason: optionalText(2000) });
