import Link from "next/link";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { orgs, projects, type AppraisalDimension } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import type { RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { canOn } from "@/lib/auth/scope";
import { getDb } from "@/lib/db";
import { formatDateTime, trimDecimal } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { appraisalRequired } from "@/lib/objective/appraisal-rule";
import { loadProject } from "@/lib/objective/load";
import { wan, yuanToWanInput } from "@/lib/project/money";
import {
  appraisalThreshold,
  declaredYears,
  listAgencyOptions,
  listAppraisals,
  listProjectEngagements,
  listProjectObjectives,
  listTier1Options,
  type AppraisalRow,
  type EngagementRow,
} from "@/lib/project/queries";
import { projectWorkflow } from "@/lib/workflow/machines";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { ObjectiveStateBadge, ProjectStateBadge } from "../../_workflow/badges";
import { ProjectForm } from "../project-form";
import { AppraisalForm } from "./appraisal-form";
import { DeclareObjective } from "./declare-objective";
import { EngageAgency } from "./engage-agency";
import { EngagementState } from "./engagement-state";
import { ProjectActions } from "./project-actions";
import { ArrangeForm } from "../../_ledger/arrange-form";
import { arrangeContext } from "@/lib/ledger/queries";

export async function generateMetadata() {
  return { title: (await getT())("pool.detail") };
}

async function load(id: string) {
  const actor = await requireActor("project.read");
  const projectId = Number(id);
  if (!Number.isInteger(projectId) || projectId <= 0 || projectId > 2_147_483_647) notFound();
  const db = await getDb();
  try {
    return { actor, db, loaded: await loadProject(db, actor, "project.read", projectId) };
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") notFound();
    throw e;
  }
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const { actor, db, loaded } = await load(id);
  const t = await getT();
  const p = loaded.project;
  const place = { orgPath: loaded.orgPath, regionPath: loaded.regionPath };
  // 编辑 while in reserve, by whoever files for the owner; ?edit=1 opens the form, ?saved=1 confirms.
  const canEdit = p.state === "reserve" && canOn(actor, "project.write", place);
  const editing = canEdit && first(sp.edit) === "1";
  const saved = !editing && first(sp.saved) === "1";
  const canAssign = canOn(actor, "appraisal.assign", place);
  const [[department], parent, appraisals, objectiveRows, declared, threshold, engagements, agencies, parents] = await Promise.all([
    db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, p.departmentOrgId)),
    p.parentId ? db.select({ id: projects.id, name: projects.name, code: projects.code }).from(projects).where(eq(projects.id, p.parentId)).then((r) => r[0] ?? null) : null,
    listAppraisals(db, p.id),
    listProjectObjectives(db, actor, p.id),
    declaredYears(db, p.id),
    appraisalThreshold(db, loaded.regionPath, p.startYear),
    listProjectEngagements(db, p.id),
    canAssign ? listAgencyOptions(db, actor) : Promise.resolve([]),
    editing ? listTier1Options(db, [p.departmentOrgId]) : Promise.resolve([]),
  ]);
  const events = projectWorkflow.available(actor, loaded.ref);
  // 安排预算 carries money: the objective it arranges is the project's latest approved one without a budget.
  const toArrange = events.includes("budget") ? objectiveRows.find((o) => o.approved && o.arrangedOn == null) : undefined;
  const arrange = toArrange ? await arrangeContext(db, toArrange.id) : null;
  const canAppraise = canOn(actor, "appraisal.record", place);
  const canFile = canOn(actor, "project.write", place);
  const years: number[] = [];
  for (let y = p.startYear; y <= p.endYear; y++) years.push(y);
  const openYears = years.filter((y) => !declared.includes(y));
  const needsAppraisal = appraisalRequired(p, threshold);
  const annual = Array.isArray(p.annualAmounts) ? (p.annualAmounts as { year: number; amount: string }[]) : [];

  const info: [string, React.ReactNode][] = [
    [t("pool.code"), <span key="c" className="font-mono">{p.code}</span>],
    [t("pool.tier"), t(`pool.tierLabel.${p.tier === 1 ? "1" : "2"}`)],
    ...(parent
      ? ([[t("pool.parent"), <Link key="p" href={`/projects/${parent.id}`} className={cls.link}>{parent.name}</Link>]] as [string, React.ReactNode][])
      : []),
    [t("pool.category"), t(`pool.categoryLabel.${p.category}`)],
    [t("pool.department"), department?.name ?? "—"],
    [t("pool.owner"), loaded.ownerName],
    [t("pool.period"), t("pool.periodValue", { start: p.startYear, end: p.endYear })],
    [t("pool.totalAmount"), <span key="a" className="tabular-nums">{wan(p.totalAmount)}</span>],
    [t("pool.fundSource"), t(`pool.fundSourceLabel.${p.fundSource}`)],
    [t("pool.newOrContinuing"), t(`pool.newLabel.${p.isNew ? "new" : "continuing"}`)],
    ...(annual.length
      ? ([[t("pool.annualAmounts"), annual.map((a) => `${a.year}：${wan(a.amount)}`).join("；")]] as [string, React.ReactNode][])
      : []),
    [t("pool.createdAt"), formatDateTime(p.createdAt).slice(0, 16)],
    [t("pool.policyBasis"), p.policyBasis ?? "—"],
  ];

  return (
    <>
      <PageHeader title={p.name} subtitle={`${t("pool.detail")} · ${p.code}`}>
        <Link href="/projects" className={cls.button}>
          {t("pool.backToPool")}
        </Link>
      </PageHeader>
      <div className="grid gap-5 xl:grid-cols-[1fr_24rem]">
        <div className="min-w-0 space-y-5">
          <Card
            title={editing ? t("pool.editTitle") : t("pool.basicInfo")}
            actions={
              canEdit && !editing ? (
                <Link href={`/projects/${p.id}?edit=1`} scroll={false} className={cls.small}>
                  {t("pool.edit")}
                </Link>
              ) : undefined
            }
          >
            {saved && (
              <p role="status" className="mb-3 rounded-sm border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
                {t("pool.updated")}
              </p>
            )}
            {editing ? (
              <>
                <p className="mb-3 text-xs text-slate-500">{t("pool.editHint")}</p>
                <ProjectForm
                  owners={[{ id: p.ownerOrgId, name: loaded.ownerName, kind: loaded.ownerKind, departmentId: p.departmentOrgId, depth: 0 }]}
                  parents={parents}
                  initial={{
                    projectId: p.id,
                    version: p.version,
                    name: p.name,
                    tier: p.tier,
                    parentId: p.parentId,
                    category: p.category,
                    ownerOrgId: p.ownerOrgId,
                    startYear: p.startYear,
                    endYear: p.endYear,
                    totalAmount: p.totalAmount,
                    fundSource: p.fundSource,
                    policyBasis: p.policyBasis,
                    isNew: p.isNew,
                  }}
                />
              </>
            ) : (
              <dl className="grid gap-x-6 border-t border-slate-200 sm:grid-cols-2">
                {info.map(([label, value]) => (
                  <div key={label} className={`flex gap-3 border-b border-slate-200 py-2 ${label === t("pool.policyBasis") ? "sm:col-span-2" : ""}`}>
                    <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
                    <dd className="min-w-0 whitespace-pre-wrap text-slate-900">{value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Card>

          <Card title={t("pool.objectives")}>
            {objectiveRows.length === 0 ? (
              <p className="py-2 text-slate-500">{t("pool.objectivesEmpty")}</p>
            ) : (
              <table className="w-full border-collapse border border-slate-300 text-sm">
                <thead>
                  <tr className="bg-slate-100">
                    <th scope="col" className="border border-slate-300 px-3 py-2 text-left">{t("pool.fiscalYear")}</th>
                    <th scope="col" className="border border-slate-300 px-3 py-2 text-left">{t("pool.name")}</th>
                    <th scope="col" className="border border-slate-300 px-3 py-2 text-right">{t("pool.requestedAmount")}</th>
                    <th scope="col" className="border border-slate-300 px-3 py-2 text-right">{t("ledger.current")}</th>
                    <th scope="col" className="border border-slate-300 px-3 py-2 text-center">{t("pool.objectiveState")}</th>
                  </tr>
                </thead>
                <tbody>
                  {objectiveRows.map((o) => (
                    <tr key={o.id}>
                      <td className="border border-slate-200 px-3 py-2 tabular-nums">{t("pool.fiscalYearValue", { year: o.fiscalYear })}</td>
                      <td className="border border-slate-200 px-3 py-2">
                        <Link href={`/objectives/${o.id}`} className={cls.link}>
                          {o.title}
                        </Link>
                        {o.ownerName !== loaded.ownerName && <span className="ml-2 text-xs text-slate-500">{o.ownerName}</span>}
                      </td>
                      <td className="border border-slate-200 px-3 py-2 text-right tabular-nums">{wan(o.requestedAmount)}</td>
                      <td className="border border-slate-200 px-3 py-2 text-right tabular-nums" data-testid={`project-budget-${o.id}`}>{o.arrangedOn ? wan(o.budget) : "—"}</td>
                      <td className="border border-slate-200 px-3 py-2 text-center">
                        <ObjectiveStateBadge state={o.state} t={t} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {canFile && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                {openYears.length > 0 ? (
                  <DeclareObjective projectId={p.id} subjectKind={p.category === "transfer" ? "transfer" : "project"} years={openYears} />
                ) : (
                  <p className="text-slate-500">{t("pool.declareNoYear")}</p>
                )}
              </div>
            )}
          </Card>

          <Card title={t("pool.appraisal")}>
            <p className="mb-3 text-slate-600">{needsAppraisal ? t("pool.appraisalRequired") : t("pool.appraisalNotRequired")}</p>
            {appraisals.length === 0 ? (
              <p className="py-2 text-slate-500">{t("pool.appraisalEmpty")}</p>
            ) : (
              <div className="space-y-4">
                {appraisals.map((a, i) => (
                  <AppraisalView key={a.id} a={a} latest={i === 0} t={t} />
                ))}
              </div>
            )}
            {canAppraise && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <AppraisalForm projectId={p.id} years={years} />
              </div>
            )}
            {(engagements.length > 0 || canAssign) && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <h3 className="mb-2 font-semibold text-slate-800">{t("pool.engagements")}</h3>
                <Engagements rows={engagements} t={t} />
                {canAssign && (
                  <div className="mt-3">
                    {agencies.length > 0 ? <EngageAgency projectId={p.id} agencies={agencies} years={years} /> : <p className="text-slate-500">{t("pool.agencyNone")}</p>}
                  </div>
                )}
              </div>
            )}
          </Card>
        </div>

        <Card title={t("pool.lifecycle")} className="self-start">
          <div className="mb-3 flex items-center gap-2">
            <ProjectStateBadge state={p.state} t={t} />
          </div>
          <p className="mb-4 text-xs leading-relaxed text-slate-500">{t("pool.rule")}</p>
          {events.length === 0 ? (
            <p className="text-slate-500">{t("pool.noEvents")}</p>
          ) : (
            <ProjectActions projectId={p.id} version={p.version} events={events.filter((e) => e !== "budget")} />
          )}
          {arrange && (
            <div className="mt-4">
              <ArrangeForm
                objectiveId={arrange.objectiveId}
                requestedText={wan(arrange.requested)}
                suggested={arrange.suggested ? yuanToWanInput(arrange.suggested) : null}
                suggestedText={arrange.suggested ? wan(arrange.suggested) : null}
                conclusionText={arrange.conclusion ? t(`pool.conclusionLabel.${arrange.conclusion as "support"}`) : null}
              />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

function AppraisalView({ a, latest, t }: { a: AppraisalRow; latest: boolean; t: Translate }) {
  const dims = (Array.isArray(a.dimensions) ? a.dimensions : []) as { dimension: AppraisalDimension; score: string; comment: string }[];
  const tone = a.conclusion === "support" ? "green" : a.conclusion === "not_support" ? "red" : "amber";
  return (
    <div className="rounded-sm border border-slate-300">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-slate-50 px-3 py-2">
        {latest && <Badge tone="navy">{t("pool.latest")}</Badge>}
        <span>{t("pool.fiscalYearValue", { year: a.fiscalYear })}</span>
        <span>
          {t("pool.totalScore")}：<strong className="tabular-nums">{trimDecimal(a.totalScore)}</strong>
        </span>
        <Badge tone={tone}>{t(`pool.conclusionLabel.${a.conclusion}`)}</Badge>
        <span className="ml-auto text-xs text-slate-500">
          {a.appraiserName} · {formatDateTime(a.createdAt).slice(0, 16)}
        </span>
      </div>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="text-slate-600">
            <th scope="col" className="w-36 border-b border-slate-200 px-3 py-1.5 text-left font-medium">{t("pool.dimension")}</th>
            <th scope="col" className="w-16 border-b border-slate-200 px-3 py-1.5 text-right font-medium">{t("pool.scoreShort")}</th>
            <th scope="col" className="border-b border-slate-200 px-3 py-1.5 text-left font-medium">{t("pool.comment")}</th>
          </tr>
        </thead>
        <tbody>
          {dims.map((d) => (
            <tr key={d.dimension}>
              <td className="border-b border-slate-100 px-3 py-1.5">{t(`pool.dimensionLabel.${d.dimension}`)}</td>
              <td className="border-b border-slate-100 px-3 py-1.5 text-right tabular-nums">{trimDecimal(String(d.score))}</td>
              <td className="border-b border-slate-100 px-3 py-1.5 whitespace-pre-wrap">{d.comment}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.summary && (
        <p className="px-3 py-2 whitespace-pre-wrap">
          <span className="text-slate-500">{t("pool.summary")}：</span>
          {a.summary}
        </p>
      )}
    </div>
  );
}

/** The agencies engaged for this project's ex-ante appraisal (委托第三方评估) and whether each has reported. */
function Engagements({ rows, t }: { rows: EngagementRow[]; t: Translate }) {
  if (rows.length === 0) return <p className="text-slate-500">{t("pool.engagementsEmpty")}</p>;
  return (
    <table className="w-full border-collapse border border-slate-300 text-sm">
      <thead>
        <tr className="bg-slate-100">
          <th scope="col" className="border border-slate-300 px-3 py-2 text-left">{t("pool.agency")}</th>
          <th scope="col" className="border border-slate-300 px-3 py-2 text-left">{t("pool.engageYear")}</th>
          <th scope="col" className="border border-slate-300 px-3 py-2 text-left">{t("pool.assignedBy")}</th>
          <th scope="col" className="border border-slate-300 px-3 py-2 text-left">{t("pool.assignedAt")}</th>
          <th scope="col" className="border border-slate-300 px-3 py-2 text-left">{t("pool.engagementState")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id}>
            <td className="border border-slate-200 px-3 py-2">{e.agencyName}</td>
            <td className="border border-slate-200 px-3 py-2 tabular-nums">{t("pool.fiscalYearValue", { year: e.fiscalYear })}</td>
            <td className="border border-slate-200 px-3 py-2">{e.assignedByName}</td>
            <td className="border border-slate-200 px-3 py-2 tabular-nums">{formatDateTime(e.createdAt).slice(0, 16)}</td>
            <td className="border border-slate-200 px-3 py-2">
              <EngagementState row={e} t={t} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
