/**
 * What a wizard save changed, for its audit row: the fields of the step whose values differ
 * (names and new values, with the old ones) and, on step 3, the indicators added, removed and
 * changed. Pure: the caller passes the version as it was before the save and what was saved.
 */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface IndicatorChanges {
  added: string[];
  removed: string[];
  changed: { name: string; fields: FieldChange[] }[];
}

export interface StepChanges {
  changes: FieldChange[];
  indicators?: IndicatorChanges;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A value as compared: empty strings and null/undefined alike, "10.00" equal to "10". */
export function normalise(v: unknown): unknown {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "string") {
    const s = v.trim();
    if (s === "") return null;
    if (DECIMAL.test(s)) return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
    return s;
  }
  if (typeof v === "number") return normalise(String(v));
  if (Array.isArray(v)) return v.map(normalise);
  if (typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = normalise((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

/** The fields of `after` (and of `before` missing from it) whose values differ, in `fields` order if given. */
export function changedFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown>, fields?: readonly string[]): FieldChange[] {
  const b = before ?? {};
  const keys = fields ?? [...new Set([...Object.keys(after), ...Object.keys(b)])];
  const out: FieldChange[] = [];
  for (const k of keys) {
    if (!same(b[k], after[k])) out.push({ field: k, before: b[k] ?? null, after: after[k] ?? null });
  }
  return out;
}

const INDICATOR_FIELDS = ["fundUse", "level1", "level2", "comparison", "annualTarget", "periodTarget", "unit", "weight", "explanation", "formula", "indicatorId", "customReason", "changeReason"] as const;
type IndicatorLike = { name: string } & Partial<Record<(typeof INDICATOR_FIELDS)[number], unknown>>;

/** Indicators matched by name: those only before were removed, only after added, in both changed if a field differs. */
export function indicatorChanges(before: readonly IndicatorLike[], after: readonly IndicatorLike[]): IndicatorChanges {
  const old = new Map(before.map((r) => [r.name.trim(), r]));
  const now = new Map(after.map((r) => [r.name.trim(), r]));
  const added = [...now.keys()].filter((n) => !old.has(n));
  const removed = [...old.keys()].filter((n) => !now.has(n));
  const changed: IndicatorChanges["changed"] = [];
  for (const [name, r] of now) {
    const o = old.get(name);
    if (!o) continue;
    const fields = changedFields(o as Record<string, unknown>, r as Record<string, unknown>, INDICATOR_FIELDS);
    if (fields.length) changed.push({ name, fields });
  }
  return { added, removed, changed };
}

interface VersionBefore {
  basic: unknown;
  funding: unknown;
  fundUses: string | null;
  requestedAmount: string;
  plan: unknown;
  keyTasks?: unknown;
  overallGoal: string | null;
  annualGoal: string | null;
}

type StepInput =
  | { step: 1; data: Record<string, unknown> }
  | { step: "deptBasic"; data: Record<string, unknown> }
  | { step: "keyTasks"; data: { requestedAmount: string; tasks: unknown } }
  | { step: 2; data: { requestedAmount: string; rows: unknown; fundUses?: string | null } }
  | { step: 3; data: { plan: unknown; overallGoal?: string | null; annualGoal?: string | null; indicators: readonly IndicatorLike[] } };

/** The changes of one wizard step against the version before the save. */
export function stepChanges(version: VersionBefore, oldIndicators: readonly IndicatorLike[], input: StepInput): StepChanges {
  if (input.step === "keyTasks") {
    return {
      changes: changedFields(
        { requestedAmount: version.requestedAmount, keyTasks: version.keyTasks ?? [] },
        { requestedAmount: input.data.requestedAmount, keyTasks: input.data.tasks },
      ),
    };
  }
  if (input.step === 1 || input.step === "deptBasic") {
    return { changes: changedFields((version.basic ?? {}) as Record<string, unknown>, input.data, Object.keys(input.data)) };
  }
  if (input.step === 2) {
    return {
      changes: changedFields(
        { requestedAmount: version.requestedAmount, funding: version.funding, fundUses: version.fundUses },
        { requestedAmount: input.data.requestedAmount, funding: input.data.rows, fundUses: input.data.fundUses ?? null },
      ),
    };
  }
  return {
    changes: changedFields(
      { overallGoal: version.overallGoal, annualGoal: version.annualGoal, plan: version.plan },
      { overallGoal: input.data.overallGoal ?? null, annualGoal: input.data.annualGoal ?? null, plan: input.data.plan },
    ),
    indicators: indicatorChanges(oldIndicators, input.data.indicators),
  };
}
