import { SUBJECT_KINDS, type Comparison, type IndicatorLevel1, type IndicatorLevel2, type SubjectKind } from "@/db/schema/enums";
import type { MessageKey, Translate } from "@/lib/i18n";

/** An indicator's editable fields as the forms hold them (the shape of lib/validation/indicator.ts's indicatorFields). */
export interface FieldValues {
  name: string;
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  unit: string | null;
  comparison: Comparison;
  explanation: string | null;
  formula: string | null;
  scoringRule: string | null;
  referenceHistorical: string | null;
  referenceStandard: string | null;
  referencePlan: string | null;
  subjectKinds: SubjectKind[];
}
export type FieldKey = keyof FieldValues;

export const FIELD_KEYS: readonly FieldKey[] = [
  "name",
  "level1",
  "level2",
  "unit",
  "comparison",
  "explanation",
  "formula",
  "scoringRule",
  "referenceHistorical",
  "referenceStandard",
  "referencePlan",
  "subjectKinds",
];

export const FIELD_LABEL: Record<FieldKey, MessageKey> = {
  name: "bank.field.name",
  level1: "bank.field.level1",
  level2: "bank.field.level2",
  unit: "bank.field.unit",
  comparison: "bank.field.comparison",
  explanation: "bank.field.explanation",
  formula: "bank.field.formula",
  scoringRule: "bank.field.scoringRule",
  referenceHistorical: "bank.field.referenceHistorical",
  referenceStandard: "bank.field.referenceStandard",
  referencePlan: "bank.field.referencePlan",
  subjectKinds: "bank.field.subjectKinds",
};

export interface References {
  historical?: string | null;
  standard?: string | null;
  plan?: string | null;
}

/** The reference values column (jsonb) as an object. */
export function referencesOf(v: unknown): References {
  return v && typeof v === "object" ? (v as References) : {};
}

/** The subject kinds column ("project,department") as a list, in the canonical order. */
export function subjectKindsOf(v: string | null | undefined): SubjectKind[] {
  const set = new Set((v ?? "").split(",").map((s) => s.trim()));
  return SUBJECT_KINDS.filter((k) => set.has(k));
}

/** An indicator row (any version) as form values. */
export function valuesOf(row: {
  name: string;
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  unit: string | null;
  comparison: Comparison;
  explanation: string | null;
  formula: string | null;
  scoringRule: string | null;
  referenceValues: unknown;
  subjectKinds: string;
}): FieldValues {
  const ref = referencesOf(row.referenceValues);
  return {
    name: row.name,
    level1: row.level1,
    level2: row.level2,
    unit: row.unit,
    comparison: row.comparison,
    explanation: row.explanation,
    formula: row.formula,
    scoringRule: row.scoringRule,
    referenceHistorical: ref.historical ?? null,
    referenceStandard: ref.standard ?? null,
    referencePlan: ref.plan ?? null,
    subjectKinds: subjectKindsOf(row.subjectKinds),
  };
}

/** Proposed fields as stored in a change request (jsonb), tolerant of missing keys. */
export function proposedValues(v: unknown): (Partial<FieldValues> & { sector?: string }) | null {
  return v && typeof v === "object" ? (v as Partial<FieldValues> & { sector?: string }) : null;
}

/** One field's value as text. */
export function showField(key: FieldKey, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === "") return t("bank.none");
  switch (key) {
    case "level1":
      return t(`wizard.level1.${value as IndicatorLevel1}`);
    case "level2":
      return t(`wizard.level2.${value as IndicatorLevel2}`);
    case "comparison":
      return t(`wizard.comparison.${value as Comparison}`);
    case "subjectKinds":
      return (Array.isArray(value) ? (value as SubjectKind[]) : []).map((k) => t(`bank.subjectKind.${k}`)).join("、") || t("bank.none");
    default:
      return String(value);
  }
}

/** Whether two values of a field are the same (lists compared as sets). */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (Array.isArray(v) ? [...v].sort().join(",") : v === undefined || v === "" ? null : v);
  return norm(a) === norm(b);
}

/** An audit action ("indicator.propose.add") in words, or as it is when it has none. */
export function auditLabel(action: string, t: Translate): string {
  if (!action.startsWith("indicator.")) return action;
  const key = `bank.audit.${action.slice("indicator.".length)}` as MessageKey;
  return t.has?.(key) ? t(key) : action;
}

const AUDIT_KEY: Record<string, MessageKey> = {
  reason: "bank.auditKey.reason",
  requestId: "bank.auditKey.requestId",
  published: "bank.auditKey.published",
  filename: "bank.auditKey.filename",
  size: "bank.auditKey.size",
  version: "bank.auditKey.version",
};

/** An audit row's before/after object in words: "申请编号：3；理由：…；发布：JT-SL-004 第 2 版". */
export function auditDetail(value: unknown, t: Translate): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object" || Array.isArray(value)) return JSON.stringify(value);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined || v === "") continue;
    const label = AUDIT_KEY[k] ? t(AUDIT_KEY[k]) : (FIELD_KEYS as readonly string[]).includes(k) ? t(FIELD_LABEL[k as FieldKey]) : k;
    let text: string;
    if (k === "published" && typeof v === "object") {
      const p = v as { code?: string; version?: number };
      text = `${p.code ?? ""} ${t("bank.versionNo", { n: p.version ?? "?" })}`;
    } else if ((FIELD_KEYS as readonly string[]).includes(k)) text = showField(k as FieldKey, v, t);
    else if (k === "size" && typeof v === "number") text = v < 1024 * 1024 ? `${Math.max(1, Math.round(v / 1024))} KB` : `${(v / 1024 / 1024).toFixed(1)} MB`;
    else if (k === "version" && typeof v === "number") text = t("bank.versionNo", { n: v });
    else text = typeof v === "object" ? JSON.stringify(v) : String(v);
    parts.push(`${label}：${text}`);
  }
  return parts.join("；");
}
