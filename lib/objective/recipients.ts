import "server-only";
import Decimal from "decimal.js";
import { and, asc, eq, like, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { objectives, orgs, regions } from "@/db/schema";

export interface RecipientOption {
  id: number;
  name: string;
  regionName: string;
  /** A regional objective of this overall objective was already issued to it. */
  issued: boolean;
}

const treeOrder = (col: typeof orgs.path | typeof regions.path) => sql`string_to_array(trim(both '/' from ${col}), '/')::int[]`;

/**
 * Who a transfer payment's overall objective may issue regional objectives to (下达区域目标): the
 * active departments of the regions strictly below the payer's region — what
 * issueRegionalObjectives accepts — in region order, each marked if it already has one, and the
 * amount issued so far (元, a decimal string).
 */
export async function listTransferRecipients(
  db: DbOrTx,
  objectiveId: number,
  payerRegionPath: string,
): Promise<{ recipients: RecipientOption[]; issuedTotal: string }> {
  const [rows, children] = await Promise.all([
    db
      .select({ id: orgs.id, name: orgs.name, regionName: regions.name })
      .from(orgs)
      .innerJoin(regions, eq(regions.id, orgs.regionId))
      .where(
        and(
          eq(orgs.kind, "department"),
          eq(orgs.active, true),
          like(regions.path, `${payerRegionPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
          ne(regions.path, payerRegionPath),
        ),
      )
      .orderBy(treeOrder(regions.path), treeOrder(orgs.path)),
    db
      .select({ ownerOrgId: objectives.ownerOrgId, amount: objectives.allocatedAmount })
      .from(objectives)
      .where(eq(objectives.parentObjectiveId, objectiveId))
      .orderBy(asc(objectives.id)),
  ]);
  const issued = new Set(children.map((c) => c.ownerOrgId));
  const issuedTotal = children.reduce((s, c) => s.plus(c.amount ?? "0"), new Decimal(0)).toFixed(2);
  return { recipients: rows.map((r) => ({ ...r, issued: issued.has(r.id) })), issuedTotal };
}
