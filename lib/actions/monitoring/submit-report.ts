"use server";
import { defineAction } from "@/lib/actions/define";
import { submitMonitoringReport as run } from "@/lib/monitoring/submit-report";
import { submitReportInput } from "@/lib/validation/monitoring";

/**
 * Public endpoint: the filer submits a monitoring report. Completeness first (per field); then the
 * warning rules of DESIGN §3.6 run with the fiscal year's thresholds, and the execution light, the
 * warnings (each with its rule and numbers) and the state change commit together. A resubmitted
 * report replaces its warnings that finance has not disposed yet.
 */
export const submitMonitoringReport = defineAction({
  name: "monitoring.submitReport",
  permission: "project.write",
  input: submitReportInput,
  success: "monitoring.submitted",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
