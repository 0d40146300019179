import { describe, expect, it } from "vitest";
import { BANK_INDICATORS, SECTORS } from "@/db/seed-indicator-bank";
import { STARTER_INDICATORS } from "@/db/seed-indicators";
import { COMPARISONS, INDICATOR_LEVEL1, LEVEL2_OF } from "@/db/schema/enums";

const BENEFIT_CLASSES = ["economic", "social", "ecological", "sustainable"];

function bySector() {
  const groups = new Map<string, typeof BANK_INDICATORS>();
  for (const row of BANK_INDICATORS) {
    if (row[4] !== "sector") continue;
    const sector = row[5] as string;
    groups.set(sector, [...(groups.get(sector) ?? []), row]);
  }
  return groups;
}

describe("indicator bank data", () => {
  it("holds at least 420 indicators", () => {
    expect(BANK_INDICATORS.length).toBeGreaterThanOrEqual(420);
  });

  it("has unique codes", () => {
    const codes = BANK_INDICATORS.map((r) => r[0]);
    const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
    expect(dupes).toEqual([]);
  });

  it("classifies every row validly (level2 belongs to level1, known comparison, kind/sector consistent)", () => {
    for (const [code, , level1, level2, kind, sector, , comparison] of BANK_INDICATORS) {
      expect(INDICATOR_LEVEL1, code).toContain(level1);
      expect(LEVEL2_OF[level1], code).toContain(level2);
      expect(COMPARISONS, code).toContain(comparison);
      if (kind === "common") expect(sector, code).toBeNull();
      else expect(sector, code).not.toBeNull();
    }
  });

  it("files no code under a class it does not belong to (code class ↔ 二级, 成本 only as 一级 成本指标)", () => {
    // The code's middle part names its class: an indicator coded 质量 (ZL) must not sit under 时效.
    const CLASS_OF: Record<string, { level1: string[]; level2: string[] }> = {
      CC: { level1: ["output"], level2: ["quantity"] },
      SL: { level1: ["output"], level2: ["quantity"] },
      ZL: { level1: ["output"], level2: ["quality"] },
      SX: { level1: ["output"], level2: ["timeliness"] },
      CB: { level1: ["cost"], level2: ["cost"] },
      XY: { level1: ["benefit"], level2: BENEFIT_CLASSES },
      MY: { level1: ["satisfaction"], level2: ["satisfaction"] },
    };
    const prefixOf = new Map(SECTORS.map((s) => [s.code, s.name]));
    const misfiled: string[] = [];
    for (const [code, , level1, level2, kind, sector] of BANK_INDICATORS) {
      const [prefix, klass] = code.split("-");
      const home = CLASS_OF[klass];
      if (!home || !home.level1.includes(level1) || !home.level2.includes(level2)) misfiled.push(`${code} ${level1}/${level2}`);
      // 成本 is offered once: as the 一级 成本指标, never as a 二级 under 产出.
      if (level2 === "cost" && level1 !== "cost") misfiled.push(`${code} 成本 under ${level1}`);
      if ((prefixOf.get(prefix) ?? "?") !== (kind === "common" ? "共性" : sector)) misfiled.push(`${code} prefix vs ${sector ?? "共性"}`);
    }
    expect(misfiled).toEqual([]);
  });

  it("names every row's sector in SECTORS", () => {
    const names = new Set(SECTORS.map((s) => s.name));
    for (const [code, , , , kind, sector] of BANK_INDICATORS) {
      if (kind === "sector") expect(names.has(sector as string), code).toBe(true);
    }
  });

  it("has at least 10 sectors with at least 25 rows each, each covering every class", () => {
    const full = [...bySector()].filter(([, rows]) => rows.length >= 25);
    expect(full.length).toBeGreaterThanOrEqual(10);
    for (const [sector, rows] of full) {
      const level2s = new Set(rows.map((r) => r[3]));
      for (const needed of ["quantity", "quality", "timeliness", "satisfaction"] as const) {
        expect(level2s.has(needed), `${sector} ${needed}`).toBe(true);
      }
      expect(BENEFIT_CLASSES.filter((c) => rows.some((r) => r[2] === "benefit" && r[3] === c)).length, sector).toBeGreaterThanOrEqual(2);
    }
  });

  it("has no duplicate names within a sector or within the common group", () => {
    const seen = new Set<string>();
    for (const [code, name, , , , sector] of BANK_INDICATORS) {
      const key = `${sector ?? "共性"}|${name}`;
      expect(seen.has(key), `${code} ${key}`).toBe(false);
      seen.add(key);
    }
  });

  it("gives qualitative rows no unit and keeps references decimal strings or null", () => {
    // The one known exception is a starter row kept unchanged: JT-SL-001 公路通车里程达标 is qualitative
    // (达到或超过标准值得满分) yet carries the unit 万公里, as in the Guangdong 2019 objective form.
    const qualitativeWithUnit = BANK_INDICATORS.filter((r) => r[7] === "qualitative" && r[6] !== null).map((r) => r[0]);
    expect(qualitativeWithUnit).toEqual(["JT-SL-001"]);
    for (const [code, , , , , , , , formula, reference] of BANK_INDICATORS) {
      if (reference !== null) expect(reference, code).toMatch(/^\d+(\.\d+)?$/);
      expect(formula.length, code).toBeGreaterThan(0);
    }
  });

  it("contains every starter row unchanged, first and in order", () => {
    expect(BANK_INDICATORS.slice(0, STARTER_INDICATORS.length)).toEqual(STARTER_INDICATORS);
    for (const row of STARTER_INDICATORS) expect(BANK_INDICATORS).toContainEqual(row);
  });
});
