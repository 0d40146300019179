import Link from "next/link";
import { listOrgOptions } from "@/lib/admin/queries";
import type { RawSearchParams } from "@/lib/admin/params";
import { PAGE_SIZES } from "@/lib/admin/params";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "@/lib/audit-actions";
import { auditActionLabel, auditDetail, auditObjectLabel, HIDDEN_OBJECT_IDS } from "@/lib/audit-labels";
import { listAuditLog, nameLookup, objectKey, parseAuditQuery, resolveAuditObjects } from "@/lib/audit-query";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import type { auditLogZh } from "@/lib/i18n/sections/audit.zh";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { Field } from "@/app/_components/field";
import { Card, cls, PageHeader } from "@/app/_components/ui";
import { AuditChanges } from "./changes";

export const generateMetadata = pageTitle("audit.title");

const FILTER_KEYS = ["user", "orgId", "from", "to", "objectType", "action"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("audit.read");
  const raw = await searchParams;
  const { filters, errors, page, pageSize } = parseAuditQuery(raw);
  const [t, locale, db] = await Promise.all([getT(), getLocale(), getDb()]);
  const [list, orgOptions] = await Promise.all([listAuditLog(db, actor, filters, page, pageSize), listOrgOptions(db, actor, "audit.read")]);
  const names = await resolveAuditObjects(db, list.rows);
  const nameOf = nameLookup(names);
  const ui = (k: keyof typeof auditLogZh.ui) => t(`auditLog.ui.${k}`);

  const exportQuery = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (v !== undefined && v !== "") exportQuery.set(k, String(v));
  }

  const columns: DataColumn[] = [
    { id: "at", header: t("audit.at"), className: "whitespace-nowrap tabular-nums align-top" },
    { id: "actor", header: t("audit.actor"), className: "whitespace-nowrap align-top" },
    { id: "action", header: t("audit.action"), className: "align-top" },
    { id: "object", header: t("audit.object"), className: "align-top min-w-40" },
    { id: "detail", header: t("audit.detail"), className: "align-top min-w-72" },
  ];
  const data: DataRow[] = list.rows.map((r) => {
    const ref = r.objectId ? names.get(objectKey(r.objectType, r.objectId)) : undefined;
    const typeLabel = auditObjectLabel(locale, r.objectType);
    return {
      key: String(r.id),
      cells: {
        at: formatDateTime(r.at),
        actor: (
          <span>
            {r.actorDisplayName ?? r.actorName ?? (r.actorOrgName ? "" : r.actorUserId == null ? ui("anonymous") : t("audit.system"))}
            {r.actorDisplayName && r.actorName && <span className="ml-1 text-xs text-slate-500">（{r.actorName}）</span>}
            {r.actorOrgName && <span className="block text-xs text-slate-500">{r.actorOrgName}</span>}
            {r.ip && <span className="block font-mono text-xs text-slate-400">{r.ip}</span>}
          </span>
        ),
        action: <span title={r.action}>{auditActionLabel(locale, r.action)}</span>,
        object: (
          <span>
            <span className="block text-xs text-slate-500">{typeLabel}</span>
            {ref ? (
              ref.href ? (
                <Link href={ref.href} className={cls.link}>
                  {ref.name}
                </Link>
              ) : (
                ref.name
              )
            ) : r.objectId && !HIDDEN_OBJECT_IDS.has(r.objectType) ? (
              <span className="text-slate-600">{r.objectId}</span>
            ) : null}
          </span>
        ),
        detail: <AuditChanges detail={auditDetail(locale, r, nameOf)} labels={{ field: ui("field"), before: ui("before"), after: ui("after"), added: ui("added"), removed: ui("removed"), changed: ui("changed"), step: ui("step"), noChange: ui("noChange") }} />,
      },
    };
  });

  const sortedActions = [...AUDIT_ACTIONS].sort((a, b) => a.localeCompare(b));
  const sortedTypes = [...AUDIT_OBJECT_TYPES].sort((a, b) => auditObjectLabel(locale, a).localeCompare(auditObjectLabel(locale, b), locale === "zh" ? "zh-CN" : "en"));
  const errorText = (k: "from" | "to") => (errors[k] ? [t(errors[k]!)] : undefined);

  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")}>
        <a href={`/admin/audit/export${exportQuery.size ? `?${exportQuery}` : ""}`} className={cls.button} download>
          {ui("export")}
        </a>
      </PageHeader>
      <Card>
        <form noValidate method="get" role="search" aria-label={t("common.filters")} className="mb-4 flex flex-wrap items-end gap-3">
          <Field id="filter-user" name="user" label={ui("filterUser")} type="search" defaultValue={filters.user ?? ""} placeholder={ui("userPlaceholder")} className="min-w-40" />
          <Field
            id="filter-orgId"
            name="orgId"
            label={ui("filterOrg")}
            options={orgOptions.map((o) => ({ value: String(o.id), label: `${"　".repeat(o.depth)}${o.name}` }))}
            placeholder={ui("filterAll")}
            defaultValue={filters.orgId ? String(filters.orgId) : ""}
            className="min-w-48 max-w-72"
          />
          <Field id="filter-from" name="from" label={ui("filterFrom")} type="date" defaultValue={filters.from ?? (typeof raw.from === "string" ? raw.from : "")} errors={errorText("from")} />
          <Field id="filter-to" name="to" label={ui("filterTo")} type="date" defaultValue={filters.to ?? (typeof raw.to === "string" ? raw.to : "")} errors={errorText("to")} />
          <Field
            id="filter-objectType"
            name="objectType"
            label={ui("filterObject")}
            options={sortedTypes.map((o) => ({ value: o, label: auditObjectLabel(locale, o) }))}
            placeholder={ui("filterAll")}
            defaultValue={filters.objectType ?? ""}
            className="min-w-36"
          />
          <Field
            id="filter-action"
            name="action"
            label={ui("filterAction")}
            options={sortedActions.map((a) => ({ value: a, label: auditActionLabel(locale, a) }))}
            placeholder={ui("filterAll")}
            defaultValue={filters.action ?? ""}
            className="min-w-48"
          />
          {pageSize !== 20 && <input type="hidden" name="pageSize" value={pageSize} />}
          <div className="flex gap-2">
            <button type="submit" className={cls.primary}>
              {ui("apply")}
            </button>
            <Link href="/admin/audit" className={cls.button}>
              {ui("reset")}
            </Link>
          </div>
        </form>
        <p className="mb-3 text-xs text-slate-500">{ui("dateNote")}</p>
        <DataTable query={raw} caption={t("audit.title")} columns={columns} rows={data} paging={{ total: list.total, capped: list.capped, page: list.page, pageSize, pageSizes: PAGE_SIZES }} />
      </Card>
    </>
  );
}
