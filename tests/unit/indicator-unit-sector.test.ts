import { describe, expect, it } from "vitest";
import { SECTORS } from "@/db/seed-indicator-bank";
import { sectorOfOrgCode } from "@/lib/indicator/unit-sector";

describe("the picker's starting sector", () => {
  it("is the unit's own sector, read from its organisation code", () => {
    expect(sectorOfOrgCode("440000-JT-GL", SECTORS)).toBe("交通运输");
    expect(sectorOfOrgCode("440200-WJ-RM", SECTORS)).toBe("卫生健康");
    expect(sectorOfOrgCode("G440224-JY-3", SECTORS)).toBe("教育"); // generated province orgs
    expect(sectorOfOrgCode("440000-WJ", SECTORS)).toBe("卫生健康"); // a department
  });

  it("is none (all sectors) for a code naming no sector, and never 共性", () => {
    expect(sectorOfOrgCode("440000-CZ", SECTORS)).toBeNull();
    expect(sectorOfOrgCode("440000-PJ01", SECTORS)).toBeNull();
    expect(sectorOfOrgCode("440000", SECTORS)).toBeNull();
    expect(sectorOfOrgCode("440000-GX-1", SECTORS)).toBeNull();
  });
});
