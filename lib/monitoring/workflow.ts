import type { Actor } from "@/lib/auth/actor";
import { reportWorkflow, type ReportRef } from "@/lib/workflow/machines";

export type { ReportRef } from "@/lib/workflow/machines";

/** Whether the report's figures may be edited now by this actor: it may submit it (draft or returned, in its filing scope). */
export function mayEditReport(actor: Actor, r: ReportRef): boolean {
  return reportWorkflow.available(actor, r).includes("submit");
}
