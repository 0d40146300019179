import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listRectifications } from "@/lib/evaluation/rectification";
import { rectificationWorkflow } from "@/lib/workflow/machines";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { Badge, Card, PageHeader } from "@/app/_components/ui";
import { DecideRectification, SubmitRectification } from "./rectification-forms";

export const generateMetadata = pageTitle("evaluation.rectification.title");

/** Rectification tasks (整改) in the reader's scope: open ones by deadline, overdue ones marked. */
export default async function RectificationPage() {
  const actor = await requireActor("project.read");
  const [t, db] = await Promise.all([getT(), getDb()]);
  const rows = await listRectifications(db, actor);
  return (
    <>
      <PageHeader title={t("evaluation.rectification.title")} />
      {rows.length === 0 && <p className="text-slate-500">{t("evaluation.list.empty")}</p>}
      {rows.map(({ task, ownerName, overdue, orgPath, regionPath }) => {
        const events = rectificationWorkflow.available(actor, { id: task.id, state: task.state, version: task.version, orgPath, regionPath });
        return (
        <Card key={task.id} className="mb-3">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{ownerName}</span>
            <span className="tabular-nums text-slate-600">{task.deadline}</span>
            <Badge tone={task.state === "closed" ? "green" : task.state === "submitted" ? "navy" : "slate"}>{t(`evaluation.rectification.state.${task.state}`)}</Badge>
            {overdue && <Badge tone="red">{t("evaluation.rectification.overdue")}</Badge>}
          </div>
          <p className="mt-2 text-sm">{task.requirement}</p>
          {task.evidence && <p className="mt-1 text-sm text-slate-600">{task.evidence}</p>}
          {events.includes("submit") && <SubmitRectification taskId={task.id} version={task.version} />}
          {events.includes("close") && <DecideRectification taskId={task.id} version={task.version} />}
        </Card>
        );
      })}
    </>
  );
}

