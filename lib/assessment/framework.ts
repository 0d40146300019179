import { z } from "zod";
import { msg } from "@/lib/i18n/core";
import { ASSESSED_KINDS, type AssessedKind } from "@/db/schema/assessment";

/**
 * An assessment framework (考核办法, DESIGN §3.10) as data: classes, indicators (for which kind of
 * assessed body, weight in points, scoring method, the metric a computed one reads), each
 * subject's difficulty coefficient and the grade lines. Stored as JSON in
 * assessment_frameworks.framework, validated by this schema on every write and every read.
 * Numbers are decimal strings.
 */
const dec = z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, "assessment.errors.number");

/**
 * The figures the system computes from its own records (lib/assessment/metrics.ts: one grouped
 * query each over all assessed organisations). A ratio is numerator ÷ denominator in [0, 1]; a
 * per-object value (returns, warnings, points of inflation) is scored by deduction.
 */
export const METRICS = {
  declaredOnTime: { shape: "ratio", kinds: ["department", "finance"] },
  firstPassRate: { shape: "ratio", kinds: ["department", "finance"] },
  returnsPerObjective: { shape: "value", kinds: ["department", "finance"] },
  warningsPerObjective: { shape: "value", kinds: ["department", "finance"] },
  financeReviewOnTime: { shape: "ratio", kinds: ["finance"] },
  monitoringOnTime: { shape: "ratio", kinds: ["department", "finance"] },
  redRectifiedOnTime: { shape: "ratio", kinds: ["department", "finance"] },
  selfEvalCoverage: { shape: "ratio", kinds: ["department", "finance"] },
  selfScoreGap: { shape: "value", kinds: ["department", "finance"] },
  rectificationOnTime: { shape: "ratio", kinds: ["department", "finance"] },
  disclosureOnTime: { shape: "ratio", kinds: ["department", "finance"] },
  keyEvalGrades: { shape: "ratio", kinds: ["department", "finance"] },
} as const satisfies Record<string, { shape: "ratio" | "value"; kinds: readonly AssessedKind[] }>;
export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];

/** ratio: points × numerator ÷ denominator; deduct: points − value × deductPer, not below 0; judged: finance scores 0…points with evidence. */
export const METHODS = ["ratio", "deduct", "judged"] as const;
export type Method = (typeof METHODS)[number];

const indicatorSchema = z.strictObject({
  code: z.string().trim().regex(/^[A-Z][A-Z0-9]{0,9}$/, "assessment.errors.code"),
  name: z.string().trim().min(1, "errors.required").max(60, msg("rules.maxChars", { max: 60 })),
  class: z.string().trim().min(1, "errors.required").max(20),
  kind: z.enum(ASSESSED_KINDS),
  weight: dec,
  method: z.enum(METHODS, { error: "assessment.errors.method" }).optional(),
  metric: z.enum(METRIC_KEYS as [MetricKey, ...MetricKey[]], { error: "assessment.errors.metric" }).optional(),
  deductPer: dec.optional(),
});
export type FrameworkIndicator = z.infer<typeof indicatorSchema>;

export const frameworkSchema = z
  .strictObject({
    classes: z.array(z.strictObject({ key: z.string().trim().regex(/^[a-z_]{1,20}$/, "assessment.errors.code"), name: z.string().trim().min(1, "errors.required").max(20) })).min(1).max(12),
    indicators: z.array(indicatorSchema).min(1).max(60),
    /** { [orgId]: coefficient } — 1 when absent. */
    difficulty: z.record(z.string().regex(/^\d{1,10}$/), dec).default({}),
    /** Minimum final score of each grade (优 良 中; below 中 is 差). */
    grades: z.strictObject({ excellent: dec, good: dec, fair: dec }),
  })
  .superRefine((f, ctx) => {
    // Stryker disable next-line StringLiteral: zod's issue code
    const fault = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const classKeys = new Set(f.classes.map((c) => c.key));
    const codes = new Set<string>();
    f.indicators.forEach((ind, i) => {
      if (codes.has(ind.code)) fault(["indicators", i, "code"], "assessment.errors.duplicateCode");
      codes.add(ind.code);
      if (!classKeys.has(ind.class)) fault(["indicators", i, "class"], "assessment.errors.class");
      if (!ind.method) return fault(["indicators", i, "method"], "assessment.errors.method");
      if (ind.method === "judged") return;
      if (!ind.metric) return fault(["indicators", i, "metric"], "assessment.errors.metric");
      const m = METRICS[ind.metric];
      if (!(m.kinds as readonly string[]).includes(ind.kind)) fault(["indicators", i, "metric"], "assessment.errors.metricKind");
      if (ind.method === "ratio" && m.shape !== "ratio") fault(["indicators", i, "method"], "assessment.errors.methodShape");
      if (ind.method === "deduct" && !ind.deductPer) fault(["indicators", i, "deductPer"], "errors.required");
    });
    for (const kind of ASSESSED_KINDS) {
      const rows = f.indicators.filter((r) => r.kind === kind);
      if (!rows.length) continue;
      const total = rows.reduce((s, r) => s + Math.round(Number(r.weight) * 100), 0);
      if (total !== 10000) fault(["weights", kind], msg("assessment.errors.weightsNot100", { total: (total / 100).toString() }));
    }
    for (const [orgId, c] of Object.entries(f.difficulty)) {
      const n = Number(c);
      if (!(n >= 0.5 && n <= 1.5)) fault(["difficulty", orgId], "assessment.errors.difficulty");
    }
    const g = f.grades;
    const [e, gd, fr] = [g.excellent, g.good, g.fair].map((v) => Math.round(Number(v) * 100));
    if (!(e > gd && gd > fr && fr > 0 && e <= 10000)) fault(["grades"], "assessment.errors.gradeOrder");
  });
export type Framework = z.infer<typeof frameworkSchema>;

/**
 * The default (Tianjin's practice, DESIGN §3.10): six classes; for 本级部门 and for 下级财政部门 each,
 * indicators worth 100 points, computed where the system holds the figures and judged by finance
 * (with evidence) where it needs judgement. A province copies and changes it.
 */
export const DEFAULT_FRAMEWORK: Framework = {
  classes: [
    { key: "objective", name: "目标管理" },
    { key: "monitoring", name: "运行监控" },
    { key: "evaluation", name: "绩效评价" },
    { key: "application", name: "结果应用" },
    { key: "disclosure", name: "信息公开" },
    { key: "basics", name: "基础工作" },
  ],
  indicators: [
    // 本级部门
    { code: "D01", name: "绩效目标按时申报率", class: "objective", kind: "department", weight: "10", method: "ratio", metric: "declaredOnTime" },
    { code: "D02", name: "绩效目标一次审核通过率", class: "objective", kind: "department", weight: "10", method: "ratio", metric: "firstPassRate" },
    { code: "D03", name: "每个目标退回次数", class: "objective", kind: "department", weight: "5", method: "deduct", metric: "returnsPerObjective", deductPer: "5" },
    { code: "D04", name: "每个目标完整性提示数", class: "objective", kind: "department", weight: "5", method: "deduct", metric: "warningsPerObjective", deductPer: "2.5" },
    { code: "D05", name: "监控报告按时报送率", class: "monitoring", kind: "department", weight: "10", method: "ratio", metric: "monitoringOnTime" },
    { code: "D06", name: "红色预警按期整改率", class: "monitoring", kind: "department", weight: "10", method: "ratio", metric: "redRectifiedOnTime" },
    { code: "D07", name: "绩效自评覆盖率", class: "evaluation", kind: "department", weight: "10", method: "ratio", metric: "selfEvalCoverage" },
    { code: "D08", name: "自评与再评价得分差", class: "evaluation", kind: "department", weight: "10", method: "deduct", metric: "selfScoreGap", deductPer: "1" },
    { code: "D09", name: "重点评价等级", class: "evaluation", kind: "department", weight: "5", method: "ratio", metric: "keyEvalGrades" },
    { code: "D10", name: "整改任务按期完成率", class: "application", kind: "department", weight: "10", method: "ratio", metric: "rectificationOnTime" },
    { code: "D11", name: "绩效信息按时完整公开率", class: "disclosure", kind: "department", weight: "5", method: "ratio", metric: "disclosureOnTime" },
    { code: "D12", name: "制度建设与人员配备", class: "basics", kind: "department", weight: "10", method: "judged" },
    // 下级财政部门
    { code: "F01", name: "本地区绩效目标按时申报率", class: "objective", kind: "finance", weight: "10", method: "ratio", metric: "declaredOnTime" },
    { code: "F02", name: "财政审核按期完成率", class: "objective", kind: "finance", weight: "10", method: "ratio", metric: "financeReviewOnTime" },
    { code: "F03", name: "本地区目标一次审核通过率", class: "objective", kind: "finance", weight: "5", method: "ratio", metric: "firstPassRate" },
    { code: "F04", name: "监控报告按时报送率", class: "monitoring", kind: "finance", weight: "10", method: "ratio", metric: "monitoringOnTime" },
    { code: "F05", name: "红色预警按期整改率", class: "monitoring", kind: "finance", weight: "10", method: "ratio", metric: "redRectifiedOnTime" },
    { code: "F06", name: "绩效自评覆盖率", class: "evaluation", kind: "finance", weight: "10", method: "ratio", metric: "selfEvalCoverage" },
    { code: "F07", name: "自评与再评价得分差", class: "evaluation", kind: "finance", weight: "5", method: "deduct", metric: "selfScoreGap", deductPer: "1" },
    { code: "F08", name: "整改任务按期完成率", class: "application", kind: "finance", weight: "10", method: "ratio", metric: "rectificationOnTime" },
    { code: "F09", name: "评价结果与预算安排挂钩", class: "application", kind: "finance", weight: "10", method: "judged" },
    { code: "F10", name: "绩效信息按时完整公开率", class: "disclosure", kind: "finance", weight: "10", method: "ratio", metric: "disclosureOnTime" },
    { code: "F11", name: "制度建设与工作机制", class: "basics", kind: "finance", weight: "10", method: "judged" },
  ],
  difficulty: {},
  grades: { excellent: "90", good: "80", fair: "60" },
};

export function frameworkOf(raw: unknown): Framework {
  return frameworkSchema.parse(raw);
}
