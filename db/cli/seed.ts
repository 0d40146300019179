import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { seedDemoData } from "../seed";

// `npm run db:seed`: applies migrations, then loads the demo data into an empty database — both
// as the owner of the tables (DATABASE_OWNER_URL) when it is set, else as DATABASE_URL.
const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL || undefined;
const database = await openDatabase({ url });
await migrateDatabase(database, url);
const loaded = await seedDemoData(database.db, { onlyIfEmpty: true });
await database.close();
console.log(loaded ? `demo data loaded (${database.driver})` : "the database already has data; nothing loaded");
