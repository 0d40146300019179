import { connection } from "next/server";

/**
 * The framework's floor for the benchmark (npm run bench, docs/PERFORMANCE.md): a page rendered
 * on every request like the app's screens, with no data, no session and nothing to leak.
 */
export default async function FloorPage() {
  await connection();
  return <p>ok</p>;
}
