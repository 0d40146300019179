import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orgs, regions, type OrgKind, type RegionLevel } from "@/db/schema";

/** Inserts a region and sets its materialised path ("/<parent ids>/<id>/"). */
export async function insertRegion(
  tx: DbOrTx,
  v: { code: string; name: string; level: RegionLevel; parentId?: number | null },
) {
  const parentPath = v.parentId ? (await tx.select({ path: regions.path }).from(regions).where(eq(regions.id, v.parentId)))[0]?.path : "/";
  if (!parentPath) throw new Error(`region ${v.parentId} not found`);
  const [row] = await tx.insert(regions).values({ ...v, parentId: v.parentId ?? null, path: "pending" }).returning();
  const path = `${parentPath}${row.id}/`;
  await tx.update(regions).set({ path }).where(eq(regions.id, row.id));
  return { ...row, path };
}

/** Inserts an organisation and sets its materialised path below its parent (or at the root). */
export async function insertOrg(
  tx: DbOrTx,
  v: {
    code: string;
    name: string;
    kind: OrgKind;
    regionId: number;
    parentId?: number | null;
    contactName?: string | null;
    contactPhone?: string | null;
  },
) {
  const parentPath = v.parentId ? (await tx.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, v.parentId)))[0]?.path : "/";
  if (!parentPath) throw new Error(`org ${v.parentId} not found`);
  const [row] = await tx.insert(orgs).values({ ...v, parentId: v.parentId ?? null, path: "pending" }).returning();
  const path = `${parentPath}${row.id}/`;
  await tx.update(orgs).set({ path }).where(eq(orgs.id, row.id));
  return { ...row, path };
}
