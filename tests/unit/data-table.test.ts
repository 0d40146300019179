import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { DataTable, pageHref, queryHref, sortHref, type DataTableProps } from "@/app/_components/data-table";

// The page-size select (a client island) asks for the router, which only exists inside the app.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));

/** The server-rendered table as HTML (it is an async server component: awaited, then rendered). */
async function html(props: DataTableProps): Promise<string> {
  return renderToStaticMarkup(await DataTable(props));
}

const columns = [
  { id: "title", header: "名称", sortable: true },
  { id: "owner", header: "单位" },
  { id: "amount", header: "金额", sortable: true, align: "right" as const },
];
const rows = [
  { key: "1", cells: { title: "公路养护", owner: "交通运输厅", amount: "1,200.00" } },
  { key: "2", cells: { title: "校舍维修", owner: "教育厅", amount: "80.00" }, muted: true },
];

describe("the list's links (sort headers, pager)", () => {
  it("keep the page's filters, drop the page number on a new sort, and keep only the first of repeated keys", () => {
    const query = { q: "公路", year: ["2027", "2026"], page: "3", empty: "" };
    expect(sortHref(query, "amount", { id: "title", desc: false })).toBe(`?q=${encodeURIComponent("公路")}&year=2027&sort=amount&dir=asc`);
    expect(sortHref(query, "title", { id: "title", desc: false })).toBe(`?q=${encodeURIComponent("公路")}&year=2027&sort=title&dir=desc`);
    expect(sortHref(query, "title", { id: "title", desc: true })).toBe(`?q=${encodeURIComponent("公路")}&year=2027&sort=title&dir=asc`);
    expect(pageHref(query, 4)).toBe(`?q=${encodeURIComponent("公路")}&year=2027&page=4`);
    expect(pageHref(query, 1)).toBe(`?q=${encodeURIComponent("公路")}&year=2027`);
    expect(queryHref({ page: "2" }, { page: null })).toBe("?");
  });
});

describe("DataTable, rendered on the server", () => {
  it("shows the rows with sort links in the sortable headers and the current sort marked", async () => {
    const out = await html({ columns, rows, caption: "项目库", query: { q: "公路" }, sort: { id: "title", desc: false } });
    expect(out).toContain("<caption");
    expect(out).toContain("公路养护");
    expect(out).toContain('<tr class="text-slate-400">');
    expect(out).toMatch(/<th scope="col" aria-sort="ascending"[^>]*><a [^>]*href="\?q=%E5%85%AC%E8%B7%AF&amp;sort=title&amp;dir=desc"/);
    expect(out).toMatch(/<th scope="col" class="text-right"><a [^>]*title="按金额排序" href="\?q=%E5%85%AC%E8%B7%AF&amp;sort=amount&amp;dir=asc">金额/);
    // An unsortable column is plain text.
    expect(out).toContain('<th scope="col" class="text-left">单位</th>');
    expect(out).not.toContain("<button");
  });

  it("pages with links: no previous page on the first, the next page keeps the filters, the sizes carry their addresses", async () => {
    const out = await html({ columns, rows, query: { q: "公路", sort: "amount" }, paging: { total: 45, page: 1, pageSize: 20 } });
    expect(out).toContain("共 45 条");
    expect(out).toContain("第 1 / 3 页");
    expect(out).toMatch(/<span role="link" aria-disabled="true"[^>]*>上一页<\/span>/);
    expect(out).toMatch(/<a [^>]*href="\?q=%E5%85%AC%E8%B7%AF&amp;sort=amount&amp;page=2"[^>]*>下一页<\/a>/);
    expect(out).toContain('<option value="50">每页 50 条</option>');
  });

  it("on the last page offers only the previous one; a capped count says to narrow the filters; no rows says so", async () => {
    const last = await html({ columns, rows, query: { page: "3" }, paging: { total: 45, page: 3, pageSize: 20 } });
    expect(last).toMatch(/<a [^>]*href="\?page=2"[^>]*>上一页<\/a>/);
    expect(last).toMatch(/<span role="link" aria-disabled="true"[^>]*>下一页<\/span>/);
    const capped = await html({ columns, rows: [], query: {}, paging: { total: 2000, capped: true, page: 1, pageSize: 20 }, emptyText: "没有待审核的申报" });
    expect(capped).toContain("超过 2,000 条，请用筛选条件缩小范围");
    expect(capped).toMatch(/<td colSpan="3"[^>]*>没有待审核的申报<\/td>/);
  });
});
