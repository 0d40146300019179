import type { RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { pageTitle } from "@/lib/page-title";
import { ReviewQueue } from "../queue";

export const generateMetadata = pageTitle("review.financeTitle");

export default async function FinanceReviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("declaration.review.finance");
  return <ReviewQueue actor={actor} queue="finance" raw={await searchParams} />;
}
