import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { type PortalPageProps, portalT, readPairs } from "@/lib/disclosure/portal-path";
import { PortalListView } from "../../list-view";

// Cached whole, kept until a disclosure changes (the hour is a safety net); built on first request.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PortalPageProps): Promise<Metadata> {
  return { title: portalT((await params).lang)("disclosure.list.title") };
}

/** /portal/objectives/year/2026/page/2 (rewritten by next.config.ts): one filter combination, cached whole. */
export default async function PortalList({ params }: PortalPageProps<{ f: string[] }>) {
  const { lang, f } = await params;
  const read = readPairs("list", f);
  if ("redirect" in read) redirect(read.redirect);
  return <PortalListView lang={lang} raw={read.raw} />;
}
