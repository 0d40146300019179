import type { Metadata } from "next";
import { type PortalPageProps, portalT } from "@/lib/disclosure/portal-path";
import { formatDateTime } from "@/lib/format";
import { cachedPackageListing } from "@/lib/opendata/fdp-listing";
import { linkCls } from "../_parts";

// Cached whole, kept until a disclosure changes (the hour is a safety net); built on first request.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PortalPageProps): Promise<Metadata> {
  return { title: portalT((await params).lang)("disclosure.data.title") };
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 数据下载 / Open data (/portal/data, rewritten by next.config.ts to /portal/{lang}/data): each
 * year's Fiscal Data Package, its files with their rows and sizes (estimated for a large year,
 * lib/opendata/fdp-listing.ts) and the data's last change. Static: it reads nothing of the
 * request, and is cached whole under the disclosure tag.
 */
export default async function PortalData({ params }: PortalPageProps) {
  const { lang } = await params;
  const t = portalT(lang);
  const listing = await cachedPackageListing();
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold text-slate-900">{t("disclosure.data.title")}</h1>
      <p className="mb-2 max-w-3xl text-sm text-slate-700">{t("disclosure.data.intro")}</p>
      <p className="mb-2 text-sm text-slate-700">{t("disclosure.data.licence", { licence: listing.licence, publisher: listing.publisher ?? "—" })}</p>
      <p className="mb-6 text-sm text-slate-700">
        {t("disclosure.data.region", { pattern: "/portal/data/{year}/regions/{regionId}/datapackage.json" })}
      </p>
      {listing.years.length === 0 ? (
        <p className="rounded-sm border border-slate-300 p-6 text-slate-700">{t("disclosure.data.none")}</p>
      ) : (
        listing.years.map((y) => (
          <section key={y.year} className="mb-8" aria-labelledby={`data-${y.year}`} data-testid={`data-year-${y.year}`}>
            <h2 id={`data-${y.year}`} className="mb-1 text-lg font-bold text-slate-900">
              {t("disclosure.data.year", { year: y.year })}
            </h2>
            <p className="mb-2 text-xs text-slate-600">{t("disclosure.data.generated", { at: formatDateTime(y.generatedAt) })}</p>
            {y.files.some((f) => f.estimated) ? <p className="mb-2 text-xs text-slate-600">{t("disclosure.data.approxNote")}</p> : null}
            <table className="w-full max-w-3xl border-collapse text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="py-1 pr-4">{t("disclosure.data.file")}</th>
                  <th scope="col" className="py-1 pr-4">{t("disclosure.data.content")}</th>
                  <th scope="col" className="py-1 pr-4 text-right">{t("disclosure.data.rows")}</th>
                  <th scope="col" className="py-1 text-right">{t("disclosure.data.size")}</th>
                </tr>
              </thead>
              <tbody>
                {y.files.map((f) => (
                  <tr key={f.name} className="border-b border-slate-200">
                    <td className="py-1 pr-4">
                      <a href={f.href} className={linkCls} download={f.kind === "datapackage" ? undefined : `${y.year}-${f.name}`}>
                        {f.name}
                      </a>
                    </td>
                    <td className="py-1 pr-4">{t(`disclosure.data.files.${f.kind}`)}</td>
                    <td className="py-1 pr-4 text-right tabular-nums">{f.rows ?? ""}</td>
                    <td className="py-1 text-right tabular-nums" data-testid={`size-${y.year}-${f.kind}`}>
                      {f.estimated ? t("disclosure.data.approx", { size: size(f.bytes) }) : size(f.bytes)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </>
  );
}
