import { formatWanExact } from "@/lib/money";
import { en } from "@/lib/i18n/en";
import type { Locale } from "@/lib/i18n";
import { zh } from "@/lib/i18n/zh";
import { changedFields, type FieldChange, type IndicatorChanges } from "./audit-diff";

/**
 * How an audit row reads: the action and object type named in the reader's language, and
 * before → after as rows of (field label, old value, new value). Labels live in the i18n
 * dictionaries (lib/i18n/sections/audit.{zh,en}.ts), keyed by the stored code.
 */

const DICTS = { zh, en } as const;

function lookup(table: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The action's label; an unregistered (older) code is shown as it was stored. */
export function auditActionLabel(locale: Locale, action: string): string {
  return lookup(DICTS[locale].auditLog.actions, action) ?? action;
}

export function auditObjectLabel(locale: Locale, objectType: string): string {
  return lookup(DICTS[locale].auditLog.objects, objectType) ?? objectType;
}

export function auditFieldLabel(locale: Locale, field: string): string {
  return lookup(DICTS[locale].auditLog.fields, field) ?? field;
}

/** The state names of the object types that have a workflow, for `state`/`status` values. */
function stateLabel(locale: Locale, objectType: string, value: string): string | undefined {
  const d = DICTS[locale];
  const tables: Record<string, Record<string, string>> = {
    objective: d.review.stateLabel,
    project: d.pool.stateLabel,
    self_evaluation: d.evaluation.state,
    monitoring_report: d.monitoring.stateLabel,
    rectification_task: d.evaluation.rectification.state,
    key_evaluation: d.evaluation.key.state,
    evaluation_rule_set: d.evaluation.rules.status,
  };
  const table = tables[objectType];
  return table ? lookup(table, value) : undefined;
}

/** Fields of before/after that hold another object's id, and that object's type: shown by its name. */
export const FIELD_REFS: Readonly<Record<string, string>> = {
  objectiveId: "objective",
  parentObjectiveId: "objective",
  selfEvaluationId: "self_evaluation",
  keyEvaluationId: "key_evaluation",
  orgId: "org",
  ownerOrgId: "org",
  agencyOrgId: "org",
  regionId: "region",
  ruleSetId: "evaluation_rule_set",
  basedOnId: "evaluation_rule_set",
};

/** Amounts stored in 元 (decimal strings), shown in 万元 exactly (to the fen, no rounding) with separators. */
const MONEY_FIELDS = new Set(["amount", "budget", "proposedAmount", "confirmedAmount", "executedAmount", "adjustedBudget", "requestedAmount", "held"]);

/** An amount in 元 as 万元, or the value as given when it is not a number. */
function moneyValue(yuan: string): string {
  try {
    return formatWanExact(yuan);
  } catch {
    return yuan;
  }
}

/** Object types whose id is not for display: a session id is half of a sign-in. */
export const HIDDEN_OBJECT_IDS: ReadonlySet<string> = new Set(["session"]);

/** The name of a referenced object, when the page resolved it. */
export type NameOf = (objectType: string, id: string) => string | undefined;

/** One value as text an auditor reads: no JSON, roles and states by name, referenced objects by name, lists joined. */
export function auditValue(locale: Locale, objectType: string, field: string, value: unknown, nameOf?: NameOf): string {
  const d = DICTS[locale];
  const ui = d.auditLog.ui;
  if (value === null || value === undefined || value === "") return ui.empty;
  const ref = FIELD_REFS[field];
  if (ref && nameOf && (typeof value === "number" || typeof value === "string")) {
    const name = nameOf(ref, String(value));
    if (name) return name;
  }
  if (typeof value === "boolean") return value ? ui.yes : ui.no;
  if ((typeof value === "string" || typeof value === "number") && MONEY_FIELDS.has(field)) return moneyValue(String(value));
  if (typeof value === "string") {
    if (field === "state" || field === "status") return stateLabel(locale, objectType, value) ?? value;
    if (field === "grade") return lookup(d.evaluation.grade, value) ?? value;
    if (field === "level1" || field === "level2") return value;
    return value;
  }
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    if (field === "roles") return value.map((r) => lookup(d.role, String(r)) ?? String(r)).join("、");
    const sep = value.some((v) => v !== null && typeof v === "object") ? "；" : "、";
    return value.length ? value.map((v) => auditValue(locale, objectType, field, v, nameOf)).join(sep) : ui.empty;
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `${auditFieldLabel(locale, k)}：${auditValue(locale, objectType, k, v, nameOf)}`)
      .join("，");
  }
  return String(value);
}

export interface ChangeRow {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface AuditDetail {
  /** The wizard step a save concerned (objective.saveStep). */
  step?: number;
  rows: ChangeRow[];
  indicators?: { added: string[]; removed: string[]; changed: { name: string; rows: ChangeRow[] }[] };
}

/** Bookkeeping fields of a save that say nothing to an auditor by themselves. */
const QUIET = new Set(["editVersion", "changes", "indicators", "step"]);

function rowsOf(locale: Locale, objectType: string, changes: FieldChange[], hasBefore: boolean, nameOf?: NameOf): ChangeRow[] {
  return changes.map((c) => ({
    field: c.field,
    label: auditFieldLabel(locale, c.field),
    before: hasBefore ? auditValue(locale, objectType, c.field, c.before, nameOf) : null,
    after: auditValue(locale, objectType, c.field, c.after, nameOf),
  }));
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * before → after of one row as a table: the fields that differ (a field only in `after` is
 * listed with its value; one only in `before` as removed). A wizard save lists the fields it
 * changed and the indicators added, removed and changed.
 */
export function auditDetail(locale: Locale, row: { action: string; objectType: string; before: unknown; after: unknown }, nameOf?: NameOf): AuditDetail {
  const before = asRecord(row.before);
  const after = asRecord(row.after) ?? {};
  if (row.action === "objective.saveStep" && Array.isArray(after.changes)) {
    const ind = after.indicators as IndicatorChanges | undefined;
    return {
      step: typeof after.step === "number" ? after.step : undefined,
      rows: rowsOf(locale, row.objectType, after.changes as FieldChange[], true, nameOf),
      indicators: ind
        ? { added: ind.added, removed: ind.removed, changed: ind.changed.map((c) => ({ name: c.name, rows: rowsOf(locale, row.objectType, c.fields, true, nameOf) })) }
        : undefined,
    };
  }
  const quiet = Object.fromEntries(Object.entries(after).filter(([k]) => !(row.action === "objective.saveStep" && QUIET.has(k))));
  const changes = changedFields(before, quiet);
  return { step: row.action === "objective.saveStep" && typeof after.step === "number" ? after.step : undefined, rows: rowsOf(locale, row.objectType, changes, before !== null, nameOf) };
}

/** The detail as one line of text, for the Excel export. */
export function auditDetailText(locale: Locale, detail: AuditDetail): string {
  const ui = DICTS[locale].auditLog.ui;
  const lines: string[] = [];
  if (detail.step) lines.push(ui.step.replace("{n}", String(detail.step)));
  for (const r of detail.rows) lines.push(r.before === null ? `${r.label}：${r.after}` : `${r.label}：${r.before} → ${r.after}`);
  if (detail.indicators) {
    if (detail.indicators.added.length) lines.push(`${ui.added}：${detail.indicators.added.join("、")}`);
    if (detail.indicators.removed.length) lines.push(`${ui.removed}：${detail.indicators.removed.join("、")}`);
    for (const c of detail.indicators.changed) lines.push(`${ui.changed}「${c.name}」：${c.rows.map((r) => `${r.label} ${r.before} → ${r.after}`).join("；")}`);
  }
  return lines.join("\n");
}
