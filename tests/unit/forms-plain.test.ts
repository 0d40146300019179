import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { zh } from "@/lib/i18n/zh";
import { translator, type Locale, type MessageKey } from "@/lib/i18n";
import { objectiveSheet } from "@/lib/objective/table-layout";
import { splitEvenly } from "@/lib/objective/weights";
import { zodLocale } from "@/lib/validation/error-map";
import { basicInfo } from "@/lib/validation/objective";
import { createProjectInput } from "@/lib/validation/project";
import { createUserInput } from "@/lib/validation/admin";
import type { z } from "zod";

/** What a form shows on each field after a parse, as defineAction words it (issue.message through the dictionary). */
function fieldMessages(schema: z.ZodType, input: unknown, locale: Locale = "zh") {
  const t = translator(locale);
  const parsed = schema.safeParse(input, { error: zodLocale(locale) });
  const out: Record<string, string[]> = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) (out[issue.path.join(".") || "_form"] ??= []).push(t(issue.message as MessageKey));
  return out;
}

const project = { name: "普通国省道改造", tier: 1, category: "special_fund", ownerOrgId: 1, startYear: 2027, endYear: 2027, totalAmount: "100", fundSource: "general_budget", policyBasis: null, isNew: true };

describe("forms that speak plainly", () => {
  it("every dictionary key a validation schema uses as a message has a Chinese and an English text", () => {
    const dir = join(process.cwd(), "lib/validation");
    const sections = new Set(Object.keys(zh));
    const keys = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      for (const [, key] of readFileSync(join(dir, file), "utf8").matchAll(/"([a-zA-Z]+(?:\.[a-zA-Z_]+)+)"/g)) {
        if (sections.has(key.split(".")[0])) keys.add(key);
      }
    }
    expect([...keys]).toEqual(expect.arrayContaining(["errors.passwordPolicy", "errors.phone", "errors.choose", "errors.required", "evaluation.errors.score"]));
    const missing: string[] = [];
    for (const key of keys) {
      for (const [name, dict] of [["zh", zh], ["en", en]] as const) {
        let node: unknown = dict;
        for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
        if (typeof node !== "string" || !node.trim()) missing.push(`${name}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("项目类别 left at 请选择 says 请选择一项, never zod's list of values, in either language", () => {
    const zhErrors = fieldMessages(createProjectInput, { ...project, category: "" });
    expect(zhErrors.category).toEqual(["请选择一项"]);
    expect(JSON.stringify(zhErrors)).not.toMatch(/special_fund|期望|无效/);
    const enErrors = fieldMessages(createProjectInput, { ...project, category: "" }, "en");
    expect(enErrors.category).toEqual(["Please choose one"]);
    expect(fieldMessages(createProjectInput, { ...project, fundSource: undefined }).fundSource).toEqual(["请选择一项"]);
  });

  it("the project form reports every problem in one answer: a bad category and years in the wrong order together", () => {
    const errors = fieldMessages(createProjectInput, { ...project, category: "", startYear: 2028, endYear: 2027 });
    expect(errors.category).toEqual(["请选择一项"]);
    expect(errors.endYear).toEqual(["结束年度不能早于开始年度"]);
  });

  it("a call with no form at all (null, a number) is refused as input, not a crash of the cross-field rules", () => {
    for (const input of [null, 42, "x"]) expect(createProjectInput.safeParse(input).success).toBe(false);
  });

  it("a phone 'abc电话' is refused with the rule; a real number is kept", () => {
    const basic = { name: "普通国省道改造", category: "special_fund", startYear: 2027, endYear: 2027, contactName: "刘芳", policyBasis: null, servesPublic: false };
    expect(fieldMessages(basicInfo, { ...basic, contactPhone: "abc电话" }).contactPhone).toEqual(["请填写电话号码：7–20 位，只能包含数字、空格、+、- 和括号"]);
    expect(fieldMessages(basicInfo, { ...basic, contactPhone: "123" }).contactPhone).toHaveLength(1);
    expect(fieldMessages(basicInfo, { ...basic, contactPhone: "020-83731234" })).toEqual({});
    expect(fieldMessages(basicInfo, { ...basic, contactPhone: "+86 (20) 8373 1234" })).toEqual({});
    expect(fieldMessages(basicInfo, { ...basic, contactPhone: "" })).toEqual({});
    const user = { username: "li.fang", displayName: "李芳", orgId: 1, roles: ["unit_filer"], password: "Start2026x-Long-Enough" };
    expect(fieldMessages(createUserInput, { ...user, phone: "abc电话" }, "en").phone).toEqual(["Enter a phone number: 7–20 characters of digits, spaces, +, - and parentheses"]);
  });

  it("weights left blank are split so that they add up to exactly 100.00 (7 rows: 14.29 ×4, 14.28 ×3)", () => {
    const seven = splitEvenly(7);
    expect(seven).toEqual(["14.29", "14.29", "14.29", "14.29", "14.28", "14.28", "14.28"]);
    expect(seven.reduce((s, w) => s + Math.round(Number(w) * 100), 0)).toBe(10000);
    for (const n of [1, 3, 6, 9, 11, 13]) expect(splitEvenly(n).reduce((s, w) => s + Math.round(Number(w) * 100), 0)).toBe(10000);

    // The printed 绩效目标表 shows these shares in its 分值 column.
    const rows = Array.from({ length: 7 }, (_, i) => ({ ordinal: i, level1: "output", level2: "quantity", name: `指标${i + 1}`, comparison: "gte" as const, annualTarget: "1", periodTarget: "1", unit: "个", weight: null }));
    const sheet = objectiveSheet(
      {
        subjectKind: "project",
        fiscalYear: 2027,
        subtitle: "",
        name: "测试项目",
        regionLevel: "province",
        financeName: "省财政厅",
        departmentName: "省交通运输厅",
        ownerName: "省公路事务中心",
        amountYuan: "100.00",
        overallGoal: "目标",
        annualGoal: "目标",
        indicators: rows,
        declaration: { attribute: "新增项目", period: "2027年—2027年", funding: [], fundUses: "", plan: [] },
      },
      translator("zh"),
    );
    const weightColumn = sheet.rows.slice(sheet.indicatorStart, sheet.indicatorStart + 7).map((r) => r.cells.at(-2)?.text);
    expect(weightColumn.reduce((s, w) => s + Math.round(Number(w) * 100), 0)).toBe(10000);
    expect(weightColumn.filter((w) => w === "14.29")).toHaveLength(4);
  });
});
