import { requireActor } from "@/lib/auth/current-user";
import { loadOwnContact } from "@/lib/auth/own-email";
import { AUTH_POLICY } from "@/lib/auth/policy";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { Badge, Card, PageHeader } from "@/app/_components/ui";
import { ChangePasswordForm } from "./change-password-form";
import { EmailForm } from "./email-form";

export const generateMetadata = pageTitle("account.title");

export default async function AccountPage() {
  const actor = await requireActor("account.edit", { passwordChange: true });
  const t = await getT();
  const contact = await loadOwnContact(await getDb(), actor);
  const facts = [
    { label: t("users.username"), value: <span className="font-mono">{actor.username}</span> },
    { label: t("users.displayName"), value: actor.displayName },
    { label: t("users.org"), value: actor.orgName },
    { label: t("orgs.region"), value: actor.regionName },
    {
      label: t("users.roles"),
      value: (
        <span className="flex flex-wrap gap-1">
          {actor.roles.map((r) => (
            <Badge key={r} tone="navy">
              {t(`role.${r}`)}
            </Badge>
          ))}
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t("account.title")} />
      {actor.mustChangePassword && (
        <p role="alert" data-testid="must-change-password" className="mb-4 rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {t("account.mustChange")}
        </p>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        <Card title={t("account.profile")} className="self-start">
          <dl className="grid grid-cols-[7rem_1fr] border-t border-l border-slate-200">
            {facts.map((f) => (
              <div key={f.label} className="contents">
                <dt className="border-r border-b border-slate-200 bg-slate-50 px-3 py-2 text-slate-600">{f.label}</dt>
                <dd className="border-r border-b border-slate-200 px-3 py-2">{f.value}</dd>
              </div>
            ))}
          </dl>
          {!actor.mustChangePassword && (
            <div className="mt-5 border-t border-dashed border-slate-200 pt-4">
              <EmailForm email={contact.email} version={contact.version} />
            </div>
          )}
        </Card>
        <Card title={t("account.changePassword")}>
          <ChangePasswordForm />
          <div className="mt-5 border-t border-dashed border-slate-200 pt-4">
            <h3 className="font-semibold text-slate-700">{t("account.sessions")}</h3>
            <p className="mt-1 text-slate-500">
              {t("account.sessionNote", { idle: AUTH_POLICY.idleMinutes, abs: AUTH_POLICY.absoluteHours })}
            </p>
          </div>
        </Card>
      </div>
    </>
  );
}
