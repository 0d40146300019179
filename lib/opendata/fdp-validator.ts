import "server-only";
import { createHash } from "node:crypto";
import { count, desc, isNotNull, max } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { disclosures } from "@/db/schema";
import { FDP_SCHEMAS, openDataLicense } from "./fdp-descriptor";

/**
 * What the bulk files are made of, in two index lookups and without generating anything: the
 * newest disclosure (its id and time) and the withdrawals (how many, the latest). Rows of
 * `disclosures` are only ever inserted (disclose) or withdrawn (withdrawn_at set once, never
 * cleared), so any disclosure or withdrawal — of an objective, a self-evaluation or a key
 * evaluation — changes this; nothing else changes what a package holds (its content is the
 * disclosed frozen versions). It is global, not per year: a change anywhere gives every package
 * a new validator, as it expires every cached page of the portal (one tag, PUBLIC_DISCLOSURE_TAG).
 */
export interface FdpValidator {
  lastId: number;
  withdrawn: number;
  /** The latest disclosure or withdrawal: the packages' `created` and the page's "data as of". */
  changedAt: Date;
}

export async function fdpValidator(db: DbOrTx): Promise<FdpValidator> {
  const [newest] = await db.select({ id: disclosures.id, at: disclosures.disclosedAt }).from(disclosures).orderBy(desc(disclosures.id)).limit(1);
  // The partial index disclosures_withdrawn_idx answers both from the withdrawn rows alone.
  const [w] = await db.select({ n: count(), at: max(disclosures.withdrawnAt) }).from(disclosures).where(isNotNull(disclosures.withdrawnAt));
  const times = [newest?.at, w?.at].filter((t): t is Date => t != null).map((t) => new Date(t).getTime());
  return { lastId: newest?.id ?? 0, withdrawn: Number(w?.n ?? 0), changedAt: new Date(times.length ? Math.max(...times) : 0) };
}

/** The files' format: a change to a Table Schema or the licence gives every file a new ETag too. */
const FORMAT = createHash("sha256").update(JSON.stringify(FDP_SCHEMAS)).digest("base64url").slice(0, 12);

/** The strong ETag of one file of one package (the bytes are a function of exactly these). */
export function fdpEtag(v: FdpValidator, packageBase: string, file: string): string {
  const key = [FORMAT, openDataLicense().name, v.lastId, v.withdrawn, v.changedAt.getTime(), packageBase, file].join("|");
  return `"${createHash("sha256").update(key).digest("base64url").slice(0, 32)}"`;
}

/** If-None-Match holds this ETag (or *): answer 304. Weak forms compare equal (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const v = t.trim();
    return v === "*" || v.replace(/^W\//, "") === etag;
  });
}
