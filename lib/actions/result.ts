import type { ActionErrorCode, FieldErrors } from "@/lib/errors";

export type { ActionErrorCode, FieldErrors } from "@/lib/errors";

export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ActionErrorCode; message: string; fieldErrors?: FieldErrors; errorId?: string };

/**
 * A form's own refusal before it calls its action (an amount typed in 万元 that is not one),
 * shown by the same notice and on the same fields as the action's own would be.
 */
export function refusedInput(message: string, fieldErrors: FieldErrors): ActionResult<never> {
  return { ok: false, code: "invalid_input", message, fieldErrors };
}
