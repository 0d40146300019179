import { LEVEL2_OF, type Comparison, type IndicatorLevel1, type IndicatorLevel2 } from "@/db/schema/enums";
import type { IndicatorRowInput } from "@/lib/validation/objective";
import { nextKey } from "./money";

/** One row of the indicator table as the form holds it; key/bankCode/reference/comment never go to the server. */
export interface IndicatorRowState {
  key: string;
  fundUse: string;
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  name: string;
  comparison: Comparison;
  annualTarget: string;
  periodTarget: string;
  unit: string;
  weight: string;
  explanation: string;
  formula: string;
  indicatorId: number | null;
  customReason: string;
  /** Why the target is less demanding than last year's (lib/objective/year-compare.ts). */
  changeReason: string;
  /** The bank code shown as the source, and the bank's reference value shown as a hint. */
  bankCode: string | null;
  reference: string | null;
  /** The returning reviewer's comment on this row (kept with the row when rows move). */
  comment: string | null;
}

/** What a bank search returns for one indicator (lib/actions/indicator/search-indicators.ts). */
export interface BankHit {
  id: number;
  code: string;
  version: number;
  name: string;
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  kind: string;
  sector: string | null;
  unit: string | null;
  comparison: Comparison;
  explanation: string | null;
  formula: string | null;
  reference: string | null;
}

export function blankRow(): IndicatorRowState {
  return {
    key: nextKey(),
    fundUse: "",
    level1: "output",
    level2: "quantity",
    name: "",
    comparison: "gte",
    annualTarget: "",
    periodTarget: "",
    unit: "",
    weight: "",
    explanation: "",
    formula: "",
    indicatorId: null,
    customReason: "",
    changeReason: "",
    bankCode: null,
    reference: null,
    comment: null,
  };
}

export function rowFromBank(hit: BankHit): IndicatorRowState {
  return {
    ...blankRow(),
    level1: hit.level1,
    level2: LEVEL2_OF[hit.level1].includes(hit.level2) ? hit.level2 : LEVEL2_OF[hit.level1][0],
    name: hit.name,
    comparison: hit.comparison,
    unit: hit.unit ?? "",
    explanation: hit.explanation ?? "",
    formula: hit.formula ?? "",
    indicatorId: hit.id,
    bankCode: hit.code,
    reference: hit.reference,
  };
}

export function rowFromSaved(r: IndicatorRowInput, bank: { code: string; reference: string | null } | undefined, comment: string | undefined): IndicatorRowState {
  return {
    key: nextKey(),
    fundUse: r.fundUse ?? "",
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    comparison: r.comparison,
    annualTarget: r.annualTarget ?? "",
    periodTarget: r.periodTarget ?? "",
    unit: r.unit ?? "",
    weight: r.weight ? trimWeight(r.weight) : "",
    explanation: r.explanation ?? "",
    formula: r.formula ?? "",
    indicatorId: r.indicatorId ?? null,
    customReason: r.customReason ?? "",
    changeReason: r.changeReason ?? "",
    bankCode: bank?.code ?? null,
    reference: bank?.reference ?? null,
    comment: comment ?? null,
  };
}

/** "30.00" → "30", as the filer typed it. */
const trimWeight = (w: string) => w.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");

/** The row as the save action takes it. */
export function rowPayload(r: IndicatorRowState) {
  return {
    fundUse: r.fundUse,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    comparison: r.comparison,
    annualTarget: r.annualTarget,
    periodTarget: r.periodTarget,
    unit: r.unit,
    weight: r.weight,
    explanation: r.explanation,
    formula: r.formula,
    indicatorId: r.indicatorId,
    customReason: r.customReason,
    changeReason: r.changeReason,
  };
}
