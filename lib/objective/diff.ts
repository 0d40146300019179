import Decimal from "decimal.js";
import type { DeclarationContent } from "./completeness";
import type { IndicatorRowInput } from "@/lib/validation/objective";

/** The scalar fields of a declaration a version comparison reports, in the order of the printed table. */
export const DIFF_FIELDS = [
  "name",
  "category",
  "startYear",
  "endYear",
  "policyBasis",
  "contactName",
  "contactPhone",
  "servesPublic",
  "requestedAmount",
  "fundUses",
  "overallGoal",
  "annualGoal",
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export type Scalar = string | number | boolean | null;

export interface FieldChange {
  field: DiffField;
  before: Scalar;
  after: Scalar;
}

export interface FundingChange {
  kind: "added" | "removed" | "changed";
  source: string;
  year: number;
  before: string | null;
  after: string | null;
}

export interface PlanChange {
  kind: "added" | "removed" | "changed";
  start: string;
  end: string;
  before: string | null;
  after: string | null;
}

/** The indicator fields compared once two rows are matched (by 一级/二级/三级 name). */
export const INDICATOR_DIFF_FIELDS = [
  "fundUse",
  "comparison",
  "annualTarget",
  "periodTarget",
  "unit",
  "weight",
  "explanation",
  "formula",
  "indicatorId",
  "customReason",
  "changeReason",
] as const;
export type IndicatorDiffField = (typeof INDICATOR_DIFF_FIELDS)[number];

export interface IndicatorChange {
  kind: "added" | "removed" | "changed";
  level1: IndicatorRowInput["level1"];
  level2: IndicatorRowInput["level2"];
  name: string;
  before: IndicatorRowInput | null;
  after: IndicatorRowInput | null;
  /** For "changed": which fields differ. */
  fields: IndicatorDiffField[];
}

export interface DeclarationDiff {
  fields: FieldChange[];
  funding: FundingChange[];
  plan: PlanChange[];
  indicators: IndicatorChange[];
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Blank text is no value; numbers compare by value ("100" = "100.00"); text compares trimmed. */
function normal(v: unknown): Scalar {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") {
    const s = v.trim();
    return s === "" ? null : s;
  }
  if (typeof v === "number" || typeof v === "boolean") return v;
  return JSON.stringify(v);
}

export function sameValue(a: unknown, b: unknown): boolean {
  const x = normal(a);
  const y = normal(b);
  if (x === null || y === null) return x === y;
  const xs = String(x);
  const ys = String(y);
  if (typeof x !== "boolean" && typeof y !== "boolean" && NUMERIC.test(xs) && NUMERIC.test(ys)) return new Decimal(xs).eq(ys);
  return xs === ys;
}

function fieldValue(c: DeclarationContent, f: DiffField): Scalar {
  switch (f) {
    case "requestedAmount":
      return normal(c.funding.requestedAmount);
    case "fundUses":
      return normal(c.funding.fundUses);
    case "overallGoal":
      return normal(c.performance.overallGoal);
    case "annualGoal":
      return normal(c.performance.annualGoal);
    default:
      return normal(c.basic[f]);
  }
}

/** Keys rows, numbering repeats ("a#0", "a#1") so that duplicates pair up in order. */
function keyed<T>(rows: readonly T[], key: (r: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    out.set(`${k}#${n}`, r);
  }
  return out;
}

/** Pairs two keyed lists: rows of `after` in their order (added or matched), then rows only in `before`. */
function pair<T>(before: Map<string, T>, after: Map<string, T>): { before: T | null; after: T | null }[] {
  const out: { before: T | null; after: T | null }[] = [];
  for (const [k, a] of after) out.push({ before: before.get(k) ?? null, after: a });
  for (const [k, b] of before) if (!after.has(k)) out.push({ before: b, after: null });
  return out;
}

function fundingTotals(c: DeclarationContent): Map<string, { source: string; year: number; amount: Decimal }> {
  const out = new Map<string, { source: string; year: number; amount: Decimal }>();
  for (const r of c.funding.rows ?? []) {
    const k = `${r.source}|${r.year}`;
    const prev = out.get(k);
    let amount: Decimal;
    try {
      amount = new Decimal(r.amount || 0);
    } catch {
      amount = new Decimal(0);
    }
    out.set(k, { source: r.source, year: r.year, amount: prev ? prev.amount.plus(amount) : amount });
  }
  return out;
}

/**
 * What changed from version `a` to version `b` of a declaration: scalar fields, fund sources
 * (by source and year), plan rows (by period) and indicator rows (by 一级/二级/三级 name).
 * Pure: the page loads both versions and renders the result.
 */
export function diffDeclarations(a: DeclarationContent, b: DeclarationContent): DeclarationDiff {
  const fields: FieldChange[] = [];
  for (const f of DIFF_FIELDS) {
    const before = fieldValue(a, f);
    const after = fieldValue(b, f);
    if (!sameValue(before, after)) fields.push({ field: f, before, after });
  }

  const funding: FundingChange[] = [];
  for (const { before, after } of pair(fundingTotals(a), fundingTotals(b))) {
    const row = (after ?? before)!;
    if (before && after) {
      if (!before.amount.eq(after.amount)) funding.push({ kind: "changed", source: row.source, year: row.year, before: before.amount.toFixed(2), after: after.amount.toFixed(2) });
    } else {
      funding.push({
        kind: after ? "added" : "removed",
        source: row.source,
        year: row.year,
        before: before ? before.amount.toFixed(2) : null,
        after: after ? after.amount.toFixed(2) : null,
      });
    }
  }

  const planKey = (r: { start: string; end: string }) => `${r.start.trim()}|${r.end.trim()}`;
  const plan: PlanChange[] = [];
  for (const { before, after } of pair(keyed(a.performance.plan ?? [], planKey), keyed(b.performance.plan ?? [], planKey))) {
    const row = (after ?? before)!;
    const kind = before && after ? "changed" : after ? "added" : "removed";
    if (kind === "changed" && sameValue(before!.content, after!.content)) continue;
    plan.push({ kind, start: row.start, end: row.end, before: before?.content ?? null, after: after?.content ?? null });
  }

  const indKey = (r: IndicatorRowInput) => `${r.level1}|${r.level2}|${r.name.trim()}`;
  const indicators: IndicatorChange[] = [];
  for (const { before, after } of pair(keyed(a.performance.indicators ?? [], indKey), keyed(b.performance.indicators ?? [], indKey))) {
    const row = (after ?? before)!;
    const base = { level1: row.level1, level2: row.level2, name: row.name, before, after };
    if (before && after) {
      const changed = INDICATOR_DIFF_FIELDS.filter((f) => !sameValue(before[f], after[f]));
      if (changed.length) indicators.push({ kind: "changed", ...base, fields: changed });
    } else {
      indicators.push({ kind: after ? "added" : "removed", ...base, fields: [] });
    }
  }

  return { fields, funding, plan, indicators };
}

export function isEmptyDiff(d: DeclarationDiff): boolean {
  return d.fields.length + d.funding.length + d.plan.length + d.indicators.length === 0;
}

/** "?diff=1..2" → [1, 2]; anything else → null. */
export function parseDiffParam(v: string | string[] | undefined): [number, number] | null {
  const s = Array.isArray(v) ? v[0] : v;
  const m = s ? /^(\d{1,4})\.\.(\d{1,4})$/.exec(s) : null;
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a >= 1 && b >= 1 && a !== b ? [a, b] : null;
}
