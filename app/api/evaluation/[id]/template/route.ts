import { actualsWorkbook } from "@/lib/evaluation/excel";
import { loadSelfEvaluation } from "@/lib/evaluation/load";
import { selfEvaluationDetail } from "@/lib/evaluation/queries";
import { actualsOf, indicatorsOf } from "@/lib/evaluation/self-evaluation";
import { defineDownload, idParam, XLSX_MIME } from "@/lib/http/download";

export const dynamic = "force-dynamic";

/** Public entry point: the self-evaluation template (.xlsx) of one self-evaluation, scoped like its page. */
export const GET = defineDownload<{ id: string }>({
  name: "evaluation.template.download",
  load: async (_request, { actor, db, params }) => {
    const { se } = await loadSelfEvaluation(db, actor, "project.read", idParam(params.id));
    const [indicators, detail] = await Promise.all([indicatorsOf(db, se.versionId), selfEvaluationDetail(db, se.id)]);
    return {
      filename: `${detail.title}-单位自评表.xlsx`,
      fallback: "self-evaluation.xlsx",
      contentType: XLSX_MIME,
      body: await actualsWorkbook(detail.title, indicators, actualsOf(se)),
    };
  },
});
