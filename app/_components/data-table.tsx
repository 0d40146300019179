import { createTable, getCoreRowModel, type Table } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import type { RawSearchParams } from "@/lib/admin/params";
import { getT } from "@/lib/i18n/server";
import { PageSizeSelect } from "./page-size-select";
import { cls } from "./ui";

export interface DataColumn {
  id: string;
  header: string;
  /** Sorted by the server: the header is a link to ?sort=<id>&dir=asc|desc. */
  sortable?: boolean;
  align?: "left" | "right" | "center";
  /** Extra classes of the column's cells (widths, wrapping). */
  className?: string;
}

/** A row whose cells the page already rendered (text, badges, or small client islands such as row actions). */
export interface DataRow {
  key: string;
  cells: Record<string, ReactNode>;
  /** Greys the row out (e.g. a disabled account). */
  muted?: boolean;
}

interface BaseProps {
  columns: DataColumn[];
  rows: DataRow[];
  caption?: string;
  emptyText?: string;
}

/** A table that shows everything it is given: no sort links, no pager. */
interface StaticProps extends BaseProps {
  query?: undefined;
  paging?: undefined;
  sort?: undefined;
}

/** A server-sorted, server-paged table: its links keep the rest of the page's query (`query`, the page's searchParams). */
interface QueriedProps extends BaseProps {
  query: RawSearchParams;
  /** `capped`: the count stopped at `total` (lib/paging COUNT_CAP) and there are more. */
  paging?: { total: number; capped?: boolean; page: number; pageSize: number; pageSizes?: readonly number[] };
  /** The server's current sort (from the URL). */
  sort?: { id: string; desc: boolean };
}

export type DataTableProps = StaticProps | QueriedProps;

/** The default page size: left out of addresses. */
const DEFAULT_PAGE_SIZE = 20;

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

/**
 * A cell's own classes: its alignment (left is the default) and the column's. The rest — borders,
 * padding, striping — is `.data-table` in globals.css, written once rather than on every cell.
 */
function cellClass(meta: DataColumn): string | undefined {
  const align = meta.align && meta.align !== "left" ? ALIGN[meta.align] : "";
  return [align, meta.className].filter(Boolean).join(" ") || undefined;
}

/**
 * The page's own address with some query keys changed (`null` removes one), as a query-only
 * relative link: the browser and the router resolve it against the page's path. Repeated keys
 * keep their first value, as the pages read them (parseSearchParams).
 */
export function queryHref(query: RawSearchParams, changes: Record<string, string | number | null>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in changes)) next.set(key, first);
  }
  for (const [key, value] of Object.entries(changes)) if (value !== null && value !== "") next.set(key, String(value));
  return `?${next.toString()}`;
}

/**
 * The sort a header link asks for: an unsorted column sorts ascending, the sorted column turns
 * over (asc ↔ desc). Changing the sort goes back to page 1.
 */
export function sortHref(query: RawSearchParams, column: string, sort: { id: string; desc: boolean } | undefined): string {
  const desc = sort?.id === column && !sort.desc;
  return queryHref(query, { sort: column, dir: desc ? "desc" : "asc", page: null });
}

/** Page `page` (1 is left out of the address). */
export function pageHref(query: RawSearchParams, page: number): string {
  return queryHref(query, { page: page <= 1 ? null : page });
}

/**
 * THE table of the system, rendered on the server, on TanStack Table's column model (tableModel). It never sorts, filters or pages by itself:
 * its sort headers and pager are plain links to the same page with another query, and the page
 * queries the database again. Only the page-size select is a client island (it navigates on
 * change); everything else arrives as HTML, with no table code in the browser.
 */
/**
 * The table's column model (TanStack Table's headless core, run on the server): the columns in
 * order, which may sort and which is sorted. Sorting and paging are manual — the database did
 * them — so the row model is the rows as given.
 */
export function tableModel(columns: DataColumn[], rows: DataRow[], sort: { id: string; desc: boolean } | undefined, sortable: boolean): Table<DataRow> {
  const table = createTable<DataRow>({
    data: rows,
    // Each column reads its cell from the row (an accessor is what makes a column sortable in the model).
    columns: columns.map((c) => ({ id: c.id, header: c.header, accessorFn: (r: DataRow) => r.cells[c.id], enableSorting: sortable && !!c.sortable, meta: c })),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.key,
    manualSorting: true,
    manualPagination: true,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
  });
  // As useReactTable does: the full state is the initial state with ours over it.
  table.setOptions((prev) => ({ ...prev, state: { ...table.initialState, sorting: sort ? [{ id: sort.id, desc: sort.desc }] : [] } }));
  return table;
}

export async function DataTable({ columns, rows, caption, paging, sort, emptyText, query }: DataTableProps) {
  const t = await getT();
  const pages = paging ? Math.max(1, Math.ceil(paging.total / paging.pageSize)) : 1;
  const table = tableModel(columns, rows, sort, !!query);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const cellClasses = new Map(columns.map((c) => [c.id, cellClass(c)]));

  return (
    <div>
      <div className="overflow-x-auto">
        <table className="data-table">
          {caption && <caption className="sr-only">{caption}</caption>}
          <thead>
            <tr>
              {headers.map((h) => {
                const c = h.column.columnDef.meta as DataColumn;
                const dir = h.column.getIsSorted() || undefined;
                return (
                  <th key={h.id} scope="col" {...(dir && { "aria-sort": dir === "asc" ? "ascending" : "descending" })} className={ALIGN[c.align ?? "left"]}>
                    {h.column.getCanSort() && query ? (
                      <Link
                        href={sortHref(query, c.id, sort)}
                        scroll={false}
                        prefetch={false}
                        className="inline-flex items-center gap-1 hover:text-accent"
                        title={t("common.sortBy", { col: c.header })}
                      >
                        {c.header}
                        <span aria-hidden="true" className={dir ? "text-accent" : "text-slate-400"}>
                          {dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}
                        </span>
                      </Link>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              // Props that would be undefined are left out: the RSC payload writes each one, on every row.
              <tr key={row.id} {...(row.original.muted && { className: "text-slate-400" })}>
                {row.getVisibleCells().map((cell) => {
                  const className = cellClasses.get(cell.column.id);
                  return (
                    <td key={cell.column.id} {...(className && { className })}>
                      {cell.getValue() as ReactNode}
                    </td>
                  );
                })}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="py-8 text-center text-slate-500">
                  {emptyText ?? t("common.noData")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {paging && query && (
        <nav aria-label={caption} className="mt-3 flex flex-wrap items-center justify-between gap-3 text-slate-600">
          <span>{paging.capped ? t("common.totalCapped", { n: paging.total.toLocaleString() }) : t("common.total", { n: paging.total })}</span>
          <div className="flex flex-wrap items-center gap-2">
            <PageSizeSelect
              label={t("common.pageSize", { n: paging.pageSize })}
              value={paging.pageSize}
              options={(paging.pageSizes ?? [10, 20, 50]).map((n) => [
                n,
                t("common.pageSize", { n }),
                queryHref(query, { page: null, pageSize: n === DEFAULT_PAGE_SIZE ? null : n }),
              ])}
            />
            <PagerLink href={paging.page > 1 ? pageHref(query, paging.page - 1) : undefined}>{t("common.prev")}</PagerLink>
            <span aria-live="polite">{t("common.page", { page: paging.page, pages })}</span>
            <PagerLink href={paging.page < pages ? pageHref(query, paging.page + 1) : undefined}>{t("common.next")}</PagerLink>
          </div>
        </nav>
      )}
    </div>
  );
}

/** 上一页 / 下一页: a link, or greyed-out text where there is no such page. */
function PagerLink({ href, children }: { href: string | undefined; children: ReactNode }) {
  if (!href)
    return (
      <span role="link" aria-disabled="true" className={`${cls.button} pointer-events-none opacity-50`}>
        {children}
      </span>
    );
  return (
    <Link href={href} scroll={false} prefetch={false} className={cls.button}>
      {children}
    </Link>
  );
}
