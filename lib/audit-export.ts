import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n";
import { en } from "@/lib/i18n/en";
import { zh } from "@/lib/i18n/zh";
import { auditActionLabel, auditDetail, auditDetailText, auditObjectLabel, HIDDEN_OBJECT_IDS } from "./audit-labels";
import { AUDIT_EXPORT_CAP, auditExportPages, nameLookup, objectKey, resolveAuditObjects, type AuditFilters } from "./audit-query";

const COLUMNS = [
  { key: "at", width: 21 },
  { key: "actor", width: 18 },
  { key: "org", width: 28 },
  { key: "action", width: 24 },
  { key: "actionCode", width: 26 },
  { key: "objectType", width: 14 },
  { key: "object", width: 40 },
  { key: "changes", width: 70 },
  { key: "ip", width: 16 },
] as const;

/**
 * The filtered audit log as an .xlsx, written by exceljs's streaming writer as the rows are
 * read (1,000 at a time, keyset on id, at most AUDIT_EXPORT_CAP rows): header row frozen,
 * columns sized, times in China time, actions and objects named as on the page.
 */
export function writeAuditWorkbook(db: DbOrTx, actor: Actor, filters: AuditFilters, locale: Locale, cap = AUDIT_EXPORT_CAP): Readable {
  const ui = (locale === "zh" ? zh : en).auditLog.ui;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "预算绩效管理系统";
  (async () => {
    const sheet = workbook.addWorksheet(ui.sheet, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
    const header = sheet.addRow([ui.colAt, ui.colActor, ui.colOrg, ui.colAction, ui.colActionCode, ui.colObjectType, ui.colObject, ui.colChanges, ui.colIp]);
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    header.commit();
    let n = 0;
    for await (const page of auditExportPages(db, actor, filters, cap)) {
      const names = await resolveAuditObjects(db, page);
      for (const r of page) {
        const ref = r.objectId ? names.get(objectKey(r.objectType, r.objectId)) : undefined;
        const row = sheet.addRow([
          formatDateTime(r.at),
          r.actorDisplayName ? `${r.actorDisplayName}（${r.actorName ?? ""}）` : (r.actorName ?? (r.actorUserId == null ? ui.anonymous : "")),
          r.actorOrgName ?? "",
          auditActionLabel(locale, r.action),
          r.action,
          auditObjectLabel(locale, r.objectType),
          ref ? ref.name : HIDDEN_OBJECT_IDS.has(r.objectType) ? "" : (r.objectId ?? ""),
          auditDetailText(locale, auditDetail(locale, r, nameLookup(names))),
          r.ip ?? "",
        ]);
        row.alignment = { vertical: "top", wrapText: true };
        row.commit();
        n++;
      }
    }
    if (n >= cap) sheet.addRow([ui.exportCapped.replace("{n}", String(cap))]).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((e) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
