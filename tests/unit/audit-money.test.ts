import { describe, expect, it } from "vitest";
import { auditFieldLabel, auditValue } from "@/lib/audit-labels";

describe("amounts in the audit log", () => {
  it("are read in 万元, exactly, under a 万元 label", () => {
    expect(auditFieldLabel("zh", "requestedAmount")).toBe("申请金额（万元）");
    expect(auditFieldLabel("en", "executedAmount")).toBe("Executed (10k yuan)");
    // 12,345,678.01 元 is 1,234.567801 万元: no rounding hides the fen an auditor checks.
    expect(auditValue("zh", "objective", "requestedAmount", "12345678.01")).toBe("1,234.567801");
    expect(auditValue("zh", "monitoring_report", "adjustedBudget", "64000000.00")).toBe("6,400.00");
    expect(auditFieldLabel("zh", "adjustedBudget")).toBe("调整后预算（万元）");
  });

  it("a department's key tasks and duties have their own labels", () => {
    expect(auditFieldLabel("zh", "keyTasks")).toBe("年度主要任务（重点工作）");
    expect(auditFieldLabel("zh", "duties")).toBe("部门职责");
  });
});
