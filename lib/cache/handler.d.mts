// Types of lib/cache/handler.mjs (plain JavaScript, loaded by Next.js outside the app bundle).
export interface CacheStore {
  clock: { ready: Promise<void>; healthy: boolean };
  get(key: string, ctx?: { kind?: string; tags?: string[]; softTags?: string[] }): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  close(): Promise<void>;
}
export function createCacheStore(url: string | undefined): CacheStore;
export default class CacheHandler {
  get(key: string, ctx: unknown): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx: unknown): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
