import { createInflateRaw, inflateRawSync } from "node:zlib";
import { msg } from "@/lib/i18n/core";

/**
 * An uploaded .xlsx as a zip, read from its central directory without trusting the sizes it
 * declares. Two checks: `checkZip` (synchronous, inflates each part whole: for small buffers and
 * the tests) and `inspectZip` (what the imports use: inflates part by part in 64 KB steps,
 * counting and scanning as it goes and keeping none of the output).
 */

/** The refusals, as message references (lib/i18n/sections/xlsx.*.ts): the action says them in the reader's language. */
export const NOT_XLSX = msg("xlsx.notXlsx");
export const TOO_BIG = msg("xlsx.tooBig");
export const TOO_LONG = msg("xlsx.tooLong");

/** Inflated size allowed for a whole upload (its parts together); a 10 MB template holds far less. */
export const MAX_UNZIPPED_BYTES = 120 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;
/** A part may inflate to at most this many times its compressed size once past 8 MB (deflate cannot pass ~1030×: a bomb is near that; sheets are 10–50×). */
export const MAX_RATIO = 500;
const RATIO_FLOOR = 8 * 1024 * 1024;
/**
 * The longest stretch of a part read as XML without a "<": one tag or one text node. The XML
 * parser holds such a stretch whole, so it is bounded before parsing. Excel's own cap on a cell
 * is 32,767 characters; escaped and in UTF-8 that is at most ~200 KB.
 */
export const MAX_XML_TOKEN_BYTES = 256 * 1024;
/** styles.xml is parsed whole into objects; a real one is well under 1 MB. */
export const MAX_STYLES_BYTES = 4 * 1024 * 1024;
/** Merged ranges remembered per sheet (only their presence and first cells matter). */
const MAX_MERGES = 10_000;

/** The zip's first bytes: "PK\x03\x04" (an .xlsx is a zip). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  /** The local header's offset. */
  local: number;
  /** Where the compressed data starts and ends (after the local header, before a data descriptor). */
  start: number;
  end: number;
  /** End of the whole local record, data descriptor included. */
  recordEnd: number;
}

/** The archive's entries from its central directory, or the message that makes it unusable. */
export function zipEntries(buf: Buffer): { ok: true; entries: ZipEntry[]; cdOffset: number } | { ok: false; error: string } {
  // End of central directory: 22 bytes + a comment of up to 65535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, error: NOT_XLSX };
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || count > MAX_ZIP_ENTRIES) return { ok: false, error: NOT_XLSX };
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { ok: false, error: NOT_XLSX };
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (compressed === 0xffffffff || declared === 0xffffffff) return { ok: false, error: TOO_BIG };
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return { ok: false, error: NOT_XLSX };
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const end = start + compressed;
    if (end > buf.length) return { ok: false, error: NOT_XLSX };
    let recordEnd = end;
    if (flags & 0x08) {
      // A data descriptor follows: crc, sizes, with or without its signature.
      recordEnd += end + 4 <= buf.length && buf.readUInt32LE(end) === 0x08074b50 ? 16 : 12;
      if (recordEnd > buf.length) return { ok: false, error: NOT_XLSX };
    }
    entries.push({ name, method, compressed, declared, local, start, end, recordEnd });
  }
  return { ok: true, entries, cdOffset };
}

/**
 * A zip bomb guard that does not trust the sizes a zip declares: inflates each part with a hard
 * ceiling on the total output. Returns a message, or null if the archive is sound and small enough.
 */
export function checkZip(buf: Buffer, maxTotal = MAX_UNZIPPED_BYTES): string | null {
  const zip = zipEntries(buf);
  if (!zip.ok) return zip.error;
  let total = 0;
  for (const e of zip.entries) {
    if (total + e.declared > maxTotal) return TOO_BIG;
    const data = buf.subarray(e.start, e.end);
    if (e.method === 0) total += e.compressed;
    else if (e.method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, maxTotal - total + 1) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) return TOO_BIG;
        return NOT_XLSX;
      }
    } else return NOT_XLSX;
    if (total > maxTotal) return TOO_BIG;
  }
  return null;
}

/** The parts the spreadsheet reader parses (everything else in the archive is never handed to it). */
export const WORKBOOK_PART = "xl/workbook.xml";
export const WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";
export const SHARED_STRINGS_PART = "xl/sharedStrings.xml";
export const STYLES_PART = "xl/styles.xml";
export const WORKSHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

export function isReadPart(name: string): boolean {
  return name === WORKBOOK_PART || name === WORKBOOK_RELS_PART || name === SHARED_STRINGS_PART || name === STYLES_PART || WORKSHEET_PART.test(name);
}

export interface ZipInspection {
  entries: ZipEntry[];
  /** Where the central directory starts. */
  cdOffset: number;
  /** Merged ranges ("B3:C4") by worksheet part name. */
  merges: Map<string, string[]>;
}

/**
 * Inflates every part as a stream, keeping none of it: refuses the archive as soon as the total
 * passes `maxTotal`, a part passes MAX_RATIO × its compressed size, a part the reader parses has
 * an XML token longer than MAX_XML_TOKEN_BYTES, or styles.xml passes MAX_STYLES_BYTES. Collects
 * the sheets' merged ranges on the way (the streaming reader does not report them).
 */
export async function inspectZip(buf: Buffer, maxTotal = MAX_UNZIPPED_BYTES): Promise<{ ok: true; value: ZipInspection } | { ok: false; error: string }> {
  const zip = zipEntries(buf);
  if (!zip.ok) return zip;
  const merges = new Map<string, string[]>();
  let total = 0;
  for (const e of zip.entries) {
    if (e.method !== 0 && e.method !== 8) return { ok: false, error: NOT_XLSX };
    if (total + e.declared > maxTotal) return { ok: false, error: TOO_BIG };
    const xml = isReadPart(e.name);
    const scanner = xml ? new XmlScanner(WORKSHEET_PART.test(e.name)) : null;
    const limit = e.name === STYLES_PART ? MAX_STYLES_BYTES : Infinity;
    let size = 0;
    let problem: string | null = null;
    // A token past the bound is not parsed, but inflating goes on (keeping nothing) so that a
    // bomb is still called one: "too big" says more than "too long" about a file of spaces.
    let tooLong = false;
    const onChunk = (chunk: Buffer): boolean => {
      size += chunk.length;
      total += chunk.length;
      if (total > maxTotal || size > limit || (size > RATIO_FLOOR && size > MAX_RATIO * Math.max(1, e.compressed))) problem = TOO_BIG;
      else if (scanner && !tooLong && !scanner.feed(chunk)) tooLong = true;
      return problem === null;
    };
    const data = buf.subarray(e.start, e.end);
    if (e.method === 0) {
      for (let at = 0; at < data.length && onChunk(data.subarray(at, at + CHUNK)); at += CHUNK);
    } else {
      const ok = await inflateStreaming(data, onChunk);
      if (!ok && problem === null) return { ok: false, error: NOT_XLSX };
    }
    if (problem) return { ok: false, error: problem };
    if (tooLong) return { ok: false, error: TOO_LONG };
    if (scanner?.merges.length) merges.set(e.name, scanner.merges);
  }
  return { ok: true, value: { entries: zip.entries, cdOffset: zip.cdOffset, merges } };
}

/** Inflates `data` in steps, handing each output chunk to `onChunk` (false stops). False if the data is not valid deflate. */
function inflateStreaming(data: Buffer, onChunk: (chunk: Buffer) => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      resolve(ok);
    };
    inflate.on("data", (chunk: Buffer) => {
      if (done) return;
      if (!onChunk(chunk)) {
        finish(true);
        inflate.destroy();
      }
    });
    inflate.on("error", () => finish(false));
    inflate.on("end", () => finish(true));
    inflate.end(data);
  });
}

const LT = 0x3c;
/** Inflated bytes handled at a time; must stay below MAX_XML_TOKEN_BYTES (see XmlScanner.feed). */
const CHUNK = 64 * 1024;
const MERGE_TAG = Buffer.from("<mergeCell ");
const MERGE_REF = /\bref\s*=\s*["']([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)["']/;

/**
 * Scans XML bytes as they inflate: the distance between two "<" (one tag or text node), and the
 * merged ranges of a worksheet. Byte-level, so a chunk boundary inside a character does not matter.
 */
class XmlScanner {
  readonly merges: string[] = [];
  private run = 0;
  /** The bytes of an unfinished "<mergeCell …>" tag carried to the next chunk. */
  private carry: Buffer | null = null;

  constructor(private readonly worksheet: boolean) {}

  /** One inflated chunk, at most CHUNK bytes: shorter than a token may be, so only the stretches across its ends can pass the bound. */
  feed(chunk: Buffer): boolean {
    const first = chunk.indexOf(LT);
    if (first < 0) this.run += chunk.length;
    else {
      if (this.run + first > MAX_XML_TOKEN_BYTES) return false;
      this.run = chunk.length - chunk.lastIndexOf(LT) - 1;
    }
    if (this.run > MAX_XML_TOKEN_BYTES) return false;
    if (this.worksheet) this.mergeRefs(chunk);
    return true;
  }

  private mergeRefs(chunk: Buffer) {
    if (this.merges.length >= MAX_MERGES) return;
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let i = 0;
    for (;;) {
      const at = data.indexOf(MERGE_TAG, i);
      if (at < 0) {
        // Keep a tail that could be the start of the tag.
        const tail = data.subarray(Math.max(i, data.length - MERGE_TAG.length + 1));
        if (tail.length && tail.indexOf(LT) >= 0) this.carry = Buffer.from(tail.subarray(tail.indexOf(LT)));
        return;
      }
      const close = data.indexOf(0x3e, at);
      if (close < 0) {
        // A tag longer than any real one is not a merged range: dropped, not carried on.
        if (data.length - at < 1024) this.carry = Buffer.from(data.subarray(at));
        return;
      }
      const m = MERGE_REF.exec(data.toString("latin1", at, close));
      if (m) this.merges.push(m[1].toUpperCase());
      if (this.merges.length >= MAX_MERGES) return;
      i = close + 1;
    }
  }
}
