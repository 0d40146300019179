"use server";
import { defineAction } from "@/lib/actions/define";
import { updateProject as run } from "@/lib/project/update-project";
import { updateProjectInput } from "@/lib/validation/project";

/** Public endpoint: edit a project while it is still in reserve (储备). */
export const updateProject = defineAction({
  name: "project.update",
  permission: "project.write",
  input: updateProjectInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
