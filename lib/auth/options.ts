import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { authenticate } from "./authenticate";
import { clientAddress, type HeaderSource } from "./client-ip";
import { requestClientAddress } from "./request-address";
import { AUTH_POLICY } from "./policy";
import { getAuthSecret } from "./secret";
import { revokeSession } from "./session";

/** next-auth hands authorize() the request's headers as a plain object. */
function headerSource(req: unknown): HeaderSource {
  const all = (req as { headers?: Record<string, string | string[] | undefined> } | undefined)?.headers;
  return {
    get(name: string) {
      const v = all?.[name.toLowerCase()];
      return (Array.isArray(v) ? v.join(", ") : v) ?? null;
    },
  };
}

/**
 * next-auth (v4) with credentials. The JWT it keeps in an httpOnly cookie carries only `sid`,
 * the id of a row in auth_sessions; lib/auth/session.ts checks that row on every request,
 * which is what makes these sessions revocable.
 */
export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: AUTH_POLICY.absoluteHours * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const username = String(credentials?.username ?? "").slice(0, 100);
        const password = String(credentials?.password ?? "").slice(0, 200);
        if (!username || !password) throw new Error("invalid");
        const h = headerSource(req);
        const result = await authenticate(await getDb(), {
          username,
          password,
          ip: clientAddress(h),
          userAgent: h.get("user-agent"),
        });
        // The error code becomes `error` in signIn()'s result; the login page translates it.
        if (!result.ok) throw new Error(result.code);
        return { id: String(result.userId), sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sid = (user as { sid?: string }).sid;
      return token;
    },
    async session({ session }) {
      // Nothing of the token is exposed to the browser; pages load the user on the server.
      return { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      const sid = (token as { sid?: string } | null)?.sid;
      // The event runs inside next-auth's route handler, so this request's headers are at hand.
      if (sid) await revokeSession(await getDb(), sid, "signout", (await requestClientAddress()) ?? null);
    },
  },
};
