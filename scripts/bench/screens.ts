import type pg from "pg";
import { portalHref } from "@/lib/disclosure/portal-path";

/**
 * The screens of the later stages, each found in the generated data: finance's monitoring
 * warnings table, and the public portal (landing figures, list, a filtered list page, one
 * disclosed objective, the open-data API's list, the 数据下载 page) read without signing in —
 * served whole from the server cache.
 */
export async function extraScreens(client: pg.Client, _base: string, reviewerCookie: string): Promise<{ name: string; path: string; cookie?: string }[]> {
  const { rows } = await client.query<{ id: number; region_id: number; fiscal_year: number }>(
    `select d.id, g.region_id, o.fiscal_year from disclosures d join orgs g on g.id = d.owner_org_id join objectives o on o.id = d.objective_id
      where d.withdrawn_at is null and g.code like 'G%' order by d.id limit 1`,
  );
  const screens: { name: string; path: string; cookie?: string }[] = [{ name: "monitoring warnings table", path: "/warnings", cookie: reviewerCookie }];
  screens.push({ name: "public landing page (cached)", path: "/portal" }, { name: "public list (cached)", path: "/portal/objectives" });
  screens.push({ name: "public API list (cached)", path: "/api/public/v1/objectives?limit=20" });
  screens.push({ name: "public downloads page 数据下载 (cached)", path: "/portal/data" });
  if (rows[0]) {
    // A filtered page at the address the portal's own links and filter forms lead to.
    const filtered = portalHref("list", { year: String(rows[0].fiscal_year), regionId: String(rows[0].region_id), page: "2" });
    screens.push({ name: "public list, filtered (cached)", path: filtered });
    screens.push({ name: "public objective page (cached)", path: `/portal/objectives/${rows[0].id}` });
  }
  return screens;
}
