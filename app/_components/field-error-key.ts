import type { FieldErrors } from "@/lib/actions/result";

/** The attribute an error list carries: "<form scope>:<field key>" (see useActionCall). */
export const ERROR_KEY_ATTR = "data-error-key";

/**
 * Marks each message list with the field it belongs to (a property that does not show when the
 * list is spread, mapped or compared), so that FieldErrors can write it into the page and the
 * hook that made the list can tell, from a changed control, which list to clear.
 */
export function tagErrors(errors: FieldErrors, scope: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, list] of Object.entries(errors)) {
    const copy = [...list];
    Object.defineProperty(copy, "errorKey", { value: `${scope}:${key}`, enumerable: false });
    out[key] = copy;
  }
  return out;
}

/** The tag of a message list (undefined for a list made any other way). */
export function errorKeyTag(list: readonly string[] | undefined): string | undefined {
  return (list as { errorKey?: string } | undefined)?.errorKey;
}

/** Other messages for the same field (the client's own wording of the server's refusal), keeping the list's tag. */
export function withMessages(list: readonly string[] | undefined, messages: string[]): string[] | undefined {
  if (!list) return undefined;
  const copy = [...messages];
  const tag = errorKeyTag(list);
  if (tag) Object.defineProperty(copy, "errorKey", { value: tag, enumerable: false });
  return copy;
}
