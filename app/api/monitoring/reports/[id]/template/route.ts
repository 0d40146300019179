import { ActionError } from "@/lib/errors";
import { getActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { writeReportTemplate } from "@/lib/monitoring/excel";
import { templateOf } from "@/lib/monitoring/import";

export const dynamic = "force-dynamic";

function text(status: number, body: string) {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Public entry point: a monitoring report as its Excel template, for a reader within the report's scope. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return text(401, "Unauthorized");
  if (!hasPermission(actor.roles, "project.read")) return text(403, "Forbidden");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return text(404, "Not found");
  const db = await getDb();
  try {
    const tpl = await templateOf(db, actor, "project.read", id);
    const body = await writeReportTemplate(tpl);
    const filename = `${tpl.title}-监控表.xlsx`;
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="monitoring-${id}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") return text(404, "Not found");
    throw e;
  }
}
