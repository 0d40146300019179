import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The key next-auth signs and encrypts its token with. Set NEXTAUTH_SECRET on a server (all app
 * processes must share it). For the embedded demo a random key is made once and kept beside
 * the data, so a restart keeps people signed in.
 */
export function getAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(process.cwd(), ".data", "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return fs.readFileSync(file, "utf8").trim();
  }
}
