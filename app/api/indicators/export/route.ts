import { z } from "zod";
import { searchQuery, storable } from "@/lib/validation/common";
import { INDICATOR_KINDS, INDICATOR_LEVEL1, INDICATOR_LEVEL2, INDICATOR_STATUSES } from "@/db/schema/enums";
import { defineDownload, XLSX_MIME } from "@/lib/http/download";
import { writeWorkbook } from "@/lib/indicator/excel";
import { exportPages } from "@/lib/indicator/import-plan";

export const dynamic = "force-dynamic";

/** The list's filters (lib/indicator/params.ts reads the same query string); a malformed value is as if absent. */
const filters = z.object({
  q: searchQuery(60).optional(),
  sector: z.string().trim().min(1).max(40).refine(storable).optional().catch(undefined),
  level1: z.enum(INDICATOR_LEVEL1).optional().catch(undefined),
  level2: z.enum(INDICATOR_LEVEL2).optional().catch(undefined),
  kind: z.enum(INDICATOR_KINDS).optional().catch(undefined),
  status: z.enum(INDICATOR_STATUSES).optional().catch(undefined),
});

/**
 * Public entry point: the indicator bank as the import template (.xlsx), filtered as the list
 * is. Any signed-in reader of projects may export (the bank is readable by them in the wizard);
 * at most 50,000 rows, read from the database 2,000 at a time and streamed as they are written.
 */
export const GET = defineDownload({
  name: "indicator.export",
  permission: "project.read",
  load: async (_request, { db, url }) => ({
    filename: "指标库.xlsx",
    fallback: "indicators.xlsx",
    contentType: XLSX_MIME,
    body: writeWorkbook(exportPages(db, filters.parse(Object.fromEntries(url.searchParams)))),
  }),
});
