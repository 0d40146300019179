import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and committed; the app applies them at start-up
// (db/migrate.ts), never during `next build`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
});
