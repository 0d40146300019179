import { ActionError } from "@/lib/errors";
import { getActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { declarationWorkbook } from "@/lib/objective/excel";
import { loadObjectiveView, loadVersionContent } from "@/lib/objective/view";

export const dynamic = "force-dynamic";

function text(status: number, body: string) {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

const validId = (n: number) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647;

/**
 * Public entry point: a declaration's 绩效目标申报表 as .xlsx, scoped like its page (out of scope
 * reads as missing); `?v=N` exports an earlier version, as the page shows it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return text(401, "Unauthorized");
  const id = Number((await params).id);
  if (!validId(id)) return text(404, "Not found");
  const vRaw = new URL(request.url).searchParams.get("v");
  const v = vRaw === null ? null : Number(vRaw);
  if (v !== null && (!validId(v) || v > 32_767)) return text(404, "Not found");
  const db = await getDb();
  try {
    const view = await loadObjectiveView(db, actor, id);
    const shown = v !== null && v !== view.version.number ? await loadVersionContent(db, actor, id, v) : null;
    if (v !== null && v !== view.version.number && !shown) return text(404, "Not found");
    const body = await declarationWorkbook(view, shown?.content ?? view.content, await getT());
    const filename = `${view.objective.title}-绩效目标申报表.xlsx`;
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="objective-${id}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") return text(404, "Not found");
    throw e;
  }
}
