/**
 * Measure: generates a year's Fiscal Data Package (datapackage.json and the four CSVs, then the
 * whole package as the ZIP) from the database DATABASE_URL points at — or the embedded one
 * (PGlite; PGLITE_DIR=memory:// for a throwaway copy of the demo data) — exactly as the download
 * routes stream it, and prints for each file its rows, bytes and seconds, and the process's peak
 * RSS after the CSVs and after the ZIP. Nothing is kept: each page of rows is counted and dropped
 * (BENCH_OUT=dir writes the files there instead). Also times the cheap parts a request pays
 * before any file is generated: the validator behind the ETag (a 304 costs only this) and the
 * 数据下载 page's listing (rows from one aggregate, sizes from the first keyset page).
 *
 *   npm run bench:package                  # the newest year with a live disclosure, every region
 *   npm run bench:package -- 2027 [regionId]
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { regions } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { publicYears } from "@/lib/disclosure/public";
import { FDP_RESOURCES, fdpDescriptor } from "@/lib/opendata/fdp-descriptor";
import { packageListing } from "@/lib/opendata/fdp-listing";
import { fdpCsvStream, fdpPublisher, type FdpScope } from "@/lib/opendata/fdp-rows";
import { fdpValidator } from "@/lib/opendata/fdp-validator";
import { fdpZipStream } from "@/lib/opendata/fdp-zip";

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function main() {
  const database = await getDatabase();
  const db = database.db;
  const [yearArg, regionArg] = process.argv.slice(2);
  const year = yearArg ? Number(yearArg) : (await publicYears(db))[0];
  if (!year) throw new Error("nothing is disclosed in this database");
  let region: FdpScope["region"] = null;
  if (regionArg) {
    const [r] = await db.select({ id: regions.id, name: regions.name, path: regions.path }).from(regions).where(eq(regions.id, Number(regionArg)));
    if (!r) throw new Error(`no region ${regionArg}`);
    region = r;
  }
  const scope: FdpScope = { year, region };
  const out = process.env.BENCH_OUT;
  if (out) await mkdir(out, { recursive: true });

  let peakHeap = 0;
  const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const sampler = setInterval(sample, 20);
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  console.log(`Fiscal Data Package ${year}${region ? ` · ${region.name}` : ""} (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`);
  console.log(`RSS before generating (database opened): ${mb(process.memoryUsage().rss)} MB\n`);
  console.log("file".padEnd(20), "rows".padStart(10), "bytes".padStart(14), "seconds".padStart(9));

  const started = performance.now();
  const { changedAt } = await fdpValidator(db);
  const descriptor = JSON.stringify(fdpDescriptor(scope, await fdpPublisher(db, region?.id ?? null), changedAt), null, 2);
  console.log("datapackage.json".padEnd(20), "".padStart(10), String(Buffer.byteLength(descriptor)).padStart(14), "".padStart(9));
  let totalRows = 0;
  let totalBytes = Buffer.byteLength(descriptor);
  for (const r of FDP_RESOURCES) {
    const t0 = performance.now();
    let rows = 0;
    let bytes = 0;
    const sink = out
      ? Writable.toWeb(createWriteStream(path.join(out, `${r}.csv`)))
      : new WritableStream<Uint8Array>({ write: (chunk) => void (bytes += chunk.byteLength) });
    const counted = fdpCsvStream(db, scope, r, { onRows: (n) => ((rows += n), sample()) }).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, c) => { if (out) bytes += chunk.byteLength; c.enqueue(chunk); } }),
    );
    await counted.pipeTo(sink as WritableStream<Uint8Array>);
    totalRows += rows;
    totalBytes += bytes;
    console.log(`${r}.csv`.padEnd(20), String(rows).padStart(10), String(bytes).padStart(14), ((performance.now() - t0) / 1000).toFixed(2).padStart(9));
  }
  const seconds = (performance.now() - started) / 1000;
  console.log("total (CSVs)".padEnd(20), String(totalRows).padStart(10), String(totalBytes).padStart(14), seconds.toFixed(2).padStart(9));
  const rssCsv = process.resourceUsage().maxRSS * 1024;

  // The whole package as the ZIP the route streams (datapackage.json and the four CSVs, deflated).
  const z0 = performance.now();
  let zipBytes = 0;
  const zipSink = out ? Writable.toWeb(createWriteStream(path.join(out, "datapackage.zip"))) : new WritableStream<Uint8Array>({ write: () => undefined });
  await fdpZipStream(db, scope, descriptor, changedAt)
    .pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, c) => { zipBytes += chunk.byteLength; sample(); c.enqueue(chunk); } }))
    .pipeTo(zipSink as WritableStream<Uint8Array>);
  const zipSeconds = (performance.now() - z0) / 1000;
  console.log("datapackage.zip".padEnd(20), "".padStart(10), String(zipBytes).padStart(14), zipSeconds.toFixed(2).padStart(9));
  clearInterval(sampler);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(`\npackage (CSVs then ZIP): ${(seconds + zipSeconds).toFixed(1)} s`);
  console.log(`peak RSS ${mb(peakRss)} MB (${mb(rssBefore)} MB before generating, ${mb(rssCsv)} MB after the CSVs); peak JS heap ${mb(peakHeap)} MB`);

  // What a request pays before generating anything.
  let t = performance.now();
  await fdpValidator(db);
  const validatorMs = performance.now() - t;
  t = performance.now();
  const listing = await packageListing(db);
  const listingMs = performance.now() - t;
  const listed = listing.years.find((y) => y.year === year);
  console.log(`\nETag validator (all a 304 costs in the database): ${validatorMs.toFixed(1)} ms`);
  console.log(`数据下载 page listing (every year: rows by one aggregate, sizes from the first page): ${listingMs.toFixed(0)} ms`);
  if (listed && !region) {
    for (const f of listed.files) console.log(`  listed ${f.name.padEnd(18)} ${String(f.rows ?? "").padStart(10)} ${String(f.bytes).padStart(14)}${f.estimated ? " (estimated)" : ""}`);
  }
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
