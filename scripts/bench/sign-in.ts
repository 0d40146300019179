/**
 * Signs in through next-auth's credentials endpoint, as the browser does, and returns the Cookie
 * header. Used by the benchmark and the cluster check; run alone it prints the header, to load
 * one signed-in screen by hand:  tsx scripts/bench/sign-in.ts http://127.0.0.1:3400 reviewer
 */
import { DEMO_PASSWORD } from "@/db/seed";
import { keepCookies, request } from "./http";

export async function signIn(base: string, username: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await request(`${base}/api/auth/csrf`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = keepCookies(csrf, jar);
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, csrfToken, json: "true" }).toString(),
  });
  const signedIn = keepCookies(res, jar);
  if (![...jar.keys()].some((k) => k.endsWith("session-token"))) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return signedIn;
}

if (process.argv[1]?.endsWith("sign-in.ts")) {
  signIn(process.argv[2], process.argv[3] ?? "reviewer").then((c) => console.log(c));
}
