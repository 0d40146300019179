import { describe, expect, it } from "vitest";
import { contentDisposition } from "@/lib/http/content-disposition";
import { parseContentDisposition } from "../helpers/content-disposition";

describe("contentDisposition (RFC 6266 / 8187)", () => {
  it("gives a Chinese name exactly in filename* and an ASCII fallback", () => {
    const h = contentDisposition("普通国省道路面养护专项-绩效目标申报表.xlsx", "objective-12.xlsx");
    expect(parseContentDisposition(h)).toEqual({ type: "attachment", filename: "objective-12.xlsx", filenameStar: "普通国省道路面养护专项-绩效目标申报表.xlsx" });
  });

  it("escapes the characters encodeURIComponent leaves but filename* may not hold: ' ( ) *", () => {
    const name = "可研报告(终稿)'v2'*.pdf";
    const h = contentDisposition(name);
    expect(h).toContain("%28%E7%BB%88%E7%A8%BF%29%27v2%27%2A.pdf");
    expect(parseContentDisposition(h).filenameStar).toBe(name);
  });

  it("makes the fallback a safe quoted string: no quote, backslash, percent or non-ASCII", () => {
    const h = contentDisposition('a"b\\c%41 报告.pdf');
    const parsed = parseContentDisposition(h);
    expect(parsed.filename).toBe("a_b_c_41 __.pdf");
    expect(parsed.filenameStar).toBe('a"b\\c%41 报告.pdf');
  });

  it("cannot be broken by a control character (header injection) or a lone surrogate", () => {
    const h = contentDisposition("x\r\nSet-Cookie: a=b\ud800.pdf");
    expect(h).not.toMatch(/[\r\n]/);
    expect(parseContentDisposition(h).filenameStar).toBe("xSet-Cookie: a=b\ufffd.pdf");
    expect(parseContentDisposition(contentDisposition("")).filenameStar).toBe("download");
  });
});
