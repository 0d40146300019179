import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The password policy (ASVS 5.0 V6.2): at least 12 characters (code points, so any Unicode
 * and spaces count as typed), at most 128, no composition rules; refused when it is one of the
 * common or breached passwords of zxcvbn-ts's common dictionary (@zxcvbn-ts/language-common,
 * ~49,000 entries, compared without regard to case) or contains the user's own name.
 */
export const PASSWORD_POLICY = { minLength: 12, maxLength: 128 } as const;

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

export function passwordLength(password: string): number {
  return [...password].length;
}

/** True when the password contains the user name, in any case. */
export function containsUsername(password: string, username: string): boolean {
  const name = username.trim().toLowerCase();
  return name.length > 0 && password.toLowerCase().includes(name);
}
