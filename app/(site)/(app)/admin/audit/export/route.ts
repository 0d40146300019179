import { Readable } from "node:stream";
import { writeAuditWorkbook } from "@/lib/audit-export";
import { parseAuditQuery } from "@/lib/audit-query";
import { getActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

function text(status: number, body: string) {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Public entry point: the audit log filtered as the page is (same query string), as .xlsx.
 * Same permission (audit.read) and the same scope as the page (lib/audit-query.ts auditWhere).
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return text(401, "Unauthorized");
  if (!hasPermission(actor.roles, "audit.read")) return text(403, "Forbidden");
  const { filters } = parseAuditQuery(Object.fromEntries(new URL(request.url).searchParams));
  const [db, locale] = await Promise.all([getDb(), getLocale()]);
  const body = writeAuditWorkbook(db, actor, filters, locale);
  const name = locale === "zh" ? "操作日志.xlsx" : "audit-log.xlsx";
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
