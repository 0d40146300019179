import { describe, expect, it } from "vitest";
import { publicLandingParams, publicListParams } from "@/lib/disclosure/params";
import { canonicalQuery, decodeQuerySegment, encodeQuerySegment, portalRewrite } from "@/lib/disclosure/portal-path";
import { config } from "@/proxy";

const rewrite = (address: string, cookie?: string) => {
  const url = new URL(address, "http://portal.test");
  return portalRewrite(url.pathname, url.searchParams, cookie);
};
const segmentOf = (path: string | null) => decodeQuerySegment(path!.split("/").pop()!);

describe("public portal addresses (proxy.ts → cached pages)", () => {
  it("sends each address to its page in the visitor's language", () => {
    expect(rewrite("/portal?year=2026")).toMatch(/^\/portal\/zh\/home\/[A-Za-z0-9_-]+$/);
    expect(rewrite("/portal?year=2026", "en")).toMatch(/^\/portal\/en\/home\//);
    expect(rewrite("/portal/objectives?page=2", "fr")).toMatch(/^\/portal\/zh\/list\//);
    expect(rewrite("/portal/objectives/123", "en")).toBe("/portal/en/objectives/123");
  });

  it("leaves the exports, the language switch and the rewritten paths alone", () => {
    expect(rewrite("/portal/objectives/export?year=2026")).toBeNull();
    expect(rewrite("/portal/objectives/123/export")).toBeNull();
    expect(rewrite("/portal/language?to=en")).toBeNull();
    expect(rewrite("/portal/zh/list/_")).toBeNull();
  });

  it("writes one page one way: defaults, empty fields and unknown parameters drop out", () => {
    // What the GET form sends when only the year is chosen, and the same page written by hand.
    const form = rewrite("/portal/objectives?q=&year=2026&regionId=&departmentId=&category=&grade=&page=1&utm_source=x");
    expect(form).toBe(rewrite("/portal/objectives?year=2026"));
    expect(segmentOf(form)).toEqual({ year: "2026" });
    expect(rewrite("/portal/objectives?page=1&sort=disclosedAt&dir=desc&pageSize=20")).toBe("/portal/zh/list/_");
    // A malformed value is its default, not an error and not a new page.
    expect(rewrite("/portal/objectives?page=abc&grade=nonsense")).toBe("/portal/zh/list/_");
    expect(segmentOf(rewrite("/portal/objectives?page=3&category=special_fund&sort=amount"))).toEqual({
      category: "special_fund",
      sort: "amount",
      page: "3",
    });
  });

  it("renders a keyword search every time instead of caching the visitor's words", () => {
    expect(rewrite("/portal/objectives?q=公路&year=2026")).toBe(`/portal/zh/search?${new URLSearchParams({ q: "公路", year: "2026" })}`);
    expect(rewrite("/portal/objectives?q=%20%20")).toBe("/portal/zh/list/_");
  });

  it("reads back what it wrote, and nothing from a segment that is not its own", () => {
    const query = canonicalQuery(publicListParams, { year: "2026", regionId: "12", q: "" });
    expect(decodeQuerySegment(encodeQuerySegment(query))).toEqual({ year: "2026", regionId: "12" });
    expect(decodeQuerySegment("_")).toEqual({});
    expect(decodeQuerySegment("../../etc")).toEqual({});
    expect(canonicalQuery(publicLandingParams, { regionId: "5", year: "1999" })).toBe("regionId=5");
  });

  it("runs the proxy for every parameter the two pages read, and for no other", () => {
    const keys = (source: string) =>
      config.matcher.filter((m) => m.source === source).map((m) => m.has[0].key).sort();
    expect(keys("/portal")).toEqual(Object.keys(publicLandingParams.shape).sort());
    expect(keys("/portal/objectives")).toEqual(Object.keys(publicListParams.shape).sort());
  });
});
