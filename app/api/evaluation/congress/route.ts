import { ActionError } from "@/lib/errors";
import { congressPack, congressWorkbook } from "@/lib/evaluation/congress-pack";
import { defineDownload, XLSX_MIME } from "@/lib/http/download";

export const dynamic = "force-dynamic";

/** Public entry point: the people's-congress pack of a fiscal year as an Excel workbook, scoped to the reader. */
export const GET = defineDownload({
  name: "evaluation.congress.export",
  permission: "project.read",
  load: async (_request, { actor, db, url }) => {
    const year = Number(url.searchParams.get("year"));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ActionError("invalid_input", { year: "year" });
    return {
      filename: `${year}年度人大报送材料.xlsx`,
      fallback: `congress-${year}.xlsx`,
      contentType: XLSX_MIME,
      body: await congressWorkbook(await congressPack(db, actor, year)),
    };
  },
});
