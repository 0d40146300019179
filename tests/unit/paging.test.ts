import { describe, expect, it } from "vitest";
import { bounded, COUNT_CAP, likeEscape, pageWindow } from "@/lib/paging";

describe("pageWindow: every list's page", () => {
  it("reads pageSize rows from the page's first row", () => {
    expect(pageWindow(3, 20, 95)).toEqual({ page: 3, limit: 20, offset: 40 });
  });
  it("clamps a page past the end to the last page, and an empty list to page 1", () => {
    expect(pageWindow(99, 20, 95)).toEqual({ page: 5, limit: 20, offset: 80 });
    expect(pageWindow(7, 20, 0)).toEqual({ page: 1, limit: 20, offset: 0 });
  });
  it("past the count cap, stops at the last counted page", () => {
    const { total } = bounded(COUNT_CAP + 1);
    expect(pageWindow(1000, 50, total).page).toBe(COUNT_CAP / 50);
  });
});

describe("likeEscape", () => {
  it("makes % _ and \\ match themselves", () => {
    expect(likeEscape("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});
