// Next.js's server cache (`cacheHandler` in next.config.ts): the data of `unstable_cache` and
// the HTML of cached pages, kept in this process's memory, with tag revalidation shared by every
// app process on one PostgreSQL database.
//
// Why: the default cache keeps tag revalidations in each process's memory, so a disclosure
// withdrawn through process A would stay on process B's public pages. Here `revalidateTag`
// records the tag in `cache_tag_revalidations` and NOTIFYs the other processes, which LISTEN and
// from then on refuse every entry of that tag made before they heard of it. While a process is
// not listening (starting, or its connection lost) it serves nothing from cache: a stale public
// page is worse than a slow one. On the embedded database there is one process and nothing to
// share. Plain JavaScript: Next.js loads this file itself, outside the app's bundle.
import { LRUCache } from "lru-cache";
import pg from "pg";

const CHANNEL = "cache_tags";
/**
 * An entry finished within this long after a tag was revalidated may have read the database
 * before the change was committed; it is refused too (and made again on the next request).
 */
const GRACE_MS = 2000;
const MAX_BYTES = Number(process.env.CACHE_MAX_MB ?? 256) * 1024 * 1024;

/** When each tag was last revalidated, as far as this process knows. */
class TagClock {
  /** @param {string | undefined} url */
  constructor(url) {
    /** @type {Map<string, number>} */
    this.times = new Map();
    this.url = url;
    this.closed = false;
    /** Embedded database: one process, nothing to coordinate. */
    this.healthy = !url;
    /** @type {pg.Client | undefined} */
    this.client = undefined;
    /** @type {pg.Pool | undefined} */
    this.pool = undefined;
    this.ready = url ? this.listen() : Promise.resolve();
  }

  async listen() {
    const client = new pg.Client({ connectionString: this.url });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (m) => {
      // The time this process heard of it: entries it made before then are stale.
      if (m.channel === CHANNEL && m.payload) this.note(m.payload, Date.now());
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      const { rows } = await client.query("select tag, revalidated_at from cache_tag_revalidations");
      for (const r of rows) this.note(r.tag, Number(r.revalidated_at));
      if (this.closed) return void (await client.end().catch(() => {}));
      this.client = client;
      this.healthy = true;
    } catch {
      this.lost(client);
    }
  }

  /** @param {pg.Client} client */
  lost(client) {
    if (this.client && this.client !== client) return;
    this.healthy = false;
    this.client = undefined;
    client.end().catch(() => {});
    if (!this.closed && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = undefined;
        this.ready = this.listen();
      }, 1000);
      this.retry.unref?.();
    }
  }

  /** @param {string} tag @param {number} at */
  note(tag, at) {
    const until = at + GRACE_MS;
    if ((this.times.get(tag) ?? 0) < until) this.times.set(tag, until);
  }

  /** Whether an entry made at `madeAt` with these tags was made before one of them was revalidated. */
  /** @param {Iterable<string>} tags @param {number} madeAt */
  stale(tags, madeAt) {
    for (const tag of tags) if ((this.times.get(tag) ?? 0) >= madeAt) return true;
    return false;
  }

  /** @param {string[]} tags */
  async revalidate(tags) {
    const at = Date.now();
    for (const tag of tags) this.note(tag, at);
    if (!this.url) return;
    if (!this.pool) {
      this.pool = new pg.Pool({ connectionString: this.url, max: 1 });
      this.pool.on("error", () => {});
    }
    await this.pool.query(
      `insert into cache_tag_revalidations (tag, revalidated_at) select unnest($1::text[]), $2
       on conflict (tag) do update set revalidated_at = greatest(cache_tag_revalidations.revalidated_at, excluded.revalidated_at)`,
      [tags, at],
    );
    for (const tag of tags) await this.pool.query("select pg_notify($1, $2)", [CHANNEL, tag]);
  }

  async close() {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.ready.catch(() => {});
    await this.client?.end().catch(() => {});
    await this.pool?.end().catch(() => {});
  }
}

/** @param {any} value */
function sizeOf(value) {
  if (!value) return 1;
  let n = 256;
  if (typeof value.html === "string") n += value.html.length * 2;
  if (value.rscData?.length) n += value.rscData.length;
  if (value.segmentData instanceof Map) for (const b of value.segmentData.values()) n += b?.length ?? 0;
  if (value.kind === "FETCH" && value.data) n += JSON.stringify(value.data).length;
  if (value.body?.length) n += value.body.length;
  return n;
}

/** @param {any} value @returns {string[]} */
function headerTags(value) {
  const raw = value?.headers?.["x-next-cache-tags"];
  return typeof raw === "string" && raw ? raw.split(",") : [];
}

/**
 * One process's cache: entries in memory (LRU, bounded in bytes), tags on the shared clock.
 * @param {string | undefined} url
 */
export function createCacheStore(url) {
  const clock = new TagClock(url);
  /** @type {LRUCache<string, { value: any; lastModified: number; tags: string[] }>} */
  const entries = new LRUCache({ maxSize: MAX_BYTES, sizeCalculation: (e) => sizeOf(e.value) });
  return {
    clock,
    /** @param {string} key @param {any} [ctx] */
    async get(key, ctx) {
      const entry = entries.get(key);
      if (!entry) return null;
      await clock.ready;
      if (!clock.healthy) return null;
      const tags = [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
      if (clock.stale(tags, entry.lastModified)) {
        entries.delete(key);
        return null;
      }
      return { lastModified: entry.lastModified, value: entry.value };
    },
    /** @param {string} key @param {any} data @param {any} [ctx] */
    async set(key, data, ctx) {
      if (!data) return void entries.delete(key);
      entries.set(key, { value: data, lastModified: Date.now(), tags: [...(ctx?.tags ?? []), ...headerTags(data)] });
    },
    /** Every revalidation expires at once (public pages must drop a withdrawn item immediately). */
    /** @param {string | string[]} tags */
    async revalidateTag(tags) {
      const list = typeof tags === "string" ? [tags] : [...tags];
      if (list.length) await clock.revalidate(list);
    },
    close: () => clock.close(),
  };
}

/** @type {ReturnType<typeof createCacheStore> | undefined} */
let processStore;
const store = () => (processStore ??= createCacheStore(process.env.DATABASE_URL || undefined));

/** What Next.js instantiates (once per request); the state lives in the process's one store. */
export default class CacheHandler {
  /** @param {string} key @param {any} ctx */
  get(key, ctx) {
    return store().get(key, ctx);
  }
  /** @param {string} key @param {any} data @param {any} ctx */
  set(key, data, ctx) {
    return store().set(key, data, ctx);
  }
  /** @param {string | string[]} tags */
  revalidateTag(tags) {
    return store().revalidateTag(tags);
  }
  resetRequestCache() {}
}
