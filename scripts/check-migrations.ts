/**
 * Checks every migration of db/migrations for statements that would rewrite a big table or hold
 * a long lock on it (issue 21 item 4; docs/PERFORMANCE.md, "Operating a ten-year database").
 *
 *   npx tsx scripts/check-migrations.ts        # exits 1 and names the statement when one is unsafe
 *
 * A province keeps ten years: the tables below grow with subjects × years (millions of rows), and
 * on them a rewrite or an index build under lock stops the app for minutes. The SQL is parsed
 * statement by statement (drizzle's `--> statement-breakpoint` and `;` outside quotes and
 * dollar-quoted bodies, comments removed). A table created in the same migration is empty and
 * exempt. The migrations that ran before any province held data are allow-listed below, each
 * with its reason; a new migration has no entry and must be safe.
 *
 * Note: drizzle's migrator runs the pending migrations in one transaction, where CREATE INDEX
 * CONCURRENTLY cannot run; an index on a big table is built out of band first
 * (`create index concurrently if not exists …`, then the migration's `if not exists` finds it) —
 * the checker accepts `IF NOT EXISTS` only with an allow-list entry saying it was done so.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Tables whose rows grow with subjects × years (ten years: up to 20 million rows). */
export const BIG_TABLES = [
  "objectives",
  "objective_versions",
  "objective_indicators",
  "reviews",
  "attachments",
  "audit_log",
  "projects",
  "monitoring_reports",
  "monitoring_report_indicators",
  "monitoring_warnings",
  "warning_dispositions",
  "disclosures",
  "self_evaluations",
  "budget_proposals",
  "notifications",
  "email_outbox",
  "auth_sessions",
] as const;

export interface Finding {
  file: string;
  /** 1-based, in the file's order. */
  statement: number;
  rule: string;
  table: string;
  message: string;
  sql: string;
}

/**
 * Migrations that ran on small data (before the generator or any province's data existed), each
 * rule they break and why that was safe then. Safe when it ran ≠ safe to copy: a new migration
 * doing the same fails.
 */
const SMALL = "applied while every database held only the demo data (tens of rows per table), before any province's data existed";
export const ALLOWED: Record<string, { rules: string[]; reason: string }> = {
  "0006_review_queue_index.sql": { rules: ["create-index-not-concurrently"], reason: `objectives_state_submitted_idx, ${SMALL}` },
  "0011_warnings_light_index.sql": { rules: ["create-index-not-concurrently"], reason: `monitoring_warnings_light_idx, ${SMALL}` },
  "0014_evaldisclose.sql": { rules: ["create-index-not-concurrently"], reason: `a partial index on disclosures, ${SMALL}` },
  "0015_keydisclose.sql": {
    rules: ["create-index-not-concurrently", "constraint-not-valid"],
    reason: `a column added in the same migration (every row null, so the FOREIGN KEY and CHECK scans found nothing to check) and its partial indexes, ${SMALL}`,
  },
  "0016_evaluation_fk.sql": { rules: ["constraint-not-valid"], reason: `disclosures.evaluation_id's foreign key, ${SMALL}` },
  "0018_runtime_role.sql": { rules: ["create-index-not-concurrently"], reason: `objectives_parent_recipient_uq (partial: parent_objective_id is not null, a handful of rows), ${SMALL}` },
  "0019_audit_filters.sql": { rules: ["create-index-not-concurrently"], reason: `audit_action_idx and audit_actor_org_idx, ${SMALL}` },
  "0020_fdp_validator.sql": { rules: ["create-index-not-concurrently"], reason: `disclosures_withdrawn_idx (partial: withdrawn rows only), ${SMALL}` },
  "0023_email_254_outbox_claim.sql": {
    rules: ["alter-column-type"],
    reason: `email_outbox.to_address varchar(200) → varchar(254): a widening, which PostgreSQL does in the catalog without a rewrite (the checker cannot see the old type from the SQL); ${SMALL}`,
  },
  "0025_year_over_year.sql": {
    rules: ["create-index-not-concurrently"],
    reason: "objectives_regional_subject_idx (partial: regional objectives only; IF NOT EXISTS, so a province database builds it first with create index concurrently if not exists, docs/PERFORMANCE.md)",
  },
};

const VOLATILE = /\b(now|clock_timestamp|statement_timestamp|transaction_timestamp|random|gen_random_uuid|uuid_generate_v[14]|nextval|timeofday)\s*\(|\bcurrent_(timestamp|date|time)\b|\blocaltimestamp\b/i;

/** Splits a migration's SQL into statements, dropping comments, keeping quoted and dollar-quoted text whole. */
export function splitStatements(source: string): string[] {
  const out: string[] = [];
  let cur = "";
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const rest = source.slice(i);
    if (rest.startsWith("--")) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end + 1;
      cur += " ";
      continue;
    }
    if (rest.startsWith("/*")) {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
      cur += " ";
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (; j < source.length; j++) {
        if (source[j] === c) {
          if (source[j + 1] === c) j++;
          else break;
        }
      }
      cur += source.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const dollar = /^\$[A-Za-z_0-9]*\$/.exec(rest);
    if (dollar) {
      const end = source.indexOf(dollar[0], i + dollar[0].length);
      const stop = end < 0 ? source.length : end + dollar[0].length;
      cur += source.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === ";") {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
      i++;
      continue;
    }
    cur += c;
    i++;
  }
  if (cur.trim()) out.push(cur.trim());
  return out.map((s) => s.replace(/\s+/g, " "));
}

const ident = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)`;
const qualified = String.raw`(?:${ident}\.)?(${ident})`;
const unquote = (s: string) => s.replace(/^"|"$/g, "").toLowerCase();

/** The findings of one migration's SQL. `big` is the list of big tables. */
export function checkSql(file: string, source: string, big: readonly string[] = BIG_TABLES): Finding[] {
  const statements = splitStatements(source);
  const created = new Set<string>();
  for (const s of statements) {
    const m = new RegExp(String.raw`^create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${qualified}`, "i").exec(s);
    if (m) created.add(unquote(m[1]));
  }
  const isBig = (t: string) => big.includes(t) && !created.has(t);
  const findings: Finding[] = [];
  const add = (n: number, rule: string, table: string, message: string, sql: string) =>
    findings.push({ file, statement: n + 1, rule, table, message, sql: sql.length > 240 ? `${sql.slice(0, 240)}…` : sql });
  // Columns given a valid NOT NULL check earlier in the migration: SET NOT NULL then skips its scan (PostgreSQL 12+).
  const checked = new Set<string>();

  statements.forEach((s, n) => {
    const index = new RegExp(String.raw`^create\s+(unique\s+)?index\s+(concurrently\s+)?(if\s+not\s+exists\s+)?(?:${ident}\s+)?on\s+(?:only\s+)?${qualified}`, "i").exec(s);
    if (index) {
      const table = unquote(index[4]);
      if (isBig(table) && !index[2]) {
        add(n, "create-index-not-concurrently", table, `CREATE INDEX on ${table} without CONCURRENTLY blocks every write to it while the index builds (minutes at ten years)`, s);
      }
      return;
    }
    if (/^(vacuum\s+full|cluster)\b/i.test(s)) {
      const t = new RegExp(String.raw`^(?:vacuum\s+full|cluster)\s+(?:verbose\s+)?${qualified}`, "i").exec(s);
      const table = t ? unquote(t[1]) : "(every table)";
      if (!t || isBig(table)) add(n, "rewrite", table, `${s.split(" ").slice(0, 2).join(" ").toUpperCase()} rewrites the table under an exclusive lock`, s);
      return;
    }
    const upd = new RegExp(String.raw`^(update|delete\s+from)\s+(?:only\s+)?${qualified}`, "i").exec(s);
    if (upd) {
      const table = unquote(upd[2]);
      if (isBig(table)) add(n, "backfill", table, `${upd[1].toUpperCase()} of ${table} in the migration's transaction locks and rewrites every matching row at once: backfill in batches outside the migration`, s);
      return;
    }
    const alter = new RegExp(String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${qualified}\s+(.*)$`, "i").exec(s);
    if (!alter) return;
    const table = unquote(alter[1]);
    const actions = alter[2];
    // A valid CHECK (col IS NOT NULL), added NOT VALID and validated, lets SET NOT NULL skip its scan.
    for (const m of actions.matchAll(new RegExp(String.raw`check\s*\(\s*(${ident})\s+is\s+not\s+null\s*\)`, "gi"))) checked.add(`${table}.${unquote(m[1])}`);
    if (!isBig(table)) return;
    if (/\balter\s+(?:column\s+)?\S+\s+(?:set\s+data\s+)?type\b/i.test(actions)) {
      add(n, "alter-column-type", table, `ALTER COLUMN … TYPE on ${table} rewrites the table (and its indexes) under an ACCESS EXCLUSIVE lock`, s);
    }
    for (const m of actions.matchAll(/\badd\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?(\S+)\s+([^,]*)/gi)) {
      const col = m[1];
      const def = m[2];
      if (/^(constraint|primary|unique|foreign|check|exclude)$/i.test(col)) continue;
      if (/\b(big|small)?serial\d?\b/i.test(def)) add(n, "add-column-volatile-default", table, `ADD COLUMN ${col} ${def.split(" ")[0]} on ${table} fills every row from a sequence: a table rewrite`, s);
      else if (/\bdefault\b/i.test(def) && VOLATILE.test(def.slice(def.search(/\bdefault\b/i)))) {
        add(n, "add-column-volatile-default", table, `ADD COLUMN ${col} with a volatile default on ${table} rewrites every row (a constant default does not)`, s);
      } else if (/\bgenerated\s+always\s+as\s*\(.*\)\s*stored\b/i.test(def)) {
        add(n, "add-column-volatile-default", table, `ADD COLUMN ${col} GENERATED … STORED on ${table} computes every row: a table rewrite`, s);
      }
    }
    for (const m of actions.matchAll(new RegExp(String.raw`alter\s+(?:column\s+)?(${ident})\s+set\s+not\s+null`, "gi"))) {
      const col = unquote(m[1]);
      if (!checked.has(`${table}.${col}`)) {
        add(n, "set-not-null-without-check", table, `SET NOT NULL on ${table}.${col} scans the whole table under an ACCESS EXCLUSIVE lock: add CHECK (${col} IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL`, s);
      }
    }
    const constraint = /\badd\s+(?:constraint\s+\S+\s+)?(foreign\s+key|check|unique|primary\s+key|exclude)\b([^,]*)/gi;
    for (const m of actions.matchAll(constraint)) {
      const kind = m[1].toLowerCase().replace(/\s+/g, " ");
      const rest = m[2];
      if ((kind === "foreign key" || kind === "check") && !/\bnot\s+valid\b/i.test(rest)) {
        add(n, "constraint-not-valid", table, `ADD ${kind.toUpperCase()} on ${table} checks every row while writes wait: add it NOT VALID, then VALIDATE CONSTRAINT in a later statement`, s);
      }
      if ((kind === "unique" || kind === "primary key" || kind === "exclude") && !/\busing\s+index\b/i.test(rest)) {
        add(n, "create-index-not-concurrently", table, `ADD ${kind.toUpperCase()} on ${table} builds its index under lock: build it CONCURRENTLY, then ADD … USING INDEX`, s);
      }
    }
    if (/\bset\s+(logged|unlogged|tablespace|without\s+oids)\b/i.test(actions) || /\bset\s+access\s+method\b/i.test(actions)) {
      add(n, "rewrite", table, `ALTER TABLE ${table} SET … rewrites the table`, s);
    }
  });
  return findings;
}

/** Every migration of the folder checked, allow-list applied: what is left fails. */
export function checkMigrations(dir: string, allowed = ALLOWED): { files: number; findings: Finding[]; allowed: Finding[] } {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort();
  const findings: Finding[] = [];
  const excused: Finding[] = [];
  for (const f of files) {
    for (const x of checkSql(f, fs.readFileSync(path.join(dir, f), "utf8"))) {
      if (allowed[f]?.rules.includes(x.rule)) excused.push(x);
      else findings.push(x);
    }
  }
  return { files: files.length, findings, allowed: excused };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? "db/migrations");
  const { files, findings, allowed } = checkMigrations(dir);
  for (const x of allowed) console.log(`allowed  ${x.file} #${x.statement} ${x.rule} (${x.table}): ${ALLOWED[x.file].reason}`);
  for (const x of findings) console.error(`UNSAFE   ${x.file} #${x.statement} ${x.rule} (${x.table}): ${x.message}\n         ${x.sql}`);
  console.log(`${files} migrations checked: ${findings.length} unsafe statement(s), ${allowed.length} allowed (ran on small data).`);
  if (findings.length) process.exit(1);
}
