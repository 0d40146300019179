import { describe, expect, it } from "vitest";
import { PERMISSIONS, PERMISSION_NAMES, ROLES, hasPermission, type Permission, type Role } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/actor";

/*
 * A small province: region 1 (province) ⊃ region 2 (city) ⊃ region 3 (county); region 4 is another city.
 * Orgs: 10 department (region 1) ⊃ 11, 12 units; 20 department ⊃ 21 unit; 30 finance (region 1);
 * 40 a city unit (region 2); 50 a county unit (region 3); 60 a unit of the other city (region 4).
 */
const PLACES = {
  ownUnit: { orgPath: "/10/11/", regionPath: "/1/" },
  siblingUnit: { orgPath: "/10/12/", regionPath: "/1/" },
  ownDepartment: { orgPath: "/10/", regionPath: "/1/" },
  otherDeptUnit: { orgPath: "/20/21/", regionPath: "/1/" },
  cityUnit: { orgPath: "/40/", regionPath: "/1/2/" },
  countyUnit: { orgPath: "/50/", regionPath: "/1/2/3/" },
  otherCityUnit: { orgPath: "/60/", regionPath: "/1/4/" },
} as const;
type Place = keyof typeof PLACES;

/** Where each role's holder sits, and — written by hand from DESIGN.md §1 — which places it reaches. */
const HOLDERS: Record<Role, { orgPath: string; regionPath: string; reaches: Place[] }> = {
  unit_filer: { orgPath: "/10/11/", regionPath: "/1/", reaches: ["ownUnit"] },
  dept_reviewer: { orgPath: "/10/", regionPath: "/1/", reaches: ["ownUnit", "siblingUnit", "ownDepartment"] },
  finance_reviewer: { orgPath: "/30/", regionPath: "/1/", reaches: Object.keys(PLACES) as Place[] },
  finance_admin: { orgPath: "/30/", regionPath: "/1/", reaches: Object.keys(PLACES) as Place[] },
  evaluator: { orgPath: "/70/", regionPath: "/1/", reaches: [] },
  observer: { orgPath: "/80/", regionPath: "/1/", reaches: Object.keys(PLACES) as Place[] },
};

/** Narrower reach for some permissions: a department files only for itself, never for its units. */
const OWN_ONLY: Partial<Record<Role, Partial<Record<Permission, Place[]>>>> = {
  dept_reviewer: { "project.write": ["ownDepartment"] },
};

function actor(role: Role, at = HOLDERS[role]): Actor {
  return {
    userId: 1, username: role, displayName: role, orgId: 1, orgName: "", orgKind: "unit",
    orgPath: at.orgPath, regionId: 1, regionName: "", regionPath: at.regionPath, roles: [role], sessionId: "s",
  };
}

const cases = ROLES.flatMap((role) =>
  PERMISSION_NAMES.flatMap((permission) =>
    (Object.keys(PLACES) as Place[]).map((place) => ({
      role,
      permission,
      place,
      allowed:
        (PERMISSIONS[permission].roles as readonly Role[]).includes(role) &&
        (OWN_ONLY[role]?.[permission] ?? HOLDERS[role].reaches).includes(place),
    })),
  ),
);

describe("role × permission × owner of the object", () => {
  it.each(cases)("$role $permission on $place → $allowed", ({ role, permission, place, allowed }) => {
    expect(canOn(actor(role), permission as Permission, PLACES[place])).toBe(allowed);
  });

  it("a city's finance reviewer reaches its city and county but not the province or the other city", () => {
    const city = actor("finance_reviewer", { orgPath: "/90/", regionPath: "/1/2/", reaches: [] });
    expect(canOn(city, "declaration.review.finance", PLACES.cityUnit)).toBe(true);
    expect(canOn(city, "declaration.review.finance", PLACES.countyUnit)).toBe(true);
    expect(canOn(city, "declaration.review.finance", PLACES.ownUnit)).toBe(false);
    expect(canOn(city, "declaration.review.finance", PLACES.otherCityUnit)).toBe(false);
  });

  it("a path prefix is not confused with a longer id (/1/ is not /10/)", () => {
    const d = actor("dept_reviewer", { orgPath: "/1/", regionPath: "/1/", reaches: [] });
    expect(canOn(d, "project.write", { orgPath: "/10/11/", regionPath: "/1/" })).toBe(false);
  });

  it("holding two roles does not let one role's scope serve the other's permission", () => {
    // A unit filer who is also an observer may read the whole region but write only its unit.
    const both = { ...actor("unit_filer"), roles: ["unit_filer", "observer"] as Role[] };
    expect(canOn(both, "project.read", PLACES.otherDeptUnit)).toBe(true);
    expect(canOn(both, "project.write", PLACES.otherDeptUnit)).toBe(false);
    expect(canOn(both, "project.write", PLACES.ownUnit)).toBe(true);
  });
});

describe("the matrix itself", () => {
  it("gives observers only permissions that read, but for their own password", () => {
    const writes = PERMISSION_NAMES.filter((p) => hasPermission(["observer"], p) && PERMISSIONS[p].access === "write");
    expect(writes).toEqual(["account.edit"]);
  });

  it("keeps administration with the finance administrator alone", () => {
    for (const p of ["user.manage", "user.read", "org.manage", "fiscalYear.manage", "disclosure.manage", "indicator.manage"] as Permission[]) {
      expect(PERMISSIONS[p].roles, p).toEqual(["finance_admin"]);
    }
  });

  it("lets nobody without a role do anything", () => {
    for (const p of PERMISSION_NAMES) expect(hasPermission([], p)).toBe(false);
  });
});
