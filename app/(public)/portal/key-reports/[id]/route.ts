import { getDb } from "@/lib/db";
import { publicKeyReportFile } from "@/lib/disclosure/key-evaluation";
import { contentDisposition } from "@/lib/http/content-disposition";
import { id as idSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * Public entry point: the report file of a key evaluation, by its LIVE disclosure's id only (never
 * by the evaluation's id). Read from the database on every request, not cached, so a withdrawal
 * makes it 404 at once.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) return notFound();
  const row = await publicKeyReportFile(await getDb(), parsed.data);
  if (!row) return notFound();
  return new Response(new Uint8Array(row.data), {
    status: 200,
    headers: {
      "Content-Type": row.mime,
      "Content-Disposition": contentDisposition(row.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
