import type pg from "pg";

/**
 * The screens of the later stages, each found in the generated data: finance's monitoring
 * warnings table, and the public portal (landing figures, list, one disclosed objective) read
 * without signing in — served from the server cache.
 */
export async function extraScreens(client: pg.Client, _base: string, reviewerCookie: string): Promise<{ name: string; path: string; cookie?: string }[]> {
  const { rows } = await client.query<{ id: number }>(
    `select d.id from disclosures d join orgs g on g.id = d.owner_org_id where d.withdrawn_at is null and g.code like 'G%' order by d.id limit 1`,
  );
  const screens: { name: string; path: string; cookie?: string }[] = [{ name: "monitoring warnings table", path: "/warnings", cookie: reviewerCookie }];
  screens.push({ name: "public landing page (cached)", path: "/portal" }, { name: "public list (cached)", path: "/portal/objectives" });
  if (rows[0]) screens.push({ name: "public objective page (cached)", path: `/portal/objectives/${rows[0].id}` });
  return screens;
}
