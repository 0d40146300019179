import { z } from "zod";
import { ORG_KINDS, ROLES } from "@/db/schema/enums";
import { bool, id, list, optionalText, password, phone, safeString, text, version } from "./common";
import { msg } from "@/lib/i18n/core";

export { phone };

export const createUserInput = z.strictObject({
  username: text(50, 3).regex(/^[a-zA-Z0-9._-]+$/, msg("rules.usernameChars")),
  displayName: text(50),
  orgId: id,
  roles: list(z.enum(ROLES), ROLES.length).refine((r) => r.length > 0, msg("rules.someRole")),
  password,
  phone,
});

export const setUserActiveInput = z.strictObject({ userId: id, active: bool, version });
export const resetPasswordInput = z.strictObject({ userId: id, password, version });
export const setUserRolesInput = z.strictObject({
  userId: id,
  roles: list(z.enum(ROLES), ROLES.length).refine((r) => r.length > 0, msg("rules.someRole")),
  version,
});

export const createOrgInput = z.strictObject({
  code: text(30, 2).regex(/^[A-Za-z0-9-]+$/, msg("rules.codeChars")),
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
