import { z } from "zod";
import { GRADES, PROJECT_CATEGORIES } from "@/db/schema/enums";
import { storable, UNSTORABLE_MESSAGE } from "@/lib/validation/common";

/**
 * The public API's query strings: STRICT schemas (an unknown, repeated or malformed parameter is a
 * 400 naming it, never a silent default as on the portal's pages), with the Chinese label as each
 * parameter's title (the OpenAPI document's parameters are generated from these shapes).
 */
export const API_MAX_LIMIT = 100;
export const API_DEFAULT_LIMIT = 20;

const m = <T extends z.ZodType>(s: T, title: string, description: string) => s.meta({ title, description });
const idParam = (title: string, description: string) =>
  m(z.string().regex(/^[1-9]\d{0,9}$/, "须为正整数 / must be a positive integer").transform(Number).pipe(z.number().max(2_147_483_647, "须为正整数 / must be a positive integer")), title, description);

const year = m(z.string().regex(/^\d{4}$/, "须为四位年份 / must be a four-digit year").transform(Number).pipe(z.number().min(2000, "年份须在 2000–2100 / a year 2000–2100").max(2100, "年份须在 2000–2100 / a year 2000–2100")), "预算年度", "Fiscal year, e.g. 2027.");
const q = m(
  z
    .string()
    .max(60, "关键词最多 60 个字 / at most 60 characters")
    .refine(storable, UNSTORABLE_MESSAGE)
    .transform((v) => v.trim()),
  "关键词",
  "Keyword(s), space-separated; each must occur (title, department, unit, goals).",
);
const limit = m(
  z.string().regex(/^\d{1,3}$/, `须为 1–${API_MAX_LIMIT} 的整数 / an integer 1–${API_MAX_LIMIT}`).transform(Number).pipe(z.number().min(1, `须为 1–${API_MAX_LIMIT} 的整数 / an integer 1–${API_MAX_LIMIT}`).max(API_MAX_LIMIT, `最多 ${API_MAX_LIMIT} / at most ${API_MAX_LIMIT}`)),
  "每页条数",
  `Items per page, 1–${API_MAX_LIMIT} (default ${API_DEFAULT_LIMIT}).`,
);
const cursor = m(z.string().max(200, "游标无效 / invalid cursor").regex(/^[A-Za-z0-9_-]+$/, "游标无效 / invalid cursor"), "游标", "The previous page's nextCursor (opaque).");
const grade = m(z.enum(GRADES, "须为 excellent、good、fair 或 poor / one of excellent, good, fair, poor"), "评价等级", "Only this grade: excellent 优, good 良, fair 中, poor 差.");
const regionId = idParam("地区编号", "Only this region and the regions below it.");
const departmentId = idParam("部门编号", "Only this supervising department.");

export const objectiveListQuery = z.strictObject({
  year: year.optional(),
  regionId: regionId.optional(),
  departmentId: departmentId.optional(),
  category: m(z.enum(PROJECT_CATEGORIES, "项目类别无效 / unknown category"), "项目类别", "special_fund, other_development, operation, transfer.").optional(),
  grade: grade.optional(),
  q: q.optional(),
  limit: limit.optional(),
  cursor: cursor.optional(),
});

export const resultListQuery = z.strictObject({
  year: year.optional(),
  regionId: regionId.optional(),
  departmentId: departmentId.optional(),
  grade: grade.optional(),
  kind: m(z.enum(["self", "key"], "须为 self 或 key / self or key"), "结果类型", "self 自评 or key 重点评价.").optional(),
  q: m(z.string().max(60, "关键词最多 60 个字 / at most 60 characters").refine(storable, UNSTORABLE_MESSAGE).transform((v) => v.trim()), "关键词", "Keyword(s) in the title.").optional(),
  limit: limit.optional(),
  cursor: cursor.optional(),
});

export const summaryQuery = z.strictObject({
  year: year.optional(),
  regionId: regionId.optional(),
});

export const objectiveIdParam = m(
  z.string().regex(/^[1-9]\d{0,9}$/, "须为正整数 / must be a positive integer").transform(Number).pipe(z.number().max(2_147_483_647, "须为正整数 / must be a positive integer")),
  "公开编号",
  "The disclosure's id.",
);

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; parameter: string; message: string };

/** The query string through a strict schema; the first problem, with the parameter it concerns. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): ParseOutcome<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (k in raw) return { ok: false, parameter: k, message: "参数重复 / the parameter is given more than once" };
    raw[k] = v;
  }
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  if (issue.code === "unrecognized_keys") return { ok: false, parameter: issue.keys[0], message: "未知参数 / unknown parameter" };
  return { ok: false, parameter: String(issue.path[0] ?? "query"), message: issue.message };
}

export interface Cursor {
  fiscalYear: number;
  id: number;
}

/** The opaque cursor: base64url of the last item's sort key (fiscal year) and id. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.fiscalYear, c.id])).toString("base64url");
}

/** null when it is not one of ours. */
export function decodeCursor(s: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [fiscalYear, id] = v;
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100 || !Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
    return { fiscalYear, id };
  } catch {
    return null;
  }
}

/** Endpoints that take no query parameters refuse any. */
export const noQuery = z.strictObject({});
