import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isInflated } from "@/lib/evaluation/re-evaluation";
import { drawSample, sampleSize } from "@/lib/evaluation/sample";

describe("re-evaluation sample", () => {
  it("10% of 95 is 10 (rounded up); any candidates give at least one; none give none", () => {
    expect(sampleSize(95, "10")).toBe(10);
    expect(sampleSize(100, "10")).toBe(10);
    expect(sampleSize(3, "10")).toBe(1);
    expect(sampleSize(0, "10")).toBe(0);
    expect(sampleSize(7, "100")).toBe(7);
    expect(sampleSize(1000, "12.5")).toBe(125);
  });

  it("the same candidates and seed give the same sample, whatever order they come in", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 2 }), (ids, seed) => {
        const a = drawSample(ids, seed, "10");
        const b = drawSample([...ids].reverse(), seed, "10");
        expect(b).toEqual(a);
        expect(new Set(a).size).toBe(a.length);
        expect(a.every((id) => ids.includes(id))).toBe(true);
        expect(a.length).toBe(sampleSize(ids.length, "10"));
      }),
    );
  });

  it("a known seed gives a known sample (the recorded seed reproduces it on any machine)", () => {
    const ids = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(drawSample(ids, 20261201, "10")).toEqual(drawSample(ids, 20261201, "10"));
    expect(drawSample(ids, 20261201, "10")).not.toEqual(drawSample(ids, 20261202, "10"));
    expect(drawSample(ids, 42, "10")).toMatchInlineSnapshot(`
      [
        31,
        23,
        43,
        35,
        13,
      ]
    `);
  });

  it("inflated means more than 10 points above the re-score", () => {
    expect(isInflated("90.00", "80.00")).toBe(false);
    expect(isInflated("90.01", "80.00")).toBe(true);
    expect(isInflated("70", "85")).toBe(false);
  });
});
