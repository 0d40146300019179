import { listWorkbook, xlsxResponse } from "@/lib/disclosure/excel";
import { listQuery, loadExportList } from "@/lib/disclosure/load";
import { getT } from "@/lib/i18n/server";

/** Public: the disclosed objectives the list's filters select, as .xlsx (read only through live disclosures). */
export async function GET(request: Request) {
  const { params, region } = await listQuery(Object.fromEntries(new URL(request.url).searchParams));
  const [{ rows }, t] = await Promise.all([loadExportList(params, region), getT()]);
  return xlsxResponse(await listWorkbook(rows, t), "disclosed-objectives.xlsx", `${t("disclosure.excel.listSheet")}.xlsx`);
}
