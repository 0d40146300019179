import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { type PortalPageProps, portalLocale } from "@/lib/disclosure/portal-path";
import { API_BASE, ENDPOINTS, openApiDocument } from "@/lib/opendata/api-openapi";

export const metadata: Metadata = { title: "开放数据接口 / Open data API" };

type Prop = { type?: string | string[]; title?: string; description?: string; $ref?: string; anyOf?: Prop[]; items?: Prop; enum?: string[]; const?: string };
type Schema = { title?: string; description?: string; properties?: Record<string, Prop>; required?: string[] };
type Param = { name: string; in: string; description: string; schema: Prop & { pattern?: string } };

/** A field's type as a reader wants it: "string", "ObjectiveSummary[]", "Grade | null". */
function typeOf(p: Prop): string {
  if (p.$ref) return p.$ref.split("/").at(-1)!;
  if (p.anyOf) return p.anyOf.map(typeOf).join(" | ");
  if (p.const !== undefined) return JSON.stringify(p.const);
  if (p.enum) return p.enum.join(" | ");
  if (p.type === "array" && p.items) return `${typeOf(p.items)}[]`;
  if (p.type === "object") return "object";
  return Array.isArray(p.type) ? p.type.join(" | ") : (p.type ?? "any");
}

/**
 * The API's reference, rendered on the server from the same OpenAPI document (no script, no
 * other origin: the portal's CSP forbids both). Each endpoint with its parameters, each schema
 * with its fields and their Chinese labels.
 */
export default async function ApiReference({ params }: PortalPageProps) {
  const locale = portalLocale((await params).lang);
  if (!locale) notFound();
  const doc = openApiDocument() as { info: { description: string }; paths: Record<string, { get: { parameters: Param[] } }>; components: { schemas: Record<string, Schema> } };
  const th = "border border-slate-300 bg-slate-100 px-2 py-1 text-left";
  const td = "border border-slate-300 px-2 py-1 align-top";
  return (
    <article className="space-y-8 text-sm">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-accent">开放数据接口 · Open data API</h1>
        {doc.info.description.split("\n\n").map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p>
          OpenAPI 3.1: <a className="text-navy underline" href={`${API_BASE}/openapi.json`}>{API_BASE}/openapi.json</a>
        </p>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-xs">{`curl -i '${API_BASE}/objectives?year=2027&limit=20'\ncurl -i '${API_BASE}/objectives?year=2027&limit=20&cursor=<nextCursor>'\ncurl -i -H 'If-None-Match: "<ETag>"' '${API_BASE}/summary?year=2027'`}</pre>
      </header>
      <section className="space-y-6" aria-label="接口 / Endpoints">
        {ENDPOINTS.map((e) => (
          <section key={e.path} className="space-y-2">
            <h2 className="text-lg font-semibold">
              <code>GET {API_BASE}{e.path}</code> — {e.summary}
            </h2>
            <p>{e.description}</p>
            <table className="w-full border-collapse">
              <caption className="text-left font-medium">参数 / Parameters</caption>
              <thead>
                <tr>
                  <th className={th}>name</th>
                  <th className={th}>中文</th>
                  <th className={th}>type</th>
                  <th className={th}>description</th>
                </tr>
              </thead>
              <tbody>
                {doc.paths[e.path].get.parameters.map((p) => (
                  <tr key={p.name}>
                    <td className={td}>
                      <code>{p.name}</code> ({p.in})
                    </td>
                    <td className={td}>{p.schema.title ?? p.description.split(" — ")[0]}</td>
                    <td className={td}>{typeOf(p.schema)}</td>
                    <td className={td}>{p.description.split(" — ").at(-1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </section>
      <section className="space-y-6" aria-label="数据结构 / Schemas">
        <h2 className="text-xl font-bold">数据结构 / Schemas</h2>
        {Object.entries(doc.components.schemas).map(([name, s]) => (
          <section key={name} id={name} className="space-y-2">
            <h3 className="text-base font-semibold">
              <code>{name}</code> — {s.title}
            </h3>
            {s.description ? <p>{s.description}</p> : null}
            <table className="w-full border-collapse">
              <thead>
                <tr>
                  <th className={th}>field</th>
                  <th className={th}>中文</th>
                  <th className={th}>type</th>
                  <th className={th}>description</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(s.properties ?? {}).map(([field, p]) => (
                  <tr key={field}>
                    <td className={td}>
                      <code>{field}</code>
                      {s.required?.includes(field) ? "" : " (optional)"}
                    </td>
                    <td className={td}>{p.title}</td>
                    <td className={td}>{typeOf(p)}</td>
                    <td className={td}>{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </section>
    </article>
  );
}
