import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import archiver from "archiver";
import type { DbOrTx } from "@/db/client";
import { FDP_RESOURCES } from "./fdp-descriptor";
import { fdpCsvStream, type FdpScope } from "./fdp-rows";

/** The ZIP name of the whole package (datapackage.json and the CSVs at its root). */
export const FDP_ZIP = "datapackage.zip";

/**
 * The whole package as one ZIP, streamed: archiver (exceljs's own zip writer) takes the entries
 * one after another, so each CSV is read from the database page by page while it is compressed.
 * The entries are dated `date` (the data's last change, lib/opendata/fdp-validator.ts), so the same
 * data gives the same bytes and the route's ETag holds.
 */
export function fdpZipStream(db: DbOrTx, scope: FdpScope, descriptor: string, date: Date): ReadableStream<Uint8Array> {
  const zip = archiver("zip", { zlib: { level: 6 } });
  zip.append(descriptor, { name: "datapackage.json", date });
  for (const r of FDP_RESOURCES) zip.append(Readable.fromWeb(fdpCsvStream(db, scope, r) as NodeReadableStream), { name: `${r}.csv`, date });
  void zip.finalize();
  return Readable.toWeb(zip) as unknown as ReadableStream<Uint8Array>;
}

