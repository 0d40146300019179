"use server";
import { z } from "zod";
import { INDICATOR_LEVEL1, INDICATOR_LEVEL2 } from "@/db/schema/enums";
import { defineAction } from "@/lib/actions/define";
import { searchIndicators } from "@/lib/indicator/search";
import { safeString } from "@/lib/validation/common";

/** Public endpoint: search the indicator bank from inside the declaration wizard (read only). */
export const searchIndicatorBank = defineAction({
  name: "indicator.search",
  permission: "project.read",
  input: z.strictObject({
    text: safeString(50).trim().optional().default(""),
    level1: z.enum(INDICATOR_LEVEL1).optional(),
    level2: z.enum(INDICATOR_LEVEL2).optional(),
    /** A sector's name, 共性 for the common indicators, empty for all. */
    sector: safeString(40).trim().optional().default(""),
    preferSector: safeString(40).trim().optional().default(""),
  }),
  async run({ db, input }) {
    const rows = await searchIndicators(db, { ...input, limit: 30 });
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      version: r.version,
      name: r.name,
      level1: r.level1,
      level2: r.level2,
      kind: r.kind,
      sector: r.sector,
      unit: r.unit,
      comparison: r.comparison,
      explanation: r.explanation,
      formula: r.formula,
      reference: (r.referenceValues as { standard?: string } | null)?.standard ?? null,
    }));
  },
});
