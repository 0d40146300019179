import type { TaskCounts, TaskKind } from "./tasks";

/** The task kinds whose count a navigation link shows (the inbox shows them all). */
const NAV_KINDS: Record<string, readonly TaskKind[]> = {
  "/review/department": ["deptReview"],
  "/review/finance": ["financeReview"],
  "/warnings": ["warningToDispose", "evidenceToDecide"],
  "/indicators": ["indicatorChange"],
  "/appraisals": ["appraisalToRecord"],
  "/evaluation/key": ["keyEvalToFill", "keyEvalToAccept"],
  "/evaluation/rectification": ["evalRectification"],
};

/** The figure next to a navigation link ("12", "2000+"), or undefined when there is nothing to do there. */
export function navCount(href: string, counts: TaskCounts | null): string | undefined {
  if (!counts) return undefined;
  if (href === "/inbox") return format(counts.total, counts.capped);
  const kinds = NAV_KINDS[href];
  if (!kinds) return undefined;
  let n = 0;
  let capped = false;
  for (const k of kinds) {
    n += counts.byKind[k]?.total ?? 0;
    capped ||= counts.byKind[k]?.capped ?? false;
  }
  return format(n, capped);
}

function format(n: number, capped: boolean): string | undefined {
  return n > 0 ? `${n}${capped ? "+" : ""}` : undefined;
}
