import Link from "next/link";
import { INDICATOR_KINDS, INDICATOR_LEVEL1, INDICATOR_LEVEL2, INDICATOR_STATUSES, LEVEL2_OF } from "@/db/schema/enums";
import { PAGE_SIZES, parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { isProvincialFinance, listSectorOptions, proposableSectors } from "@/lib/indicator/page-queries";
import { indicatorListParams } from "@/lib/indicator/params";
import { listIndicators } from "@/lib/indicator/queries";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar, type FilterDef } from "@/app/_components/filter-bar";
import { Badge, Card, cls, Disclosure, PageHeader } from "@/app/_components/ui";
import { CreateCommonForm } from "./create-common-form";
import { ExcelPanel } from "./excel-panel";
import { referencesOf } from "./fields";
import { ProposeAddForm } from "./propose-add-form";

export const generateMetadata = pageTitle("bank.title");

export default async function IndicatorsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("project.read");
  const raw = await searchParams;
  const params = parseSearchParams(indicatorListParams, raw);
  // A 二级 class that does not belong to the chosen 一级 class would match nothing: drop it.
  const level2 = params.level2 && (!params.level1 || LEVEL2_OF[params.level1].includes(params.level2)) ? params.level2 : undefined;
  const [t, db] = await Promise.all([getT(), getDb()]);
  const canPropose = hasPermission(actor.roles, "indicator.propose");
  const canManage = hasPermission(actor.roles, "indicator.manage") && isProvincialFinance(actor);
  const [{ rows, total, page }, sectorOptions, ownSectors] = await Promise.all([
    listIndicators(db, { ...params, level2 }),
    listSectorOptions(db),
    canPropose ? proposableSectors(db, actor) : Promise.resolve([]),
  ]);

  const exportQuery = new URLSearchParams(
    Object.entries({ q: params.q, sector: params.sector, level1: params.level1, level2, kind: params.kind, status: params.status }).filter((e): e is [string, string] => !!e[1]),
  ).toString();

  const columns: DataColumn[] = [
    { id: "code", header: t("bank.code"), sortable: true, className: "whitespace-nowrap font-mono text-xs leading-5" },
    { id: "name", header: t("bank.name"), sortable: true, className: "min-w-40" },
    { id: "level", header: t("bank.level1"), sortable: true, className: "whitespace-nowrap" },
    { id: "level2", header: t("bank.level2"), className: "min-w-20" },
    { id: "kind", header: t("bank.kind"), align: "center", className: "whitespace-nowrap" },
    { id: "sector", header: t("bank.sector"), sortable: true, className: "whitespace-nowrap" },
    { id: "unit", header: t("bank.unit"), className: "whitespace-nowrap" },
    { id: "comparison", header: t("bank.comparison"), align: "center", className: "whitespace-nowrap" },
    { id: "reference", header: t("bank.reference"), align: "right", className: "whitespace-nowrap tabular-nums" },
    { id: "version", header: t("bank.version"), align: "center", className: "whitespace-nowrap tabular-nums" },
    { id: "status", header: t("bank.status"), align: "center" },
    { id: "owner", header: t("bank.owner"), className: "min-w-36" },
  ];
  const data: DataRow[] = rows.map(({ i, ownerName }) => ({
    key: i.code,
    muted: i.status === "retired",
    cells: {
      code: i.code,
      name: (
        <Link href={`/indicators/${encodeURIComponent(i.code)}`} className={cls.link}>
          {i.name}
        </Link>
      ),
      level: t(`wizard.level1.${i.level1}`),
      level2: t(`wizard.level2.${i.level2}`),
      kind: <Badge tone={i.kind === "common" ? "navy" : "slate"}>{t(`bank.kindLabel.${i.kind}`)}</Badge>,
      sector: i.sector ?? t("bank.commonSector"),
      unit: i.unit ?? t("bank.none"),
      comparison: t(`wizard.comparison.${i.comparison}`),
      reference: referencesOf(i.referenceValues).standard ?? t("bank.none"),
      version: t("bank.versionNo", { n: i.version }),
      status: <Badge tone={i.status === "active" ? "green" : "red"}>{t(`bank.statusLabel.${i.status}`)}</Badge>,
      owner: ownerName ?? t("bank.none"),
    },
  }));

  const filters: FilterDef[] = [
    { name: "q", label: t("bank.filterKeyword"), placeholder: t("bank.filterKeywordHint") },
    { name: "sector", label: t("bank.filterSector"), options: sectorOptions.map((s) => ({ value: s.name, label: s.name })) },
    { name: "level1", label: t("bank.level1"), options: INDICATOR_LEVEL1.map((l) => ({ value: l, label: t(`wizard.level1.${l}`) })) },
    {
      name: "level2",
      label: t("bank.level2"),
      options: (params.level1 ? LEVEL2_OF[params.level1] : INDICATOR_LEVEL2).map((l) => ({ value: l, label: t(`wizard.level2.${l}`) })),
    },
    { name: "kind", label: t("bank.filterKind"), options: INDICATOR_KINDS.map((k) => ({ value: k, label: t(`bank.kindLabel.${k}`) })) },
    { name: "status", label: t("bank.filterStatus"), options: INDICATOR_STATUSES.map((s) => ({ value: s, label: t(`bank.statusLabel.${s}`) })) },
  ];

  return (
    <>
      <PageHeader title={t("bank.title")} subtitle={t("bank.subtitle")}>
        <div className="flex items-start justify-end gap-2">
          <Link href="/indicators/changes" className={cls.button}>
            {t("bank.changesLink")}
          </Link>
          {/* Excel panel (export what the filters select; import for the provincial finance department) */}
          <div className="min-w-0 flex-1">
            <ExcelPanel canImport={canManage} exportQuery={exportQuery} />
          </div>
        </div>
      </PageHeader>
      {canPropose && (
        <Card className="mb-5">
          {ownSectors.length > 0 ? (
            <Disclosure label={`＋ ${t("bank.propose.add")}`} primary>
              <div className="mt-2 border-t border-slate-200 pt-4">
                <ProposeAddForm sectors={ownSectors} />
              </div>
            </Disclosure>
          ) : (
            <p className="text-slate-500">{t("bank.propose.noSector")}</p>
          )}
        </Card>
      )}
      {canManage && (
        <Card className="mb-5">
          <Disclosure label={`＋ ${t("bank.propose.createCommon")}`} primary>
            <div className="mt-2 border-t border-slate-200 pt-4">
              <CreateCommonForm />
            </div>
          </Disclosure>
        </Card>
      )}
      <Card>
        <FilterBar
          filters={filters}
          values={{
            q: params.q,
            sector: params.sector ?? "",
            level1: params.level1 ?? "",
            level2: level2 ?? "",
            kind: params.kind ?? "",
            status: params.status ?? "",
          }}
        />
        <DataTable
          query={raw}
          caption={t("bank.title")}
          columns={columns}
          rows={data}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          paging={{ total, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
        />
      </Card>
    </>
  );
}
