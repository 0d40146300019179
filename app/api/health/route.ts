import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Readiness: answers once the database is open and migrated (browser tests wait for it). */
export async function GET() {
  await getDb();
  return Response.json({ ok: true });
}
