// Runs once when a server process starts (never during `next build`): opens the database,
// applies migrations and, on an empty embedded database, loads the demo data, so the first
// request does not pay for it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Client addresses: the socket's, or X-Forwarded-For only from TRUSTED_PROXIES (lib/auth/client-ip.ts).
    await (await import("./lib/auth/client-ip")).installPeerAddressCapture();
    const { getDatabase } = await import("./lib/db");
    const database = await getDatabase();
    // Notification e-mails (only with SMTP_URL): whatever an action's kick left behind goes out within a minute.
    if (process.env.SMTP_URL?.trim()) {
      const { kickOutbox } = await import("./lib/notify/mailer");
      setInterval(() => kickOutbox(database.db), 60_000).unref();
    }
  }
}
