import { config } from "zod";

/**
 * Runs in the browser before any of the app's own code (Next.js instrumentation-client). zod
 * compiles object parsers with `new Function` unless told not to, and probes for it as each schema
 * is built: the Content-Security-Policy (lib/security/headers.ts) allows no eval, so the probe
 * would be refused and reported on every page with a form. Interpreted parsing is as correct.
 */
config({ jitless: true });
