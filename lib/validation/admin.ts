import { z } from "zod";
import { ORG_KINDS, ROLES } from "@/db/schema/enums";
import { bool, id, list, optionalText, password, phone, safeString, text, version } from "./common";

export { phone };

export const createUserInput = z.strictObject({
  username: text(50, 3).regex(/^[a-zA-Z0-9._-]+$/, "用户名只能包含字母、数字、点、下划线和短横线 / letters, digits, . _ - only"),
  displayName: text(50),
  orgId: id,
  roles: list(z.enum(ROLES), ROLES.length).refine((r) => r.length > 0, "请至少选择一个角色 / choose at least one role"),
  password,
  phone,
});

export const setUserActiveInput = z.strictObject({ userId: id, active: bool, version });
export const resetPasswordInput = z.strictObject({ userId: id, password, version });
export const setUserRolesInput = z.strictObject({
  userId: id,
  roles: list(z.enum(ROLES), ROLES.length).refine((r) => r.length > 0, "请至少选择一个角色 / choose at least one role"),
  version,
});

export const createOrgInput = z.strictObject({
  code: text(30, 2).regex(/^[A-Za-z0-9-]+$/, "编码只能包含字母、数字和短横线 / letters, digits and - only"),
  name: text(120, 2),
  kind: z.enum(ORG_KINDS),
  regionId: id,
  parentId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
});

export const updateOrgProfileInput = z.strictObject({
  orgId: id,
  contactName: optionalText(50),
  contactPhone: phone,
  version,
});

export const changePasswordInput = z
  .strictObject({ currentPassword: safeString(128).min(1), newPassword: password, confirmPassword: safeString(128) })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "errors.passwordMismatch", path: ["confirmPassword"] });
