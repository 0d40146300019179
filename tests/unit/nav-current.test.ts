import { describe, expect, it } from "vitest";
import { NAV_ITEMS } from "@/lib/nav";
import { currentNavHref } from "@/lib/nav-current";

const hrefs = NAV_ITEMS.map((i) => i.href);

describe("the navigation marks one item for the page", () => {
  it("a page under a deeper item marks that item only", () => {
    expect(currentNavHref("/evaluation/proposals", hrefs)).toBe("/evaluation/proposals");
    expect(currentNavHref("/evaluation/key/12/report", hrefs)).toBe("/evaluation/key");
  });
  it("a page of the shorter item marks the shorter item", () => {
    expect(currentNavHref("/evaluation", hrefs)).toBe("/evaluation");
    expect(currentNavHref("/evaluation/34", hrefs)).toBe("/evaluation");
  });
  it("a path that merely starts with the same letters is not under it", () => {
    expect(currentNavHref("/warnings-old", hrefs)).toBeNull();
    expect(currentNavHref("/objectives/department", hrefs)).toBe("/objectives/department");
  });
});
