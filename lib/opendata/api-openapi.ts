import { z } from "zod";
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, objectiveIdParam, objectiveListQuery, resultListQuery, summaryQuery } from "./api-params";
import { apiError, objectiveDetail, objectivePage, resultPage, summary } from "./schemas";

/**
 * The public API's OpenAPI 3.1 document, generated from the zod schemas that shape the answers
 * (lib/opendata/schemas.ts) and parse the queries (api-params.ts), with zod 4's z.toJSONSchema
 * (JSON Schema 2020-12, OpenAPI 3.1's dialect). Each schema's $defs become components.
 */
export const API_BASE = "/api/public/v1";

type Json = Record<string, unknown>;

function toComponents(schemas: z.ZodType[], io: "input" | "output" = "output"): Record<string, Json> {
  const components: Record<string, Json> = {};
  for (const s of schemas) {
    const raw = z.toJSONSchema(s, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
    const text = JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/');
    const { $defs, $schema, ...root } = JSON.parse(text) as Json & { $defs?: Record<string, Json> };
    void $schema;
    Object.assign(components, $defs ?? {});
    const id = (z.globalRegistry.get(s) as { id?: string } | undefined)?.id;
    if (id && !$defs?.[id]) components[id] = root;
  }
  return components;
}

/** A query's parameters, from its strict object's shape (the input side: what a client sends). */
function parameters(query: z.ZodObject): Json[] {
  return Object.entries(query.shape).map(([name, s]) => {
    const { $schema, title, description, ...schema } = z.toJSONSchema(s as z.ZodType, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Json;
    void $schema;
    return { name, in: "query", required: false, description: `${title ?? ""} — ${description ?? ""}`, schema: { ...schema, title } };
  });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonOf = (id: string, description: string, headers: Json = {}) => ({ description, headers, content: { "application/json": { schema: ref(id) } } });
const ETAG = { ETag: { description: "实体标签 / entity tag: send it back in If-None-Match", schema: { type: "string" } } };
const errors = {
  "400": jsonOf("Error", "参数错误 / a bad parameter (named in `parameter`)"),
  "429": jsonOf("Error", "请求过于频繁 / rate limited", { "Retry-After": { description: "秒 / seconds", schema: { type: "integer" } } }),
  "503": jsonOf("Error", "暂时无法提供 / temporarily unavailable (the database), never for anything the client sent", { "Retry-After": { description: "秒 / seconds", schema: { type: "integer" } } }),
};
const notModified = { "304": { description: "未变化 / not modified (If-None-Match matched)", headers: ETAG } };
const ifNoneMatch = { name: "If-None-Match", in: "header", required: false, description: "条件请求 / the ETag of the copy you hold", schema: { type: "string" } };

function get(summaryText: string, description: string, params: Json[], ok: Json, extra: Json = {}) {
  return { get: { summary: summaryText, description, parameters: [...params, ifNoneMatch], responses: { "200": ok, ...notModified, ...errors, ...extra } } };
}

export interface EndpointDoc {
  path: string;
  summary: string;
  description: string;
  query: z.ZodObject | null;
  response: z.ZodType;
}

/** The endpoints, for the document and the reference page (app/(public)/portal/[lang]/api). */
export const ENDPOINTS: EndpointDoc[] = [
  { path: "/objectives", summary: "绩效目标列表 / disclosed objectives", description: `Live disclosures of performance objectives, newest fiscal year first, then newest disclosure first. Cursor pagination: pass the answer's nextCursor as cursor; limit 1–${API_MAX_LIMIT} (default ${API_DEFAULT_LIMIT}).`, query: objectiveListQuery, response: objectivePage },
  { path: "/objectives/{id}", summary: "绩效目标详情 / one disclosed objective", description: "The objective's table as disclosed: goals, budget by source, indicator table, and its disclosed self-evaluation and key-evaluation results. 404 unless its disclosure is live.", query: null, response: objectiveDetail },
  { path: "/results", summary: "评价结果列表 / disclosed evaluation results", description: "Live disclosures of self-evaluation (自评) and key-evaluation (重点评价) results, same order and paging as /objectives.", query: resultListQuery, response: resultPage },
  { path: "/summary", summary: "年度汇总 / the year's figures", description: "A region's (and the regions below it) disclosed budget of a year: by region, by department, by grade. Default: the province and the newest year with disclosures.", query: summaryQuery, response: summary },
];

const OPERATION_IDS: Record<string, string> = { "/objectives": "listObjectives", "/objectives/{id}": "getObjective", "/results": "listResults", "/summary": "getSummary" };

export function openApiDocument(): Json {
  const idParam = { name: "id", in: "path", required: true, description: "公开编号 — The disclosure's id.", schema: (({ $schema, ...s }) => (void $schema, s))(z.toJSONSchema(objectiveIdParam, { io: "input" }) as Json) };
  const responses: Record<string, z.ZodType> = { "/objectives": objectivePage, "/objectives/{id}": objectiveDetail, "/results": resultPage, "/summary": summary };
  const paths: Json = {};
  for (const e of ENDPOINTS) {
    const id = (z.globalRegistry.get(responses[e.path]) as { id: string }).id;
    const ok = jsonOf(id, "成功 / OK", ETAG);
    const params = e.query ? parameters(e.query) : [idParam];
    const extra = e.path === "/objectives/{id}" || e.path === "/summary" ? { "404": jsonOf("Error", "没有 / not found (never disclosed, withdrawn, or unknown)") } : {};
    const path = get(e.summary, e.description, params, ok, extra);
    paths[e.path] = { get: { operationId: OPERATION_IDS[e.path], ...path.get } };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "预算绩效公开数据接口 / Budget performance open data API",
      version: "1.0.0",
      description:
        "只读、公开、无需登录。只有现行公开（未撤回）的内容可读；撤回即时生效。金额为以元为单位的十进制字符串。\n\nRead-only and public, no sign-in. Only what has a live (not withdrawn) disclosure is readable; a withdrawal takes effect at once. Amounts are decimal strings in 元 (CNY). Each answer carries an ETag (If-None-Match → 304) and Cache-Control: no-cache; CORS is open for GET; each client address has a rate limit (429 with Retry-After).",
      license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: API_BASE }],
    paths,
    components: { schemas: toComponents([objectivePage, objectiveDetail, resultPage, summary, apiError]) },
  };
}
