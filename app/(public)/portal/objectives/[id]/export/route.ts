import { cachedDetail } from "@/lib/disclosure/cached";
import { detailWorkbook, xlsxResponse } from "@/lib/disclosure/excel";
import { getT } from "@/lib/i18n/server";
import { id as idSchema } from "@/lib/validation/common";

/** Public: one disclosed objective's 绩效目标表 as .xlsx; 404 for anything not disclosed now. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = idSchema.safeParse((await params).id);
  const detail = parsed.success ? await cachedDetail(parsed.data) : null;
  if (!detail) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const t = await getT();
  return xlsxResponse(await detailWorkbook(detail, t), `objective-${detail.id}.xlsx`, `${detail.title}.xlsx`);
}
