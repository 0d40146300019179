import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatDateTime, trimDecimal } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { indicatorRequests, isProvincialFinance, orgName, userNames } from "@/lib/indicator/page-queries";
import { indicatorHistory, indicatorUsage } from "@/lib/indicator/queries";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { auditDetail, auditLabel, referencesOf, sameValue, showField, valuesOf, type FieldKey } from "../fields";
import { CommonActions, OwnerActions } from "./indicator-actions";

export async function generateMetadata() {
  return { title: (await getT())("bank.detail.title") };
}

const TH = "border border-slate-300 bg-slate-100 px-2 py-1.5 text-left font-semibold whitespace-nowrap";
const TD = "border border-slate-200 px-2 py-1.5 align-top";
const time = (d: Date | string | null) => (d ? formatDateTime(d).slice(0, 16) : "—");
const STATUS_TONE = { pending: "amber", approved: "green", rejected: "red" } as const;

function safeDecode(v: string): string | null {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
}


export default async function IndicatorPage({ params }: { params: Promise<{ code: string }> }) {
  const actor = await requireActor("project.read");
  const code = safeDecode((await params).code);
  if (!code || code.length > 40) notFound();
  const [t, db] = await Promise.all([getT(), getDb()]);
  const history = await indicatorHistory(db, code);
  const current = history.versions.find((v) => v.isCurrent) ?? history.versions[0];
  if (!current) notFound();
  const [usage, { requests, requestTrail }, owner] = await Promise.all([indicatorUsage(db, code), indicatorRequests(db, code), orgName(db, current.ownerOrgId)]);
  const trail = [...history.trail, ...requestTrail].sort((a, b) => b.id - a.id);
  const names = await userNames(db, trail.map((a) => a.actorUserId));

  const values = valuesOf(current);
  const ref = referencesOf(current.referenceValues);
  const active = current.status === "active";
  const isOwner = hasPermission(actor.roles, "indicator.propose") && current.kind === "sector" && current.ownerOrgId === actor.orgId;
  const keepsCommon = hasPermission(actor.roles, "indicator.manage") && isProvincialFinance(actor) && current.kind === "common";
  const pendingIds = requests.filter((x) => x.r.status === "pending").map((x) => x.r.id);

  const info: [string, ReactNode, boolean?][] = [
    [t("bank.code"), <span key="c" className="font-mono">{current.code}</span>],
    [t("bank.name"), current.name],
    [t("bank.level1"), t(`wizard.level1.${current.level1}`)],
    [t("bank.level2"), t(`wizard.level2.${current.level2}`)],
    [t("bank.kind"), t(`bank.kindLabel.${current.kind}`)],
    [t("bank.sector"), current.sector ?? t("bank.commonSector")],
    [t("bank.unit"), current.unit ?? t("bank.none")],
    [t("bank.comparison"), t(`wizard.comparison.${current.comparison}`)],
    [t("bank.field.subjectKinds"), showField("subjectKinds", values.subjectKinds, t)],
    [t("bank.owner"), owner ?? t("bank.none")],
    [t("bank.status"), <Badge key="s" tone={active ? "green" : "red"}>{t(`bank.statusLabel.${current.status}`)}</Badge>],
    [t("bank.version"), `${t("bank.versionNo", { n: current.version })} · ${time(current.createdAt)}`],
    [t("bank.field.explanation"), current.explanation ?? t("bank.none"), true],
    [t("bank.field.formula"), current.formula ?? t("bank.none"), true],
    [t("bank.field.scoringRule"), current.scoringRule ?? t("bank.none"), true],
  ];

  return (
    <>
      <PageHeader title={current.name} subtitle={`${t("bank.detail.title")} · ${current.code} · ${t("bank.versionNo", { n: current.version })}`}>
        <div className="flex flex-wrap gap-2">
          <Link href="/indicators/changes" className={cls.button}>
            {t("bank.changesLink")}
          </Link>
          <Link href="/indicators" className={cls.button}>
            {t("bank.backToBank")}
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-5">
        {!active && <p className="rounded-sm border border-red-300 bg-red-50 px-3 py-2 text-red-900">{t("bank.detail.retiredNotice")}</p>}
        {pendingIds.length > 0 && (isOwner || keepsCommon || hasPermission(actor.roles, "indicator.manage")) && (
          <p className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            {t("bank.detail.pendingNotice", { ids: pendingIds.join("、") })}{" "}
            <Link href="/indicators/changes?status=pending" className={cls.link}>
              {t("bank.changesLink")}
            </Link>
          </p>
        )}

        <Card title={`${t("bank.detail.basic")}（${t("bank.detail.current")}）`}>
          <dl className="grid gap-x-6 border-t border-slate-200 sm:grid-cols-2">
            {info.map(([label, value, wide]) => (
              <div key={label} className={`flex gap-3 border-b border-slate-200 py-2 ${wide ? "sm:col-span-2" : ""}`}>
                <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
                <dd className="min-w-0 whitespace-pre-wrap text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          <h3 className="mt-4 mb-2 font-semibold text-slate-800">{t("bank.detail.references")}</h3>
          <table className="w-full max-w-2xl border-collapse text-sm" data-testid="references">
            <thead>
              <tr>
                <th scope="col" className={TH}>{t("bank.field.referenceHistorical")}</th>
                <th scope="col" className={TH}>{t("bank.field.referenceStandard")}</th>
                <th scope="col" className={TH}>{t("bank.field.referencePlan")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                {[ref.historical, ref.standard, ref.plan].map((v, i) => (
                  <td key={i} className={`${TD} tabular-nums`}>
                    {v ? `${v}${current.unit ? ` ${current.unit}` : ""}` : t("bank.none")}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </Card>

        {active && (isOwner || keepsCommon) && (
          <Card title={t("bank.detail.actions")}>
            {isOwner && <p className="mb-3 text-slate-600">{t("bank.detail.ownerHint")}</p>}
            {isOwner ? (
              <OwnerActions code={current.code} version={current.version} name={current.name} initial={values} />
            ) : (
              <CommonActions code={current.code} version={current.version} name={current.name} initial={values} />
            )}
          </Card>
        )}

        <Card title={t("bank.detail.usage")}>
          <p className="mb-3 text-xs text-slate-500">{t("bank.detail.usageHint")}</p>
          <UsageTable usage={usage} t={t} />
        </Card>

        <Card title={t("bank.detail.history")}>
          <Versions versions={history.versions} t={t} />
        </Card>

        <Card title={t("bank.detail.changes")}>
          <Requests requests={requests} t={t} />
          <h3 className="mt-5 mb-2 font-semibold text-slate-800">{t("bank.detail.trail")}</h3>
          <Trail trail={trail} names={names} t={t} />
        </Card>
      </div>
    </>
  );
}

function UsageTable({ usage, t }: { usage: Awaited<ReturnType<typeof indicatorUsage>>; t: Translate }) {
  if (!usage.length) return <p className="py-2 text-slate-500">{t("bank.detail.usageEmpty")}</p>;
  const num = (v: string | null) => (v === null ? t("bank.none") : trimDecimal(v));
  return (
    <table className="w-full border-collapse text-sm" data-testid="usage">
      <thead>
        <tr>
          <th scope="col" className={TH}>{t("bank.detail.fiscalYear")}</th>
          <th scope="col" className={`${TH} text-right`}>{t("bank.detail.objectives")}</th>
          <th scope="col" className={`${TH} text-right`}>{t("bank.detail.numericTargets")}</th>
          <th scope="col" className={`${TH} text-right`}>{t("bank.detail.q1")}</th>
          <th scope="col" className={`${TH} text-right`}>{t("bank.detail.median")}</th>
          <th scope="col" className={`${TH} text-right`}>{t("bank.detail.q3")}</th>
        </tr>
      </thead>
      <tbody>
        {usage.map((u) => (
          <tr key={u.fiscal_year} className="tabular-nums">
            <td className={TD}>{u.fiscal_year}</td>
            <td className={`${TD} text-right`}>{u.objectives}</td>
            <td className={`${TD} text-right`}>{u.numeric_targets}</td>
            <td className={`${TD} text-right`}>{num(u.q1)}</td>
            <td className={`${TD} text-right`}>{num(u.median)}</td>
            <td className={`${TD} text-right`}>{num(u.q3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const WRAPS = new Set<FieldKey>(["name", "explanation", "formula", "scoringRule", "subjectKinds"]);

type VersionRow = Awaited<ReturnType<typeof indicatorHistory>>["versions"][number];

/** Every version with all its fields; a field that differs from the version before it is highlighted. */
function Versions({ versions, t }: { versions: VersionRow[]; t: Translate }) {
  const vals = versions.map((v) => valuesOf(v));
  /** One field of version i, labelled or not, marked when it changed from the version before. */
  const item = (k: FieldKey, i: number, labelled = false) => {
    const older = vals[i + 1];
    const changed = older !== undefined && !sameValue(vals[i][k], older[k]);
    return (
      <span key={k} className={`block ${WRAPS.has(k) ? "whitespace-pre-wrap" : "whitespace-nowrap"} ${changed ? "bg-amber-100 font-medium text-amber-900" : ""}`} title={changed ? t("bank.detail.changedField") : undefined}>
        {labelled && <span className="text-slate-500">{t(`bank.field.${k}`)}：</span>}
        {showField(k, vals[i][k], t)}
      </span>
    );
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="versions">
        <thead>
          <tr>
            <th scope="col" className={TH}>{t("bank.version")}</th>
            <th scope="col" className={TH}>{t("bank.detail.createdAt")}</th>
            <th scope="col" className={TH}>{t("bank.name")}</th>
            <th scope="col" className={TH}>{t("bank.detail.classes")}</th>
            <th scope="col" className={TH}>{t("bank.detail.unitDirection")}</th>
            <th scope="col" className={TH}>{t("bank.detail.references")}</th>
            <th scope="col" className={TH}>{t("bank.field.subjectKinds")}</th>
            <th scope="col" className={`${TH} min-w-64`}>{t("bank.detail.texts")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v, i) => (
            <tr key={v.id} className={v.isCurrent ? "bg-blue-50/40" : undefined}>
              <td className={`${TD} whitespace-nowrap`}>
                <span className="block">{t("bank.versionNo", { n: v.version })}</span>
                <span className="mt-0.5 flex flex-wrap gap-1">
                  {v.isCurrent && <Badge tone="navy">{t("bank.detail.currentMarker")}</Badge>}
                  <Badge tone={v.status === "active" ? "green" : "red"}>{t(`bank.statusLabel.${v.status}`)}</Badge>
                </span>
              </td>
              <td className={`${TD} whitespace-nowrap tabular-nums`}>{time(v.createdAt)}</td>
              <td className={TD}>{item("name", i)}</td>
              <td className={`${TD} whitespace-nowrap`}>
                {item("level1", i)}
                {item("level2", i)}
              </td>
              <td className={`${TD} whitespace-nowrap`}>
                {item("unit", i)}
                {item("comparison", i)}
              </td>
              <td className={`${TD} whitespace-nowrap tabular-nums`}>
                {item("referenceHistorical", i, true)}
                {item("referenceStandard", i, true)}
                {item("referencePlan", i, true)}
              </td>
              <td className={TD}>{item("subjectKinds", i)}</td>
              <td className={TD}>
                {item("explanation", i, true)}
                {item("formula", i, true)}
                {item("scoringRule", i, true)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RequestRow = Awaited<ReturnType<typeof indicatorRequests>>["requests"][number];

function Requests({ requests, t }: { requests: RequestRow[]; t: Translate }) {
  if (!requests.length) return <p className="py-2 text-slate-500">{t("bank.detail.changesEmpty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="requests">
        <thead>
          <tr>
            <th scope="col" className={TH}>{t("bank.changes.request")}</th>
            <th scope="col" className={TH}>{t("bank.status")}</th>
            <th scope="col" className={TH}>{t("bank.detail.actor")}</th>
            <th scope="col" className={`${TH} min-w-48`}>{t("bank.field.reason")}</th>
            <th scope="col" className={`${TH} min-w-48`}>{t("bank.changes.decision")}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map(({ r, proposer, org, decider }) => (
            <tr key={r.id}>
              <td className={`${TD} whitespace-nowrap`}>
                <span className="block">{t("bank.changes.requestNo", { id: r.id })}</span>
                <Badge>{t(`bank.changes.kindLabel.${r.kind}`)}</Badge>
                {r.baseVersion && <span className="ml-1 text-xs text-slate-500">{t("bank.act.baseVersion", { n: r.baseVersion })}</span>}
              </td>
              <td className={TD}>
                <Badge tone={STATUS_TONE[r.status]}>{t(`bank.changes.statusLabel.${r.status}`)}</Badge>
              </td>
              <td className={`${TD} whitespace-nowrap`}>
                {t("bank.changes.proposedBy", { name: proposer, org })}
                <span className="block text-xs text-slate-500 tabular-nums">{time(r.createdAt)}</span>
              </td>
              <td className={`${TD} whitespace-pre-wrap`}>{r.reason}</td>
              <td className={TD}>
                {r.decidedAt ? (
                  <>
                    <span className="block text-xs text-slate-500">{t("bank.changes.decidedBy", { name: decider ?? "—", at: time(r.decidedAt) })}</span>
                    {r.decisionReason && <span className="whitespace-pre-wrap">{r.decisionReason}</span>}
                  </>
                ) : (
                  t("bank.none")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type TrailRow = Awaited<ReturnType<typeof indicatorHistory>>["trail"][number];

function Trail({ trail, names, t }: { trail: TrailRow[]; names: Map<number, string>; t: Translate }) {
  if (!trail.length) return <p className="py-2 text-slate-500">{t("bank.detail.trailEmpty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="trail">
        <thead>
          <tr>
            <th scope="col" className={TH}>{t("bank.detail.at")}</th>
            <th scope="col" className={TH}>{t("bank.detail.actor")}</th>
            <th scope="col" className={TH}>{t("bank.detail.action")}</th>
            <th scope="col" className={TH}>{t("bank.detail.content")}</th>
          </tr>
        </thead>
        <tbody>
          {trail.map((a) => (
            <tr key={a.id}>
              <td className={`${TD} whitespace-nowrap tabular-nums`}>{formatDateTime(a.at)}</td>
              <td className={`${TD} whitespace-nowrap`}>{(a.actorUserId && names.get(a.actorUserId)) ?? a.actorName ?? "—"}</td>
              <td className={`${TD} whitespace-nowrap`}>{auditLabel(a.action, t)}</td>
              <td className={`${TD} max-w-2xl break-all text-slate-700`}>
                {a.before != null && (
                  <span className="block">
                    <span className="text-slate-400">{t("audit.before")}</span>
                    {auditDetail(a.before, t)}
                  </span>
                )}
                {a.after != null && (
                  <span className="block">
                    {a.before != null && <span className="text-slate-400">{t("audit.after")}</span>}
                    {auditDetail(a.after, t)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
