import Link from "next/link";
import { GRADES, PROJECT_CATEGORIES } from "@/db/schema/enums";
import type { RawSearchParams } from "@/lib/admin/params";
import { cachedDepartments, cachedYears } from "@/lib/disclosure/cached";
import { loadPublicList } from "@/lib/disclosure/load";
import type { PublicListParams } from "@/lib/disclosure/params";
import { portalT } from "@/lib/disclosure/portal-path";
import { wan } from "@/lib/project/money";
import { field, Labeled, linkCls, submit } from "../../_parts";

/** The query string of the list with some parameters changed (defaults left out). */
function hrefWith(p: PublicListParams, change: Partial<Record<keyof PublicListParams, string | number | undefined>>, base = "/portal/objectives") {
  const merged: Record<string, string | number | undefined> = { ...p, ...change };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === "") continue;
    if ((k === "page" && v === 1) || (k === "pageSize" && v === 20) || (k === "sort" && v === "disclosedAt") || (k === "dir" && v === "desc")) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/**
 * The searchable, filterable list of disclosed objectives; server-paged, plain links and a GET
 * form. Shown by the cached filter pages (list/[q]) and the rendered keyword search (search).
 */
export async function PortalListView({ lang, raw }: { lang: string; raw: RawSearchParams }) {
  const [t, list, years] = await Promise.all([portalT(lang), loadPublicList(raw), cachedYears()]);
  const { params: p, regions, region, rows, total, page } = list;
  const departments = await cachedDepartments(region?.path ?? null);
  const pages = Math.max(1, Math.ceil(total / p.pageSize));

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
        <Labeled id="f-year" label={t("disclosure.list.year")}>
          <select id="f-year" name="year" defaultValue={p.year ?? ""} className={field}>
            <option value="">{t("disclosure.list.all")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Labeled>
        <Labeled id="f-region" label={t("disclosure.list.region")}>
          <select id="f-region" name="regionId" defaultValue={region?.id ?? ""} className={field}>
            <option value="">{t("disclosure.list.all")}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {"\u3000".repeat(Math.max(0, r.path.split("/").filter(Boolean).length - 1))}
                {r.name}
              </option>
            ))}
          </select>
        </Labeled>
        <Labeled id="f-dept" label={t("disclosure.list.department")}>
          <select id="f-dept" name="departmentId" defaultValue={p.departmentId ?? ""} className={field}>
            <option value="">{t("disclosure.list.all")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Labeled>
        <Labeled id="f-cat" label={t("disclosure.list.category")}>
          <select id="f-cat" name="category" defaultValue={p.category ?? ""} className={field}>
            <option value="">{t("disclosure.list.all")}</option>
            {PROJECT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`pool.categoryLabel.${c}`)}
              </option>
            ))}
          </select>
        </Labeled>
        <Labeled id="f-grade" label={t("disclosure.list.grade")}>
          <select id="f-grade" name="grade" defaultValue={p.grade ?? ""} className={field}>
            <option value="">{t("disclosure.list.all")}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {t(`evaluation.grade.${g}`)}
              </option>
            ))}
          </select>
        </Labeled>
        <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-7">
          <button type="submit" className={submit}>
            {t("disclosure.list.search")}
          </button>
          <Link href="/portal/objectives" className={linkCls}>
            {t("disclosure.list.reset")}
          </Link>
          <a href={hrefWith(p, { page: undefined, pageSize: undefined }, "/portal/objectives/export")} className={`${linkCls} ml-auto`} data-testid="portal-export-list">
            {t("disclosure.list.export")}
          </a>
        </div>
      </form>

      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("disclosure.list.total", { total, page, pages })}
        <span className="ml-4">
          {t("disclosure.list.sort")}：
          <Link href={hrefWith(p, { sort: "disclosedAt", dir: "desc", page: 1 })} className={linkCls} aria-current={p.sort === "disclosedAt" ? "true" : undefined}>
            {t("disclosure.list.sortDate")}
          </Link>
          <span aria-hidden="true"> · </span>
          <Link href={hrefWith(p, { sort: "amount", dir: "desc", page: 1 })} className={linkCls} aria-current={p.sort === "amount" ? "true" : undefined}>
            {t("disclosure.list.sortAmount")}
          </Link>
        </span>
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="portal-list">
          <caption className="sr-only">{t("disclosure.list.caption")}</caption>
          <thead>
            <tr className="border-b-2 border-slate-500 bg-slate-50 text-left">
              <th scope="col" className="px-2 py-2">{t("disclosure.list.name")}</th>
              <th scope="col" className="px-2 py-2">{t("disclosure.list.year")}</th>
              <th scope="col" className="px-2 py-2">{t("disclosure.list.region")}</th>
              <th scope="col" className="px-2 py-2">{t("disclosure.list.department")}</th>
              <th scope="col" className="px-2 py-2">{t("disclosure.list.category")}</th>
              <th scope="col" className="px-2 py-2 text-right">{t("disclosure.list.amount")}</th>
              <th scope="col" className="px-2 py-2">{t("disclosure.list.disclosedAt")}</th>
              <th scope="col" className="px-2 py-2">{t("disclosure.list.grade")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={8} className="px-2 py-6 text-center text-slate-700">
                  {t("disclosure.list.empty")}
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-200">
                <td className="px-2 py-2">
                  <Link href={`/portal/objectives/${r.id}`} className={linkCls}>
                    {r.title}
                  </Link>
                  <span className="block text-xs text-slate-600">{r.ownerName}</span>
                </td>
                <td className="px-2 py-2 tabular-nums">{r.fiscalYear}</td>
                <td className="px-2 py-2">{r.regionName}</td>
                <td className="px-2 py-2">{r.departmentName}</td>
                <td className="px-2 py-2">{r.category ? t(`pool.categoryLabel.${r.category}`) : "—"}</td>
                <td className="px-2 py-2 text-right tabular-nums">{wan(r.amount)}</td>
                <td className="px-2 py-2 tabular-nums whitespace-nowrap">{r.disclosedAt.slice(0, 10)}</td>
                <td className="px-2 py-2" data-testid="portal-row-grade">{r.grade ? t(`evaluation.grade.${r.grade}`) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label={t("disclosure.list.pagination")} className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 ? (
            <Link href={hrefWith(p, { page: page - 1 })} className={linkCls} rel="prev">
              {t("disclosure.list.prev")}
            </Link>
          ) : (
            <span className="text-slate-500">{t("disclosure.list.prev")}</span>
          )}
          <span className="tabular-nums">
            {page} / {pages}
          </span>
          {page < pages ? (
            <Link href={hrefWith(p, { page: page + 1 })} className={linkCls} rel="next">
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
