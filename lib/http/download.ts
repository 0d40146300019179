import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { z } from "zod";
import type { Db } from "@/db/client";
import { writeAudit, type AuditEntry } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/current-user";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { describeError } from "@/lib/db-errors";
import { ActionError, type ActionErrorCode } from "@/lib/errors";
import { translator, type Locale, type Translate } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import { contentDisposition } from "./content-disposition";

export { contentDisposition, XLSX_MIME } from "./content-disposition";

export interface DownloadContext<P> {
  actor: Actor;
  db: Db;
  /** The route's dynamic segments, as Next.js passes them (strings: validate with idParam / uuidParam). */
  params: P;
  url: URL;
  locale: Locale;
  t: Translate;
}

export interface DownloadFile {
  /** The file's real name, Chinese and all (Content-Disposition's filename*). */
  filename: string;
  /** The name for clients that do not read filename*; default: the filename with non-ASCII replaced. */
  fallback?: string;
  contentType: string;
  body: Readable | ReadableStream<Uint8Array> | Uint8Array | string;
  /** A row for the audit log, written once the file is known to be served. */
  audit?: AuditEntry;
}

export interface DownloadDefinition<P> {
  /** Names the download in logs and in the audit rows of refusals. */
  name: string;
  /** Checked against the role matrix before anything is loaded; without it, the loader's scope check decides alone. */
  permission?: Permission;
  /**
   * Loads the file *scoped to the reader*. Throws ActionError to refuse: not_found (404) for
   * anything missing or out of scope — with the object reached for, so the refusal is audited —
   * invalid_input (400), forbidden (403), conflict (409).
   */
  load: (request: Request, ctx: DownloadContext<P>) => Promise<DownloadFile>;
}

const STATUS: Record<ActionErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  internal: 500,
};
const BODY: Record<ActionErrorCode, string> = {
  unauthenticated: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  invalid_input: "Bad request",
  conflict: "Conflict",
  internal: "Internal error",
};

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

/**
 * THE wrapper of every signed-in download and export (route handlers), as defineAction is for
 * actions. In order, on the server, every time:
 *   1. session: a valid, unrevoked session (lib/auth/session.ts) — else 401; a user who must
 *      change their password first is refused (403) like every action but the change itself
 *   2. permission: the role matrix, if the download names one — else 403, audited
 *   3. the loader, which reads the object scoped to the reader (lib/auth/scope.ts); its
 *      ActionError becomes 404/400/403/409 with a one-word body, a refused reach audited as
 *      `access.denied`
 *   4. the file, with ONE Content-Disposition (lib/http/content-disposition.ts), nosniff and
 *      `private, no-store`; its audit row, if the loader gives one
 * Any other error is logged with an id (one line, no query parameters) and answered 500 with that id.
 */
export function defineDownload<P = Record<string, never>>(def: DownloadDefinition<P>) {
  return async function GET(request: Request, context?: { params: Promise<P> }): Promise<Response> {
    let actor: Actor | null = null;
    try {
      actor = await getSessionActor();
      if (!actor) return text(401, BODY.unauthenticated);
      if (actor.mustChangePassword) return text(403, "Forbidden: change your password first");
      const db = await getDb();
      if (def.permission && !hasPermission(actor.roles, def.permission)) {
        await logRefusal(db, actor, def.name, "forbidden");
        return text(403, BODY.forbidden);
      }
      const locale = await getLocale();
      const params = ((await context?.params) ?? {}) as P;
      const file = await def.load(request, { actor, db, params, url: new URL(request.url), locale, t: translator(locale) });
      if (file.audit) await writeAudit(db, actor, file.audit);
      return fileResponse(file);
    } catch (e) {
      if (e instanceof ActionError) {
        if (actor && e.refusedObject && (e.code === "forbidden" || e.code === "not_found")) {
          await logRefusal(await getDb(), actor, def.name, e.code, e.refusedObject).catch(() => {});
        }
        const fields = e.code === "invalid_input" && e.fieldErrors ? `: ${Object.keys(e.fieldErrors).join(", ")}` : "";
        return text(STATUS[e.code], BODY[e.code] + fields);
      }
      const errorId = randomUUID().slice(0, 8);
      // Never the error itself: a database error lists the query's parameters (lib/db-errors.ts).
      console.error(`[download ${def.name}] error ${errorId}: ${describeError(e)}`);
      return text(500, `${BODY.internal} ${errorId}`);
    }
  };
}

function fileResponse(file: DownloadFile): Response {
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Content-Disposition": contentDisposition(file.filename, file.fallback),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
  let body: BodyInit;
  if (file.body instanceof Readable) body = Readable.toWeb(file.body) as ReadableStream<Uint8Array>;
  else if (file.body instanceof ReadableStream) body = file.body;
  else {
    const bytes = typeof file.body === "string" ? new TextEncoder().encode(file.body) : new Uint8Array(file.body);
    headers["Content-Length"] = String(bytes.byteLength);
    body = bytes;
  }
  return new Response(body, { status: 200, headers });
}

async function logRefusal(db: Db, actor: Actor, name: string, code: string, object?: { type: string; id: string | number }) {
  await writeAudit(db, actor, {
    action: "access.denied",
    objectType: object?.type ?? "download",
    objectId: object?.id ?? name,
    after: { action: name, code },
  });
}

/** A route's numeric id segment (a positive int32), else 404 as for a missing object. */
export function idParam(raw: string | undefined, max = 2_147_483_647): number {
  const n = Number(raw);
  if (!raw || !/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n <= 0 || n > max) throw new ActionError("not_found");
  return n;
}

/** A route's uuid segment, else 404 as for a missing object. */
export function uuidParam(raw: string | undefined): string {
  if (!z.uuid().safeParse(raw).success) throw new ActionError("not_found");
  return raw!;
}

/**
 * Runs a scoped loader and reports its refusal as a refused reach for `object` (the file the
 * reader asked for rather than the record it hangs on): 404 and one `access.denied` row naming it.
 */
export async function refusedAs<T>(object: { type: string; id: string | number }, load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof ActionError && (e.code === "not_found" || e.code === "forbidden")) throw new ActionError("not_found", undefined, object);
    throw e;
  }
}
