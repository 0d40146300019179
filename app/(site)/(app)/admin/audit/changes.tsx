import type { AuditDetail } from "@/lib/audit-labels";

interface Labels {
  field: string;
  before: string;
  after: string;
  added: string;
  removed: string;
  changed: string;
  step: string;
  noChange: string;
}

function ChangeTable({ rows, labels }: { rows: AuditDetail["rows"]; labels: Labels }) {
  const hasBefore = rows.some((r) => r.before !== null);
  return (
    <table className="w-full border-collapse text-xs">
      <thead>
        <tr className="text-left text-slate-500">
          <th scope="col" className="py-0.5 pr-2 font-normal">{labels.field}</th>
          {hasBefore && <th scope="col" className="py-0.5 pr-2 font-normal">{labels.before}</th>}
          <th scope="col" className="py-0.5 font-normal">{labels.after}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field} className="border-t border-slate-100 align-top">
            <th scope="row" className="whitespace-nowrap py-0.5 pr-2 text-left font-medium text-slate-700">{r.label}</th>
            {hasBefore && <td className="py-0.5 pr-2 break-words text-slate-500 line-through decoration-slate-300">{r.before ?? ""}</td>}
            <td className="py-0.5 break-words text-slate-800">{r.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** before → after of one audit row: the changed fields with their labels; a wizard save's indicators. */
export function AuditChanges({ detail, labels }: { detail: AuditDetail; labels: Labels }) {
  const ind = detail.indicators;
  const nothing = !detail.rows.length && !(ind && (ind.added.length || ind.removed.length || ind.changed.length));
  return (
    <div className="max-w-xl space-y-1">
      {detail.step !== undefined && <p className="text-xs font-medium text-slate-600">{labels.step.replace("{n}", String(detail.step))}</p>}
      {detail.rows.length > 0 && <ChangeTable rows={detail.rows} labels={labels} />}
      {ind && ind.added.length > 0 && (
        <p className="text-xs">
          <span className="text-slate-500">{labels.added}：</span>
          {ind.added.join("、")}
        </p>
      )}
      {ind && ind.removed.length > 0 && (
        <p className="text-xs">
          <span className="text-slate-500">{labels.removed}：</span>
          {ind.removed.join("、")}
        </p>
      )}
      {ind?.changed.map((c) => (
        <div key={c.name}>
          <p className="text-xs text-slate-500">
            {labels.changed}「{c.name}」
          </p>
          <ChangeTable rows={c.rows} labels={labels} />
        </div>
      ))}
      {nothing && detail.step !== undefined && <p className="text-xs text-slate-400">{labels.noChange}</p>}
    </div>
  );
}
