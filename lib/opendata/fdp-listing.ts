import "server-only";
import { unstable_cache } from "next/cache";
import type { DbOrTx } from "@/db/client";
import { PUBLIC_DISCLOSURE_TAG } from "@/lib/disclosure/cache";
import { publicYears } from "@/lib/disclosure/public";
import { getDb } from "@/lib/db";
import { FDP_RESOURCES, fdpDescriptor, openDataLicense, packageBase } from "./fdp-descriptor";
import { fdpCsvSize, fdpPublisher } from "./fdp-rows";
import { FDP_ZIP, fdpZipStream } from "./fdp-zip";

export interface PackageListing {
  year: number;
  /** When the sizes were counted (ISO): the files are generated on each download from the same live rows. */
  generatedAt: string;
  files: { name: string; kind: "datapackage" | "zip" | (typeof FDP_RESOURCES)[number]; href: string; bytes: number; rows: number | null }[];
}

/**
 * The 数据下载 page's table: for each year with a live disclosure, the package's files with
 * their sizes, counted by generating them (streamed, nothing kept). Cached under the disclosure
 * tag like the portal's pages, so it is recounted after the next disclosure or withdrawal.
 */
export async function packageListing(db: DbOrTx, now = new Date()): Promise<{ licence: string; publisher: string | null; years: PackageListing[] }> {
  const publisher = await fdpPublisher(db, null);
  const years: PackageListing[] = [];
  for (const year of await publicYears(db)) {
    const scope = { year, region: null };
    const base = packageBase(scope);
    const descriptor = JSON.stringify(fdpDescriptor(scope, publisher, now), null, 2);
    const files: PackageListing["files"] = [{ name: "datapackage.json", kind: "datapackage", href: `${base}/datapackage.json`, bytes: Buffer.byteLength(descriptor), rows: null }];
    for (const r of FDP_RESOURCES) {
      const { bytes, rows } = await fdpCsvSize(db, scope, r);
      files.push({ name: `${r}.csv`, kind: r, href: `${base}/${r}.csv`, bytes, rows });
    }
    let zipBytes = 0;
    const reader = fdpZipStream(db, scope, descriptor).getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) zipBytes += chunk.value.byteLength;
    files.push({ name: FDP_ZIP, kind: "zip", href: `${base}/${FDP_ZIP}`, bytes: zipBytes, rows: null });
    years.push({ year, generatedAt: now.toISOString(), files });
  }
  return { licence: openDataLicense().name, publisher, years };
}

export const cachedPackageListing = unstable_cache(async () => packageListing(await getDb()), ["opendata:package-listing"], { tags: [PUBLIC_DISCLOSURE_TAG], revalidate: 3600 });
