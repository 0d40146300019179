import { auditFilterChoices, listAudit } from "@/lib/admin/queries";
import { auditListParams, parseSearchParams, PAGE_SIZES, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar } from "@/app/_components/filter-bar";
import { Card, PageHeader } from "@/app/_components/ui";

export const generateMetadata = pageTitle("audit.title");

/** A before/after JSON value on one line, shortened for the table. */
function compact(value: unknown, max = 240): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("audit.read");
  const params = parseSearchParams(auditListParams, await searchParams);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const [{ rows, total, page }, choices] = await Promise.all([listAudit(db, actor, params), auditFilterChoices(db, actor)]);

  const columns: DataColumn[] = [
    { id: "at", header: t("audit.at"), className: "whitespace-nowrap tabular-nums" },
    { id: "actor", header: t("audit.actor"), className: "whitespace-nowrap" },
    { id: "action", header: t("audit.action"), className: "whitespace-nowrap font-mono text-[13px]" },
    { id: "object", header: t("audit.object"), className: "whitespace-nowrap font-mono text-[13px]" },
    { id: "detail", header: t("audit.detail"), className: "max-w-xl break-all font-mono text-xs text-slate-600" },
  ];
  const data: DataRow[] = rows.map((r) => ({
    key: String(r.id),
    cells: {
      at: formatDateTime(r.at),
      actor: (
        <span>
          {r.actorName ?? (r.actorOrgName ? "" : t("audit.system"))}
          {r.actorOrgName && <span className="block text-xs text-slate-500">{r.actorOrgName}</span>}
          {r.ip && <span className="block font-mono text-xs text-slate-400">{r.ip}</span>}
        </span>
      ),
      action: r.action,
      object: r.objectId ? `${r.objectType} #${r.objectId}` : r.objectType,
      detail: (
        <>
          {r.before != null && (
            <span className="block">
              <span className="text-slate-400">{t("audit.before")}</span>
              {compact(r.before)}
            </span>
          )}
          {r.after != null && (
            <span className="block">
              <span className="text-slate-400">{t("audit.after")}</span>
              {compact(r.after)}
            </span>
          )}
        </>
      ),
    },
  }));

  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      <Card>
        <FilterBar
          values={{ action: params.action, objectType: params.objectType }}
          filters={[
            { name: "action", label: t("audit.filterAction"), options: choices.actions.map((a) => ({ value: a, label: a })) },
            { name: "objectType", label: t("audit.filterObject"), options: choices.objectTypes.map((o) => ({ value: o, label: o })) },
          ]}
        />
        <DataTable
          caption={t("audit.title")}
          columns={columns}
          rows={data}
          paging={{ total, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
        />
      </Card>
    </>
  );
}
