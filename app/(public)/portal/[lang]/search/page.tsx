import type { Metadata } from "next";
import type { RawSearchParams } from "@/lib/admin/params";
import { type PortalPageProps, portalT } from "@/lib/disclosure/portal-path";
import { PortalListView } from "../list-view";

// Free text: rendered for each request, never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PortalPageProps): Promise<Metadata> {
  return { title: portalT((await params).lang)("disclosure.list.title") };
}

/**
 * /portal/objectives?q=… (rewritten by proxy.ts): a keyword search is free text, so it is
 * rendered for each request and answered by the bigram index, never cached.
 */
export default async function PortalSearch({ params, searchParams }: PortalPageProps & { searchParams: Promise<RawSearchParams> }) {
  const [{ lang }, raw] = await Promise.all([params, searchParams]);
  return <PortalListView lang={lang} raw={raw} />;
}
