import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { indicators } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import type { IndicatorFields } from "@/lib/validation/indicator";
import { indicatorGrams } from "./grams";
import { isUniqueViolation } from "@/lib/db-errors";

type Row = typeof indicators.$inferSelect;

function columns(f: IndicatorFields) {
  const ref = { historical: f.referenceHistorical, standard: f.referenceStandard, plan: f.referencePlan };
  return {
    name: f.name,
    level1: f.level1,
    level2: f.level2,
    unit: f.unit,
    comparison: f.comparison,
    explanation: f.explanation,
    formula: f.formula,
    scoringRule: f.scoringRule,
    referenceValues: Object.values(ref).some((v) => v !== null) ? ref : null,
    subjectKinds: f.subjectKinds.join(","),
  };
}

/**
 * Publishes a new version of an indicator: the current row stops being current, a new row with
 * version + 1 becomes it. Old rows stay, so objectives that picked them keep showing what they
 * picked. The base version must still be the current one (else: conflict).
 */
export async function publishVersion(tx: Tx, code: string, baseVersion: number, change: { fields?: IndicatorFields; retire?: boolean }): Promise<Row> {
  const [current] = await tx
    .update(indicators)
    .set({ isCurrent: false })
    .where(and(eq(indicators.code, code), eq(indicators.isCurrent, true), eq(indicators.version, baseVersion)))
    .returning();
  if (!current) throw new ActionError("conflict");
  const next = change.fields ? columns(change.fields) : {};
  const merged = { ...current, ...next };
  const [row] = await tx
    .insert(indicators)
    .values({
      ...merged,
      id: undefined,
      version: current.version + 1,
      isCurrent: true,
      status: change.retire ? "retired" : current.status,
      searchGrams: indicatorGrams(merged),
      createdAt: new Date(),
    })
    .returning();
  return row;
}

/** A new indicator's code: the sector's prefix (from its existing codes) and the next number. */
export async function newIndicator(tx: Tx, v: { fields: IndicatorFields; kind: "common" | "sector"; sector: string | null; ownerOrgId: number }): Promise<Row> {
  const cls = { quantity: "SL", quality: "ZL", timeliness: "SX", cost: "CB", satisfaction: "MY" }[v.fields.level2 as string] ?? "XY";
  const [sample] = await tx
    .select({ code: indicators.code })
    .from(indicators)
    .where(v.kind === "common" ? eq(indicators.kind, "common") : eq(indicators.sector, v.sector ?? ""))
    .limit(1);
  const prefix = `${sample?.code.split("-")[0] ?? "ZD"}-${cls}-`;
  const [{ n }] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${indicators.code} from '(\\d+)$')::int), 0)` })
    .from(indicators)
    .where(sql`${indicators.code} like ${prefix + "%"}`);
  const code = `${prefix}${String(Number(n) + 1).padStart(3, "0")}`;
  const cols = columns(v.fields);
  try {
    const [row] = await tx
      .insert(indicators)
      .values({ ...cols, code, version: 1, kind: v.kind, sector: v.sector, ownerOrgId: v.ownerOrgId, searchGrams: indicatorGrams({ ...cols, sector: v.sector }) })
      .returning();
    return row;
  } catch (e) {
    // Another approval took the same next code at the same moment.
    if (isUniqueViolation(e)) throw new ActionError("conflict");
    throw e;
  }
}

// ── Many at once (an Excel import) ──────────────────────────────────────────────────────
// The same rows as calling publishVersion / newIndicator for each in turn, in a few statements
// per chunk instead of two or three per indicator: an import of thousands of rows stays seconds
// long (newIndicator one by one rescans a prefix's codes each time) and does not hold the
// (embedded, single-connection) database for minutes.

const CHUNK = 500;
function chunked<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** publishVersion for each change (distinct codes), in order; any base version no longer current: conflict, nothing kept. */
export async function publishVersions(tx: Tx, changes: readonly { code: string; baseVersion: number; fields?: IndicatorFields; retire?: boolean }[]): Promise<Row[]> {
  const out: Row[] = [];
  for (const chunk of chunked(changes)) {
    const pairs = sql.join(
      chunk.map((c) => sql`(${c.code}, ${c.baseVersion}::int)`),
      sql`, `,
    );
    const currents = await tx
      .update(indicators)
      .set({ isCurrent: false })
      .where(and(eq(indicators.isCurrent, true), sql`(${indicators.code}, ${indicators.version}) in (${pairs})`))
      .returning();
    if (currents.length !== chunk.length) throw new ActionError("conflict");
    const byCode = new Map(currents.map((r) => [r.code, r]));
    const values = chunk.map((change) => {
      const current = byCode.get(change.code)!;
      const merged = { ...current, ...(change.fields ? columns(change.fields) : {}) };
      return {
        ...merged,
        id: undefined,
        version: current.version + 1,
        isCurrent: true,
        status: change.retire ? ("retired" as const) : current.status,
        searchGrams: indicatorGrams(merged),
        createdAt: new Date(),
      };
    });
    const rows = await tx.insert(indicators).values(values).returning();
    const inserted = new Map(rows.map((r) => [r.code, r]));
    out.push(...chunk.map((c) => inserted.get(c.code)!));
  }
  return out;
}

/** newIndicator for each, in order: the codes it would have given them one after the other. */
export async function newIndicators(tx: Tx, items: readonly { fields: IndicatorFields; kind: "common" | "sector"; sector: string | null; ownerOrgId: number }[]): Promise<Row[]> {
  const sectorPrefix = new Map<string, string>();
  const next = new Map<string, number>();
  const values = [];
  for (const v of items) {
    const cls = { quantity: "SL", quality: "ZL", timeliness: "SX", cost: "CB", satisfaction: "MY" }[v.fields.level2 as string] ?? "XY";
    const group = v.kind === "common" ? "\u0000common" : (v.sector ?? "");
    if (!sectorPrefix.has(group)) {
      const [sample] = await tx
        .select({ code: indicators.code })
        .from(indicators)
        .where(v.kind === "common" ? eq(indicators.kind, "common") : eq(indicators.sector, v.sector ?? ""))
        .limit(1);
      sectorPrefix.set(group, sample?.code.split("-")[0] ?? "ZD");
    }
    const prefix = `${sectorPrefix.get(group)}-${cls}-`;
    if (!next.has(prefix)) {
      const [{ n }] = await tx
        .select({ n: sql<number>`coalesce(max(substring(${indicators.code} from '(\\d+)$')::int), 0)` })
        .from(indicators)
        .where(sql`${indicators.code} like ${prefix + "%"}`);
      next.set(prefix, Number(n));
    }
    const number = next.get(prefix)! + 1;
    next.set(prefix, number);
    const code = `${prefix}${String(number).padStart(3, "0")}`;
    const cols = columns(v.fields);
    values.push({ ...cols, code, version: 1, kind: v.kind, sector: v.sector, ownerOrgId: v.ownerOrgId, searchGrams: indicatorGrams({ ...cols, sector: v.sector }) });
  }
  const out: Row[] = [];
  try {
    for (const chunk of chunked(values)) {
      const rows = await tx.insert(indicators).values(chunk).returning();
      const byCode = new Map(rows.map((r) => [r.code, r]));
      out.push(...chunk.map((c) => byCode.get(c.code)!));
    }
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError("conflict");
    throw e;
  }
  return out;
}
