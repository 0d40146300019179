import DecimalBase from "decimal.js";
import type { Grade } from "@/db/schema/enums";
import type { AssessedKind } from "@/db/schema/assessment";
import type { Framework, FrameworkIndicator, Method, MetricKey } from "./framework";

const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
type D = InstanceType<typeof Decimal>;
const f2 = (d: D) => d.toFixed(2, Decimal.ROUND_HALF_UP);
const plain = (d: D) => d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed();

/**
 * One indicator's figure as the assessed body and finance read it: the numbers behind it and the
 * arithmetic (`calc`), like a self-evaluation's breakdown. `points` null: a judged score not yet entered.
 */
export interface Figure {
  code: string;
  name: string;
  class: string;
  method: Method;
  metric: MetricKey | null;
  weight: string;
  numerator: string | null;
  denominator: string | null;
  value: string | null;
  points: string | null;
  calc: string;
  /** A judged score's evidence. */
  evidence?: string | null;
}

export interface JudgedScore {
  score: string;
  evidence: string;
  by?: number;
  at?: string;
}

export interface ResultScore {
  figures: Figure[];
  raw: string | null;
  final: string | null;
  grade: Grade | null;
  difficulty: string;
}

/** The indicators of a framework for one kind of assessed body, in framework order. */
export function indicatorsFor(f: Framework, kind: AssessedKind): FrameworkIndicator[] {
  return f.indicators.filter((i) => i.kind === kind);
}

/**
 * One computed indicator's points. ratio: weight × numerator ÷ denominator (no object to count:
 * full points, nothing was missed); deduct: weight − (numerator ÷ denominator) × deductPer, not
 * below 0 (no object: nothing deducted). Two decimals, half up, once.
 */
export function scoreComputed(ind: FrameworkIndicator, numerator: string, denominator: string): Pick<Figure, "value" | "points" | "calc"> {
  const w = new Decimal(ind.weight);
  const num = new Decimal(numerator);
  const den = new Decimal(denominator);
  if (ind.method === "ratio") {
    if (den.isZero()) return { value: null, points: f2(w), calc: `0 ÷ 0 → ${f2(w)}` };
    const points = w.times(num).div(den);
    return { value: plain(num.div(den)), points: f2(points), calc: `${ind.weight} × ${numerator} ÷ ${denominator} = ${f2(points)}` };
  }
  const per = new Decimal(ind.deductPer ?? "0");
  const value = den.isZero() ? new Decimal(0) : num.div(den);
  const points = Decimal.max(0, w.minus(value.times(per)));
  const valueText = den.isZero() ? "0" : `${numerator} ÷ ${denominator} = ${plain(value)}`;
  return { value: plain(value), points: f2(points), calc: `${valueText}; max(0, ${ind.weight} − ${plain(value)} × ${ind.deductPer}) = ${f2(points)}` };
}

export function gradeOf(f: Framework, final: string): Grade {
  const s = new Decimal(final);
  if (s.gte(f.grades.excellent)) return "excellent";
  if (s.gte(f.grades.good)) return "good";
  if (s.gte(f.grades.fair)) return "fair";
  return "poor";
}

/**
 * The result of one assessed body: each indicator's figure, the raw total, the total after the
 * difficulty coefficient (raw × coefficient, at most 100, two decimals half up) and the grade.
 * Totals stay null until every judged indicator has its score.
 */
export function scoreResult(
  f: Framework,
  kind: AssessedKind,
  metrics: Partial<Record<MetricKey, { numerator: string; denominator: string }>>,
  judged: Record<string, JudgedScore>,
  difficulty: string,
): ResultScore {
  const figures: Figure[] = indicatorsFor(f, kind).map((ind) => {
    const base = { code: ind.code, name: ind.name, class: ind.class, method: ind.method!, metric: ind.metric ?? null, weight: ind.weight };
    if (ind.method === "judged") {
      const j = judged[ind.code];
      return { ...base, metric: null, numerator: null, denominator: null, value: null, points: j ? f2(new Decimal(j.score)) : null, calc: j ? `${f2(new Decimal(j.score))} / ${ind.weight}` : "", evidence: j?.evidence ?? null };
    }
    const m = metrics[ind.metric!] ?? { numerator: "0", denominator: "0" };
    return { ...base, numerator: m.numerator, denominator: m.denominator, ...scoreComputed(ind, m.numerator, m.denominator) };
  });
  if (figures.some((x) => x.points === null)) return { figures, raw: null, final: null, grade: null, difficulty };
  const raw = figures.reduce((s, x) => s.plus(x.points!), new Decimal(0));
  const final = Decimal.min(100, raw.times(difficulty)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { figures, raw: f2(raw), final: f2(final), grade: gradeOf(f, f2(final)), difficulty };
}

/** Standard competition ranks (1, 2, 2, 4) by final score, highest first; null scores unranked. */
export function rankOf<T extends { final: string | null }>(rows: T[]): (number | null)[] {
  const scores = rows.map((r) => (r.final === null ? null : new Decimal(r.final)));
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o.gt(s)).length));
}
