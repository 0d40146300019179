import type { monitoringZh } from "./monitoring.zh";
import type { Widen } from "../widen";

export const monitoringEn: Widen<typeof monitoringZh> = {
  nav: "Monitoring",
  navWarnings: "Warnings",
  navCharts: "Warning charts",
  opened: "The monitoring period is open and its reports are created.",
  saved: "The monitoring report is saved as a draft.",
  submitted: "The monitoring report is submitted.",
  reviewed: "The review is recorded.",
  disposed: "The disposition of the warning is recorded.",
  evidenceSubmitted: "The rectification evidence is sent.",
  evidenceDecided: "The rectification decision is recorded.",
  imported: "The monitoring report is imported from Excel.",
};
