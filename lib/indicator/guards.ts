import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { indicators } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/** The bank is the province's: only the provincial finance department keeps it (also the indicator-change workflow's `may`). */
export function keepsBank(actor: Pick<Actor, "orgKind" | "regionPath">): boolean {
  return actor.orgKind === "finance" && actor.regionPath.split("/").filter(Boolean).length === 1;
}

/** The bank is the province's: only the provincial finance department keeps it. */
export function assertProvincialFinance(actor: Actor) {
  if (!keepsBank(actor)) {
    throw new ActionError("forbidden", { _form: msg("rules.bankKeptByProvince") });
  }
}

/** The current version of an indicator, or not_found. */
export async function currentIndicator(db: DbOrTx, code: string) {
  const [row] = await db.select().from(indicators).where(and(eq(indicators.code, code), eq(indicators.isCurrent, true)));
  if (!row) throw new ActionError("not_found", { code: "errors.not_found" });
  return row;
}
