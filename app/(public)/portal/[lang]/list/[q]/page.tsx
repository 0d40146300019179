import type { Metadata } from "next";
import { decodeQuerySegment, type PortalPageProps, portalT } from "@/lib/disclosure/portal-path";
import { PortalListView } from "./list-view";

// Cached whole, kept until a disclosure changes (the hour is a safety net); built on first request.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PortalPageProps): Promise<Metadata> {
  return { title: portalT((await params).lang)("disclosure.list.title") };
}

/** /portal/objectives?year=…&regionId=…&page=… (rewritten by proxy.ts): one filter combination, cached whole. */
export default async function PortalList({ params }: PortalPageProps<{ q: string }>) {
  const { lang, q } = await params;
  // A keyword never reaches a cached page (proxy.ts sends it to search/): dropped if written here by hand.
  return <PortalListView lang={lang} raw={{ ...decodeQuerySegment(q), q: undefined }} />;
}
