import { getActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { congressPack, congressWorkbook } from "@/lib/evaluation/congress-pack";

export const dynamic = "force-dynamic";

function text(status: number, body: string) {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Public entry point: the people's-congress pack of a fiscal year as an Excel workbook, scoped to the reader. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return text(401, "Unauthorized");
  if (!hasPermission(actor.roles, "project.read")) return text(403, "Forbidden");
  const year = Number(new URL(request.url).searchParams.get("year"));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return text(400, "year");
  const body = await congressWorkbook(await congressPack(await getDb(), actor, year));
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="congress-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${year}年度人大报送材料.xlsx`)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
