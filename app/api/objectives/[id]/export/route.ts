import { ActionError } from "@/lib/errors";
import { defineDownload, idParam, XLSX_MIME } from "@/lib/http/download";
import { declarationWorkbook } from "@/lib/objective/excel";
import { loadObjectiveView, loadVersionContent } from "@/lib/objective/view";

export const dynamic = "force-dynamic";

/**
 * Public entry point: a declaration's 绩效目标申报表 as .xlsx, scoped like its page (out of scope
 * reads as missing); `?v=N` exports an earlier version, as the page shows it.
 */
export const GET = defineDownload<{ id: string }>({
  name: "objective.export",
  load: async (_request, { actor, db, params, url, t }) => {
    const id = idParam(params.id);
    const vRaw = url.searchParams.get("v");
    const v = vRaw === null ? null : idParam(vRaw, 32_767);
    const view = await loadObjectiveView(db, actor, id);
    const shown = v !== null && v !== view.version.number ? await loadVersionContent(db, actor, id, v) : null;
    if (v !== null && v !== view.version.number && !shown) throw new ActionError("not_found");
    return {
      filename: `${view.objective.title}-绩效目标申报表.xlsx`,
      fallback: `objective-${id}.xlsx`,
      contentType: XLSX_MIME,
      body: await declarationWorkbook(view, shown?.content ?? view.content, t),
    };
  },
});
