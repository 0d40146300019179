import type { Widen } from "../widen";
import type { deptObjectiveZh } from "./dept-objective.zh";

/** The department-overall objective's own words, in English (see dept-objective.zh.ts). */
export const deptObjectiveEn: Widen<typeof deptObjectiveZh> = {
  steps: { s1: "The department", s2: "Key tasks of the year", s3: "Objective and indicators", s4: "Supporting documents", s5: "Completeness check and submission" },
  basic: {
    legend: "The department",
    name: "Department (unit)",
    duties: "Duties of the department",
    dutiesHint: "The department's main functions as its mandate sets them, one per line.",
    contactName: "Contact",
    contactPhone: "Phone",
    servesPublic: "The department serves the public directly (a satisfaction indicator is then required)",
  },
  tasks: {
    legend: "Key tasks of the year",
    budget: "Department budget (10k yuan)",
    budgetHint: "The department's budget for the year in 10,000 yuan, at most six decimals (to the fen); the tasks' amounts must add up to it.",
    name: "Task",
    content: "What it involves",
    amount: "Budget (10k yuan)",
    rowLabel: "Task {n}",
    add: "Add a task",
    remove: "Remove",
    empty: "No task yet.",
    total: "Tasks in total",
    match: "The tasks add up to the department's budget",
    mismatch: "The tasks add up to {total}, the department's budget is {budget}: {diff} apart (10k yuan)",
  },
  perf: {
    annualGoal: "Objective for the year",
    annualGoalHint: "What the department's work and key tasks are to achieve this year, as a whole.",
    indicators: "Department-wide indicators",
    indicatorsHint: "One department, one set of indicators: the output, benefit and satisfaction of the department's work as a whole.",
  },
  review: {
    amount: "Department budget {amount} (10k yuan)",
    taskCount: "{n} key tasks",
  },
  sheet: {
    duties: "Duties of the department",
    tasks: "Key tasks of the year",
    taskName: "Task",
    taskContent: "What it involves",
    taskAmount: "Budget (10k yuan)",
    total: "Total",
    annualGoal: "Objective for the year",
    indicators: "Department-wide indicators",
    noTasks: "(none given)",
  },
  wrongStep: "A department-overall objective has other steps than a project's: reload the page and save again.",
};
