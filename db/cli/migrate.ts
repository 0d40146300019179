import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";

const url = process.env.DATABASE_URL || undefined;
const database = await openDatabase({ url });
await migrateDatabase(database, url);
await database.close();
console.log(`migrations applied (${database.driver})`);
