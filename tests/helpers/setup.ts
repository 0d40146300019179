import { vi } from "vitest";

// Server actions call these Next.js APIs; outside a request they have nothing to act on.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

/**
 * Server actions read the session id from the request's next-auth cookie. Tests have no request,
 * so this one function reads the id that tests/helpers/session.ts set; everything after it — the
 * session table check, the permission matrix, the org-tree scope, zod, the transaction — is real.
 */
vi.mock("@/lib/auth/session-token", () => ({
  // A call started inside asSession() (tests/helpers/session.ts) keeps its own session across its
  // awaits, so two people can act at once; otherwise the id last set by signInAs / actAsSession.
  readSessionId: async () => {
    const g = globalThis as { __testSessionId?: string | null; __testSessionScope?: { getStore(): string | undefined } };
    return g.__testSessionScope?.getStore() ?? g.__testSessionId ?? null;
  },
}));
