"use client";
import { useState } from "react";
import { changePassword } from "@/lib/actions/account/change-password";
import { Field, FormMessage } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { signOutAndLeave } from "@/app/_components/sign-out-button";
import { cls } from "@/app/_components/ui";
import { useActionForm } from "@/app/_components/use-action-form";

/** 修改密码. The server ends every session of the user, so on success: show the message, then sign out. */
export function ChangePasswordForm() {
  const t = useT();
  const [leaving, setLeaving] = useState(false);
  const { state, pending, errors, formRef, onSubmit } = useActionForm(changePassword, {
    refresh: false,
    resetOnSuccess: true,
    onSuccess: () => {
      setLeaving(true);
      setTimeout(() => void signOutAndLeave(), 2000);
    },
  });
  return (
    <form noValidate ref={formRef} onSubmit={onSubmit} className="max-w-sm space-y-4" aria-label={t("account.changePassword")}>
      <FormMessage state={state} />
      {leaving && <p className="text-slate-500">{t("account.signingOut")}</p>}
      <Field
        id="currentPassword"
        name="currentPassword"
        type="password"
        label={t("account.currentPassword")}
        autoComplete="current-password"
        required
        errors={errors.currentPassword}
      />
      <Field
        id="newPassword"
        name="newPassword"
        type="password"
        label={t("account.newPassword")}
        autoComplete="new-password"
        required
        hint={t("errors.passwordPolicy")}
        errors={errors.newPassword}
      />
      <Field
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label={t("account.confirmPassword")}
        autoComplete="new-password"
        required
        errors={errors.confirmPassword}
      />
      <button type="submit" className={cls.primary} disabled={pending || leaving}>
        {pending ? t("common.submitting") : t("account.changePassword")}
      </button>
    </form>
  );
}
