import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Text a person reads is a dictionary key (lib/i18n/sections/*.{zh,en}.ts) said in the reader's
 * language, never an inline "中文 / English" pair that shows both or leans on pickLanguage to
 * split it. This scans every source line of lib/ and app/ (dictionaries included) for a pair —
 * Chinese on the left of " / ", Latin letters on the right — outside the places that are
 * bilingual on purpose, listed below with their reason.
 */
const ROOT = path.resolve(__dirname, "../..");

/** Deliberately bilingual, or not yet converted by the helper who owns it: path prefixes, with why. */
const ALLOWED: Record<string, string> = {
  "lib/opendata/": "the open-data API: its OpenAPI document and its error bodies are bilingual on purpose (one document for every client)",
  "app/(public)/portal/[lang]/api/page.tsx": "renders that OpenAPI document (its descriptions are bilingual)",
  "lib/integrity.ts": "the data checks' descriptions, printed to the operator's console by npm run gen and the tests, never to a reader",
  "app/_components/not-found-body.tsx": "the 404 page: static, it cannot read the language cookie, so it says both (docs/ARCHITECTURE.md)",
};

/** Single lines allowed in a file that is otherwise checked: the file, text the line holds, and why. */
const ALLOWED_LINES: { file: string; holds: string; why: string }[] = [
  { file: "lib/validation/common.ts", holds: "export const UNSTORABLE_MESSAGE =", why: "the open-data API's wording of the refusal (lib/opendata/api-params.ts); the app's forms use UNSTORABLE_REF" },
];

/** A pair on one line: a Chinese character, later " / " (or "）/ ") and a Latin letter. "//" is a comment, not a pair. */
const PAIR = /[\u4e00-\u9fff][^\n]*?(?<!\/)\/ [A-Za-z]/;

/** The code of a line without its comment: a comment line is dropped, a trailing // comment cut. */
function code(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("{/*")) return "";
  return line.replace(/\s\/\/\s.*$/, "").replace(/\/\*.*?\*\//g, "");
}

export function inlinePairs(source: string): number[] {
  return source.split("\n").flatMap((line, i) => (PAIR.test(code(line)) ? [i + 1] : []));
}

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : files(rel);
    return /\.(ts|tsx|mjs)$/.test(e.name) ? [rel] : [];
  });
}

describe("inline “中文 / English” pairs", () => {
  it("finds a pair in code, not in comments or in other slashes", () => {
    expect(inlinePairs(`const m = "文件不是模板 / not the template";`)).toEqual([1]);
    expect(inlinePairs(`x;\nthrow new ActionError("invalid_input", { file: \`第 \${r} 行重复 / row \${r} repeated\` });`)).toEqual([2]);
    expect(inlinePairs(`badDate: "请填写有效日期（如 2026-12-08）/ a valid date",`)).toEqual([1]);
    expect(inlinePairs(`// 批准 / 驳回: a comment\n * 中文 / English in a doc comment`)).toEqual([]);
    expect(inlinePairs(`page: "第 {page} / {pages} 页",\nconst a = "中文"; // see lib/x`)).toEqual([]);
    expect(inlinePairs(`url: "报告 https://example.org/a"`)).toEqual([]);
  });

  it("none in lib/ or app/ outside the deliberately bilingual places", () => {
    const found = [...files("lib"), ...files("app")]
      .filter((f) => !Object.keys(ALLOWED).some((prefix) => f.startsWith(prefix)))
      .flatMap((f) => {
        const lines = fs.readFileSync(path.join(ROOT, f), "utf8").split("\n");
        return inlinePairs(lines.join("\n"))
          .filter((n) => !ALLOWED_LINES.some((a) => a.file === f && lines[n - 1].includes(a.holds)))
          .map((n) => `${f}:${n}: ${lines[n - 1].trim().slice(0, 100)}`);
      });
    expect(found).toEqual([]);
  });

  it("every allowed place exists (a moved file must not leave a hole in the list)", () => {
    for (const prefix of Object.keys(ALLOWED)) expect(fs.existsSync(path.join(ROOT, prefix)), prefix).toBe(true);
    for (const a of ALLOWED_LINES) expect(inlinePairs(fs.readFileSync(path.join(ROOT, a.file), "utf8").split("\n").filter((l) => l.includes(a.holds)).join("\n")), a.file).toEqual([1]);
  });
});
