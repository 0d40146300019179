import { Readable } from "node:stream";
import { z } from "zod";
import { searchQuery, storable } from "@/lib/validation/common";
import { INDICATOR_KINDS, INDICATOR_LEVEL1, INDICATOR_LEVEL2, INDICATOR_STATUSES } from "@/db/schema/enums";
import { getActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
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

const FILENAME = "指标库.xlsx";

function text(status: number, body: string) {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Public entry point: the indicator bank as the import template (.xlsx), filtered as the list
 * is. Any signed-in reader of projects may export (the bank is readable by them in the wizard);
 * at most 50,000 rows, read from the database 2,000 at a time and streamed as they are written.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return text(401, "Unauthorized");
  if (!hasPermission(actor.roles, "project.read")) return text(403, "Forbidden");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const f = filters.parse(params);
  const db = await getDb();
  const body = writeWorkbook(exportPages(db, f));
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="indicators.xlsx"; filename*=UTF-8''${encodeURIComponent(FILENAME)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
