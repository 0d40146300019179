import fs from "node:fs";
import type pg from "pg";
import { request } from "./http";

const COUNT = 200;

/**
 * The server action's id in this build: server actions are POSTs to a page with a `Next-Action`
 * header naming the action, which the build records in server-reference-manifest.json.
 */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, { exportedName?: string }> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportedName || Object.values(entry.workers).some((w) => w.exportedName === exportedName)) return id;
  }
  throw new Error(`server action ${exportedName} is not in this build`);
}

/** Calls a server action over HTTP exactly as the browser's form does; ok is the action's own verdict. */
export async function callAction(base: string, page: string, id: string, cookie: string, input: unknown): Promise<{ status: number; ok: boolean; body: string }> {
  const res = await request(`${base}${page}`, {
    method: "POST",
    headers: {
      "next-action": id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: base,
      cookie,
    },
    body: JSON.stringify([input]),
  });
  return { status: res.status, ok: res.status === 200 && res.body.includes('"ok":true'), body: res.body };
}

async function pool<T>(items: T[], width: number, fn: (x: T) => Promise<void>) {
  let i = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (i < items.length) await fn(items[i++]);
  }));
}

/** A generated draft declaration and its filer, as the benchmarks submit it. */
export interface Draft {
  id: number;
  version: number;
  username: string;
  editVersion: number;
  requestedAmount: string;
  funding: unknown[];
  fundUses: string | null;
}

function percentiles(times: number[]) {
  const sorted = [...times].sort((x, y) => x - y);
  const p = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
  return `p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`;
}

/** All calls fired at the same moment; returns the answers and the wall time. */
async function atOnce(drafts: Draft[], call: (d: Draft) => Promise<{ ok: boolean; body: string }>) {
  const started = performance.now();
  const times: number[] = [];
  const answers = await Promise.all(
    drafts.map(async (d) => {
      const t0 = performance.now();
      const r = await call(d);
      times.push(performance.now() - t0);
      return r;
    }),
  );
  return { wall: Math.round(performance.now() - started), times, ok: answers.filter((a) => a.ok).length, firstFailure: answers.find((a) => !a.ok)?.body.slice(0, 300) };
}

/**
 * 200 filers, each signed in, first save step 2 of their own draft declaration and then submit
 * it, each batch at the same moment. Afterwards the database must show every save applied once
 * (edit counter up by exactly one, one saveStep audit row) and every declaration submitted
 * exactly once (department review, one submit audit row): none lost, none duplicated.
 * Returns the summary lines.
 */
export async function submitConcurrently(client: pg.Client, base: string, signIn: (base: string, username: string) => Promise<string>): Promise<string> {
  const { rows: drafts } = await client.query<Draft>(
    `select distinct on (o.owner_org_id) o.id, o.version, u.username, v.edit_version as "editVersion",
            v.requested_amount as "requestedAmount", v.funding, v.fund_uses as "fundUses"
       from objectives o join orgs g on g.id = o.owner_org_id and g.code like 'G%' and g.kind = 'unit'
       join users u on u.org_id = g.id and u.username like 'gf%'
       join objective_versions v on v.id = o.current_version_id
      where o.state = 'draft' and o.subject_kind = 'project'
      order by o.owner_org_id, o.id limit ${COUNT}`,
  );
  if (drafts.length < COUNT) throw new Error(`only ${drafts.length} generated drafts with distinct filers; generate more subjects`);
  const ids = drafts.map((d) => d.id);
  const cookies = new Map<number, string>();
  await pool(drafts, 8, async (d) => {
    cookies.set(d.id, await signIn(base, d.username));
  });
  const auditCounts = async (action: string) =>
    (
      await client.query<{ n: number; dup: number }>(
        `select count(*)::int as n, count(*) filter (where c > 1)::int as dup from (
           select object_id, count(*) as c from audit_log where action = $2 and object_type = 'objective' and object_id = any($1::text[]) group by object_id) x`,
        [ids.map(String), action],
      )
    ).rows[0];

  const saveId = actionId("saveDeclarationStep");
  const save = await atOnce(drafts, (d) =>
    callAction(base, `/objectives/${d.id}/edit`, saveId, cookies.get(d.id)!, {
      step: 2,
      objectiveId: d.id,
      editVersion: d.editVersion,
      data: { requestedAmount: d.requestedAmount, rows: d.funding, fundUses: d.fundUses ?? "" },
    }),
  );
  const { rows: after } = await client.query<{ id: number; editVersion: number }>(
    `select o.id, v.edit_version as "editVersion" from objectives o join objective_versions v on v.id = o.current_version_id where o.id = any($1)`,
    [ids],
  );
  const before = new Map(drafts.map((d) => [d.id, d.editVersion]));
  const editedOnce = after.filter((r) => r.editVersion === before.get(r.id)! + 1).length;
  const saveAudit = await auditCounts("objective.saveStep");

  const submitId = actionId("submitObjective");
  const submit = await atOnce(drafts, (d) => callAction(base, `/objectives/${d.id}`, submitId, cookies.get(d.id)!, { objectiveId: d.id, version: d.version }));
  const submitted = (await client.query(`select count(*)::int as n from objectives where id = any($1) and state = 'dept_review'`, [ids])).rows[0].n as number;
  const submitAudit = await auditCounts("objective.submit");

  const lines = [
    `save step 2 of ${COUNT} declarations at once: ${save.ok}/${COUNT} saved in ${save.wall} ms (${percentiles(save.times)}); ` +
      `${editedOnce}/${COUNT} edit counters up by exactly one; ${saveAudit.n} with a saveStep audit row, ${saveAudit.dup} with more than one`,
    `submit ${COUNT} declarations at once: ${submit.ok}/${COUNT} submitted in ${submit.wall} ms (${percentiles(submit.times)}); ` +
      `${submitted}/${COUNT} now in department review; ${submitAudit.n} with a submit audit row, ${submitAudit.dup} with more than one`,
  ];
  if (save.firstFailure) lines.push(`first failed save answered: ${save.firstFailure}`);
  if (submit.firstFailure) lines.push(`first failed submit answered: ${submit.firstFailure}`);
  return lines.join("\n");
}
