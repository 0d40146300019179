import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema/enums";
import { NAV_GROUP_MIN_ITEMS, NAV_GROUPS, NAV_ITEMS, navFor } from "@/lib/nav";
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

describe("the navigation is grouped by the stages of the cycle", () => {
  const groupsOf = (roles: Role[]) => navFor(roles).map((i) => i.group ?? "-");

  it("each stage is one run, in the cycle's order, for every role and for all roles at once", () => {
    for (const roles of [...ROLES.map((r) => [r]), [...ROLES]]) {
      const runs = groupsOf(roles).filter((g, i, all) => g !== all[i - 1]);
      const stages = runs.filter((g) => g !== "-");
      expect(new Set(stages).size, roles.join(",")).toBe(stages.length);
      expect(stages, roles.join(",")).toEqual([...stages].sort((a, b) => NAV_GROUPS.indexOf(a as never) - NAV_GROUPS.indexOf(b as never)));
    }
  });

  it("shows an address once, and headings only to those with a long list", () => {
    const all = navFor([...ROLES]);
    expect(new Set(all.map((i) => i.href)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(NAV_GROUP_MIN_ITEMS);
    expect(navFor(["evaluator"]).length).toBeLessThan(NAV_GROUP_MIN_ITEMS);
  });
});
