import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { openDatabase } from "@/db/client";
import { useDatabaseForTests } from "@/lib/db";
import { createTestDatabase } from "../helpers/db";

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe("GET /api/health asks the database", () => {
  it("answers 200 when the database answers", async () => {
    const database = await createTestDatabase({ seed: false });
    cleanup.push(() => database.drop());
    useDatabaseForTests(database);
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("answers 503 with a short reason when the database server is unreachable (closed port)", async () => {
    const port = await closedPort();
    const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/bpm_absent` });
    cleanup.push(() => database.close());
    useDatabaseForTests(database);
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toEqual({ ok: false, reason: "database unavailable" });
    // The driver's message (address, port) stays in the server log.
    expect(JSON.stringify(body)).not.toContain(String(port));
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database it had is closed under it", async () => {
    const database = await createTestDatabase({ seed: false });
    useDatabaseForTests(database);
    expect((await GET()).status).toBe(200);
    await database.drop();
    const res = await GET();
    expect(res.status).toBe(503);
    expect((await res.json()).ok).toBe(false);
  });

  it("answers 503 within a few seconds when the server accepts but never answers", async () => {
    const hung = net.createServer((socket) => socket.on("error", () => {}));
    const sockets = new Set<net.Socket>();
    hung.on("connection", (s) => sockets.add(s));
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    const { port } = hung.address() as net.AddressInfo;
    const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/bpm_hung` });
    cleanup.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
      await database.close().catch(() => {});
    });
    useDatabaseForTests(database);
    const started = Date.now();
    const res = await GET();
    const elapsed = Date.now() - started;
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, reason: "database did not answer in time" });
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    // Answers after its 3 s limit, not when the hung server gives up (never): a bound loose enough for a loaded machine.
    expect(elapsed).toBeLessThan(20_000);
  });
});
