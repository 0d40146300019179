import Link from "next/link";
import type { Translate } from "@/lib/i18n";
import type { ChangeRow } from "@/lib/indicator/page-queries";
import { cls } from "@/app/_components/ui";
import { FIELD_KEYS, proposedValues, sameValue, showField, valuesOf } from "../fields";

const TH = "border border-slate-300 bg-slate-100 px-2 py-1 text-left font-semibold whitespace-nowrap";
const TD = "border border-slate-200 px-2 py-1 align-top";

function IndicatorLink({ code, name }: { code: string; name?: string | null }) {
  return (
    <Link href={`/indicators/${encodeURIComponent(code)}`} className={cls.link}>
      <span className="font-mono text-xs">{code}</span> {name}
    </Link>
  );
}

/**
 * What a request changes. Add: the proposed fields. Adjust: the fields that differ, before → after,
 * against the current version while pending (against the version it was based on once decided).
 * Retire: the indicator.
 */
export function ChangeContent({ row, t }: { row: ChangeRow; t: Translate }) {
  const { r, current, base } = row;
  const proposed = proposedValues(r.proposed);

  if (r.kind === "add") {
    return (
      <div className="space-y-1">
        {row.publishedCode && (
          <p>
            {t("bank.changes.addedAs")}
            <IndicatorLink code={row.publishedCode} />
          </p>
        )}
        <table className="w-full border-collapse text-xs">
          <tbody>
            <tr>
              <th scope="row" className={TH}>{t("bank.field.sector")}</th>
              <td className={TD}>{proposed?.sector ?? t("bank.none")}</td>
            </tr>
            {FIELD_KEYS.map((k) => (
              <tr key={k}>
                <th scope="row" className={TH}>{t(`bank.field.${k}`)}</th>
                <td className={`${TD} whitespace-pre-wrap`}>{showField(k, proposed?.[k], t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  const code = r.indicatorCode ?? "";
  if (!current) return <p className="text-red-800">{t("bank.changes.indicatorMissing", { code })}</p>;
  const stale = r.status === "pending" && r.baseVersion !== current.version;
  const staleNote = stale && (
    <p role="note" className="rounded-sm border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
      {t("bank.changes.staleBase", { base: r.baseVersion ?? "?", current: current.version })}
    </p>
  );

  if (r.kind === "retire") {
    return (
      <div className="space-y-1">
        <p>
          {t("bank.changes.retireWhat", { n: r.status === "pending" ? current.version : (r.baseVersion ?? current.version) })}
          <IndicatorLink code={code} name={current.name} />
        </p>
        {staleNote}
      </div>
    );
  }

  const against = r.status === "pending" ? current : (base ?? current);
  const before = valuesOf(against);
  const changed = FIELD_KEYS.filter((k) => proposed && k in proposed && !sameValue(before[k], proposed[k]));
  return (
    <div className="space-y-1">
      <p>
        <IndicatorLink code={code} name={current.name} />
      </p>
      {staleNote}
      {changed.length === 0 ? (
        <p className="text-slate-500">{t("bank.changes.noChange")}</p>
      ) : (
        <table className="w-full border-collapse text-xs" data-testid={`diff-${r.id}`}>
          <thead>
            <tr>
              <th scope="col" className={TH}>{t("bank.changes.field")}</th>
              <th scope="col" className={TH}>{t("bank.changes.before", { n: against.version })}</th>
              <th scope="col" className={TH}>{t("bank.changes.after")}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((k) => (
              <tr key={k}>
                <th scope="row" className={`${TH} bg-slate-50 font-normal`}>{t(`bank.field.${k}`)}</th>
                <td className={`${TD} whitespace-pre-wrap text-slate-500 ${sameValue(before[k], null) ? "" : "line-through decoration-slate-400"}`}>{showField(k, before[k], t)}</td>
                <td className={`${TD} whitespace-pre-wrap bg-amber-50 font-medium text-amber-900`}>{showField(k, proposed?.[k], t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
