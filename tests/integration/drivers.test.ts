import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { serverAdmin } from "../helpers/db";

describe("the embedded database", () => {
  it("creates its data folder, keeps data across restarts, and refuses a second process", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bpm-")), "nested", "pglite");
    const first = await openDatabase({ dataDir: dir });
    await migrateDatabase(first);
    await first.db.execute(sql`insert into regions (code, name, level, path) values ('990000', '测试省', 'province', '/x/')`);

    // Another process trying to open the same folder is stopped with a clear message.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "-e", `import("${path.resolve("db/client.ts")}").then(m => m.openDatabase({ dataDir: ${JSON.stringify(dir)} })).then(() => { console.log("OPENED"); process.exit(0) }, e => { console.log(e.message); process.exit(3) })`],
      { cwd: path.resolve("."), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? -1)));
    expect(out).toContain("in use by process");
    expect(code).toBe(3);

    await first.close();
    const again = await openDatabase({ dataDir: dir });
    const rows = await queryRows(again.db, sql`select name from regions where code = '990000'`);
    expect(rows).toEqual([{ name: "测试省" }]);
    await again.close();
  });
});

describe.runIf(process.env.DATABASE_URL)("a PostgreSQL server", () => {
  it("is migrated safely by two app processes starting at once", async () => {
    const server = process.env.DATABASE_URL!;
    const name = `bpm_mig_${Date.now()}`;
    const admin = await serverAdmin(server);
    await admin.query(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    try {
      const a = await openDatabase({ url: url.toString() });
      const b = await openDatabase({ url: url.toString() });
      await Promise.all([migrateDatabase(a, url.toString()), migrateDatabase(b, url.toString())]);
      const applied = await queryRows<{ n: number }>(a.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const files = fs.readdirSync("db/migrations").filter((f) => f.endsWith(".sql"));
      expect(applied[0].n).toBe(files.length);
      await a.close();
      await b.close();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
