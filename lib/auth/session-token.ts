import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getAuthSecret } from "./secret";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** Reads the session id out of this request's next-auth cookie (null when signed out or tampered). */
export async function readSessionId(): Promise<string | null> {
  const store = await cookies();
  const raw = COOKIE_NAMES.map((n) => store.get(n)?.value).find(Boolean);
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: getAuthSecret() });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null;
  }
}
