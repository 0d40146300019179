"use server";
import { defineAction } from "@/lib/actions/define";
import { saveDeclarationStep as run } from "@/lib/objective/save-step";
import { saveStepInput } from "@/lib/validation/objective";

/**
 * Public endpoint: save one step of the declaration wizard. Saves only while the objective is a
 * draft or returned, and only over the content the tab loaded: the version's edit counter must
 * match, so a stale second tab gets a conflict instead of overwriting newer work.
 * The state is checked again inside the transaction under a lock on the objective's row, which a
 * submission also takes (its conditional update): a save and a submission at once are one after
 * the other, so a save never lands on a version already submitted (it gets a conflict), and a
 * submission after a save re-checks the counter it checked completeness on (submit-objective.ts).
 */
export const saveDeclarationStep = defineAction({
  name: "objective.saveStep",
  permission: "project.write",
  input: saveStepInput,
  success: "common.saved",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
