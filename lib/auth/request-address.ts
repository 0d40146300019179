import { headers } from "next/headers";
import { clientAddress } from "./client-ip";

/**
 * This request's client address (lib/auth/client-ip.ts); null when it cannot be known, and
 * undefined outside a request (scripts, tests), where there are no headers.
 */
export async function requestClientAddress(): Promise<string | null | undefined> {
  try {
    return clientAddress(await headers());
  } catch (e) {
    // Anything else — such as Next's signal that the page is dynamic — must go on up.
    if (e instanceof Error && e.message.includes("outside a request scope")) return undefined;
    throw e;
  }
}
