import "server-only";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import ExcelJS from "exceljs";
import { withImportSlot } from "./slots";
import {
  NOT_XLSX,
  SHARED_STRINGS_PART,
  STYLES_PART,
  WORKBOOK_PART,
  WORKBOOK_RELS_PART,
  WORKSHEET_PART,
  inspectZip,
  looksLikeZip,
  type ZipEntry,
} from "./zip";
import { msg } from "@/lib/i18n/core";

/**
 * THE way an uploaded .xlsx is read (every import goes through here): one sheet, row by row,
 * with exceljs's streaming reader, so memory follows the rows a caller keeps, not the file.
 *
 *  1. one import slot of the process (./slots.ts): a few at a time, the rest told to try again;
 *  2. the zip checked part by part as it inflates (./zip.ts): total, ratio, XML token length,
 *     styles size; nothing inflated is kept;
 *  3. the parts the reader needs handed to it in the order it needs them (relationships,
 *     workbook, styles, shared strings, then the sheets), so no sheet waits in a temp file for
 *     the shared strings behind it, and nothing else in the archive is parsed;
 *  4. the shared strings table kept by us, refused past the cell and text limits as it grows;
 *  5. the chosen sheet's rows handed to `onRow` as they are parsed, with the row, cell, cell
 *     length and text limits checked on every row; the first limit passed stops the read.
 *
 * Messages are msg() references (lib/i18n/sections/xlsx.*.ts) naming the limit, said in the reader's
 * language by the action; a file that is not a workbook at all gets
 * reason "not_xlsx" so a caller can keep its own wording for that.
 */

export interface SheetLimits {
  /** Rows present in the sheet, empty ones included. */
  maxRows: number;
  /** Cells present in the sheet (a row counts up to its last cell), and entries of the shared strings table. */
  maxCells: number;
  /** Characters in one cell. Excel's own cap is 32,767. */
  maxCellChars?: number;
  /** Characters of text: the shared strings table, and the sheet's cells as read. */
  maxTextChars: number;
}

export const EXCEL_MAX_CELL_CHARS = 32_767;

export type ReadReason = "not_xlsx" | "too_big" | "rows" | "cells" | "cell_chars" | "text" | "busy";
export type ReadFailure = { ok: false; reason: ReadReason; error: string };
export interface SheetRead {
  ok: true;
  /** The workbook's worksheets, in the workbook's order. */
  sheetNames: string[];
  /** The sheet read (null: `pick` chose none). */
  sheet: string | null;
  /** Merged ranges of that sheet ("B3:C4"). */
  merges: string[];
  /** True when `onRow` asked to stop before the sheet's end. */
  stopped: boolean;
}

export interface ReadSheetOptions {
  /** Which sheet to read, given the names in workbook order. */
  pick: (names: string[]) => string | undefined;
  limits: SheetLimits;
  /** Each row of the chosen sheet, in order (rows absent from the file are not called). "stop" ends the read. */
  onRow: (row: ExcelJS.Row) => void | "stop";
}

export const limitMessages = {
  rows: (n: number) => msg("xlsx.limitRows", { n }),
  cells: (n: number) => msg("xlsx.limitCells", { n }),
  cellChars: (address: string, n: number) => msg("xlsx.limitCellChars", { cell: address, n }),
  text: (n: number) => msg("xlsx.limitText", { n }),
};

/**
 * Reads one sheet of an uploaded workbook under the limits (see above). An upload (a Blob) is
 * copied into memory only once it has a slot, so callers told to wait or refused cost nothing.
 */
export async function readSheet(upload: Buffer | Blob, opts: ReadSheetOptions): Promise<SheetRead | ReadFailure> {
  const head = Buffer.isBuffer(upload) ? upload.subarray(0, 4) : new Uint8Array(await upload.slice(0, 4).arrayBuffer());
  if (!looksLikeZip(head)) return notXlsx();
  return withImportSlot(async () => read(Buffer.isBuffer(upload) ? upload : Buffer.from(await upload.arrayBuffer()), opts));
}

function notXlsx(): ReadFailure {
  return { ok: false, reason: "not_xlsx", error: NOT_XLSX };
}

class Limit extends Error {
  constructor(
    readonly reason: ReadReason,
    readonly text: string,
  ) {
    super(reason);
  }
}

/** What the reader's instance has that exceljs's types leave out. */
interface ReaderInternals {
  sharedStrings?: unknown[];
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string; Type?: string }[];
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  parse(): AsyncGenerator<{ eventType: string; value: unknown } | { index: number; text: unknown }>;
}

async function read(data: Buffer, opts: ReadSheetOptions): Promise<SheetRead | ReadFailure> {
  const { limits } = opts;
  const maxCellChars = limits.maxCellChars ?? EXCEL_MAX_CELL_CHARS;
  const zip = await inspectZip(data);
  if (!zip.ok) return { ok: false, reason: zip.error === NOT_XLSX ? "not_xlsx" : "too_big", error: zip.error };

  const byName = new Map(zip.value.entries.map((e) => [e.name, e]));
  if (!byName.has(WORKBOOK_PART) || !byName.has(WORKBOOK_RELS_PART)) return notXlsx();
  const sheetParts = zip.value.entries
    .filter((e) => WORKSHEET_PART.test(e.name))
    .sort((a, b) => Number(WORKSHEET_PART.exec(a.name)![1]) - Number(WORKSHEET_PART.exec(b.name)![1]));
  const ordered = [byName.get(WORKBOOK_RELS_PART)!, byName.get(WORKBOOK_PART)!, byName.get(STYLES_PART), byName.get(SHARED_STRINGS_PART), ...sheetParts].filter(
    (e): e is ZipEntry => e !== undefined,
  );
  // The parts' own bytes, compressed as they are, one after another, then the central directory: a zip stream of just these.
  const input = Readable.from([...ordered.map((e) => data.subarray(e.local, e.recordEnd)), data.subarray(zip.value.cdOffset)], { objectMode: false });

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "emit",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as ReaderInternals;
  decodeAsUtf8Streams(reader);
  // Our own table, filled from the "emit" events below: the reader resolves cells against it.
  const table: unknown[] = [];
  reader.sharedStrings = table;

  let textChars = 0;
  let cells = 0;
  let rows = 0;
  let chosen: { name: string; index: number } | null | undefined;
  let names: string[] = [];
  let sheetIndex = -1;
  let stopped = false;
  // Parsed chunks already buffered resolve as microtasks, which would keep every other request
  // (timers, sockets, the embedded database) waiting until the read ends: give way every 10 ms.
  let lastYield = performance.now();
  const giveWay = async () => {
    if (performance.now() - lastYield < 10) return;
    await new Promise((resolve) => setImmediate(resolve));
    lastYield = performance.now();
  };
  const addText = (n: number) => {
    textChars += n;
    if (textChars > limits.maxTextChars) throw new Limit("text", limitMessages.text(limits.maxTextChars));
  };

  try {
    outer: for await (const event of reader.parse()) {
      // In "emit" mode exceljs yields each shared string bare, as { index, text } (not as the
      // { eventType: "shared-strings" } its own read() looks for).
      if ("index" in event && !("eventType" in event)) {
        const { text } = event as unknown as { text: unknown };
        const length = textLength(text);
        if (length > maxCellChars) throw new Limit("cell_chars", limitMessages.cellChars(`#${table.length + 1}`, maxCellChars));
        addText(length);
        if (table.length >= limits.maxCells) throw new Limit("cells", limitMessages.cells(limits.maxCells));
        table.push(text);
        await giveWay();
        continue;
      }
      const { eventType, value } = event as { eventType: string; value: unknown };
      if (eventType !== "worksheet") continue;
      sheetIndex++;
      if (chosen === undefined) {
        const sheets = worksheetsOf(reader, sheetParts);
        names = sheets.map((s) => s.name);
        const name = opts.pick(names);
        const found = name === undefined ? undefined : sheets.find((s) => s.name === name);
        chosen = found ? { name: found.name, index: sheetParts.indexOf(found.part) } : null;
      }
      if (!chosen) break;
      if (sheetIndex !== chosen.index) continue; // not read: the reader drains it
      for await (const row of value as AsyncIterable<ExcelJS.Row>) {
        rows++;
        if (rows > limits.maxRows) throw new Limit("rows", limitMessages.rows(limits.maxRows));
        cells += row.cellCount;
        if (cells > limits.maxCells) throw new Limit("cells", limitMessages.cells(limits.maxCells));
        row.eachCell({ includeEmpty: false }, (cell) => {
          const length = textLength(cell.value);
          if (length > maxCellChars) throw new Limit("cell_chars", limitMessages.cellChars(cell.address, maxCellChars));
          addText(length);
        });
        if (opts.onRow(row) === "stop") {
          stopped = true;
          break outer;
        }
        await giveWay();
      }
      break;
    }
  } catch (e) {
    if (e instanceof Limit) return { ok: false, reason: e.reason, error: e.text };
    return notXlsx();
  } finally {
    input.unpipe();
    input.destroy();
  }
  if (chosen === undefined) names = worksheetsOf(reader, sheetParts).map((s) => s.name);
  const part = chosen ? sheetParts[chosen.index] : undefined;
  return { ok: true, sheetNames: names, sheet: chosen?.name ?? null, merges: (part && zip.value.merges.get(part.name)) || [], stopped };
}

/** The worksheets in workbook order, each with its part (sheets whose part is missing or not a worksheet are left out). */
function worksheetsOf(reader: ReaderInternals, parts: ZipEntry[]): { name: string; part: ZipEntry }[] {
  const rels = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
  const out: { name: string; part: ZipEntry }[] = [];
  for (const s of reader.model?.sheets ?? []) {
    const target = rels.get(s.rId);
    if (!target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const part = parts.find((p) => p.name === path);
    if (part) out.push({ name: s.name, part });
  }
  return out;
}

/** Characters of text in a cell value (a string, rich text, a formula and its result, an error). */
function textLength(v: unknown): number {
  if (v == null) return 0;
  if (typeof v === "string") return v.length;
  if (typeof v !== "object") return 0;
  const o = v as { richText?: { text?: unknown }[]; formula?: unknown; result?: unknown; error?: unknown; text?: unknown };
  let n = 0;
  if (Array.isArray(o.richText)) for (const r of o.richText) n += typeof r.text === "string" ? r.text.length : 0;
  if (typeof o.formula === "string") n += o.formula.length;
  if (typeof o.result === "string") n += o.result.length;
  if (typeof o.text === "string") n += o.text.length;
  if (typeof o.error === "string") n += o.error.length;
  return n;
}

/**
 * exceljs's streaming reader decodes every inflated chunk on its own (TextDecoder without
 * `stream`), so a Chinese character split across two chunks comes out as two U+FFFD. Each part
 * is decoded here as one UTF-8 stream instead; the reader passes strings through unchanged.
 */
function decodeAsUtf8Streams(reader: ReaderInternals) {
  const parseWorksheet = reader._parseWorksheet.bind(reader);
  reader._parseWorksheet = function* (iterator, sheetNo) {
    return yield* parseWorksheet(utf8(iterator), sheetNo);
  };
  for (const method of ["_parseSharedStrings", "_parseRels", "_parseWorkbook", "_parseStyles"] as const) {
    const original = (reader[method] as (entry: Readable) => unknown).bind(reader);
    (reader as unknown as Record<string, (entry: Readable) => unknown>)[method] = (entry: Readable) => {
      entry.setEncoding("utf8");
      return original(entry);
    };
  }
}

async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) {
    const s = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
