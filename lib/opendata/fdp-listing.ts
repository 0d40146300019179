import "server-only";
import { deflateRawSync } from "node:zlib";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import type { DbOrTx } from "@/db/client";
import { disclosures } from "@/db/schema";
import { PUBLIC_DISCLOSURE_TAG } from "@/lib/disclosure/cache";
import { getDb } from "@/lib/db";
import { FDP_RESOURCES, FDP_SCHEMAS, fdpDescriptor, openDataLicense, packageBase, type FdpResource } from "./fdp-descriptor";
import { csvLine, fdpFirstPage, fdpPublisher } from "./fdp-rows";
import { fdpValidator } from "./fdp-validator";
import { FDP_ZIP, fdpZipStream } from "./fdp-zip";

export interface PackageListing {
  year: number;
  /** The data's last change (ISO): the files are generated from it on each download, and their `created` says this time. */
  generatedAt: string;
  files: { name: string; kind: "datapackage" | "zip" | FdpResource; href: string; bytes: number; rows: number | null; estimated: boolean }[];
}

/** How many objectives the size sample reads (one keyset page); a year with no more is counted exactly. */
export const SIZE_SAMPLE = 1000;

/**
 * The rows of each resource of every year, in one aggregate over the live objective disclosures
 * (the same rules as fdp-rows.ts: an objective's frozen version's indicators; the newest live
 * self- and key-evaluation result of each objective, when it has a score and a grade). The outer
 * columns are written qualified by hand: in a one-table select Drizzle writes its columns bare,
 * which inside the subqueries would name the subquery's own table.
 */
async function rowCounts(db: DbOrTx): Promise<Map<number, Record<FdpResource, number>>> {
  // Its estimated cost (a subquery per disclosure) is far above jit_above_cost: at province scale
  // PostgreSQL spent 1.8 s compiling it for 5.8 s of execution under load. Off for this one query.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx
      .select({
        year: disclosures.fiscalYear,
        objectives: count(),
        indicators: sql<number>`coalesce(sum((select count(*) from objective_indicators i where i.version_id = "disclosures"."version_id")), 0)`.mapWith(Number),
        self: sql<number>`count(*) filter (where (select e.score is not null and e.grade is not null from disclosures e where e.subject_type = 'evaluation' and e.withdrawn_at is null and e.objective_id = "disclosures"."objective_id" order by e.id desc limit 1))`.mapWith(Number),
        key: sql<number>`count(*) filter (where (select k.score is not null and k.grade is not null from disclosures k where k.key_evaluation_id is not null and k.withdrawn_at is null and k.objective_id = "disclosures"."objective_id" order by k.id desc limit 1))`.mapWith(Number),
      })
      .from(disclosures)
      .where(and(isNull(disclosures.withdrawnAt), eq(disclosures.subjectType, "objective")))
      .groupBy(disclosures.fiscalYear);
  });
  return new Map(rows.map((r) => [r.year, { objectives: r.objectives, budget: r.objectives, indicators: r.indicators, results: r.self + r.key }]));
}

/**
 * The 数据下载 page's table: for each year with a live disclosure, the package's files with their
 * rows (one aggregate query) and sizes — without generating the files. A year of at most
 * SIZE_SAMPLE objectives is small: its CSVs and ZIP are generated and counted exactly. A larger
 * one reads only its first keyset page of each CSV and states the size as an estimate: the
 * header plus the page's bytes per row times the rows (the ZIP: each CSV's estimate times the
 * page's deflate ratio). The time shown is the data's last change (the validator's), which is the
 * `created` of the package a download gets. Cached under the disclosure tag like the portal's pages.
 */
export async function packageListing(db: DbOrTx, { sample = SIZE_SAMPLE }: { sample?: number } = {}): Promise<{ licence: string; publisher: string | null; years: PackageListing[] }> {
  const publisher = await fdpPublisher(db, null);
  const { changedAt } = await fdpValidator(db);
  const counts = await rowCounts(db);
  const years: PackageListing[] = [];
  for (const year of [...counts.keys()].sort((a, b) => b - a)) {
    const n = counts.get(year)!;
    const scope = { year, region: null };
    const base = packageBase(scope);
    const exact = n.objectives <= sample;
    const descriptor = JSON.stringify(fdpDescriptor(scope, publisher, changedAt), null, 2);
    const files: PackageListing["files"] = [{ name: "datapackage.json", kind: "datapackage", href: `${base}/datapackage.json`, bytes: Buffer.byteLength(descriptor), rows: null, estimated: false }];
    let zipBytes = 22 + deflateRawSync(descriptor, { level: 6 }).byteLength + 2 * (76 + "datapackage.json".length); // end record, entry, local and central headers
    const first = await fdpFirstPage(db, scope, sample);
    for (const r of FDP_RESOURCES) {
      const fields = FDP_SCHEMAS[r].fields;
      const textColumns = fields.map((f) => f.type === "string");
      const header = Buffer.byteLength(csvLine(fields.map((f) => f.name), fields.map(() => false)));
      const lines = first[r].map((cells) => csvLine(cells, textColumns)).join("");
      const sampleRows = first[r].length;
      const sampleBytes = Buffer.byteLength(lines);
      const bytes = exact || sampleRows === 0 ? header + sampleBytes : Math.round(header + (sampleBytes / sampleRows) * n[r]);
      files.push({ name: `${r}.csv`, kind: r, href: `${base}/${r}.csv`, bytes, rows: n[r], estimated: !exact });
      const ratio = sampleBytes ? deflateRawSync(lines, { level: 6 }).byteLength / sampleBytes : 1;
      zipBytes += Math.round(bytes * ratio) + 2 * (76 + `${r}.csv`.length);
    }
    if (exact) {
      zipBytes = 0;
      const reader = fdpZipStream(db, scope, descriptor, changedAt).getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) zipBytes += chunk.value.byteLength;
    }
    files.push({ name: FDP_ZIP, kind: "zip", href: `${base}/${FDP_ZIP}`, bytes: zipBytes, rows: null, estimated: !exact });
    years.push({ year, generatedAt: changedAt.toISOString(), files });
  }
  return { licence: openDataLicense().name, publisher, years };
}

export const cachedPackageListing = unstable_cache(async () => packageListing(await getDb()), ["opendata:package-listing"], { tags: [PUBLIC_DISCLOSURE_TAG], revalidate: 3600 });
