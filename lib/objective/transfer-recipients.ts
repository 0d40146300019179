import "server-only";
import Decimal from "decimal.js";
import { and, asc, eq, like, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { objectiveIndicators, objectives, objectiveVersions, orgs, regions } from "@/db/schema";
import { isAdditiveQuantity } from "@/lib/objective/transfer-split";

export interface RecipientOption {
  id: number;
  name: string;
  regionName: string;
  /** A regional objective of this overall objective was already issued to it. */
  issued: boolean;
}

const treeOrder = (col: typeof orgs.path | typeof regions.path) => sql`string_to_array(trim(both '/' from ${col}), '/')::int[]`;

/**
 * An organisation's sector (行业), as the organisation tree writes it: the second part of its code,
 * <region>-<sector>[-<unit>] ("440000-JT" → "JT", "G440224-JT-3" → "JT"), the same reading as the
 * indicator picker's (lib/indicator/unit-sector.ts). Null when the code has no such part.
 */
export function sectorOfCode(code: string): string | null {
  const part = code.split("-")[1]?.trim();
  return part ? part : null;
}

/** The same reading as SQL, for the recipients' list and the issuing check. */
export const sectorSql = (code: typeof orgs.code) => sql<string>`split_part(${code}, '-', 2)`;

/**
 * Who a transfer payment's overall objective may be issued to (下达): the active departments of the
 * issuing department's sector (sectorOfCode of `issuerOrgId`, the overall objective's department) in the regions
 * strictly below the payer's region — exactly what issueTransfer accepts — in tree order, each
 * marked if it already has a regional objective of this one, and the amount issued so far
 * (元, a decimal string). A department without a sector offers nobody.
 */
export async function listTransferRecipients(
  db: DbOrTx,
  objectiveId: number,
  payerRegionPath: string,
  issuerOrgId: number,
): Promise<{ recipients: RecipientOption[]; issuedTotal: string; sector: string | null }> {
  const [issuer] = await db.select({ code: orgs.code }).from(orgs).where(eq(orgs.id, issuerOrgId));
  const sector = issuer ? sectorOfCode(issuer.code) : null;
  const children = await db
    .select({ ownerOrgId: objectives.ownerOrgId, amount: objectives.allocatedAmount })
    .from(objectives)
    .where(eq(objectives.parentObjectiveId, objectiveId))
    .orderBy(asc(objectives.id));
  const rows = sector
    ? await db
        .select({ id: orgs.id, name: orgs.name, regionName: regions.name })
        .from(orgs)
        .innerJoin(regions, eq(regions.id, orgs.regionId))
        .where(
          and(
            eq(orgs.kind, "department"),
            eq(orgs.active, true),
            eq(sectorSql(orgs.code), sector),
            like(regions.path, `${payerRegionPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
            ne(regions.path, payerRegionPath),
          ),
        )
        .orderBy(treeOrder(regions.path), treeOrder(orgs.path))
    : [];
  const issued = new Set(children.map((c) => c.ownerOrgId));
  const issuedTotal = children.reduce((s, c) => s.plus(c.amount ?? "0"), new Decimal(0)).toFixed(2);
  return { recipients: rows.map((r) => ({ ...r, issued: issued.has(r.id) })), issuedTotal, sector };
}

/**
 * What the issuing form needs from the version in force of an approved overall objective: its
 * fund (元) and the indicators split among the regions (isAdditiveQuantity), with the province's targets.
 */
export async function loadTransferPlan(db: DbOrTx, approvedVersionId: number) {
  const [[version], rows] = await Promise.all([
    db.select({ requestedAmount: objectiveVersions.requestedAmount }).from(objectiveVersions).where(eq(objectiveVersions.id, approvedVersionId)),
    db.select().from(objectiveIndicators).where(eq(objectiveIndicators.versionId, approvedVersionId)).orderBy(asc(objectiveIndicators.ordinal)),
  ]);
  return {
    fund: version?.requestedAmount ?? "0.00",
    split: rows.filter(isAdditiveQuantity).map((r) => ({ ordinal: r.ordinal, name: r.name, unit: r.unit ?? "", annualTarget: r.annualTarget!.trim() })),
  };
}
