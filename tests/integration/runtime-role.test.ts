import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { roleStanding } from "@/db/migrate";
import { getDatabase } from "@/lib/db";
import { createTestDatabase, serverAdmin, TEST_RUNTIME_LOGIN } from "../helpers/db";

/**
 * How the app starts on a server with its two roles (lib/db.ts): DATABASE_URL is what it runs as,
 * DATABASE_OWNER_URL the owner that migrates. Server only: on PGlite there is one bootstrap
 * superuser and the app SETs ROLE after migrating (the same grants, shown by audit-log.test.ts).
 */
describe.runIf(process.env.DATABASE_URL)("starting the app with two database roles", () => {
  const g = globalThis as { __bpmDatabase?: Promise<{ close(): Promise<void> }> };
  const saved = { url: process.env.DATABASE_URL, owner: process.env.DATABASE_OWNER_URL };
  let migrated: Awaited<ReturnType<typeof createTestDatabase>>;
  const fresh: string[] = [];
  beforeAll(async () => {
    migrated = await createTestDatabase({ seed: false });
  });
  afterEach(async () => {
    const started = g.__bpmDatabase;
    g.__bpmDatabase = undefined;
    await started?.then((d) => d.close()).catch(() => {});
    process.env.DATABASE_URL = saved.url;
    if (saved.owner === undefined) delete process.env.DATABASE_OWNER_URL;
    else process.env.DATABASE_OWNER_URL = saved.owner;
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await migrated.drop();
    const admin = await serverAdmin(saved.url!);
    for (const name of fresh) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  /** An empty database on the server: its owner's URL and the runtime login's. */
  async function emptyDatabase() {
    const name = `bpm_test_${randomBytes(6).toString("hex")}`;
    const admin = await serverAdmin(saved.url!);
    await admin.query(`create database ${name}`);
    await admin.end();
    fresh.push(name);
    const owner = new URL(saved.url!);
    owner.pathname = `/${name}`;
    const runtime = new URL(owner);
    runtime.username = TEST_RUNTIME_LOGIN;
    return { owner: owner.toString(), runtime: runtime.toString() };
  }

  async function start(env: { url: string; owner?: string }) {
    process.env.DATABASE_URL = env.url;
    if (env.owner) process.env.DATABASE_OWNER_URL = env.owner;
    else delete process.env.DATABASE_OWNER_URL;
    g.__bpmDatabase = undefined;
    return getDatabase();
  }

  it("migrates an empty database as the owner and runs as the runtime role, without a warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const urls = await emptyDatabase();
    const database = await start({ url: urls.runtime, owner: urls.owner });
    expect(await roleStanding(database.db)).toMatchObject({ role: TEST_RUNTIME_LOGIN, superuser: false, owner: false, empty: false });
    expect(warn).not.toHaveBeenCalled();
  });

  it("given only the runtime role, checks that the owner has migrated and starts", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const database = await start({ url: migrated.url! });
    expect(await roleStanding(database.db)).toMatchObject({ role: TEST_RUNTIME_LOGIN, owner: false });
    expect(warn).not.toHaveBeenCalled();
  });

  it("given only the runtime role on an empty database, refuses to start and says how to migrate", async () => {
    const urls = await emptyDatabase();
    await expect(start({ url: urls.runtime })).rejects.toThrow(/DATABASE_OWNER_URL/);
  });

  it("given only the owner (a superuser), starts and warns once that the audit log is not protected from it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const database = await start({ url: migrated.ownerUrl! });
    expect((await roleStanding(database.db)).superuser).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/superuser: it could disable the audit log's append-only triggers.*DATABASE_OWNER_URL/);
  });
});
