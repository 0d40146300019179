import Link from "next/link";
import { GRADES, PROJECT_CATEGORIES } from "@/db/schema/enums";
import type { RawSearchParams } from "@/lib/admin/params";
import { cachedDepartments, cachedYears } from "@/lib/disclosure/cached";
import { loadPublicList } from "@/lib/disclosure/load";
import { publicListParams, type PublicListParams } from "@/lib/disclosure/params";
import { canonicalQuery, portalHref, portalT } from "@/lib/disclosure/portal-path";
import { chinaDate } from "@/lib/format";
import { wan } from "@/lib/project/money";
import { field, Labeled, LabeledSelect, linkCls, regionOption, submit } from "./_parts";

/** The list's parameters with some changed, as a query (undefined and empty left out). */
function withChange(p: PublicListParams, change: Partial<Record<keyof PublicListParams, string | number | undefined>>): Record<string, string> {
  const merged: Record<string, string | number | undefined> = { ...p, ...change };
  return Object.fromEntries(Object.entries(merged).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])));
}

/** The address of the list with some parameters changed: a path address, or a query for a keyword search. */
const listHref = (p: PublicListParams, change: Partial<Record<keyof PublicListParams, string | number | undefined>>) => portalHref("list", withChange(p, change));

/** The export of what the list shows (all its pages). */
function exportHref(p: PublicListParams): string {
  const query = canonicalQuery(publicListParams, withChange(p, { page: undefined, pageSize: undefined }));
  return query ? `/portal/objectives/export?${query}` : "/portal/objectives/export";
}

/**
 * The searchable, filterable list of disclosed objectives; server-paged, plain links and a GET
 * form. Shown by the cached filter pages (list/[...f]) and the rendered keyword search (search).
 */
export async function PortalListView({ lang, raw }: { lang: string; raw: RawSearchParams }) {
  const [t, list, years] = await Promise.all([portalT(lang), loadPublicList(raw), cachedYears()]);
  const { params: p, regions, region, rows, total, page } = list;
  const departments = await cachedDepartments(region?.path ?? null);
  const pages = Math.max(1, Math.ceil(total / p.pageSize));
  const all = t("disclosure.list.all");
  // What each cell is called on a phone, where the list's rows are cards (app/globals.css .portal-cards).
  const labels = { department: t("disclosure.list.department"), amount: t("disclosure.list.amount"), grade: t("disclosure.list.grade") };

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold text-slate-900">{t("disclosure.list.title")}</h1>
      <p className="mb-4 text-slate-700">{t("disclosure.list.subtitle")}</p>
      <form method="get" action="/portal/objectives" role="search" className="mb-5 grid gap-3 rounded-sm border border-slate-300 bg-slate-50 p-4 sm:grid-cols-3 lg:grid-cols-7 print-hide">
        <div className="sm:col-span-3 lg:col-span-2">
          <Labeled id="f-q" label={t("disclosure.list.keyword")}>
            <input id="f-q" name="q" type="search" defaultValue={p.q} placeholder={t("disclosure.list.keywordHint")} className={field} />
          </Labeled>
        </div>
        <LabeledSelect id="f-year" label={t("disclosure.list.year")} name="year" defaultValue={p.year ?? ""} all={all} options={years.map((y) => [y, String(y)] as const)} />
        <LabeledSelect id="f-region" label={t("disclosure.list.region")} name="regionId" defaultValue={region?.id ?? ""} all={all} options={regions.map(regionOption)} />
        <LabeledSelect
          id="f-dept"
          label={t("disclosure.list.department")}
          name="departmentId"
          defaultValue={p.departmentId ?? ""}
          all={all}
          options={departments.map((d) => [d.id, d.name] as const)}
        />
        <LabeledSelect
          id="f-cat"
          label={t("disclosure.list.category")}
          name="category"
          defaultValue={p.category ?? ""}
          all={all}
          options={PROJECT_CATEGORIES.map((c) => [c, t(`pool.categoryLabel.${c}`)] as const)}
        />
        <LabeledSelect
          id="f-grade"
          label={t("disclosure.list.grade")}
          name="grade"
          defaultValue={p.grade ?? ""}
          all={all}
          options={GRADES.map((g) => [g, t(`evaluation.grade.${g}`)] as const)}
        />
        <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-7">
          <button type="submit" className={submit}>
            {t("disclosure.list.search")}
          </button>
          <Link href="/portal/objectives" className={linkCls}>
            {t("disclosure.list.reset")}
          </Link>
          <a href={exportHref(p)} className={`${linkCls} ml-auto`} data-testid="portal-export-list">
            {t("disclosure.list.export")}
          </a>
        </div>
      </form>

      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("disclosure.list.total", { total, page, pages })}
        <span className="ml-4">
          {t("disclosure.list.sort")}：
          <Link href={listHref(p, { sort: "disclosedAt", dir: "desc", page: 1 })} className={linkCls} aria-current={p.sort === "disclosedAt" ? "true" : undefined}>
            {t("disclosure.list.sortDate")}
          </Link>
          <span aria-hidden="true"> · </span>
          <Link href={listHref(p, { sort: "amount", dir: "desc", page: 1 })} className={linkCls} aria-current={p.sort === "amount" ? "true" : undefined}>
            {t("disclosure.list.sortAmount")}
          </Link>
        </span>
      </p>
      <p className="mb-2 text-xs text-slate-700" data-testid="portal-grade-rule">
        {t("disclosure.results.listRule")}
      </p>
      <div className="overflow-x-auto">
        <table className="portal-table portal-cards" data-testid="portal-list">
          <caption className="sr-only">{t("disclosure.list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("disclosure.list.name")}</th>
              <th scope="col">{t("disclosure.list.year")}</th>
              <th scope="col">{t("disclosure.list.region")}</th>
              <th scope="col">{t("disclosure.list.department")}</th>
              <th scope="col">{t("disclosure.list.category")}</th>
              <th scope="col" className="num">
                {t("disclosure.list.amount")}
              </th>
              <th scope="col">{t("disclosure.list.disclosedAt")}</th>
              <th scope="col">{t("disclosure.list.grade")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={8} className="py-6 text-center text-slate-700">
                  {t("disclosure.list.empty")}
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/portal/objectives/${r.id}`} className={linkCls}>
                    {r.title}
                  </Link>
                  <span className="sub">{r.ownerName}</span>
                </td>
                <td className="date wide">{r.fiscalYear}</td>
                <td className="wide">{r.regionName}</td>
                <td data-label={labels.department}>{r.departmentName}</td>
                <td className="wide">{r.category ? t(`pool.categoryLabel.${r.category}`) : "—"}</td>
                <td className="num" data-label={labels.amount}>
                  {wan(r.amount)}
                </td>
                <td className="date wide">{chinaDate(r.disclosedAt)}</td>
                <td data-testid="portal-row-grade" data-label={labels.grade}>
                  {r.grade ? (
                    <>
                      {t(`evaluation.grade.${r.grade}`)}
                      <span className="source">（{t(`disclosure.results.source.${r.gradeSource ?? "self"}`)}）</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label={t("disclosure.list.pagination")} className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 ? (
            <Link href={listHref(p, { page: page - 1 })} className={linkCls} rel="prev">
              {t("disclosure.list.prev")}
            </Link>
          ) : (
            <span className="text-slate-500">{t("disclosure.list.prev")}</span>
          )}
          <span className="tabular-nums">
            {page} / {pages}
          </span>
          {page < pages ? (
            <Link href={listHref(p, { page: page + 1 })} className={linkCls} rel="next">
              {t("disclosure.list.next")}
            </Link>
          ) : (
            <span className="text-slate-500">{t("disclosure.list.next")}</span>
          )}
        </nav>
      )}
    </>
  );
}
