import type { ReactNode } from "react";
import type { Grade } from "@/db/schema";
import type { Translate } from "@/lib/i18n";
import Link from "next/link";
import { z } from "zod";
import { parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { disclosureCandidates, disclosureRecords, resultCandidates } from "@/lib/disclosure/manage";
import { chinaYear, formatDateTime, isPastDeadline } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { wan } from "@/lib/project/money";
import { listYearOptions } from "@/lib/project/queries";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { DiscloseForm, WithdrawForm } from "./disclosure-forms";
import { DiscloseResultButton } from "./result-forms";
import { keyCandidates } from "@/lib/disclosure/manage-key";

export const generateMetadata = pageTitle("disclosure.manage.title");

const params = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  cp: z.coerce.number().int().min(1).max(100_000).catch(1),
  dp: z.coerce.number().int().min(1).max(100_000).catch(1),
  rp: z.coerce.number().int().min(1).max(100_000).catch(1),
  kp: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Finance's disclosure desk: approved objectives waiting to be disclosed, and what is disclosed (with withdrawal). */
export default async function DisclosurePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("disclosure.manage");
  const p = parseSearchParams(params, await searchParams);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const years = await listYearOptions(db);
  const year = p.year ?? years[0] ?? chinaYear();
  const [candidates, records, results, keys] = await Promise.all([
    disclosureCandidates(db, actor, year, p.cp),
    disclosureRecords(db, actor, year, p.dp),
    resultCandidates(db, actor, year, p.rp),
    keyCandidates(db, actor, year, p.kp),
  ]);
  const href = (change: Record<string, number>) =>
    `/disclosure?${new URLSearchParams(Object.entries({ year, cp: candidates.page, dp: records.page, rp: results.page, kp: keys.page, ...change }).map(([k, v]) => [k, String(v)]))}`;
  const pager = (which: "cp" | "dp" | "rp" | "kp", page: number, total: number, size: number) => {
    const pages = Math.max(1, Math.ceil(total / size));
    if (pages <= 1) return null;
    return (
      <nav aria-label={t("disclosure.list.pagination")} className="mt-3 flex gap-4 text-sm">
        {page > 1 && (
          <Link className={cls.link} href={href({ [which]: page - 1 })}>
            {t("disclosure.manage.prev")}
          </Link>
        )}
        <span>{t("disclosure.manage.page", { page, pages })}</span>
        {page < pages && (
          <Link className={cls.link} href={href({ [which]: page + 1 })}>
            {t("disclosure.manage.next")}
          </Link>
        )}
      </nav>
    );
  };
  const reload = t("disclosure.manage.reload");

  return (
    <>
      <PageHeader title={t("disclosure.manage.title")} subtitle={t("disclosure.manage.subtitle")}>
        <form noValidate method="get" className="flex items-center gap-2">
          <label htmlFor="disclosure-year">{t("disclosure.manage.year")}</label>
          <select id="disclosure-year" name="year" defaultValue={year} className={cls.inlineSelect}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <button type="submit" className={cls.small}>
            {t("disclosure.landing.show")}
          </button>
        </form>
      </PageHeader>
      <Card title={t("disclosure.manage.candidates")} className="mb-5">
        <div className="p-4">
          <DiscloseForm
            year={year}
            rows={candidates.rows.map((r) => ({ ...r, amountText: wan(r.amount), deadlineText: r.deadline, overdue: isPastDeadline(new Date(), r.deadline) }))}
            labels={{
              select: t("disclosure.manage.select"),
              name: t("disclosure.list.name"),
              department: t("disclosure.list.department"),
              budget: t("disclosure.manage.budget"),
              deadline: t("ledger.disclosureDeadline"),
              overdue: t("ledger.overdue"),
              disclose: t("disclosure.manage.disclose"),
              reload,
              empty: t("disclosure.manage.noCandidates"),
            }}
          />
          {pager("cp", candidates.page, candidates.total, candidates.pageSize)}
        </div>
      </Card>
      <ResultCandidates
        kind="self"
        title={t("disclosure.manage.results")}
        none={t("disclosure.manage.resultsNone")}
        discloseLabel={t("disclosure.manage.discloseResult")}
        testId="disclosure-results"
        list={results}
        pager={pager("rp", results.page, results.total, results.pageSize)}
        reload={reload}
        t={t}
      />
      <ResultCandidates
        kind="key"
        title={t("disclosure.manage.keyResults")}
        none={t("disclosure.manage.keyResultsNone")}
        discloseLabel={t("disclosure.manage.discloseKey")}
        testId="disclosure-key-results"
        list={keys}
        pager={pager("kp", keys.page, keys.total, keys.pageSize)}
        reload={reload}
        t={t}
      />
      <Card title={t("disclosure.manage.disclosedList")}>
        <div className="p-4">
          {records.rows.length === 0 ? (
            <p className="text-slate-600">{t("disclosure.manage.noDisclosed")}</p>
          ) : (
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="px-2 py-1.5">{t("disclosure.list.name")}</th>
                  <th scope="col" className="px-2 py-1.5">{t("disclosure.list.department")}</th>
                  <th scope="col" className="px-2 py-1.5 text-right">{t("disclosure.list.amount")}</th>
                  <th scope="col" className="px-2 py-1.5">{t("disclosure.list.disclosedAt")}</th>
                  <th scope="col" className="px-2 py-1.5">{t("disclosure.manage.status")}</th>
                </tr>
              </thead>
              <tbody>
                {records.rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200 align-top">
                    <td className="px-2 py-1.5">
                      {r.withdrawnAt || r.subjectType !== "objective" ? (
                        r.title
                      ) : (
                        <Link className={cls.link} href={`/portal/objectives/${r.id}`}>
                          {r.title}
                        </Link>
                      )}
                      {r.subjectType === "evaluation" && r.grade && (
                        <span className="block text-xs text-slate-600">{t("disclosure.manage.resultLine", { score: r.score ?? "", grade: t(`evaluation.grade.${r.grade}`) })}</span>
                      )}
                      {r.subjectType === "key_evaluation" && r.grade && (
                        <span className="block text-xs text-slate-600">{t("disclosure.manage.keyResultLine", { score: r.score ?? "", grade: t(`evaluation.grade.${r.grade}`) })}</span>
                      )}
                    </td>
                    <td className="px-2 py-1.5">{r.departmentName}</td>
                    <td className="px-2 py-1.5 text-right tabular-nums">{wan(r.amount)}</td>
                    <td className="px-2 py-1.5 tabular-nums">
                      {formatDateTime(r.disclosedAt).slice(0, 16)}
                      <span className="block text-xs text-slate-500">
                        {t("disclosure.manage.disclosedBy")}：{r.disclosedBy}
                      </span>
                    </td>
                    <td className="px-2 py-1.5">
                      {r.withdrawnAt ? (
                        <>
                          <Badge tone="slate">{t("disclosure.manage.statusWithdrawn")}</Badge>
                          <span className="block text-xs text-slate-600">
                            {t("disclosure.manage.withdrawnAt", { at: formatDateTime(r.withdrawnAt).slice(0, 16), reason: r.withdrawReason ?? "" })}
                          </span>
                        </>
                      ) : (
                        <div className="flex flex-col gap-1.5">
                          <Badge tone="green">{t("disclosure.manage.live")}</Badge>
                          <WithdrawForm
                            id={r.id}
                            version={r.version}
                            labels={{ withdraw: t("disclosure.manage.withdraw"), reason: t("disclosure.manage.reason"), confirm: t("disclosure.manage.confirmWithdraw"), reload }}
                          />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pager("dp", records.page, records.total, records.pageSize)}
        </div>
      </Card>
    </>
  );
}

/** Accepted results not disclosed now (self-evaluations or key evaluations), each with its disclose button. */
function ResultCandidates(props: {
  kind: "self" | "key";
  title: string;
  none: string;
  discloseLabel: string;
  testId: string;
  list: { rows: { id: number; title: string; ownerName: string; departmentName: string; score: string | null; grade: Grade | null }[] };
  pager: ReactNode;
  reload: string;
  t: Translate;
}) {
  const { t } = props;
  return (
    <Card title={props.title} className="mb-5">
      <div className="p-4" data-testid={props.testId}>
        {props.list.rows.length === 0 ? (
          <p className="text-slate-600">{props.none}</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-2 py-1.5">{t("disclosure.list.name")}</th>
                <th scope="col" className="px-2 py-1.5">{t("disclosure.list.department")}</th>
                <th scope="col" className="px-2 py-1.5 text-right">{t("disclosure.manage.resultScore")}</th>
                <th scope="col" className="px-2 py-1.5">{t("disclosure.manage.resultGrade")}</th>
                <th scope="col" className="px-2 py-1.5">
                  <span className="sr-only">{props.discloseLabel}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.list.rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top">
                  <td className="px-2 py-1.5">
                    {r.title}
                    <span className="block text-xs text-slate-500">{r.ownerName}</span>
                  </td>
                  <td className="px-2 py-1.5">{r.departmentName}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{r.score}</td>
                  <td className="px-2 py-1.5">{r.grade ? t(`evaluation.grade.${r.grade}`) : "—"}</td>
                  <td className="px-2 py-1.5">
                    <DiscloseResultButton kind={props.kind} id={r.id} labels={{ disclose: props.discloseLabel, reload: props.reload }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {props.pager}
      </div>
    </Card>
  );
}
