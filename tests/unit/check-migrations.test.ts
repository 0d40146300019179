import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALLOWED, checkMigrations, checkSql, splitStatements } from "@/scripts/check-migrations";

const rules = (sql: string) => checkSql("9999_made_up.sql", sql).map((f) => `${f.rule}:${f.table}#${f.statement}`);

describe("the migration checker", () => {
  it("passes every committed migration, the allowed ones only for the rules their entry names", () => {
    const { files, findings, allowed } = checkMigrations(path.resolve("db/migrations"));
    expect(files).toBeGreaterThanOrEqual(24);
    expect(findings).toEqual([]);
    // Nothing is allowed twice over: every entry is used, and only for what it says.
    for (const x of allowed) expect(ALLOWED[x.file].rules).toContain(x.rule);
    expect(new Set(allowed.map((x) => x.file))).toEqual(new Set(Object.keys(ALLOWED)));
  });

  it("fails a made-up migration that rewrites or locks a big table, naming the statement", () => {
    const sql = [
      `ALTER TABLE "objective_indicators" ALTER COLUMN "annual_target" SET DATA TYPE text;`,
      `ALTER TABLE "objectives" ADD COLUMN "touched_at" timestamp with time zone DEFAULT now() NOT NULL;`,
      `CREATE INDEX "objectives_title_idx" ON "objectives" USING btree ("title");`,
      `ALTER TABLE "audit_log" ALTER COLUMN "actor_name" SET NOT NULL;`,
      `ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "w_fk" FOREIGN KEY ("report_id") REFERENCES "monitoring_reports"("id");`,
      `ALTER TABLE "disclosures" ADD COLUMN "seq" bigserial;`,
      `UPDATE objectives SET title = trim(title);`,
    ].join("--> statement-breakpoint\n");
    expect(rules(sql)).toEqual([
      "alter-column-type:objective_indicators#1",
      "add-column-volatile-default:objectives#2",
      "create-index-not-concurrently:objectives#3",
      "set-not-null-without-check:audit_log#4",
      "constraint-not-valid:monitoring_warnings#5",
      "add-column-volatile-default:disclosures#6",
      "backfill:objectives#7",
    ]);
    expect(checkMigrations(path.resolve("db/migrations"), {}).findings.length).toBeGreaterThan(0); // without the allow-list the old ones fail
  });

  it("lets through what is safe on a big table, and anything on a small or newly created one", () => {
    const sql = `
      -- a constant default is stored in the catalog: no rewrite
      ALTER TABLE "objectives" ADD COLUMN "note" text DEFAULT 'x';
      CREATE INDEX CONCURRENTLY "objectives_note_idx" ON "objectives" ("note");
      ALTER TABLE "objectives" ADD CONSTRAINT "note_nn" CHECK ("note" IS NOT NULL) NOT VALID;
      ALTER TABLE "objectives" VALIDATE CONSTRAINT "note_nn";
      ALTER TABLE "objectives" ALTER COLUMN "note" SET NOT NULL;
      ALTER TABLE "regions" ALTER COLUMN "name" SET DATA TYPE varchar(200);
      CREATE TABLE "budget_ledger" ("id" serial PRIMARY KEY, "at" timestamptz DEFAULT now());
      CREATE INDEX "budget_ledger_at_idx" ON "budget_ledger" ("at");
      CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE objectives SET title = title; RETURN NEW; END; $$;
    `;
    expect(rules(sql)).toEqual([]);
  });

  it("splits statements on semicolons outside quotes, dollar quotes and comments", () => {
    expect(splitStatements(`select ';' as a; -- x; y\nselect $b$ ; $b$;/* ; */select 1`)).toEqual(["select ';' as a", "select $b$ ; $b$", "select 1"]);
  });
});
