import { defineDownload, idParam, XLSX_MIME } from "@/lib/http/download";
import { writeReportTemplate } from "@/lib/monitoring/excel";
import { templateOf } from "@/lib/monitoring/import";

export const dynamic = "force-dynamic";

/** Public entry point: a monitoring report as its Excel template, for a reader within the report's scope. */
export const GET = defineDownload<{ id: string }>({
  name: "monitoring.template.download",
  permission: "project.read",
  load: async (_request, { actor, db, params }) => {
    const id = idParam(params.id);
    const tpl = await templateOf(db, actor, "project.read", id);
    return { filename: `${tpl.title}-监控表.xlsx`, fallback: `monitoring-${id}.xlsx`, contentType: XLSX_MIME, body: await writeReportTemplate(tpl) };
  },
});
