import { ROLES } from "@/db/schema/enums";
import { listOrgOptions, listUsers } from "@/lib/admin/queries";
import { parseSearchParams, userListParams, PAGE_SIZES, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar } from "@/app/_components/filter-bar";
import { Badge, Card, Disclosure, PageHeader } from "@/app/_components/ui";
import { CreateUserForm, ResetPasswordForm, UserActiveToggle, UserEmailForm, UserRolesForm } from "./user-forms";

export const generateMetadata = pageTitle("users.title");

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("user.read");
  const raw = await searchParams;
  const params = parseSearchParams(userListParams, raw);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const canManage = hasPermission(actor.roles, "user.manage");
  const [{ rows, total, page }, filterOrgs, manageOrgs] = await Promise.all([
    listUsers(db, actor, params),
    listOrgOptions(db, actor, "user.read"),
    canManage ? listOrgOptions(db, actor, "user.manage") : Promise.resolve([]),
  ]);

  const columns: DataColumn[] = [
    { id: "username", header: t("users.username"), sortable: true },
    { id: "displayName", header: t("users.displayName"), sortable: true, className: "whitespace-nowrap" },
    { id: "org", header: t("users.org"), sortable: true, className: "min-w-48" },
    { id: "roles", header: t("users.roles") },
    { id: "status", header: t("common.status"), align: "center" },
    { id: "createdAt", header: t("users.createdAt"), sortable: true, className: "whitespace-nowrap tabular-nums" },
    ...(canManage ? [{ id: "actions", header: t("common.actions") }] : []),
  ];
  const data: DataRow[] = rows.map((u) => {
    const rowUser = { id: u.id, version: u.version, active: u.active, roles: u.roles, orgKind: u.orgKind, email: u.email };
    return {
    key: String(u.id),
    muted: !u.active,
    cells: {
      username: <span className="font-mono">{u.username}</span>,
      displayName: u.displayName,
      org: u.orgName,
      roles: (
        <span className="flex flex-wrap gap-1">
          {u.roles.map((r) => (
            <Badge key={r} tone="navy">
              {t(`role.${r}`)}
            </Badge>
          ))}
        </span>
      ),
      status: u.active ? <Badge tone="green">{t("common.active")}</Badge> : <Badge tone="red">{t("common.inactive")}</Badge>,
      createdAt: formatDateTime(u.createdAt).slice(0, 16),
      actions: canManage && (
        <div className="flex flex-wrap items-start gap-2">
          <UserActiveToggle user={rowUser} />
          <ResetPasswordForm user={rowUser} />
          <UserRolesForm user={rowUser} />
          <UserEmailForm user={rowUser} />
        </div>
      ),
    },
    };
  });

  return (
    <>
      <PageHeader title={t("users.title")} subtitle={t("users.subtitle")} />
      {canManage && (
        <Card className="mb-5">
          <Disclosure label={`＋ ${t("users.create")}`} primary>
            <div className="mt-2 border-t border-slate-200 pt-4">
              <CreateUserForm orgs={manageOrgs} />
            </div>
          </Disclosure>
        </Card>
      )}
      <Card>
        <FilterBar
          values={{ q: params.q, orgId: params.orgId ? String(params.orgId) : "", role: params.role ?? "", status: params.status ?? "" }}
          filters={[
            { name: "q", label: t("users.filterKeyword"), placeholder: t("users.filterKeyword") },
            {
              name: "orgId",
              label: t("users.filterOrg"),
              options: filterOrgs.map((o) => ({ value: String(o.id), label: `${"　".repeat(o.depth)}${o.name}` })),
            },
            { name: "role", label: t("users.filterRole"), options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) },
            {
              name: "status",
              label: t("users.filterStatus"),
              options: [
                { value: "active", label: t("common.active") },
                { value: "disabled", label: t("common.inactive") },
              ],
            },
          ]}
        />
        <DataTable
          query={raw}
          caption={t("users.title")}
          columns={columns}
          rows={data}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          paging={{ total, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
        />
      </Card>
    </>
  );
}
