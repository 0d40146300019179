import { writeAuditWorkbook } from "@/lib/audit-export";
import { parseAuditQuery } from "@/lib/audit-query";
import { defineDownload, XLSX_MIME } from "@/lib/http/download";

export const dynamic = "force-dynamic";

/**
 * Public entry point: the audit log filtered as the page is (same query string), as .xlsx.
 * Same permission (audit.read) and the same scope as the page (lib/audit-query.ts auditWhere).
 */
export const GET = defineDownload({
  name: "audit.export",
  permission: "audit.read",
  load: async (_request, { actor, db, url, locale }) => {
    const { filters } = parseAuditQuery(Object.fromEntries(url.searchParams));
    return {
      filename: locale === "zh" ? "操作日志.xlsx" : "audit-log.xlsx",
      fallback: "audit-log.xlsx",
      contentType: XLSX_MIME,
      body: writeAuditWorkbook(db, actor, filters, locale),
    };
  },
});
