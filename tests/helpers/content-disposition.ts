/**
 * Reads a Content-Disposition header back as a strict client would (RFC 6266, RFC 8187): the
 * disposition type, the quoted ASCII `filename` and the decoded `filename*`. Throws on anything
 * outside the grammar (an unquoted or non-ASCII fallback, a character not allowed unescaped in
 * `filename*`), so a test that parses a header also checks that it is well-formed.
 */
export function parseContentDisposition(header: string | null): { type: string; filename: string; filenameStar: string } {
  if (!header) throw new Error("no Content-Disposition");
  const m = /^(attachment|inline); filename="([\x20\x21\x23-\x5b\x5d-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]*)$/.exec(header);
  if (!m) throw new Error(`malformed Content-Disposition: ${header}`);
  if (/%(?![0-9A-F]{2})/.test(m[3])) throw new Error(`bad percent-escape: ${m[3]}`);
  return { type: m[1], filename: m[2], filenameStar: decodeURIComponent(m[3]) };
}
