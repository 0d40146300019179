import fs from "node:fs";
import type pg from "pg";

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

/** Calls a server action over HTTP exactly as the browser's form does. */
export async function callAction(base: string, page: string, id: string, cookie: string, input: unknown): Promise<{ status: number; body: string }> {
  const res = await fetch(`${base}${page}`, {
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
  return { status: res.status, body: await res.text() };
}

async function pool<T>(items: T[], width: number, fn: (x: T) => Promise<void>) {
  let i = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (i < items.length) await fn(items[i++]);
  }));
}

/**
 * 200 filers, each signed in, submit their own draft declaration at the same moment. Afterwards
 * the database must show every one of them submitted exactly once: each objective in department
 * review, one 'submit' audit row each — none lost, none duplicated. Returns the summary line.
 */
export async function submitConcurrently(client: pg.Client, base: string, signIn: (base: string, username: string) => Promise<string>): Promise<string | null> {
  const { rows: drafts } = await client.query<{ id: number; version: number; username: string }>(
    `select distinct on (o.owner_org_id) o.id, o.version, u.username
       from objectives o join orgs g on g.id = o.owner_org_id and g.code like 'G%' and g.kind = 'unit'
       join users u on u.org_id = g.id and u.username like 'gf%'
      where o.state = 'draft' and o.subject_kind = 'project'
      order by o.owner_org_id, o.id limit ${COUNT}`,
  );
  if (drafts.length < COUNT) return `submit: only ${drafts.length} generated drafts with distinct filers; generate more subjects`;
  const id = actionId("submitObjective");
  const cookies = new Map<number, string>();
  await pool(drafts, 8, async (d) => {
    cookies.set(d.id, await signIn(base, d.username));
  });
  const started = performance.now();
  const times: number[] = [];
  const answers = await Promise.all(
    drafts.map(async (d) => {
      const t0 = performance.now();
      const r = await callAction(base, `/objectives/${d.id}`, id, cookies.get(d.id)!, { objectiveId: d.id, version: d.version });
      times.push(performance.now() - t0);
      return r;
    }),
  );
  const wall = performance.now() - started;
  const ids = drafts.map((d) => d.id);
  const submitted = (await client.query(`select count(*)::int as n from objectives where id = any($1) and state = 'dept_review'`, [ids])).rows[0].n as number;
  const { rows: auditRows } = await client.query<{ n: number; dup: number }>(
    `select count(*)::int as n, count(*) filter (where c > 1)::int as dup from (
       select object_id, count(*) as c from audit_log where action = 'objective.submit' and object_type = 'objective' and object_id = any($1::text[]) group by object_id) x`,
    [ids.map(String)],
  );
  times.sort((a, b) => a - b);
  const ok = answers.filter((a) => a.status === 200).length;
  const p = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]);
  return (
    `submit ${COUNT} declarations at once: ${ok}/${COUNT} answered 200 in ${Math.round(wall)} ms (p50 ${p(0.5)} ms, p99 ${p(0.99)} ms); ` +
    `${submitted}/${COUNT} now in department review; ${auditRows[0].n} objectives with a submit audit row, ${auditRows[0].dup} with more than one`
  );
}
