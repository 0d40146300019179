"use server";
import { defineAction } from "@/lib/actions/define";
import { fireProjectEvent as run } from "@/lib/project/project-event";
import { projectEventInput } from "@/lib/validation/project";

/** Public endpoint: move a project through the pool (admit, budget, start, complete, withdraw). */
export const fireProjectEvent = defineAction({
  name: "project.event",
  permission: "project.read",
  input: projectEventInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
