import { z } from "zod";
import { isCommonPassword, passwordLength, PASSWORD_POLICY } from "@/lib/auth/password-policy";

/** Ids arrive from forms as strings and from direct calls as numbers. */
export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const version = z.coerce.number().int().positive().max(2_147_483_647);

/** Trimmed text with a length limit; empty → "必填". */
export const text = (max: number, min = 1) =>
  z
    .string({ error: "请填写此项 / required" })
    .trim()
    .max(max, `不能超过 ${max} 个字符 / at most ${max} characters`)
    .refine((v) => v.length > 0, "请填写此项 / required")
    .refine((v) => v.length === 0 || v.length >= min, `至少 ${min} 个字符 / at least ${min} characters`);

/** Optional text: "" and absent both become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/**
 * A new password (lib/auth/password-policy.ts): 12 to 128 characters of any kind, not a common
 * one. Not trimmed: spaces are characters. Containing the user name is refused by the actions,
 * which know the name.
 */
export const password = z
  .string({ error: "errors.passwordPolicy" })
  .refine((v) => passwordLength(v) >= PASSWORD_POLICY.minLength, "errors.passwordPolicy")
  .refine((v) => passwordLength(v) <= PASSWORD_POLICY.maxLength, "errors.passwordTooLong")
  .refine((v) => !isCommonPassword(v), "errors.passwordCommon");

/** A checkbox or a boolean. */
export const bool = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]);

/** One value or many (FormData repeats keys) → array. */
export const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));
