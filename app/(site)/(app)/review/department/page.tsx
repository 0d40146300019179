import type { RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { pageTitle } from "@/lib/page-title";
import { ReviewQueue } from "../queue";

export const generateMetadata = pageTitle("review.deptTitle");

export default async function DepartmentReviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("declaration.review.department");
  return <ReviewQueue actor={actor} queue="department" raw={await searchParams} />;
}
