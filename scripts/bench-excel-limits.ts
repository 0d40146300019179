/**
 * Measure: what hostile Excel uploads cost the process (issue 17, finding 3). Builds the
 * ~6 MB, million-row .xlsx of tests/helpers/hostile-xlsx.ts and reads it the way an import does
 * (parseWorkbook inside an import slot): once alone, then ten at once, sampling resident memory
 * every 5 ms, while a 50 ms timer measures how late the event loop answers other requests. Prints
 * the figures beside the ceilings docs/SECURITY.md sets; exits 1 if one is passed.
 *
 *   npm run bench:excel
 */
import { performance } from "node:perf_hooks";
import { withImportSlot } from "@/lib/excel/slots";
import { parseWorkbook } from "@/lib/indicator/excel";
import { COLUMNS } from "@/lib/indicator/excel-columns";
import { millionRowSheet, workbookWith } from "../tests/helpers/hostile-xlsx";

/** Ceilings: how far resident memory may rise above where it was before the uploads, and the other reader's slowest answer. */
const ONE_UPLOAD_RSS_MB = 150;
const TEN_UPLOADS_RSS_MB = 250;
const QUERY_MS = 1_500;
const MB = 1024 * 1024;

async function measured<T>(work: () => Promise<T>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, rise: Math.round((peak - before) / MB), before: Math.round(before / MB), peak: Math.round(peak / MB), seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const sheet = await millionRowSheet(1_000_000, COLUMNS.length);
  const file = workbookWith("指标库", sheet, [...COLUMNS.map((c) => c.label), "政府采购执行率"]);
  console.log(`file ${(file.length / MB).toFixed(1)} MB, sheet ${Math.round(sheet.size / MB)} MB unzipped`);
  const read = () => withImportSlot(() => parseWorkbook(file));
  let failed = false;

  const one = await measured(read);
  const oneOk = one.rise < ONE_UPLOAD_RSS_MB;
  failed ||= !oneOk;
  console.log(`one upload:   rss ${one.before} → ${one.peak} MB (+${one.rise}, ceiling ${ONE_UPLOAD_RSS_MB}) ${one.seconds.toFixed(1)} s ${oneOk ? "ok" : "OVER"}`);

  // Another user's work during the ten: a timer that should fire every 50 ms; its lateness is what a page would wait.
  const late: number[] = [];
  let stop = false;
  const other = (async () => {
    while (!stop) {
      const t = performance.now();
      await new Promise((r) => setTimeout(r, 50));
      late.push(performance.now() - t - 50);
    }
  })();
  const ten = await measured(() => Promise.all(Array.from({ length: 10 }, read)));
  stop = true;
  await other;
  const busy = ten.result.filter((r) => !r.ok && "reason" in r && r.reason === "busy").length;
  const slowest = Math.round(Math.max(...late));
  const tenOk = ten.rise < TEN_UPLOADS_RSS_MB && slowest < QUERY_MS;
  failed ||= !tenOk;
  console.log(
    `ten at once:  rss ${ten.before} → ${ten.peak} MB (+${ten.rise}, ceiling ${TEN_UPLOADS_RSS_MB}) ${ten.seconds.toFixed(1)} s; ${busy} told to try again; ` +
      `event loop late by ${slowest} ms at worst (ceiling ${QUERY_MS}) ${tenOk ? "ok" : "OVER"}`,
  );
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
