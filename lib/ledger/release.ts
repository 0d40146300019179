import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { ActionError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";
import { loadDisposition } from "@/lib/monitoring/load";
import type { releaseHoldInput } from "@/lib/validation/ledger";
import { move } from "./movements";

/** 恢复拨款: finance releases (part of) the amount a 暂缓拨款 disposition held — at most what is still held. */
export async function releaseHold(db: Db, actor: Actor, input: z.output<typeof releaseHoldInput>) {
  const loaded = await loadDisposition(db, actor, "warning.dispose", input.dispositionId);
  if (loaded.disposition.kind !== "suspend") throw new ActionError("invalid_input", { amount: msg("ledger.notSuspended") });
  return db.transaction((tx) =>
    move(tx, actor, loaded.warning.objectiveId, { kind: "release", amount: input.amount, reason: input.reason ?? null, dispositionId: input.dispositionId }),
  );
}
