"use server";
import { defineAction } from "@/lib/actions/define";
import { createProject as run } from "@/lib/project/create-project";
import { createProjectInput } from "@/lib/validation/project";

/** Public endpoint: a filer enters a project into the pool (储备) for its unit or department. */
export const createProject = defineAction({
  name: "project.create",
  permission: "project.write",
  input: createProjectInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
