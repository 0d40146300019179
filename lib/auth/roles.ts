import type { OrgKind, Role } from "@/db/schema/enums";

/** Which kind of organisation a role can be held in. */
export const ROLE_ORG_KINDS: Record<Role, readonly OrgKind[]> = {
  unit_filer: ["unit", "department"],
  dept_reviewer: ["department"],
  finance_reviewer: ["finance"],
  finance_admin: ["finance"],
  evaluator: ["agency"],
  observer: ["oversight", "finance"],
};

export function roleFitsOrg(role: Role, kind: OrgKind): boolean {
  return ROLE_ORG_KINDS[role].includes(kind);
}
