"use client";
import { useState, type ChangeEvent } from "react";
import { ROLES, type OrgKind, type Role } from "@/db/schema/enums";
import { createUser } from "@/lib/actions/admin/create-user";
import { resetPassword } from "@/lib/actions/admin/reset-password";
import { setUserActive } from "@/lib/actions/admin/set-user-active";
import { setUserEmail } from "@/lib/actions/admin/set-user-email";
import { setUserRoles } from "@/lib/actions/admin/set-user-roles";
import { ROLE_ORG_KINDS } from "@/lib/auth/roles";
import { CheckboxGroup, Field, FormMessage } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls, Disclosure } from "@/app/_components/ui";
import { useActionForm } from "@/app/_components/use-action-form";

export interface OrgChoice {
  id: number;
  name: string;
  kind: OrgKind;
  depth: number;
}

function useRoleOptions(kind: OrgKind | undefined) {
  const t = useT();
  return ROLES.filter((r) => !kind || ROLE_ORG_KINDS[r].includes(kind)).map((r) => ({ value: r, label: t(`role.${r}`) }));
}

/** 新增用户: the roles offered follow the kind of the chosen organisation. */
export function CreateUserForm({ orgs }: { orgs: OrgChoice[] }) {
  const t = useT();
  const [orgId, setOrgId] = useState("");
  const kind = orgs.find((o) => String(o.id) === orgId)?.kind;
  const roleOptions = useRoleOptions(kind);
  const { state, pending, errors, formRef, onSubmit } = useActionForm(createUser, { resetOnSuccess: true, onSuccess: () => setOrgId("") });

  return (
    <form noValidate ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label={t("users.create")}>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="new-username" name="username" label={t("users.username")} required maxLength={50} autoComplete="off" errors={errors.username} />
        <Field id="new-displayName" name="displayName" label={t("users.displayName")} required maxLength={50} errors={errors.displayName} />
        <Field
          id="new-orgId"
          name="orgId"
          label={t("users.org")}
          required
          options={orgs.map((o) => ({ value: String(o.id), label: `${"　".repeat(o.depth)}${o.name}` }))}
          placeholder="—"
          value={orgId}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setOrgId(e.target.value)}
          errors={errors.orgId}
        />
        <Field
          id="new-password"
          name="password"
          type="password"
          label={t("users.initialPassword")}
          required
          autoComplete="new-password"
          hint={t("errors.passwordPolicy")}
          errors={errors.password}
        />
        <Field id="new-phone" name="phone" type="tel" label={t("users.phone")} maxLength={30} errors={errors.phone} />
        <Field id="new-email" name="email" type="email" label={t("users.email")} maxLength={254} autoComplete="off" hint={t("users.emailHint")} errors={errors.email} />
      </div>
      <CheckboxGroup
        key={kind ?? "any"}
        id="new-roles"
        name="roles"
        legend={t("users.roles")}
        options={roleOptions}
        hint={t("users.rolesHint")}
        errors={errors.roles}
      />
      <button type="submit" className={cls.primary} disabled={pending}>
        {pending ? t("common.submitting") : t("common.create")}
      </button>
    </form>
  );
}

interface RowUser {
  id: number;
  version: number;
  active: boolean;
  roles: Role[];
  orgKind: OrgKind;
  email: string | null;
}

/** 停用 / 启用 one account (with the row's version, so a concurrent change is refused). */
export function UserActiveToggle({ user }: { user: RowUser }) {
  const t = useT();
  const { state, pending, errors, onSubmit } = useActionForm(setUserActive);
  const problems = Object.values(errors).flat();
  return (
    <form noValidate onSubmit={onSubmit} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
      <button type="submit" className={cls.small} disabled={pending}>
        {user.active ? t("common.disable") : t("common.enable")}
      </button>
      <FormMessage state={state && problems.length ? { ...state, message: problems.join("；") } : state} compact />
    </form>
  );
}

/** 重置密码: a small inline form. */
export function ResetPasswordForm({ user }: { user: RowUser }) {
  const t = useT();
  const { state, pending, errors, formRef, onSubmit } = useActionForm(resetPassword, { resetOnSuccess: true });
  return (
    <Disclosure label={t("users.resetPassword")}>
      <form noValidate ref={formRef} onSubmit={onSubmit} className="w-56 space-y-2">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <Field
          id={`reset-${user.id}`}
          name="password"
          type="password"
          label={t("users.newPassword")}
          autoComplete="new-password"
          required
          errors={errors.password}
        />
        <button type="submit" className={cls.small} disabled={pending}>
          {t("common.confirm")}
        </button>
        <FormMessage state={state} compact />
      </form>
    </Disclosure>
  );
}

/** 分配角色: checkboxes of the roles that fit the user's organisation. */
export function UserRolesForm({ user }: { user: RowUser }) {
  const t = useT();
  const options = useRoleOptions(user.orgKind);
  const { state, pending, errors, onSubmit } = useActionForm(setUserRoles);
  return (
    <Disclosure label={t("users.editRoles")}>
      <form noValidate onSubmit={onSubmit} className="w-64 space-y-2">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <CheckboxGroup
          key={`${user.version}-${user.roles.join(",")}`}
          id={`roles-${user.id}`}
          name="roles"
          legend={t("users.roles")}
          options={options}
          defaultChecked={user.roles}
          errors={errors.roles}
        />
        <button type="submit" className={cls.small} disabled={pending}>
          {t("common.save")}
        </button>
        <FormMessage state={state} compact />
      </form>
    </Disclosure>
  );
}

/** 修改邮箱: the user's notification address (empty: none), on the row's version. */
export function UserEmailForm({ user }: { user: RowUser }) {
  const t = useT();
  const { state, pending, errors, onSubmit } = useActionForm(setUserEmail);
  return (
    <Disclosure label={t("users.editEmail")}>
      <form noValidate onSubmit={onSubmit} className="w-64 space-y-2">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <Field
          key={`${user.version}-${user.email ?? ""}`}
          id={`email-${user.id}`}
          name="email"
          type="email"
          label={t("users.email")}
          maxLength={254}
          defaultValue={user.email ?? ""}
          placeholder={t("users.emailNone")}
          errors={errors.email}
        />
        <button type="submit" className={cls.small} disabled={pending}>
          {t("common.save")}
        </button>
        <FormMessage state={state} compact />
      </form>
    </Disclosure>
  );
}
