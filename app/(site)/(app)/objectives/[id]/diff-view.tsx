import type { ReactNode } from "react";
import type { FundSource } from "@/db/schema/enums";
import type { Translate } from "@/lib/i18n";
import { isEmptyDiff, type DeclarationDiff, type DiffField, type IndicatorDiffField, type Scalar } from "@/lib/objective/diff";
import { trimDecimal } from "@/lib/format";
import { wan } from "@/lib/project/money";
import { Badge } from "@/app/_components/ui";
import { targetText } from "./declaration-table";

const TH = "border border-slate-300 bg-slate-100 px-2 py-1.5 text-left font-semibold whitespace-nowrap";
const TD = "border border-slate-200 px-2 py-1.5 align-top";
const TONE = { added: "green", removed: "red", changed: "amber" } as const;

const FIELD_LABEL: Record<DiffField, Parameters<Translate>[0]> = {
  name: "review.fields.name",
  category: "review.fields.category",
  startYear: "review.fields.startYear",
  endYear: "review.fields.endYear",
  policyBasis: "review.fields.policyBasis",
  contactName: "review.fields.contact",
  contactPhone: "review.fields.contactPhone",
  servesPublic: "review.fields.servesPublic",
  requestedAmount: "review.fields.amount",
  fundUses: "review.fields.fundUses",
  overallGoal: "review.fields.overallGoal",
  annualGoal: "review.fields.annualGoal",
};

const INDICATOR_FIELD_LABEL: Record<IndicatorDiffField, Parameters<Translate>[0]> = {
  fundUse: "review.fundUse",
  comparison: "review.valueHead",
  annualTarget: "review.annualHead",
  periodTarget: "review.periodHead",
  unit: "review.unitHead",
  weight: "review.weightHead",
  explanation: "review.explainHead",
  formula: "review.formula",
  indicatorId: "review.bankSource",
  customReason: "review.customReason",
  changeReason: "yoy.compare.reason",
};

function show(field: DiffField, v: Scalar, t: Translate): ReactNode {
  if (v === null || v === "") return <span className="text-slate-400">{t("review.empty")}</span>;
  if (field === "requestedAmount") return wan(String(v));
  if (field === "category") return t(`pool.categoryLabel.${v as "special_fund"}`);
  if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
  return <span className="whitespace-pre-wrap">{String(v)}</span>;
}

/** The comparison of two versions: what changed in the fields, fund sources, plan and indicator rows. */
export function DiffView({ diff, a, b, t }: { diff: DeclarationDiff; a: number; b: number; t: Translate }) {
  if (isEmptyDiff(diff)) return <p className="py-2 text-slate-600">{t("review.diffNone")}</p>;
  const before = t("review.diffBefore", { n: a });
  const after = t("review.diffAfter", { n: b });
  const kind = (k: keyof typeof TONE) => <Badge tone={TONE[k]}>{t(k === "added" ? "review.diffAdded" : k === "removed" ? "review.diffRemoved" : "review.diffChanged")}</Badge>;
  return (
    <div className="space-y-4" data-testid="version-diff">
      {(diff.fields.length > 0 || diff.funding.length > 0 || diff.plan.length > 0) && (
        <table className="w-full border-collapse text-sm">
          <caption className="mb-1 text-left font-semibold text-slate-700">{t("review.diffFields")}</caption>
          <thead>
            <tr>
              <th scope="col" className={`${TH} w-40`}>{t("review.diffField")}</th>
              <th scope="col" className={`${TH} w-20`} />
              <th scope="col" className={TH}>{before}</th>
              <th scope="col" className={TH}>{after}</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.field}>
                <th scope="row" className={`${TD} text-left font-normal`}>{t(FIELD_LABEL[f.field])}</th>
                <td className={TD}>{kind("changed")}</td>
                <td className={`${TD} bg-red-50/50`}>{show(f.field, f.before, t)}</td>
                <td className={`${TD} bg-emerald-50/50`}>{show(f.field, f.after, t)}</td>
              </tr>
            ))}
            {diff.funding.map((f) => (
              <tr key={`f-${f.source}-${f.year}`}>
                <th scope="row" className={`${TD} text-left font-normal`}>
                  {t("review.diffFundingRow")}：{t(`pool.fundSourceLabel.${f.source as FundSource}`)} · {t("review.fields.fundingYear", { year: f.year })}
                </th>
                <td className={TD}>{kind(f.kind)}</td>
                <td className={`${TD} tabular-nums`}>{f.before ? wan(f.before) : "—"}</td>
                <td className={`${TD} tabular-nums`}>{f.after ? wan(f.after) : "—"}</td>
              </tr>
            ))}
            {diff.plan.map((p, i) => (
              <tr key={`p-${i}`}>
                <th scope="row" className={`${TD} text-left font-normal`}>
                  {t("review.diffPlanRow")}：{p.start === p.end ? p.start : `${p.start} — ${p.end}`}
                </th>
                <td className={TD}>{kind(p.kind)}</td>
                <td className={`${TD} whitespace-pre-wrap`}>{p.before ?? "—"}</td>
                <td className={`${TD} whitespace-pre-wrap`}>{p.after ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.indicators.length > 0 && (
        <table className="w-full border-collapse text-sm">
          <caption className="mb-1 text-left font-semibold text-slate-700">{t("review.diffIndicators")}</caption>
          <thead>
            <tr>
              <th scope="col" className={TH}>{t("review.level1Head")} / {t("review.level2Head")}</th>
              <th scope="col" className={TH}>{t("review.level3Head")}</th>
              <th scope="col" className={`${TH} w-20`} />
              <th scope="col" className={TH}>{before}</th>
              <th scope="col" className={TH}>{after}</th>
            </tr>
          </thead>
          <tbody>
            {diff.indicators.map((c, i) => (
              <tr key={i}>
                <td className={`${TD} whitespace-nowrap`}>
                  {t(`review.level1.${c.level1}`)} / {t(`review.level2.${c.level2}`)}
                </td>
                <td className={TD}>{c.name}</td>
                <td className={TD}>{kind(c.kind)}</td>
                <td className={`${TD} ${c.before ? "bg-red-50/50" : ""}`}>{c.before && <IndicatorSummary row={c.before} fields={c.kind === "changed" ? c.fields : null} t={t} />}</td>
                <td className={`${TD} ${c.after ? "bg-emerald-50/50" : ""}`}>{c.after && <IndicatorSummary row={c.after} fields={c.kind === "changed" ? c.fields : null} t={t} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

type Row = NonNullable<DeclarationDiff["indicators"][number]["before"]>;

/** An indicator row in brief; for a changed row only the fields that changed. */
function IndicatorSummary({ row, fields, t }: { row: Row; fields: IndicatorDiffField[] | null; t: Translate }) {
  const all: IndicatorDiffField[] = ["annualTarget", "periodTarget", "unit", "weight"];
  const shown = fields ?? all;
  const value = (f: IndicatorDiffField): string => {
    if (f === "annualTarget") return targetText(row, "annual", t);
    if (f === "periodTarget") return targetText(row, "period", t);
    if (f === "comparison") return t(`review.comparison.${row.comparison}`);
    if (f === "indicatorId") return row.indicatorId ? `#${row.indicatorId}` : t("review.custom");
    if (f === "weight") return row.weight ? trimDecimal(row.weight) : "—";
    const v = row[f];
    return v === null || v === undefined || v === "" ? "—" : String(v);
  };
  return (
    <ul className="space-y-0.5">
      {shown.map((f) => (
        <li key={f}>
          <span className="text-slate-500">{t(INDICATOR_FIELD_LABEL[f]).replace(/[：:]\s*$/, "")}：</span>
          <span className="whitespace-pre-wrap">{value(f)}</span>
        </li>
      ))}
    </ul>
  );
}
