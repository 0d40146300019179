import { z } from "zod";
import { ORG_KINDS, ROLES } from "@/db/schema/enums";
import { bool, id, list, optionalText, password, phone, safeString, text, version } from "./common";
import { msg } from "@/lib/i18n/core";

export { phone };

/** The longest address SMTP carries (RFC 5321: a 254-character forward path). */
export const EMAIL_MAX = 254;
const emailShape = z.email();
/**
 * Where notification e-mails go, optional: "" and absent both mean none (null). Trimmed; a
 * mailbox shape (name@domain.tld, no spaces, no display name), at most 254 characters.
 */
export const email = optionalText(EMAIL_MAX).refine((v) => v === null || emailShape.safeParse(v).success, msg("notify.emailInvalid"));

export const createUserInput = z.strictObject({
  username: text(50, 3).regex(/^[a-zA-Z0-9._-]+$/, msg("rules.usernameChars")),
  displayName: text(50),
  orgId: id,
  roles: list(z.enum(ROLES), ROLES.length).refine((r) => r.length > 0, msg("rules.someRole")),
  password,
  phone,
  email,
});

export const setUserEmailInput = z.strictObject({ userId: id, email, version });
/** One's own address (the account page), on the version of one's account row as the page read it. */
export const setOwnEmailInput = z.strictObject({ email, version });
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
