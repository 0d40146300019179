/**
 * The closed set of ways an operation can fail, shared by actions (lib/actions/define.ts),
 * downloads and the domain modules that throw them. One map turns each into what the user sees.
 */
export const ACTION_ERROR_CODES = ["unauthenticated", "forbidden", "not_found", "invalid_input", "conflict", "internal"] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

/** Per-field messages, keyed by the field's path ("email", "rows.3.target"); "_form" for the whole form. */
export type FieldErrors = Record<string, string[]>;

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
