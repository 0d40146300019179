import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { pickLanguage, translator } from "@/lib/i18n";
import { zh } from "@/lib/i18n/zh";

function leaves(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}
function texts(o: object): string[] {
  return Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : texts(v)));
}

describe("languages", () => {
  it("English has every Chinese key, and no key is left empty", () => {
    expect(leaves(en).sort()).toEqual(leaves(zh).sort());
    for (const d of [zh, en]) for (const text of texts(d)) expect(text.trim().length).toBeGreaterThan(0);
  });

  it("a rule's message shows the reader's half", () => {
    const m = "第3步 · 请填写总体目标 / Step 3 · the overall objective is required";
    expect(pickLanguage(m, "zh")).toBe("第3步 · 请填写总体目标");
    expect(pickLanguage(m, "en")).toBe("Step 3 · the overall objective is required");
    expect(pickLanguage("只有中文", "en")).toBe("只有中文");
    expect(translator("en")("errors.forbidden")).toBe("You may not do this.");
    expect(translator("zh")("errors.forbidden")).toBe("您无权执行此操作。");
  });
});
