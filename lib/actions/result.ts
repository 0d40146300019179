/** The closed set of ways an action can fail; one map (lib/actions/define.ts) turns each into what the user sees. */
export const ACTION_ERROR_CODES = ["unauthenticated", "forbidden", "not_found", "invalid_input", "conflict", "internal"] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

/** Per-field messages, keyed by the field's path ("email", "rows.3.target"); "_form" for the whole form. */
export type FieldErrors = Record<string, string[]>;

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

/**
 * Thrown by domain operations to end an action with a known code. Field messages are
 * message keys or literal text; the wrapper translates keys.
 */
export class ActionError extends Error {
  constructor(
    public readonly code: ActionErrorCode,
    public readonly fieldErrors?: Record<string, string | string[]>,
    /** Object the caller reached for, recorded when access is refused. */
    public readonly refusedObject?: { type: string; id: string | number },
  ) {
    super(code);
  }
}
