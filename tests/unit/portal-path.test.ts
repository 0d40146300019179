import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { publicLandingParams, publicListParams } from "@/lib/disclosure/params";
import { pairsToQuery, portalHref, portalRoute, readPairs } from "@/lib/disclosure/portal-path";
import { config } from "@/proxy";

const route = (address: string, cookie?: string) => {
  const url = new URL(address, "http://portal.test");
  return portalRoute(url.pathname, url.searchParams, cookie);
};

describe("public portal addresses", () => {
  it("writes a filtered page as path pairs, one way: defaults, empty fields and unknown parameters drop out", () => {
    expect(portalHref("list", {})).toBe("/portal/objectives");
    expect(portalHref("home", { regionId: "5", year: "2026" })).toBe("/portal/regionId/5/year/2026");
    // What the GET form sends when only the year is chosen, and the same page written by hand.
    const form = portalHref("list", { q: "", year: "2026", regionId: "", departmentId: "", category: "", grade: "", page: "1", utm_source: "x" });
    expect(form).toBe("/portal/objectives/year/2026");
    expect(portalHref("list", { page: "1", sort: "disclosedAt", dir: "desc", pageSize: "20" })).toBe("/portal/objectives");
    // A malformed value is its default, not an error and not a new page.
    expect(portalHref("list", { page: "abc", grade: "nonsense" })).toBe("/portal/objectives");
    // The schema's order, whatever the order written.
    expect(portalHref("list", { page: "3", sort: "amount", category: "special_fund" })).toBe("/portal/objectives/category/special_fund/sort/amount/page/3");
  });

  it("keeps a keyword search a query: free text is rendered, never cached", () => {
    expect(portalHref("list", { q: "公路", year: "2026" })).toBe(`/portal/objectives?${new URLSearchParams({ q: "公路", year: "2026" })}`);
    expect(portalHref("list", { q: "  " })).toBe("/portal/objectives");
  });

  it("reads back the pairs it wrote, and sends any other writing of the same page to its address", () => {
    const href = portalHref("list", { year: "2026", regionId: "12", page: "2" });
    const segments = href.split("/").slice(3);
    expect(readPairs("list", segments)).toEqual({ raw: { year: "2026", regionId: "12", page: "2" } });
    expect(readPairs("list", ["_"])).toEqual({ raw: {} });
    expect(readPairs("list", ["page", "2", "year", "2026"])).toEqual({ redirect: "/portal/objectives/year/2026/page/2" });
    expect(readPairs("list", ["page", "1"])).toEqual({ redirect: "/portal/objectives" });
    expect(readPairs("list", ["q", "公路", "year", "2026"])).toEqual({ redirect: "/portal/objectives/year/2026" });
    expect(readPairs("home", ["year", "1999"])).toEqual({ redirect: "/portal" });
    expect(pairsToQuery(["year", "%E0%A4%A", "page"])).toEqual({ year: "%E0%A4%A" });
  });

  it("redirects an address with a query (the GET forms) to its path address, and rewrites a search in the visitor's language", () => {
    expect(route("/portal?year=2026&regionId=5")).toEqual({ redirect: "/portal/regionId/5/year/2026" });
    expect(route("/portal/objectives/?page=2&year=2026", "en")).toEqual({ redirect: "/portal/objectives/year/2026/page/2" });
    expect(route("/portal/objectives?page=1")).toEqual({ redirect: "/portal/objectives" });
    expect(route("/portal/objectives?q=公路&year=2026", "en")).toEqual({ rewrite: `/portal/en/search?${new URLSearchParams({ q: "公路", year: "2026" })}` });
    expect(route("/portal/objectives?q=公路", "fr")).toEqual({ rewrite: `/portal/zh/search?${new URLSearchParams({ q: "公路" })}` });
  });

  it("leaves the exports, the language switch and the objective pages alone", () => {
    expect(route("/portal/objectives/export?year=2026")).toBeNull();
    expect(route("/portal/objectives/123/export")).toBeNull();
    expect(route("/portal/language?to=en")).toBeNull();
    expect(route("/portal/objectives/123")).toBeNull();
  });

  it("runs the proxy for every parameter the two pages read, and for no other", () => {
    const keys = (source: string) =>
      config.matcher.filter((m) => m.source === source).map((m) => m.has?.[0].key).sort();
    expect(keys("/portal")).toEqual(Object.keys(publicLandingParams.shape).sort());
    expect(keys("/portal/objectives")).toEqual(Object.keys(publicListParams.shape).sort());
  });

  it("rewrites the path pairs of every parameter the pages keep in the path, in both languages", async () => {
    const rewrites = await nextConfig.rewrites!();
    const before = (Array.isArray(rewrites) ? rewrites : rewrites.beforeFiles) ?? [];
    const keysOf = (prefix: string) => {
      const rule = before.find((r) => r.source.startsWith(`${prefix}/:key(`) && !r.has);
      return rule!.source.slice(`${prefix}/:key(`.length, rule!.source.indexOf(")")).split("|").sort();
    };
    expect(keysOf("/portal")).toEqual(Object.keys(publicLandingParams.shape).sort());
    expect(keysOf("/portal/objectives")).toEqual(Object.keys(publicListParams.shape).filter((k) => k !== "q").sort());
    expect(before.filter((r) => r.has).length * 2).toBe(before.length);
  });
});
