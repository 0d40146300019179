import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/db/client";
import { formatDate } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import { listTasks, type Task } from "@/lib/inbox/tasks";
import { Badge, Card, cls } from "@/app/_components/ui";

/**
 * Every task of the actor's roles in the current cycle (lib/inbox/tasks.ts), by kind: the
 * count, the first few with their deadlines (red when overdue, amber when due within three
 * days), and the link to the page where the whole list is worked through.
 */
export async function AllTasks({ db, actor, t, locale }: { db: DbOrTx; actor: Actor; t: Translate; locale: Locale }) {
  const groups = (await listTasks(db, actor, { limit: 5 })).filter((g) => g.count.total > 0);
  const total = groups.reduce((n, g) => n + g.count.total, 0);
  const note = (task: Task) => (task.kind === "warningToDispose" && task.note ? t(`monitoring.lightLabel.${task.note as "red"}`) : task.note);
  return (
    <Card title={<span id="inbox-all">{t("notify.tasks.title")}</span>} actions={<Badge tone={total > 0 ? "red" : "slate"}>{total}</Badge>}>
      <section aria-labelledby="inbox-all" className="space-y-3">
        {groups.length === 0 && <p className="py-3 text-center text-slate-500">{t("notify.tasks.empty")}</p>}
        {groups.map((g) => (
          <div key={g.kind} data-task-kind={g.kind}>
            <h3 className="mb-1 flex items-center justify-between gap-2 font-semibold text-slate-700">
              <span>
                {t(`notify.tasks.kind.${g.kind}`)}
                <span className="ml-2">
                  <Badge tone="red">{g.count.capped ? t("notify.tasks.capped", { n: g.count.total }) : g.count.total}</Badge>
                </span>
              </span>
              <Link href={g.listHref} className={cls.small}>
                {t("notify.open")}
              </Link>
            </h3>
            <ul className="divide-y divide-slate-200 border-b border-slate-200">
              {g.items.map((task) => (
                <li key={`${task.kind}-${task.id}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-1.5">
                  <span className="min-w-0">
                    <Link href={task.href} className={cls.link}>
                      {task.title}
                    </Link>
                    {note(task) && <span className="ml-2 text-xs text-slate-500">{note(task)}</span>}
                  </span>
                  <span className="flex items-center gap-2 text-xs text-slate-500">
                    {task.fiscalYear && <span>{t("inbox.fiscalYear", { year: task.fiscalYear })}</span>}
                    {task.due && <span>{t("notify.tasks.due", { date: formatDate(task.due, locale) })}</span>}
                    {task.overdue && <Badge tone="red">{t("inbox.overdue")}</Badge>}
                    {task.dueSoon && <Badge tone="amber">{t("notify.kind.due_soon")}</Badge>}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <p className="text-xs text-slate-500">{t("notify.tasks.hint")}</p>
      </section>
    </Card>
  );
}
