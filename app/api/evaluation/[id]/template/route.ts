import { ActionError } from "@/lib/errors";
import { getActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { actualsWorkbook } from "@/lib/evaluation/excel";
import { loadSelfEvaluation } from "@/lib/evaluation/load";
import { selfEvaluationDetail } from "@/lib/evaluation/queries";
import { actualsOf, indicatorsOf } from "@/lib/evaluation/self-evaluation";

export const dynamic = "force-dynamic";

function text(status: number, body: string) {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Public entry point: the self-evaluation template (.xlsx) of one self-evaluation, scoped like its page. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return text(401, "Unauthorized");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return text(404, "Not found");
  const db = await getDb();
  try {
    const { se } = await loadSelfEvaluation(db, actor, "project.read", id);
    const [indicators, detail] = await Promise.all([indicatorsOf(db, se.versionId), selfEvaluationDetail(db, se.id)]);
    const body = await actualsWorkbook(detail.title, indicators, actualsOf(se));
    const filename = `${detail.title}-单位自评表.xlsx`;
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="self-evaluation.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") return text(404, "Not found");
    throw e;
  }
}
