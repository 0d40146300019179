import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_SECTIONS, makeTranslator, MissingMessageError, msg, translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/en";
import { zh } from "@/lib/i18n/zh";

/**
 * Every message the code asks for exists, in both languages: a static scan of the t("…") calls in
 * app/ and lib/ (literal keys exactly; `prefix.${x}` keys by their prefix), and of the keys client
 * components use against the sections the browser is sent (CLIENT_SECTIONS).
 */
const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}
const FILES = [...sourceFiles("app"), ...sourceFiles("lib")].filter((f) => !f.startsWith(path.join("lib", "i18n")));
const source = new Map(FILES.map((f) => [f, fs.readFileSync(path.join(ROOT, f), "utf8")]));

interface Use {
  file: string;
  key: string;
  /** true when the key is `prefix${…}`: key holds the prefix. */
  dynamic: boolean;
  /** t(): translated here; msg(): a reference to translate later, on the server. */
  via: "t" | "msg";
}

function usesIn(file: string): Use[] {
  const text = source.get(file)!;
  const out: Use[] = [];
  for (const m of text.matchAll(/\b(t|msg)\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|`([^`]*)`)/g)) {
    const via = m[1] as Use["via"];
    const tpl = m[4];
    if (tpl !== undefined && tpl.includes("${")) out.push({ file, key: tpl.slice(0, tpl.indexOf("${")), dynamic: true, via });
    else out.push({ file, key: m[2] ?? m[3] ?? tpl, dynamic: false, via });
  }
  return out;
}
const USES = FILES.flatMap(usesIn);

function at(dict: object, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dict);
}

/** Whether the dictionary has the key, or for a dynamic key a message under its prefix. */
function known(dict: object, use: Use): boolean {
  if (!use.dynamic) return typeof at(dict, use.key) === "string";
  const dot = use.key.lastIndexOf(".");
  const parent = at(dict, use.key.slice(0, dot));
  const stem = use.key.slice(dot + 1);
  return typeof parent === "object" && parent !== null && Object.keys(parent).some((k) => k.startsWith(stem));
}

/** The modules a client component pulls into the browser: "use client" files and what they import, transitively. */
function clientFiles(): Set<string> {
  const resolve = (from: string, spec: string): string | undefined => {
    const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(path.join(ROOT, from)), spec);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
      const rel = path.relative(ROOT, candidate);
      if (source.has(rel)) return rel;
    }
    return undefined;
  };
  const seen = new Set<string>();
  const queue = FILES.filter((f) => /^\s*["']use client["']/m.test(source.get(f)!));
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of source.get(f)!.matchAll(/^import\s+(?!type\s)[^;]*?from\s+"((?:@\/|\.{1,2}\/)[^"]+)"/gm)) {
      const dep = resolve(f, m[1]);
      // A server-only module never reaches the browser; nor does a "use server" file, which the
      // bundler replaces by references to its actions.
      if (dep && !source.get(dep)!.includes('"server-only"') && !/^\s*["']use server["']/m.test(source.get(dep)!)) queue.push(dep);
    }
  }
  return seen;
}

describe("message keys", () => {
  it("the scan finds the code's t() calls", () => {
    expect(USES.length).toBeGreaterThan(1000);
    expect(USES.some((u) => u.file.endsWith("layout.tsx") && u.key === "nav.skip")).toBe(true);
    expect(USES.some((u) => u.via === "msg" && u.key === "rules.maxChars")).toBe(true);
  });

  it("every key the code uses has a message in Chinese and in English", () => {
    const missing = USES.filter((u) => !known(zh, u) || !known(en, u)).map((u) => `${u.file}: ${u.key}${u.dynamic ? "${…}" : ""}`);
    expect(missing).toEqual([]);
  });

  it("no t() call passes an inline “中文 / English” pair: such text belongs in the dictionaries", () => {
    const pairs = USES.filter((u) => !u.dynamic && u.key.includes(" / ")).map((u) => `${u.file}: ${u.key}`);
    expect(pairs).toEqual([]);
  });

  it("client components only use keys of the sections the browser is sent", () => {
    const client = clientFiles();
    expect(client.has(path.join("app", "_components", "i18n.tsx"))).toBe(true);
    const sections = new Set<string>(CLIENT_SECTIONS);
    const outside = USES.filter((u) => u.via === "t" && client.has(u.file) && !sections.has(u.key.split(".")[0])).map((u) => `${u.file}: ${u.key}`);
    expect(outside).toEqual([]);
  });

  it("no client component imports a whole dictionary (both languages would ship to every browser)", () => {
    const client = clientFiles();
    const offenders = [...client].filter((f) => /from "@\/lib\/i18n(\/zh|\/en|\/sections\/[^"]*)?"/.test(source.get(f)!.replace(/^import type .*$/gm, "")));
    expect(offenders).toEqual([]);
  });
});

describe("t()", () => {
  it("throws on a key it does not know (in development and tests), in either language", () => {
    expect(() => translator("zh")("errors.noSuchMessage" as never)).toThrow(MissingMessageError);
    expect(() => translator("en")("nav.nothing" as never)).toThrow(/no en message "nav.nothing"/);
  });

  it("over the browser's sections, a key of another section is unknown too", () => {
    const t = makeTranslator({ common: zh.common }, "zh");
    expect(t("common.save")).toBe("保存");
    expect(() => t("nav.skip")).toThrow(MissingMessageError);
    expect(t.has?.("common.save")).toBe(true);
    expect(t.has?.("nav.skip")).toBe(false);
  });

  it("translates a msg() reference with its variables, in the reader's language", () => {
    const ref = msg("rules.maxChars", { max: 50 });
    expect(ref).toBe("rules.maxChars?max=50");
    expect(translator("zh")(ref as never)).toBe("不能超过 50 个字符");
    expect(translator("en")(ref as never)).toBe("at most 50 characters");
    expect(translator("en")(msg("rules.discloseOtherYear", { year: 2026 }) as never)).toBe("it belongs to fiscal year 2026");
    expect(() => translator("en")("rules.noSuchRule?max=1" as never)).toThrow(MissingMessageError);
  });

  it("fills variables, and shows a rule's “中文 / English” text in the reader's half", () => {
    expect(translator("en")("common.total", { n: 3 })).toBe(en.common.total.replace("{n}", "3"));
    expect(translator("en")("请填写此项 / required" as never)).toBe("required");
    expect(translator("zh")("请填写此项 / required" as never)).toBe("请填写此项");
  });
});
