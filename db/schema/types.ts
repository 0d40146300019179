import { customType } from "drizzle-orm/pg-core";

/** Uploaded files are kept in the database (so every app process serves the same ones): bytea as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
