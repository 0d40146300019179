import Link from "next/link";
import { CHANGE_KINDS, CHANGE_STATUSES } from "@/db/schema/enums";
import { PAGE_SIZES, parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { indicatorChangeWorkflow } from "@/lib/workflow/machines";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { evidenceOf, listChangeRequests, mayReadEvidence, readsAllChanges } from "@/lib/indicator/page-queries";
import { changeListParams } from "@/lib/indicator/params";
import { pageTitle } from "@/lib/page-title";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar } from "@/app/_components/filter-bar";
import { Badge, Card, cls, Disclosure, PageHeader } from "@/app/_components/ui";
import { EvidenceUpload } from "../evidence-upload";
import { ChangeContent } from "./change-content";
import { DecideForm } from "./decide-form";

export const generateMetadata = pageTitle("bank.changes.title");

const STATUS_TONE = { pending: "amber", approved: "green", rejected: "red" } as const;
const time = (d: Date | string) => formatDateTime(d).slice(0, 16);
const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export default async function ChangeRequestsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("project.read");
  const raw = await searchParams;
  const params = parseSearchParams(changeListParams, raw);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const canPropose = hasPermission(actor.roles, "indicator.propose");
  const { rows, total, page } = await listChangeRequests(db, actor, params);
  const evidence = await evidenceOf(
    db,
    rows.map((x) => x.r.id),
  );

  const columns: DataColumn[] = [
    { id: "request", header: t("bank.changes.request"), className: "w-56" },
    { id: "what", header: t("bank.changes.what"), className: "min-w-80" },
    { id: "evidence", header: t("bank.changes.evidence"), className: "min-w-40" },
    { id: "decision", header: t("bank.changes.decision"), className: "w-64" },
  ];
  const data: DataRow[] = rows.map((row) => {
    const { r } = row;
    const files = evidence.filter((e) => e.requestId === r.id);
    const readable = mayReadEvidence(actor, r.proposerOrgId);
    const ownPending = canPropose && r.status === "pending" && r.proposerOrgId === actor.orgId;
    // The decide buttons are the change workflow's: what available() offers this reader on this request.
    const events = indicatorChangeWorkflow.available(actor, { id: r.id, state: r.status, version: r.version, orgPath: row.orgPath, regionPath: row.regionPath });
    return {
      key: String(r.id),
      cells: {
        request: (
          <div className="space-y-1" data-testid={`request-${r.id}`}>
            <p className="font-medium">
              {t("bank.changes.requestNo", { id: r.id })} <Badge tone="navy">{t(`bank.changes.kindLabel.${r.kind}`)}</Badge>
            </p>
            <p className="text-xs text-slate-600">{t("bank.changes.proposedBy", { name: row.proposer, org: row.proposerOrg })}</p>
            <p className="text-xs tabular-nums text-slate-500">{time(r.createdAt)}</p>
            <p className="whitespace-pre-wrap">
              <span className="text-slate-500">{t("bank.changes.reasonLabel")}</span>
              {r.reason}
            </p>
          </div>
        ),
        what: <ChangeContent row={row} t={t} />,
        evidence: (
          <div className="space-y-2">
            {files.length === 0 ? (
              <p className="text-slate-500">{t("bank.evidence.none")}</p>
            ) : (
              <ul className="space-y-1">
                {files.map((f) => (
                  <li key={f.id} className="break-all">
                    {readable ? (
                      <a href={`/api/indicators/evidence/${f.id}`} className={cls.link} download aria-label={t("bank.evidence.download", { name: f.filename })}>
                        {f.filename}
                      </a>
                    ) : (
                      f.filename
                    )}
                    <span className="ml-1 text-xs text-slate-500 tabular-nums">{kb(f.size)}</span>
                  </li>
                ))}
              </ul>
            )}
            {ownPending && (
              <Disclosure label={t("bank.evidence.upload")}>
                <EvidenceUpload requestId={r.id} />
              </Disclosure>
            )}
          </div>
        ),
        decision:
          events.length > 0 ? (
            <DecideForm requestId={r.id} version={r.version} events={events} />
          ) : (
            <div className="space-y-1">
              <Badge tone={STATUS_TONE[r.status]}>{t(`bank.changes.statusLabel.${r.status}`)}</Badge>
              {r.decidedAt && <p className="text-xs text-slate-500">{t("bank.changes.decidedBy", { name: row.decider ?? "—", at: time(r.decidedAt) })}</p>}
              {r.decisionReason && (
                <p className="whitespace-pre-wrap">
                  <span className="text-slate-500">{t("bank.changes.decisionReason")}</span>
                  {r.decisionReason}
                </p>
              )}
            </div>
          ),
      },
    };
  });

  return (
    <>
      <PageHeader title={t("bank.changes.title")} subtitle={readsAllChanges(actor) ? t("bank.changes.subtitle") : t("bank.changes.subtitleOwn")}>
        <Link href="/indicators" className={cls.button}>
          {t("bank.backToBank")}
        </Link>
      </PageHeader>
      <Card>
        <FilterBar
          filters={[
            { name: "status", label: t("bank.changes.filterStatus"), options: CHANGE_STATUSES.map((s) => ({ value: s, label: t(`bank.changes.statusLabel.${s}`) })) },
            { name: "kind", label: t("bank.changes.filterKind"), options: CHANGE_KINDS.map((k) => ({ value: k, label: t(`bank.changes.kindLabel.${k}`) })) },
          ]}
          values={{ status: params.status ?? "", kind: params.kind ?? "" }}
        />
        <DataTable
          query={raw}
          caption={t("bank.changes.title")}
          columns={columns}
          rows={data}
          emptyText={t("bank.changes.empty")}
          paging={{ total, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
        />
      </Card>
    </>
  );
}
