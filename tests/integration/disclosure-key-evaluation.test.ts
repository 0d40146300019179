import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { auditLog, disclosures, keyEvaluationReports, objectives, users } from "@/db/schema";
import { acceptKeyEvaluationAction } from "@/lib/actions/evaluation/accept-key-evaluation";
import { createKeyEvaluationAction } from "@/lib/actions/evaluation/create-key-evaluation";
import { fillOwnKeyEvaluationAction } from "@/lib/actions/evaluation/fill-own-key-evaluation";
import { discloseKeyEvaluation } from "@/lib/actions/disclosure/disclose-key-evaluation";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { PUBLIC_DISCLOSURE_TAG } from "@/lib/disclosure/cache";
import { keyCandidates } from "@/lib/disclosure/manage-key";
import { publicDetail } from "@/lib/disclosure/public";
import { requireActor } from "@/lib/auth/current-user";
import { GET as keyReport } from "@/app/(public)/portal/key-reports/[id]/route";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const HEALTH = "重点传染病防控项目";
const ROAD = "普通国省道改造";
const HEALTH_PDF = Buffer.from("%PDF-1.4 重点传染病防控项目绩效评价报告");
const ROAD_PDF = Buffer.from("%PDF-1.4 普通国省道改造绩效评价报告（未公开）");

const objectiveNamed = async (title: string) => (await database.db.select().from(objectives).where(eq(objectives.title, title)))[0];
const scores = (d: string, p: string, o: string, b: string) => ({
  decision: { score: d, evidence: "立项依据充分" },
  process: { score: p, evidence: "资金到位及时" },
  output: { score: o, evidence: "筛查人数未达目标" },
  benefit: { score: b, evidence: "发病率高于目标" },
});
async function objectiveDisclosureId(objectiveId: number) {
  const [row] = await database.db.select().from(disclosures).where(and(eq(disclosures.objectiveId, objectiveId), eq(disclosures.subjectType, "objective"), isNull(disclosures.withdrawnAt)));
  return row.id;
}
/** Finance runs a key evaluation itself, scores it and attaches the report file; accepted or left submitted. */
async function keyEvaluation(title: string, pdf: Buffer, accept: boolean) {
  const o = await objectiveNamed(title);
  await signInAs(database, "reviewer");
  const created = await createKeyEvaluationAction({ objectiveId: o.id, agencyOrgId: null });
  const id = (created as { data: { id: number } }).data.id;
  expect(
    await fillOwnKeyEvaluationAction({ keyEvaluationId: id, version: 1, scores: scores("18", "17.5", "24", "20.5"), findings: "基层筛查点建设滞后。", recommendations: "加快基层筛查点建设。" }),
  ).toMatchObject({ ok: true, data: { total: "80.00", grade: "good" } });
  const [u] = await database.db.select().from(users).where(eq(users.username, "reviewer"));
  await database.db.insert(keyEvaluationReports).values({ keyEvaluationId: id, filename: `${title}评价报告.pdf`, mime: "application/pdf", size: pdf.length, data: pdf, uploadedBy: u.id });
  if (accept) expect(await acceptKeyEvaluationAction({ keyEvaluationId: id, version: 2 })).toMatchObject({ ok: true });
  return { id, objectiveId: o.id };
}
async function fetchReport(disclosureId: number | string) {
  const res = await keyReport(new Request(`http://x/portal/key-reports/${disclosureId}`), { params: Promise.resolve({ id: String(disclosureId) }) });
  return { status: res.status, body: res.status === 200 ? Buffer.from(await res.arrayBuffer()) : null, disposition: res.headers.get("Content-Disposition") };
}

describe("finance discloses an accepted key evaluation with its report, and withdraws it", () => {
  it("refuses before acceptance; after disclosure the 重点评价结果 and the report are public; withdrawn, both are gone at once", async () => {
    const health = await keyEvaluation(HEALTH, HEALTH_PDF, false);
    await signInAs(database, "admin");
    const early = await discloseKeyEvaluation({ keyEvaluationId: health.id });
    expect(early).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!early.ok && early.fieldErrors?.keyEvaluationId?.[0]).toContain("验收");
    expect((await keyCandidates(database.db, await requireActor(), 2026)).rows).not.toContainEqual(expect.objectContaining({ id: health.id }));
    await signInAs(database, "reviewer");
    expect(await acceptKeyEvaluationAction({ keyEvaluationId: health.id, version: 2 })).toMatchObject({ ok: true });

    await signInAs(database, "admin");
    expect((await keyCandidates(database.db, await requireActor(), 2026)).rows).toContainEqual(expect.objectContaining({ id: health.id, title: HEALTH, score: "80.00", grade: "good" }));
    const pageId = await objectiveDisclosureId(health.objectiveId);
    expect((await publicDetail(database.db, pageId))?.keyEvaluation).toBeNull();
    // Only finance with disclosure.manage may disclose.
    await signInAs(database, "reviewer");
    expect(await discloseKeyEvaluation({ keyEvaluationId: health.id })).toMatchObject({ ok: false, code: "forbidden" });

    await signInAs(database, "admin");
    vi.mocked(revalidateTag).mockClear();
    const done = await discloseKeyEvaluation({ keyEvaluationId: health.id });
    expect(done).toMatchObject({ ok: true });
    expect(revalidateTag).toHaveBeenCalledWith(PUBLIC_DISCLOSURE_TAG, { expire: 0 });
    const disclosureId = (done as { data: { id: number } }).data.id;
    expect(await discloseKeyEvaluation({ keyEvaluationId: health.id })).toMatchObject({ ok: false, code: "invalid_input" });
    expect((await keyCandidates(database.db, await requireActor(), 2026)).rows).not.toContainEqual(expect.objectContaining({ id: health.id }));
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "disclosure.publish"), eq(auditLog.objectId, String(disclosureId))));
    expect(audit.after).toMatchObject({ keyEvaluationId: health.id, score: "80.00", grade: "good" });

    const block = (await publicDetail(database.db, pageId))?.keyEvaluation;
    expect(block).toMatchObject({
      disclosureId,
      score: "80.00",
      grade: "good",
      findings: "基层筛查点建设滞后。",
      recommendations: "加快基层筛查点建设。",
      report: { filename: `${HEALTH}评价报告.pdf`, size: HEALTH_PDF.length },
    });
    expect(block?.dimensions).toEqual([
      { dimension: "decision", points: "20", score: "18" },
      { dimension: "process", points: "20", score: "17.5" },
      { dimension: "output", points: "30", score: "24" },
      { dimension: "benefit", points: "30", score: "20.5" },
    ]);
    // The self-evaluation block is not confused with it.
    expect((await publicDetail(database.db, pageId))?.evaluation?.score).not.toBe("80.00");
    const file = await fetchReport(disclosureId);
    expect(file.status).toBe(200);
    expect(file.body?.equals(HEALTH_PDF)).toBe(true);
    expect(file.disposition).toContain(encodeURIComponent(`${HEALTH}评价报告.pdf`));
    // Never by the objective page's disclosure id, nor by the key evaluation's own id.
    expect((await fetchReport(pageId)).status).toBe(404);
    expect((await fetchReport("abc")).status).toBe(404);

    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.id, disclosureId));
    vi.mocked(revalidateTag).mockClear();
    expect(await withdrawDisclosure({ disclosureId, version: row.version, reason: "评价报告需修订后再公开" })).toMatchObject({ ok: true });
    expect(revalidateTag).toHaveBeenCalledWith(PUBLIC_DISCLOSURE_TAG, { expire: 0 });
    expect((await publicDetail(database.db, pageId))?.keyEvaluation).toBeNull();
    expect(await fetchReport(disclosureId)).toMatchObject({ status: 404, body: null });
    // Back on finance's desk, disclosable again.
    expect((await keyCandidates(database.db, await requireActor(), 2026)).rows).toContainEqual(expect.objectContaining({ id: health.id }));
  });

  it("an accepted key evaluation that was never disclosed: its report is reachable by no public id", async () => {
    const road = await keyEvaluation(ROAD, ROAD_PDF, true);
    const all = await database.db.select({ id: disclosures.id }).from(disclosures);
    const ids = [...all.map((d) => d.id), road.id, road.objectiveId, all.length + 1, all.length + 2];
    for (const id of ids) {
      const got = await fetchReport(id);
      expect(got.body?.equals(ROAD_PDF) ?? false).toBe(false);
    }
    expect((await fetchReport(road.id)).status).toBe(404);
  });
});
