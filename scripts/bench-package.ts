/**
 * Measure: generates a year's Fiscal Data Package (datapackage.json and the four CSVs) from the
 * database DATABASE_URL points at — or the embedded one (PGlite; PGLITE_DIR=memory:// for a
 * throwaway copy of the demo data) — exactly as the download routes stream it, and prints for
 * each file its rows, bytes and seconds, and the process's peak RSS. Nothing is kept: each page
 * of rows is counted and dropped (BENCH_OUT=dir writes the files there instead).
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
import { fdpCsvStream, fdpPublisher, type FdpScope } from "@/lib/opendata/fdp-rows";

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
  const descriptor = JSON.stringify(fdpDescriptor(scope, await fdpPublisher(db, region?.id ?? null), new Date()), null, 2);
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
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  console.log("total".padEnd(20), String(totalRows).padStart(10), String(totalBytes).padStart(14), seconds.toFixed(2).padStart(9));
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(`\npeak RSS ${mb(peakRss)} MB (${mb(rssBefore)} MB before generating); peak JS heap ${mb(peakHeap)} MB`);
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
