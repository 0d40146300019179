/**
 * THE Content-Disposition of every download, signed-in or public (RFC 6266 with the RFC 8187 /
 * 5987 extended parameter): `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<name>`.
 * Browsers that read `filename*` get the exact name (Chinese included); the rest get the fallback.
 */

/** RFC 8187 attr-char: what may stand unescaped in `filename*`. encodeURIComponent also leaves ' ( ) * and !, of which ' ( ) * are not attr-chars. */
function extValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A quoted-string of printable ASCII: every other character, the quote and backslash (which would
 * need escaping that browsers read differently) and % (which some browsers percent-decode) become "_".
 */
function asciiFallback(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
}

/**
 * The header for a file called `filename`. `fallback` is the name for clients that do not read
 * `filename*` (e.g. "objective-12.xlsx" instead of "____-_____.xlsx"); without it, the filename
 * with its non-ASCII characters replaced. Control characters are dropped and a lone surrogate
 * (which encodeURIComponent refuses) becomes U+FFFD, so no name can break the header.
 */
export function contentDisposition(filename: string, fallback?: string): string {
  const name =
    filename.replace(/[\u0000-\u001f\u007f]/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD") || "download";
  const ascii = asciiFallback(fallback ?? name) || "download";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${extValue(name)}`;
}

/** The media type of an .xlsx workbook. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
