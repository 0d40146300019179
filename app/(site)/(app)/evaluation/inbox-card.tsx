import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { evaluationInboxCounts } from "@/lib/evaluation/queries";
import { todayIso } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { Badge, Card, cls } from "@/app/_components/ui";

/** The inbox's evaluation card: self-evaluations to fill, to review, and rectifications due. */
export async function EvaluationInbox({ actor }: { actor: Actor }) {
  const [t, db] = await Promise.all([getT(), getDb()]);
  const c = await evaluationInboxCounts(db, actor, todayIso());
  const items = [
    { n: c.awaiting, href: "/evaluation", label: t("evaluation.inbox.awaiting") },
    { n: c.returned, href: "/evaluation?state=returned", label: t("evaluation.inbox.returned") },
    { n: c.deptReview, href: "/evaluation?state=dept_review", label: t("evaluation.inbox.deptReview") },
    { n: c.financeReview, href: "/evaluation?state=finance_review", label: t("evaluation.inbox.financeReview") },
    { n: c.rectifications, href: "/evaluation/rectification", label: t("evaluation.inbox.rectifications") },
  ].filter((i): i is { n: number; href: string; label: string } => i.n !== null && i.n > 0);
  if (!items.length && !c.overdueRectifications) return null;
  return (
    <Card title={<span id="inbox-evaluation">{t("evaluation.inbox.title")}</span>}>
      <section aria-labelledby="inbox-evaluation">
        <ul className="space-y-1">
          {items.map((i) => (
            <li key={i.href} className="flex items-center justify-between gap-2">
              <Link href={i.href} className={cls.link}>
                {i.label}
              </Link>
              <Badge tone="red">{i.n}</Badge>
            </li>
          ))}
        </ul>
        {c.overdueRectifications > 0 && (
          <p className="mt-2">
            <Badge tone="red">{t("evaluation.inbox.overdue", { n: c.overdueRectifications })}</Badge>
          </p>
        )}
      </section>
    </Card>
  );
}
