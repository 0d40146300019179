import { requireActor } from "@/lib/auth/current-user";

/**
 * The signed-in floor of the benchmark (npm run bench, docs/PERFORMANCE.md): an empty page in the
 * signed-in shell — the session checked, the top bar and the navigation of the user's roles —
 * with nothing of its own. What every signed-in screen costs before it reads or shows anything.
 */
export default async function SignedInFloorPage() {
  await requireActor();
  return <p>ok</p>;
}
