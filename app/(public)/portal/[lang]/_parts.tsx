import Decimal from "decimal.js";
import type { ReactNode } from "react";

/** A GET form control's label and field, stacked (the portal's forms work without JavaScript). */
export function Labeled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

export const field = "h-9 rounded-sm border border-slate-500 bg-white px-2 text-sm text-slate-900 focus:outline-none focus:ring-2 focus:ring-navy/40";
export const submit = "h-9 rounded-sm border border-accent bg-accent px-4 text-sm font-medium text-white hover:bg-accent-dark";
export const linkCls = "text-navy underline underline-offset-4 hover:text-accent";

/**
 * A bar chart that is also a table: each row's label, its figures, and a bar whose length is its
 * share of the largest. Screen readers read the table; the bars are decoration (aria-hidden).
 */
export function BarTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: [string, string, string];
  rows: { key: string; label: ReactNode; count: number; amount: string; amountText: string }[];
}) {
  const top = rows.reduce((m, r) => Decimal.max(m, new Decimal(r.amount)), new Decimal(0));
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="mb-2 text-left text-base font-semibold text-slate-900">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-400 text-left">
          <th scope="col" className="py-1.5 pr-3 font-semibold">
            {head[0]}
          </th>
          <th scope="col" className="w-16 py-1.5 pr-3 text-right font-semibold">
            {head[1]}
          </th>
          <th scope="col" className="py-1.5 font-semibold">
            {head[2]}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const pct = top.gt(0) ? new Decimal(r.amount).div(top).times(100).toDecimalPlaces(1).toNumber() : 0;
          return (
            <tr key={r.key} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                {r.label}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{r.count}</td>
              <td className="py-2">
                <div className="flex items-center gap-2">
                  <span className="w-28 shrink-0 text-right tabular-nums">{r.amountText}</span>
                  <span aria-hidden="true" className="block min-w-16 flex-1">
                    <span className="block h-3 rounded-sm bg-accent print:border print:border-slate-800" style={{ width: `${Math.max(pct, 1)}%` }} />
                  </span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
