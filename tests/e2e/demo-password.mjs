// The demo accounts' password (db/seed.ts DEMO_PASSWORD), written once for every browser spec.
export const PASSWORD = "Demo@2026-Budget";
