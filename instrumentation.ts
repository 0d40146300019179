// Runs once when a server process starts (never during `next build`): opens the database,
// applies migrations and, on an empty embedded database, loads the demo data, so the first
// request does not pay for it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDatabase } = await import("./lib/db");
    await getDatabase();
  }
}
