import type { ObjectiveSheet, SheetCell } from "@/lib/objective/table-layout";

const TH = "border border-slate-700 bg-slate-50 px-2 py-1.5 text-center font-semibold text-slate-900 align-middle break-words";
const CELL = "border border-slate-700 px-2 py-1.5 break-words";
const TD = `${CELL} align-top`;
const CLS: Record<SheetCell["kind"], string> = {
  label: TH,
  head: TH,
  group: `${CELL} text-center align-middle`,
  value: TD,
  center: `${TD} text-center tabular-nums`,
};

function Cell({ c }: { c: SheetCell }) {
  const body = (
    <>
      {c.text && (c.strong && c.kind !== "group" ? <strong>{c.text}</strong> : c.pre ? <span className="whitespace-pre-wrap">{c.text}</span> : c.text)}
      {c.note && <span className="block whitespace-pre-wrap text-xs text-slate-600">{c.note}</span>}
    </>
  );
  const props = {
    colSpan: c.colSpan && c.colSpan > 1 ? c.colSpan : undefined,
    rowSpan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : undefined,
    className: `${CLS[c.kind]}${c.kind === "group" && c.strong ? " font-medium" : ""}`,
    "data-testid": c.testId,
  };
  if (c.kind === "label") return <th scope={c.rowSpan && c.rowSpan > 1 ? "rowgroup" : "row"} {...props}>{body}</th>;
  if (c.kind === "head") return <th scope={c.colSpan && c.colSpan > 1 ? "colgroup" : "col"} {...props}>{body}</th>;
  return <td {...props}>{body}</td>;
}

/**
 * The 绩效目标表 as HTML: the one model (lib/objective/table-layout.ts) drawn cell by cell, with the
 * same spans the Excel export merges. On a narrow screen the table keeps its columns and scrolls
 * sideways inside its own box (`.sheet-scroll`); printed, it fits the page.
 */
export function ObjectiveSheetView({ sheet, testId }: { sheet: ObjectiveSheet; testId: string }) {
  return (
    <div className="print-sheet">
      <h2 className="text-center text-xl font-bold tracking-widest text-slate-900">{sheet.title}</h2>
      <p className="mb-3 text-center text-slate-700">{sheet.subtitle}</p>
      <div className="sheet-scroll" role="region" aria-label={sheet.title} tabIndex={0}>
        <table className="sheet-table w-full table-fixed border-collapse border border-slate-800 bg-white text-sm leading-relaxed" data-testid={testId}>
          <colgroup>
            {sheet.columns.map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
          <tbody>
            {sheet.rows.map((r, i) => (
              <tr key={i} data-testid={r.indicator ? "indicator-row" : undefined} data-ordinal={r.indicator?.ordinal ?? undefined}>
                {r.cells.map((c, j) => (
                  <Cell key={j} c={c} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
