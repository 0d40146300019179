import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";

// `npm run db:migrate`: as the owner of the tables (DATABASE_OWNER_URL), else as DATABASE_URL.
const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL || undefined;
const database = await openDatabase({ url });
await migrateDatabase(database, url);
await database.close();
console.log(`migrations applied (${database.driver})`);
