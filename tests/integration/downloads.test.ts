import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { Readable } from "node:stream";
import { attachments, auditLog, objectives, users } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { defineDownload } from "@/lib/http/download";
import { GET as auditExport } from "@/app/(site)/(app)/admin/audit/export/route";
import { GET as attachmentGet } from "@/app/api/attachments/[id]/route";
import { GET as congressGet } from "@/app/api/evaluation/congress/route";
import { GET as selfTemplateGet } from "@/app/api/evaluation/[id]/template/route";
import { GET as keyReportGet } from "@/app/api/evaluation/key-report/[id]/route";
import { GET as selfEvidenceGet } from "@/app/api/evaluation/evidence/[id]/route";
import { GET as monitoringTemplateGet } from "@/app/api/monitoring/reports/[id]/template/route";
import { GET as monitoringEvidenceGet } from "@/app/api/monitoring/evidence/[id]/route";
import { GET as indicatorExport } from "@/app/api/indicators/export/route";
import { GET as indicatorEvidenceGet } from "@/app/api/indicators/evidence/[id]/route";
import { GET as objectiveExport } from "@/app/api/objectives/[id]/export/route";
import { createTestDatabase } from "../helpers/db";
import { parseContentDisposition } from "../helpers/content-disposition";
import { actAsSession, auditCount, signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const at = (url: string, id?: string | number) => [new Request(`http://x${url}`), { params: Promise.resolve({ id: String(id) }) }] as const;
const lastDenied = async () =>
  (await database.db.select().from(auditLog).where(eq(auditLog.action, "access.denied")).orderBy(desc(auditLog.id)).limit(1))[0];

describe("defineDownload: what every signed-in download does", () => {
  let calls = 0;
  const probe = defineDownload<{ id: string }>({
    name: "test.probe",
    permission: "project.read",
    load: async (_request, { actor, params }) => {
      calls++;
      switch (params.id) {
        case "out-of-scope":
          throw new ActionError("not_found", undefined, { type: "probe_file", id: 7 });
        case "missing":
          throw new ActionError("not_found");
        case "bad":
          throw new ActionError("invalid_input", { year: "year" });
        case "race":
          throw new ActionError("conflict");
        case "broken":
          throw new Error("relation secret_table at /srv/app/lib/x.ts:12 with $1 = 'password'");
        case "stream":
          return { filename: "流.txt", contentType: "text/plain", body: Readable.from([Buffer.from("一"), Buffer.from("二")]) };
        default:
          return {
            filename: `${actor.username}的文件(1).txt`,
            contentType: "text/plain; charset=utf-8",
            body: "内容",
            audit: { action: "indicator.evidence", objectType: "probe_file", objectId: params.id },
          };
      }
    },
  });
  const get = (id: string) => probe(new Request("http://x/"), { params: Promise.resolve({ id }) });

  it("answers a visitor 401 and a reader without the permission 403 (audited), before loading anything", async () => {
    actAsSession(null);
    const anon = await get("ok");
    expect(anon.status).toBe(401);
    expect(anon.headers.get("Content-Disposition")).toBeNull();
    await signInAs(database, "evaluator");
    const before = await auditCount(database, "access.denied");
    expect((await get("ok")).status).toBe(403);
    expect(await auditCount(database, "access.denied")).toBe(before + 1);
    expect(await lastDenied()).toMatchObject({ objectType: "download", objectId: "test.probe", after: { action: "test.probe", code: "forbidden" } });
    expect(calls).toBe(0);
  });

  it("refuses a user who must change their password first, as actions do", async () => {
    await signInAs(database, "filer2");
    await database.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, "filer2"));
    try {
      const res = await get("ok");
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("change your password");
      expect(calls).toBe(0);
    } finally {
      await database.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, "filer2"));
    }
  });

  it("maps the loader's refusals to 404 / 400 / 409 with a short body; an out-of-scope reach is audited, a missing one is not", async () => {
    await signInAs(database, "filer");
    const before = await auditCount(database, "access.denied");
    const refused = await get("out-of-scope");
    expect([refused.status, await refused.text()]).toEqual([404, "Not found\n"]);
    expect(await auditCount(database, "access.denied")).toBe(before + 1);
    expect(await lastDenied()).toMatchObject({ objectType: "probe_file", objectId: "7", after: { action: "test.probe", code: "not_found" } });
    expect((await get("missing")).status).toBe(404);
    expect(await auditCount(database, "access.denied")).toBe(before + 1);
    const bad = await get("bad");
    expect([bad.status, await bad.text()]).toEqual([400, "Bad request: year\n"]);
    expect((await get("race")).status).toBe(409);
  });

  it("answers an internal error 500 with an id only: no message, no stack, no query parameters", async () => {
    await signInAs(database, "filer");
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(" "));
    try {
      const res = await get("broken");
      const body = await res.text();
      expect(res.status).toBe(500);
      expect(body).toMatch(/^Internal error [0-9a-f]{8}\n$/);
      expect(errors.join("\n")).toContain(body.trim().split(" ")[2]);
    } finally {
      console.error = original;
    }
  });

  it("serves the file with one correct Content-Disposition, nosniff, no-store, its length, and its audit row", async () => {
    await signInAs(database, "filer");
    const res = await get("f1");
    expect(res.status).toBe(200);
    expect(parseContentDisposition(res.headers.get("Content-Disposition"))).toMatchObject({ type: "attachment", filenameStar: "filer的文件(1).txt" });
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Length")).toBe(String(Buffer.byteLength("内容")));
    expect(await res.text()).toBe("内容");
    const [row] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "indicator.evidence"), eq(auditLog.objectType, "probe_file")));
    expect(row).toMatchObject({ objectId: "f1", actorName: "filer" });
    const streamed = await get("stream");
    expect(await streamed.text()).toBe("一二");
  });
});

describe("every signed-in download refuses a visitor, a reader out of scope and a wrong role", () => {
  /** Each route with an address that is never there (a number, a uuid) and whether it needs a role up front. */
  const routes = [
    ["attachments", () => attachmentGet(...at("/api/attachments/x", "00000000-0000-4000-8000-000000000000")), false],
    ["self-evaluation evidence", () => selfEvidenceGet(...at("/api/evaluation/evidence/x", "00000000-0000-4000-8000-000000000000")), false],
    ["self-evaluation template", () => selfTemplateGet(...at("/api/evaluation/x/template", 2_000_000)), false],
    ["key report", () => keyReportGet(...at("/api/evaluation/key-report/x", 2_000_000)), false],
    ["monitoring template", () => monitoringTemplateGet(...at("/api/monitoring/reports/x/template", 2_000_000)), true],
    ["monitoring evidence", () => monitoringEvidenceGet(...at("/api/monitoring/evidence/x", "00000000-0000-4000-8000-000000000000")), true],
    ["indicator evidence", () => indicatorEvidenceGet(...at("/api/indicators/evidence/x", "00000000-0000-4000-8000-000000000000")), false],
    ["objective export", () => objectiveExport(...at("/api/objectives/x/export", 2_000_000)), false],
  ] as const;

  it.each(routes)("%s: 401 signed out, 404 for what is not there (or a malformed id), 403 without project.read where it is required", async (_name, call, needsRole) => {
    actAsSession(null);
    expect((await call()).status).toBe(401);
    await signInAs(database, "filer");
    expect((await call()).status).toBe(404);
    await signInAs(database, "evaluator");
    expect((await call()).status).toBe(needsRole ? 403 : 404);
  });

  it("a malformed id is 404, not 500", async () => {
    await signInAs(database, "filer");
    for (const id of ["abc", "-1", "1e3", "99999999999", "0"]) expect((await objectiveExport(...at("/api/objectives/x/export", id))).status).toBe(404);
    expect((await attachmentGet(...at("/api/attachments/x", "not-a-uuid"))).status).toBe(404);
  });
});

describe("the downloads themselves", () => {
  async function roadObjective() {
    const [o] = await database.db.select().from(objectives).where(eq(objectives.title, "普通国省道路面养护专项"));
    return o;
  }

  it("an attachment: its unit reads it under its exact Chinese name; another unit and another city get 404, audited against the attachment", async () => {
    const o = await roadObjective();
    const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, "filer"));
    const name = "可行性研究报告(终稿)'2026'.pdf";
    const data = Buffer.from("%PDF-1.7 可研");
    const [a] = await database.db
      .insert(attachments)
      .values({ versionId: o.currentVersionId!, kind: "feasibility", filename: name, mime: "application/pdf", size: data.length, data, uploadedBy: u.id })
      .returning({ id: attachments.id });
    const get = () => attachmentGet(...at("/api/attachments/x", a.id));
    await signInAs(database, "filer");
    const ok = await get();
    expect(ok.status).toBe(200);
    expect(parseContentDisposition(ok.headers.get("Content-Disposition")).filenameStar).toBe(name);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await ok.arrayBuffer()).equals(data)).toBe(true);
    for (const other of ["filer2", "gz.reviewer"]) {
      await signInAs(database, other);
      const before = await auditCount(database, "access.denied");
      expect((await get()).status).toBe(404);
      expect(await auditCount(database, "access.denied")).toBe(before + 1);
      expect(await lastDenied()).toMatchObject({ objectType: "attachment", objectId: a.id, actorName: other, after: { action: "attachment.download", code: "not_found" } });
    }
  });

  it("a declaration's 申报表: named after the objective, ASCII fallback by id; another region's finance gets 404", async () => {
    const o = await roadObjective();
    await signInAs(database, "filer");
    const res = await objectiveExport(...at(`/api/objectives/${o.id}/export`, o.id));
    expect(res.status).toBe(200);
    expect(parseContentDisposition(res.headers.get("Content-Disposition"))).toEqual({
      type: "attachment",
      filename: `objective-${o.id}.xlsx`,
      filenameStar: "普通国省道路面养护专项-绩效目标申报表.xlsx",
    });
    await signInAs(database, "gz.reviewer");
    expect((await objectiveExport(...at(`/api/objectives/${o.id}/export`, o.id))).status).toBe(404);
    expect((await objectiveExport(...at(`/api/objectives/${o.id}/export?v=999`, o.id))).status).toBe(404);
  });

  it("the audit log export: audit.read only; 操作日志.xlsx for a Chinese reader", async () => {
    actAsSession(null);
    expect((await auditExport(new Request("http://x/admin/audit/export"))).status).toBe(401);
    await signInAs(database, "filer");
    expect((await auditExport(new Request("http://x/admin/audit/export"))).status).toBe(403);
    await signInAs(database, "admin");
    const res = await auditExport(new Request("http://x/admin/audit/export"));
    expect(res.status).toBe(200);
    expect(parseContentDisposition(res.headers.get("Content-Disposition"))).toEqual({ type: "attachment", filename: "audit-log.xlsx", filenameStar: "操作日志.xlsx" });
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("the congress pack: a year that is not one is 400; a reader without project.read 403; named by the year", async () => {
    await signInAs(database, "reviewer");
    const bad = await congressGet(new Request("http://x/api/evaluation/congress?year=abc"));
    expect([bad.status, await bad.text()]).toEqual([400, "Bad request: year\n"]);
    const res = await congressGet(new Request("http://x/api/evaluation/congress?year=2026"));
    expect(res.status).toBe(200);
    expect(parseContentDisposition(res.headers.get("Content-Disposition"))).toEqual({ type: "attachment", filename: "congress-2026.xlsx", filenameStar: "2026年度人大报送材料.xlsx" });
    await signInAs(database, "evaluator");
    expect((await congressGet(new Request("http://x/api/evaluation/congress?year=2026"))).status).toBe(403);
  });

  it("the indicator bank: 指标库.xlsx", async () => {
    await signInAs(database, "filer");
    const res = await indicatorExport(new Request("http://x/api/indicators/export?sector=%E4%BA%A4%E9%80%9A%E8%BF%90%E8%BE%93"));
    expect(parseContentDisposition(res.headers.get("Content-Disposition"))).toEqual({ type: "attachment", filename: "indicators.xlsx", filenameStar: "指标库.xlsx" });
    await res.arrayBuffer();
  });
});
