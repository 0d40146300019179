import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cachedDetail } from "@/lib/disclosure/cached";
import { cachedSubjectYears } from "@/lib/objective/history-cached";
import { type PortalPageProps, portalT } from "@/lib/disclosure/portal-path";
import { id as idSchema } from "@/lib/validation/common";
import { PrintButton } from "@/app/(site)/(app)/objectives/[id]/print-button";
import { linkCls } from "../../_parts";
import { PublicSubjectYears } from "../../_years/year-views";
import { PublicEvaluationResult } from "./evaluation-result";
import { PublicKeyEvaluationResult } from "./key-evaluation-result";
import { PublicObjectiveTable } from "./objective-table";

// Cached whole, kept until a disclosure changes (the hour is a safety net); built on first request.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = PortalPageProps<{ id: string }>;

async function load(id: string) {
  const parsed = idSchema.safeParse(id);
  return parsed.success ? cachedDetail(parsed.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, id } = await params;
  const d = await load(id);
  return { title: d?.title ?? portalT(lang)("disclosure.detail.notFound") };
}

/**
 * One disclosed objective's table, printable (A4, Chinese fonts, only the table) and exportable.
 * Anything without a live disclosure is a 404, whatever the id.
 */
export default async function PortalObjective({ params }: Props) {
  const { lang, id } = await params;
  const d = await load(id);
  const t = portalT(lang);
  if (!d) notFound();
  const years = await cachedSubjectYears(d.id);
  return (
    <>
      <style>{`
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  .portal, .portal * { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif !important; }
  .print-hide { display: none !important; }
  main { padding: 0 !important; max-width: none !important; }
  .print-sheet table { font-size: 10.5pt; }
  .print-sheet tr { break-inside: avoid; }
}
`}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print-hide">
        <Link href="/portal/objectives" className={linkCls}>
          {t("disclosure.detail.back")}
        </Link>
        <div className="flex items-center gap-4">
          <span className="hidden text-xs text-slate-700 sm:inline">{t("disclosure.detail.printHint")}</span>
          <PrintButton label={t("disclosure.detail.print")} />
          <a href={`/portal/objectives/${d.id}/export`} className={`${linkCls} whitespace-nowrap`} data-testid="portal-export-detail">
            {t("disclosure.detail.export")}
          </a>
        </div>
      </div>
      <h1 className="sr-only">{d.title}</h1>
      <PublicObjectiveTable d={d} t={t} />
      {d.prevailing && (
        <p className="mt-8 rounded-sm border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="portal-result-rule">
          {t("disclosure.results.rule")}
        </p>
      )}
      {d.evaluation && <PublicEvaluationResult e={d.evaluation} t={t} ownerName={d.ownerName} prevailing={d.prevailing === "self"} />}
      {d.keyEvaluation && <PublicKeyEvaluationResult e={d.keyEvaluation} t={t} financeName={d.financeName} prevailing={d.prevailing === "key"} />}
      <PublicSubjectYears years={years} currentId={d.id} subject={t(`yoy.subject.${d.subjectKind}`)} t={t} />
    </>
  );
}
