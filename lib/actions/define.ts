import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/current-user";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { kickOutbox } from "@/lib/notify/mailer";
import { describeError, inputErrorCode, inputErrorMessage } from "@/lib/db-errors";
import { getLocale } from "@/lib/i18n/server";
import { zodLocale } from "@/lib/validation/error-map";
import { translator, type MessageKey, type Translate } from "@/lib/i18n";
import { ActionError, type ActionErrorCode, type FieldErrors } from "@/lib/errors";
import type { ActionResult } from "./result";

export interface ActionContext<I> {
  actor: Actor;
  db: Db;
  input: I;
  t: Translate;
}

export interface ActionDefinition<S extends z.ZodType, T> {
  /** Names the action in logs and the audit log. */
  name: string;
  permission: Permission;
  input: S;
  run: (ctx: ActionContext<z.output<S>>) => Promise<T>;
  /** Message shown on success. */
  success?: MessageKey;
  /** Open to a user who must change their password first (only the change itself). */
  passwordChange?: boolean;
}

/**
 * THE wrapper every server action goes through — each exported action is a public POST
 * endpoint, whatever the UI shows. In order, on the server, every time:
 *   1. session: a valid, unrevoked session (lib/auth/session.ts)
 *   2. permission: the role matrix (lib/auth/permissions.ts)
 *   3. input: parsed by a strict zod schema (unknown fields, wrong types, oversize → field messages)
 *   4. the operation, which checks the object's place in the org tree (lib/auth/scope.ts)
 *      and writes its change and audit row in one transaction
 *   5. a closed result type: { ok: true, data } or { ok: false, code, message, fieldErrors }
 * Refusals of access are logged in the audit log; internal errors are logged with an id and
 * never shown raw.
 *
 * The returned function accepts either (input) or useActionState's (previousState, formData).
 */
export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>) {
  const action = async function action(inputOrPrev: unknown, formData?: unknown): Promise<ActionResult<T>> {
    const raw = formData !== undefined ? formData : inputOrPrev;
    const locale = await getLocale();
    const t = translator(locale);
    let actor: Actor | null = null;
    try {
      actor = await getSessionActor();
      if (!actor) return fail(t, "unauthenticated");
      if (actor.mustChangePassword && !def.passwordChange) return { ...fail(t, "forbidden"), message: t("errors.mustChangePassword") };
      const db = await getDb();
      if (!hasPermission(actor.roles, def.permission)) {
        await logRefusal(db, actor, def.name, "forbidden");
        return fail(t, "forbidden");
      }
      const parsed = def.input.safeParse(toPlain(raw), { error: zodLocale(locale) });
      if (!parsed.success) return { ...fail(t, "invalid_input"), fieldErrors: fieldErrorsOf(parsed.error, t) };
      const data = await def.run({ actor, db, input: parsed.data, t });
      kickOutbox(db); // e-mails the action's notifications queued, now committed (nothing without SMTP_URL)
      return { ok: true, data, message: def.success ? t(def.success) : undefined };
    } catch (e) {
      if (e instanceof ActionError) {
        if (actor && (e.code === "forbidden" || e.code === "not_found")) {
          await logRefusal(await getDb(), actor, def.name, e.code, e.refusedObject).catch(() => {});
        }
        const fieldErrors = e.fieldErrors
          ? Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k, [v].flat().map((m) => t(m as MessageKey))]))
          : undefined;
        return { ...fail(t, e.code), ...(fieldErrors ? { fieldErrors } : {}) };
      }
      const errorId = randomUUID().slice(0, 8);
      // Input the schemas let through but the database refused (a last line of defence; the
      // schemas are the fix): the caller's mistake, answered as one, logged as one short line.
      const inputCode = inputErrorCode(e);
      if (inputCode) {
        console.warn(`[action ${def.name}] database refused input ${errorId}: ${describeError(e)}`);
        return { ...fail(t, inputCode), fieldErrors: { _form: [t(inputErrorMessage(e) as MessageKey)] } };
      }
      // Never the error itself: a database error lists the query's parameters (lib/db-errors.ts).
      console.error(`[action ${def.name}] error ${errorId}: ${describeError(e)}`);
      return { ok: false, code: "internal", message: t("errors.internal", { id: errorId }), errorId };
    }
  };
  definedActions.add(action);
  definitions.set(action, def);
  return action;
}

const definitions = new WeakMap<object, Pick<ActionDefinition<z.ZodType, unknown>, "name" | "permission" | "input">>();
/** The name, permission and input schema of a function made by defineAction (tests fuzz every action's input with them). */
export function actionDefinition(fn: unknown) {
  return typeof fn === "function" ? definitions.get(fn) : undefined;
}

const definedActions = new WeakSet<object>();
/** True for functions made by defineAction; a test walks every "use server" module with it. */
export function isDefinedAction(fn: unknown): boolean {
  return typeof fn === "function" && definedActions.has(fn);
}

function fail(t: Translate, code: ActionErrorCode) {
  return { ok: false as const, code, message: t(`errors.${code}` as MessageKey, { id: "" }) };
}

async function logRefusal(db: Db, actor: Actor, action: string, code: string, object?: { type: string; id: string | number }) {
  await writeAudit(db, { userId: actor.userId, username: actor.username, orgId: actor.orgId, ip: actor.ip }, {
    action: "access.denied",
    objectType: object?.type ?? "action",
    objectId: object?.id ?? action,
    after: { action, code },
  });
}

/** FormData → plain object (repeated keys → arrays); Next's internal $ACTION fields dropped. */
function toPlain(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of raw.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

function fieldErrorsOf(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      (out._form ??= []).push(t("errors.unknownField", { keys: issue.keys.join(", ") }));
      continue;
    }
    const key = issue.path.length ? issue.path.join(".") : "_form";
    const message = t(issue.message as MessageKey);
    // One message per problem: the same words twice on one field (two rules failing alike) once.
    if (!out[key]?.includes(message)) (out[key] ??= []).push(message);
  }
  return out;
}


