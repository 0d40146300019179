"use client";
import { useId, useMemo, type ReactNode } from "react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useT } from "./i18n";
import { cls } from "./ui";
import { useUrlState } from "./url-state";

export interface DataColumn {
  id: string;
  header: string;
  /** Sorted by the server: clicking the header sets ?sort=<id>&dir=asc|desc. */
  sortable?: boolean;
  align?: "left" | "right" | "center";
  /** Extra classes of the column's cells (widths, wrapping). */
  className?: string;
}

/** A row whose cells the server already rendered (text, badges, or client components such as row actions). */
export interface DataRow {
  key: string;
  cells: Record<string, ReactNode>;
  /** Greys the row out (e.g. a disabled account). */
  muted?: boolean;
}

export interface DataTableProps {
  columns: DataColumn[];
  rows: DataRow[];
  caption?: string;
  /** Server-side paging; omit for a table that shows everything. */
  /** `capped`: the count stopped at `total` (lib/project/queries.ts COUNT_CAP) and there are more. */
  paging?: { total: number; capped?: boolean; page: number; pageSize: number; pageSizes?: readonly number[] };
  /** The server's current sort (from the URL). */
  sort?: { id: string; desc: boolean };
  emptyText?: string;
}

/**
 * The cell renderer. flexRender renders a function as a component, so it must keep one identity
 * across renders: a new function per render would remount every cell after router.refresh(),
 * closing open inline forms and losing their messages.
 */
const renderCell: ColumnDef<DataRow>["cell"] = (info) => info.getValue() as ReactNode;

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
 * THE table of the system: @tanstack/react-table in manual mode. It never sorts, filters or
 * pages by itself; it turns header clicks and paging into URL changes, and the server
 * component re-queries the database and hands it the new rows.
 */
export function DataTable({ columns, rows, caption, paging, sort, emptyText }: DataTableProps) {
  const t = useT();
  const { update, pending } = useUrlState();
  const sizeId = useId();

  const columnDefs = useMemo<ColumnDef<DataRow>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: DataRow) => row.cells[c.id],
        cell: renderCell,
        enableSorting: Boolean(c.sortable),
        meta: c,
      })),
    [columns],
  );

  const sorting: SortingState = sort ? [{ id: sort.id, desc: sort.desc }] : [];
  const pagination: PaginationState = { pageIndex: (paging?.page ?? 1) - 1, pageSize: paging?.pageSize ?? Math.max(rows.length, 1) };

  // TanStack returns fresh functions each render; the compiler skipping this component is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getRowId: (row) => row.key,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    rowCount: paging?.total ?? rows.length,
    state: { sorting, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const s = next[0];
      update({ sort: s?.id ?? null, dir: s ? (s.desc ? "desc" : "asc") : null, page: null });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      const sizeChanged = next.pageSize !== pagination.pageSize;
      update({ page: sizeChanged || next.pageIndex === 0 ? null : next.pageIndex + 1, pageSize: next.pageSize === 20 ? null : next.pageSize });
    },
  });

  const pageCount = Math.max(1, table.getPageCount());

  return (
    <div className={pending ? "opacity-60 transition-opacity" : undefined} aria-busy={pending || undefined}>
      <div className="overflow-x-auto">
        <table className="data-table">
          {caption && <caption className="sr-only">{caption}</caption>}
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta as DataColumn;
                  const dir = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : undefined}
                      className={ALIGN[meta.align ?? "left"]}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 hover:text-accent"
                          title={t("common.sortBy", { col: meta.header })}
                        >
                          {label}
                          <span aria-hidden="true" className={dir ? "text-accent" : "text-slate-400"}>
                            {dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={row.original.muted ? "text-slate-400" : undefined}>
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta as DataColumn;
                  return (
                    <td key={cell.id} className={cellClass(meta)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
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
      {paging && (
        <nav aria-label={caption} className="mt-3 flex flex-wrap items-center justify-between gap-3 text-slate-600">
          <span>{paging.capped ? t("common.totalCapped", { n: paging.total.toLocaleString() }) : t("common.total", { n: paging.total })}</span>
          <div className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor={sizeId}>
              {t("common.pageSize", { n: paging.pageSize })}
            </label>
            <select
              id={sizeId}
              className={cls.inlineSelect}
              value={paging.pageSize}
              onChange={(e) => table.setPageSize(Number(e.target.value))}
            >
              {(paging.pageSizes ?? [10, 20, 50]).map((n) => (
                <option key={n} value={n}>
                  {t("common.pageSize", { n })}
                </option>
              ))}
            </select>
            <button type="button" className={cls.button} disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>
              {t("common.prev")}
            </button>
            <span aria-live="polite">{t("common.page", { page: paging.page, pages: pageCount })}</span>
            <button type="button" className={cls.button} disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>
              {t("common.next")}
            </button>
          </div>
        </nav>
      )}
    </div>
  );
}
