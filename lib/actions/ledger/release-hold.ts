"use server";
import { defineAction } from "@/lib/actions/define";
import { releaseHold as run } from "@/lib/ledger/release";
import { releaseHoldInput } from "@/lib/validation/ledger";

/** Public endpoint: 恢复拨款 — release (part of) the amount a warning's 暂缓拨款 held. */
export const releaseHold = defineAction({
  name: "ledger.release",
  permission: "warning.dispose",
  input: releaseHoldInput,
  success: "ledger.released",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
