import Decimal from "decimal.js";
import type { ReactNode } from "react";
import { OptionsSelect } from "./options-select";

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

export const field = "portal-field";
export const submit = "h-9 rounded-sm border border-accent bg-accent px-4 text-sm font-medium text-white hover:bg-accent-dark";
export const linkCls = "portal-link";

/** A labelled select of a GET filter form; `all` adds a first "all" option with an empty value. */
export function LabeledSelect({
  id,
  label,
  name,
  defaultValue,
  all,
  options,
}: {
  id: string;
  label: string;
  name: string;
  defaultValue: string | number | undefined;
  all?: string;
  options: readonly (readonly [string | number, string])[];
}) {
  return (
    <Labeled id={id} label={label}>
      <OptionsSelect id={id} name={name} defaultValue={defaultValue} className={field} options={all ? [["", all], ...options] : options} />
    </Labeled>
  );
}

/** A region's option label: its name indented by its depth below the province. */
export function regionOption(r: { id: number; path: string; name: string }): readonly [number, string] {
  return [r.id, "\u3000".repeat(Math.max(0, r.path.split("/").filter(Boolean).length - 1)) + r.name];
}

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
  // Cell styles are in globals.css (.bar-table): written once there, not on every row of a cached page.
  return (
    <table className="bar-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head[0]}</th>
          <th scope="col" className="num">
            {head[1]}
          </th>
          <th scope="col">{head[2]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const pct = top.gt(0) ? new Decimal(r.amount).div(top).times(100).toDecimalPlaces(1).toNumber() : 0;
          return (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.count}</td>
              <td>
                <div>
                  <span className="num">{r.amountText}</span>
                  <span aria-hidden="true">
                    <span style={{ width: `${Math.max(pct, 1)}%` }} />
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
