import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheTagRevalidations } from "@/db/schema";
import { createCacheStore } from "@/lib/cache/handler.mjs";
import { createTestDatabase } from "../helpers/db";

type Store = ReturnType<typeof createCacheStore>;
/** A cached page as Next.js stores it: the tags its render used are in its x-next-cache-tags header. */
const page = (html: string, tags = "public-disclosures,_N_T_/public/layout") => ({ kind: "APP_PAGE", html, rscData: Buffer.from(html), headers: { "x-next-cache-tags": tags }, status: 200 });
const data = (rows: unknown) => ({ kind: "FETCH", data: { body: JSON.stringify(rows), headers: {}, status: 200, url: "" }, revalidate: 3600 });

async function until(check: () => Promise<boolean>, ms = 3000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe("the server cache of one process", () => {
  const store = createCacheStore(undefined);
  afterAll(() => store.close());

  it("serves what was put in it until a tag of the entry is revalidated", async () => {
    await store.set("list", data([1, 2]), { tags: ["public-disclosures"] });
    await store.set("other", data(["x"]), { tags: ["indicator-bank"] });
    expect((await store.get("list", { kind: "FETCH", tags: ["public-disclosures"] }))?.value).toEqual(data([1, 2]));
    await store.revalidateTag("public-disclosures");
    expect(await store.get("list", { kind: "FETCH", tags: ["public-disclosures"] })).toBeNull();
    expect((await store.get("other", { kind: "FETCH", tags: ["indicator-bank"] }))?.value).toEqual(data(["x"]));
  });

  it("drops a cached page whose render used a revalidated tag (from the page's own tag header)", async () => {
    await store.set("/public/objectives/7", page("<p>普通国省道改造</p>", "public-objective-7,_N_T_/public/layout"), {});
    expect(await store.get("/public/objectives/7", { kind: "APP_PAGE" })).not.toBeNull();
    await store.revalidateTag(["public-objective-7"]);
    expect(await store.get("/public/objectives/7", { kind: "APP_PAGE" })).toBeNull();
  });

  it("refuses an entry finished just after the revalidation, which may have read the old rows", async () => {
    await store.revalidateTag("public-disclosures");
    await store.set("late", data(["old"]), { tags: ["public-disclosures"] });
    expect(await store.get("late", { kind: "FETCH", tags: ["public-disclosures"] })).toBeNull();
  });
});

describe.runIf(process.env.DATABASE_URL)("the server cache across app processes on one PostgreSQL database", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
    a = createCacheStore(database.url);
    b = createCacheStore(database.url);
    await Promise.all([a.clock.ready, b.clock.ready]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it("a disclosure revalidated in one process empties the other's cached public page", async () => {
    await b.set("/public", page("<p>旧列表</p>"), {});
    await b.set("/indicators", page("<p>指标</p>", "indicator-bank"), {});
    await new Promise((r) => setTimeout(r, 2100)); // older than any earlier revalidation's grace
    expect(await b.get("/public", { kind: "APP_PAGE" })).not.toBeNull();
    await a.revalidateTag("public-disclosures");
    expect(await until(async () => (await b.get("/public", { kind: "APP_PAGE" })) === null)).toBe(true);
    expect(await b.get("/indicators", { kind: "APP_PAGE" })).not.toBeNull();
    const tags = await database.db.select().from(cacheTagRevalidations);
    expect(tags.map((r) => r.tag)).toContain("public-disclosures");
  });

  it("a process that starts later knows the revalidations made before it", async () => {
    await a.revalidateTag("public-figures");
    const c = createCacheStore(database.url);
    try {
      await c.clock.ready;
      await c.set("figures", data({ amount: "1.00" }), { tags: ["public-figures"] });
      // Set within the grace after a revalidation it learned from the table: refused, made again.
      expect(await c.get("figures", { kind: "FETCH", tags: ["public-figures"] })).toBeNull();
      expect(c.clock.healthy).toBe(true);
    } finally {
      await c.close();
    }
  });

  it("serves nothing from cache while it cannot hear the other processes", async () => {
    const d = createCacheStore("postgres://postgres@127.0.0.1:1/none");
    try {
      await d.clock.ready;
      await d.set("k", data([1]), { tags: ["t"] });
      expect(await d.get("k", { kind: "FETCH", tags: ["t"] })).toBeNull();
    } finally {
      await d.close();
    }
  });
});
