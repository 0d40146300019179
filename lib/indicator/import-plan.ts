import "server-only";
import { createHash } from "node:crypto";
import { and, asc, count, eq, gt, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { indicators, sectors, type IndicatorLevel1, type IndicatorLevel2 } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { IndicatorFields } from "@/lib/validation/indicator";
import {
  COLUMN_LABEL,
  FIELD_COLUMNS,
  KIND_LABEL,
  PREVIEW_LIMIT,
  fieldCells,
  fieldsOf,
  quoted,
  readRow,
  type ColumnKey,
  type FieldColumn,
  type ImportPreview,
  type ImportResult,
  type ImportRow,
  type PlanAdded,
  type PlanChanged,
  type RowError,
  type SheetRow,
} from "./excel-columns";
import { newIndicators, publishVersions } from "./publish";
import { indicatorTextMatch } from "./search";
import { msg } from "@/lib/i18n/core";

export interface ImportPlan {
  added: (PlanAdded & { fields: IndicatorFields })[];
  changed: (PlanChanged & { fields: IndicatorFields })[];
  /** Retired rows; `changedFields` lists any field changed with the retirement. */
  retired: (PlanChanged & { fields: IndicatorFields })[];
  unchanged: number;
  errors: RowError[];
  /** Data rows read from the file. */
  rows: number;
}

type Current = typeof indicators.$inferSelect;

/**
 * What importing these rows would do to the bank, computed against its current versions
 * (one query for all the file's codes): new indicators, adjustments (each a new version),
 * retirements, unchanged rows, and every problem by row and column. Nothing is written.
 */
export async function planImport(db: DbOrTx, sheetRows: readonly SheetRow[]): Promise<ImportPlan> {
  const plan: ImportPlan = { added: [], changed: [], retired: [], unchanged: 0, errors: [], rows: sheetRows.length };
  const fail = (row: number, column: ColumnKey, message: string) => plan.errors.push({ row, column, field: COLUMN_LABEL[column], message });

  const read: ImportRow[] = [];
  const refused: { errors: RowError[]; candidate?: ImportRow }[] = [];
  for (const sheetRow of sheetRows) {
    const r = readRow(sheetRow);
    if (r.ok) read.push(r.value);
    else refused.push(r);
  }

  const codes = [...new Set([...read, ...refused.map((r) => r.candidate)].flatMap((r) => (r?.code ? [r.code] : [])))];
  const newRows = read.filter((r) => !r.code);
  const newSectors = [...new Set(newRows.flatMap((r) => (r.kind === "sector" && r.sector ? [r.sector] : [])))];
  const newNames = [...new Set(newRows.map((r) => r.fields.name))];

  // One after the other: inside a transaction they share one connection.
  const currentRows = codes.length ? await db.select().from(indicators).where(and(eq(indicators.isCurrent, true), inArray(indicators.code, codes))) : [];
  const sectorRows = newSectors.length ? await db.select({ name: sectors.name }).from(sectors).where(inArray(sectors.name, newSectors)) : [];
  const ownerRows = newSectors.length
    ? await db
        .select({ sector: indicators.sector, ownerOrgId: indicators.ownerOrgId, n: count() })
        .from(indicators)
        .where(and(eq(indicators.isCurrent, true), eq(indicators.kind, "sector"), inArray(indicators.sector, newSectors)))
        .groupBy(indicators.sector, indicators.ownerOrgId)
    : [];
  const sameNameRows = newNames.length
    ? await db
        .select({ code: indicators.code, name: indicators.name, kind: indicators.kind, sector: indicators.sector })
        .from(indicators)
        .where(and(eq(indicators.isCurrent, true), eq(indicators.status, "active"), inArray(indicators.name, newNames)))
    : [];
  const current = new Map(currentRows.map((r) => [r.code, r]));
  const knownSectors = new Set(sectorRows.map((r) => r.name));
  // A new sector indicator belongs to the department that keeps most of that sector's current indicators.
  const owner = new Map<string, { ownerOrgId: number | null; n: number }>();
  for (const r of ownerRows) {
    const best = owner.get(r.sector!);
    if (!best || Number(r.n) > best.n || (Number(r.n) === best.n && (r.ownerOrgId ?? 0) < (best.ownerOrgId ?? 0))) owner.set(r.sector!, { ownerOrgId: r.ownerOrgId, n: Number(r.n) });
  }
  const identity = (kind: string, sector: string | null, name: string) => `${kind}\u0000${sector ?? ""}\u0000${name}`;
  const existingByName = new Map(sameNameRows.map((r) => [identity(r.kind, r.sector, r.name), r.code]));

  const seenCodes = new Map<string, number>();
  const seenNew = new Map<string, number>();
  for (const r of refused) {
    const c = r.candidate;
    const cur = c?.code ? current.get(c.code) : undefined;
    const same =
      c &&
      cur &&
      !seenCodes.has(cur.code) &&
      c.version === cur.version &&
      c.kind === cur.kind &&
      (cur.kind === "common" || c.sector === cur.sector) &&
      (c.status ?? cur.status) === cur.status &&
      FIELD_COLUMNS.every((k) => fieldCells(c.fields)[k] === fieldCells(fieldsOf(cur))[k]);
    if (same) {
      seenCodes.set(cur.code, c.row);
      plan.unchanged++;
    } else plan.errors.push(...r.errors);
  }
  for (const r of read) {
    const errorsBefore = plan.errors.length;
    if (!r.code) {
      if (r.status === "retired") fail(r.row, "status", msg("xlsx.bank.newRetired"));
      if (r.kind === "sector" && r.sector && !knownSectors.has(r.sector)) fail(r.row, "sector", msg("xlsx.bank.noSector", { sector: quoted(r.sector) }));
      const id = identity(r.kind, r.sector, r.fields.name);
      const twin = seenNew.get(id);
      if (twin) fail(r.row, "name", msg("xlsx.bank.repeatsRow", { row: twin }));
      else seenNew.set(id, r.row);
      const existing = existingByName.get(id);
      if (existing) fail(r.row, "name", msg("xlsx.bank.sameName", { code: existing }));
      if (plan.errors.length > errorsBefore) continue;
      plan.added.push({
        row: r.row,
        kind: r.kind,
        sector: r.kind === "sector" ? r.sector : null,
        ownerOrgId: r.kind === "sector" ? (owner.get(r.sector!)?.ownerOrgId ?? null) : null,
        cells: fieldCells(r.fields),
        fields: r.fields,
      });
      continue;
    }

    const twin = seenCodes.get(r.code);
    if (twin) {
      fail(r.row, "code", msg("xlsx.bank.codeRepeatsRow", { row: twin }));
      continue;
    }
    seenCodes.set(r.code, r.row);
    const cur = current.get(r.code);
    if (!cur) {
      fail(r.row, "code", msg("xlsx.bank.noCode", { code: quoted(r.code) }));
      continue;
    }
    if (cur.kind !== r.kind) fail(r.row, "kind", msg("xlsx.bank.kindFixed", { kind: KIND_LABEL[cur.kind] }));
    else if (cur.kind === "sector" && (cur.sector ?? null) !== r.sector) fail(r.row, "sector", msg("xlsx.bank.sectorFixed", { sector: cur.sector ?? "" }));
    if (r.version === null) fail(r.row, "version", msg("xlsx.bank.keepVersion"));
    else if (r.version !== cur.version) {
      fail(r.row, "version", msg("xlsx.bank.newerVersion", { current: cur.version, given: r.version }));
    }
    const before = fieldCells(fieldsOf(cur));
    const after = fieldCells(r.fields);
    const changedFields = FIELD_COLUMNS.filter((k) => before[k] !== after[k]);
    const status = r.status ?? cur.status;
    if (cur.status === "retired" && status === "active") fail(r.row, "status", msg("xlsx.bank.noReEnable"));
    else if (cur.status === "retired" && changedFields.length) fail(r.row, changedFields[0], msg("xlsx.bank.retiredFixed"));
    if (plan.errors.length > errorsBefore) continue;

    const entry = { row: r.row, code: cur.code, name: cur.name, baseVersion: cur.version, before, after, changedFields, fields: r.fields };
    if (cur.status === "active" && status === "retired") plan.retired.push(entry);
    else if (changedFields.length) plan.changed.push(entry);
    else plan.unchanged++;
  }
  plan.errors.sort((a, b) => a.row - b.row || FIELD_INDEX[a.column ?? "code"] - FIELD_INDEX[b.column ?? "code"]);
  return plan;
}

const FIELD_INDEX = Object.fromEntries(Object.keys(COLUMN_LABEL).map((k, i) => [k, i])) as Record<ColumnKey, number>;

/** A fingerprint of everything the plan would write and everything it refused: what the user confirmed. */
export function planHash(plan: ImportPlan): string {
  const canonical = {
    added: plan.added.map((a) => [a.kind, a.sector, a.ownerOrgId, a.fields]),
    changed: plan.changed.map((c) => [c.code, c.baseVersion, c.fields]),
    retired: plan.retired.map((r) => [r.code, r.baseVersion, r.changedFields.length ? r.fields : null]),
    unchanged: plan.unchanged,
    errors: plan.errors.map((e) => [e.row, e.column]),
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/** The plan as the preview shows it: lists cut at PREVIEW_LIMIT, messages in the reader's language. */
export function previewOf(plan: ImportPlan, filename: string, translate: (text: string) => string): ImportPreview {
  const strip = <T extends { fields: IndicatorFields }>(list: T[]): Omit<T, "fields">[] =>
    list.slice(0, PREVIEW_LIMIT).map((entry) => {
      const rest: Partial<T> = { ...entry };
      delete rest.fields;
      return rest as Omit<T, "fields">;
    });
  return {
    added: strip(plan.added),
    changed: strip(plan.changed),
    retired: strip(plan.retired),
    unchanged: plan.unchanged,
    errors: plan.errors.slice(0, PREVIEW_LIMIT).map((e) => ({ ...e, message: translate(e.message) })),
    counts: { added: plan.added.length, changed: plan.changed.length, retired: plan.retired.length, unchanged: plan.unchanged, errors: plan.errors.length, rows: plan.rows },
    truncated: [plan.added, plan.changed, plan.retired, plan.errors].some((l) => l.length > PREVIEW_LIMIT),
    hash: planHash(plan),
    filename,
  };
}

function only(cells: Record<FieldColumn, string>, keys: readonly FieldColumn[]) {
  return Object.fromEntries(keys.map((k) => [k, cells[k]]));
}

/**
 * Writes a plan without errors, inside the caller's transaction: new indicators (version 1),
 * new versions of adjusted and retired ones (on the version the plan was made against, else
 * conflict), and one audit row per indicator. Any failure rolls the whole import back. The
 * rows are those publishVersion / newIndicator would write one by one, written in batches.
 */
export async function applyPlan(tx: Tx, actor: Actor, plan: ImportPlan, source: { filename: string }): Promise<ImportResult> {
  if (plan.errors.length) throw new ActionError("invalid_input");
  const who = actor;
  const origin = { source: "excel", file: source.filename };

  const created = await newIndicators(
    tx,
    plan.added.map((a) => ({ fields: a.fields, kind: a.kind, sector: a.sector, ownerOrgId: a.ownerOrgId ?? actor.orgId })),
  );
  for (const [i, row] of created.entries()) {
    const a = plan.added[i];
    await writeAudit(tx, who, {
      action: "indicator.import.create",
      objectType: "indicator",
      objectId: row.code,
      after: { version: row.version, kind: a.kind, sector: a.sector, ownerOrgId: row.ownerOrgId, ...a.fields, ...origin, row: a.row },
    });
  }

  const changed = await publishVersions(
    tx,
    plan.changed.map((c) => ({ code: c.code, baseVersion: c.baseVersion, fields: c.fields })),
  );
  for (const [i, row] of changed.entries()) {
    const c = plan.changed[i];
    await writeAudit(tx, who, {
      action: "indicator.import.edit",
      objectType: "indicator",
      objectId: c.code,
      before: { version: c.baseVersion, ...only(c.before, c.changedFields) },
      after: { version: row.version, ...only(c.after, c.changedFields), ...origin, row: c.row },
    });
  }

  const retired = await publishVersions(
    tx,
    plan.retired.map((r) => (r.changedFields.length ? { code: r.code, baseVersion: r.baseVersion, fields: r.fields, retire: true } : { code: r.code, baseVersion: r.baseVersion, retire: true })),
  );
  for (const [i, row] of retired.entries()) {
    const r = plan.retired[i];
    await writeAudit(tx, who, {
      action: "indicator.import.retire",
      objectType: "indicator",
      objectId: r.code,
      before: { version: r.baseVersion, status: "active", ...only(r.before, r.changedFields) },
      after: { version: row.version, status: "retired", ...only(r.after, r.changedFields), ...origin, row: r.row },
    });
  }
  return { added: created.map((r) => ({ code: r.code, name: r.name })), changed: changed.length, retired: retired.length };
}

// ── Export ──────────────────────────────────────────────────────────────────────────────
export interface ExportFilters {
  q?: string;
  sector?: string;
  level1?: IndicatorLevel1;
  level2?: IndicatorLevel2;
  kind?: "common" | "sector";
  status?: "active" | "retired";
}

export const EXPORT_CAP = 50_000;
export const EXPORT_PAGE = 2_000;

/**
 * The bank's current indicators matching the list's filters (the same conditions as
 * listIndicators), in code order, a page at a time: each page is one query continuing after the
 * last code of the one before (keyset paging), up to `cap` rows in all.
 */
export async function* exportPages(db: DbOrTx, f: ExportFilters, opts: { pageSize?: number; cap?: number } = {}): AsyncGenerator<Current[]> {
  const pageSize = opts.pageSize ?? EXPORT_PAGE;
  const cap = opts.cap ?? EXPORT_CAP;
  const filters: (SQL | undefined)[] = [
    eq(indicators.isCurrent, true),
    indicatorTextMatch(f.q),
    f.sector ? eq(indicators.sector, f.sector) : undefined,
    f.level1 ? eq(indicators.level1, f.level1) : undefined,
    f.level2 ? eq(indicators.level2, f.level2) : undefined,
    f.kind ? eq(indicators.kind, f.kind) : undefined,
    f.status ? eq(indicators.status, f.status) : undefined,
  ];
  let after: string | null = null;
  let sent = 0;
  while (sent < cap) {
    const limit = Math.min(pageSize, cap - sent);
    const page: Current[] = await db
      .select()
      .from(indicators)
      .where(and(...filters, after === null ? undefined : gt(indicators.code, after)))
      .orderBy(asc(indicators.code))
      .limit(limit);
    if (!page.length) return;
    yield page;
    sent += page.length;
    after = page[page.length - 1].code;
    if (page.length < limit) return;
  }
}
