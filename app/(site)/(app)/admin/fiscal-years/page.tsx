import { listFiscalYears } from "@/lib/admin/queries";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { formatDate, formatMoney, trimDecimal } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { Badge, Card, PageHeader } from "@/app/_components/ui";

export const generateMetadata = pageTitle("fiscal.title");

export default async function FiscalYearsPage() {
  const actor = await requireActor("fiscalYear.read");
  const [t, locale, db] = await Promise.all([getT(), getLocale(), getDb()]);
  const years = await listFiscalYears(db, actor);
  const date = (d: string) => formatDate(d, locale);
  const pct = (v: string) => t("fiscal.percent", { value: trimDecimal(v) });

  const columns: DataColumn[] = [
    { id: "year", header: t("fiscal.year"), className: "font-semibold tabular-nums" },
    { id: "region", header: t("fiscal.region"), className: "whitespace-nowrap" },
    { id: "status", header: t("fiscal.status"), align: "center" },
    { id: "declaration", header: t("fiscal.declaration"), className: "whitespace-nowrap" },
    { id: "review", header: t("fiscal.review"), className: "whitespace-nowrap" },
    { id: "selfEval", header: t("fiscal.selfEval"), className: "whitespace-nowrap" },
    { id: "threshold", header: t("fiscal.threshold"), align: "right", className: "whitespace-nowrap tabular-nums" },
    { id: "warning", header: t("fiscal.warning"), align: "center", className: "whitespace-nowrap tabular-nums" },
    { id: "cut", header: t("fiscal.cut"), align: "right", className: "tabular-nums" },
  ];
  const rows: DataRow[] = years.map((y) => ({
    key: String(y.id),
    muted: y.status === "closed",
    cells: {
      year: y.year,
      region: y.regionName,
      status: (
        <Badge tone={y.status === "open" ? "green" : y.status === "planning" ? "amber" : "slate"}>{t(`fiscalStatus.${y.status}`)}</Badge>
      ),
      declaration: t("common.range", { start: date(y.declarationStart), end: date(y.declarationEnd) }),
      review: date(y.reviewDeadline),
      selfEval: date(y.selfEvaluationDeadline),
      threshold: t("fiscal.amount", { amount: formatMoney(y.appraisalThreshold) }),
      warning: (
        <>
          <span className="text-red-700">{pct(y.warningRed)}</span>
          {" / "}
          <span className="text-amber-700">{pct(y.warningYellow)}</span>
        </>
      ),
      cut: pct(y.gradeMediumCutPercent),
    },
  }));

  return (
    <>
      <PageHeader title={t("fiscal.title")} subtitle={t("fiscal.readOnly")} />
      <Card>
        <DataTable caption={t("fiscal.title")} columns={columns} rows={rows} />
      </Card>
    </>
  );
}
