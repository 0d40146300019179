import { listOrgOptions, listOrgs, listRegionsUnder } from "@/lib/admin/queries";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { listOrgsLackingReviewer } from "@/lib/objective/routing";
import { pageTitle } from "@/lib/page-title";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { Badge, Card, Disclosure, PageHeader } from "@/app/_components/ui";
import { CreateOrgForm, OrgProfileForm } from "./org-forms";

export const generateMetadata = pageTitle("orgs.title");

export default async function OrgsPage() {
  const actor = await requireActor("org.read");
  const [t, db] = await Promise.all([getT(), getDb()]);
  const canCreate = hasPermission(actor.roles, "org.manage");
  const [orgs, regions, manageable, lacking] = await Promise.all([
    listOrgs(db, actor),
    canCreate ? listRegionsUnder(db, actor) : Promise.resolve([]),
    canCreate ? listOrgOptions(db, actor, "org.manage") : Promise.resolve([]),
    canCreate ? listOrgsLackingReviewer(db, actor) : Promise.resolve([]),
  ]);
  // Indent under the ancestors shown here (a filer sees its unit without its department).
  const shown = new Set(orgs.map((o) => String(o.id)));
  const depth = (path: string) => path.split("/").filter(Boolean).slice(0, -1).filter((id) => shown.has(id)).length;
  const editable = orgs.map((o) => canOn(actor, "org.profile.edit", { orgPath: o.path, regionPath: o.regionPath }));
  const anyEditable = editable.some(Boolean);

  const columns: DataColumn[] = [
    { id: "code", header: t("orgs.code"), className: "whitespace-nowrap font-mono text-[13px]" },
    { id: "name", header: t("orgs.name"), className: "min-w-64" },
    { id: "kind", header: t("orgs.kind") },
    { id: "region", header: t("orgs.region"), className: "whitespace-nowrap" },
    { id: "contact", header: t("orgs.contact") },
    { id: "contactPhone", header: t("orgs.contactPhone"), className: "whitespace-nowrap tabular-nums" },
    { id: "users", header: t("orgs.users"), align: "right", className: "tabular-nums" },
    ...(anyEditable ? [{ id: "actions", header: t("common.actions") }] : []),
  ];
  const rows: DataRow[] = orgs.map((o, i) => {
    const d = depth(o.path);
    return {
    key: String(o.id),
    muted: !o.active,
    cells: {
      code: o.code,
      name: (
        <span style={{ paddingLeft: `${d * 1.5}rem` }} className={d ? "text-slate-700" : "font-medium text-slate-900"}>
          {d > 0 && <span className="mr-1 text-slate-400" aria-hidden="true">└</span>}
          {o.name}
        </span>
      ),
      kind: <Badge tone={o.kind === "finance" ? "red" : o.kind === "department" ? "navy" : "slate"}>{t(`orgKind.${o.kind}`)}</Badge>,
      region: o.regionName,
      contact: o.contactName ?? "",
      contactPhone: o.contactPhone ?? "",
      users: o.userCount,
      actions: editable[i] && (
        <OrgProfileForm org={{ id: o.id, version: o.version, contactName: o.contactName, contactPhone: o.contactPhone }} />
      ),
    },
    };
  });

  return (
    <>
      <PageHeader title={t("orgs.title")} subtitle={t("orgs.subtitle")} />
      {canCreate && (
        <Card className="mb-5">
          <Disclosure label={`＋ ${t("orgs.create")}`} primary>
            <div className="mt-2 border-t border-slate-200 pt-4">
              <CreateOrgForm
                regions={regions.map((r) => ({ id: r.id, name: r.name, depth: r.depth }))}
                departments={manageable.filter((o) => o.kind === "department").map((o) => ({ id: o.id, name: o.name, regionId: o.regionId }))}
              />
            </div>
          </Disclosure>
        </Card>
      )}
      {lacking.length > 0 && (
        <Card className="mb-5" title={t("orgs.lackingTitle")}>
          <p className="mb-3 text-slate-500" data-testid="orgs-lacking-reviewer">{t("orgs.lackingHint")}</p>
          <DataTable
            caption={t("orgs.lackingTitle")}
            columns={[
              { id: "name", header: t("orgs.name") },
              { id: "region", header: t("orgs.region"), className: "whitespace-nowrap" },
              { id: "role", header: t("orgs.lackingRole") },
            ]}
            rows={lacking.map((o) => ({
              key: `${o.id}-${o.role}`,
              cells: { name: o.name, region: o.regionName, role: <Badge tone="red">{t(`role.${o.role}`)}</Badge> },
            }))}
          />
        </Card>
      )}
      <Card>
        <DataTable caption={t("orgs.title")} columns={columns} rows={rows} />
        <p className="mt-3 text-slate-500">{t("common.total", { n: orgs.length })}</p>
      </Card>
    </>
  );
}
