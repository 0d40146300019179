// Runs once when a server process starts (never during `next build`): opens the database,
// applies migrations and, on an empty embedded database, loads the demo data, so the first
// request does not pay for it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Client addresses: the socket's, or X-Forwarded-For only from TRUSTED_PROXIES (lib/auth/client-ip.ts).
    await (await import("./lib/auth/client-ip")).installPeerAddressCapture();
    const { getDatabase } = await import("./lib/db");
    await getDatabase();
  }
}
