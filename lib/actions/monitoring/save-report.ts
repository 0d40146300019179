"use server";
import { defineAction } from "@/lib/actions/define";
import { saveReport } from "@/lib/monitoring/save";
import { saveReportInput } from "@/lib/validation/monitoring";

/**
 * Public endpoint: the filer saves a monitoring report as a draft (partial figures allowed).
 * Only in draft or returned, only in the filer's own scope; a stale form gets a conflict.
 */
export const saveMonitoringReport = defineAction({
  name: "monitoring.saveReport",
  permission: "project.write",
  input: saveReportInput,
  success: "monitoring.saved",
  run: ({ actor, db, input }) => saveReport(db, actor, input),
});
