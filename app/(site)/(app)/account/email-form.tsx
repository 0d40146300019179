"use client";
import { setEmail } from "@/lib/actions/account/set-email";
import { Field, FormMessage } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { useActionForm } from "@/app/_components/use-action-form";

/** 通知邮箱: one's own address for notification e-mails (empty: none), on the version the page read. */
export function EmailForm({ email, version }: { email: string | null; version: number }) {
  const t = useT();
  const { state, pending, errors, onSubmit } = useActionForm(setEmail);
  return (
    <form noValidate onSubmit={onSubmit} className="max-w-sm space-y-4" aria-label={t("users.email")}>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <Field
        key={`${version}-${email ?? ""}`}
        id="own-email"
        name="email"
        type="email"
        label={t("users.email")}
        autoComplete="email"
        maxLength={254}
        defaultValue={email ?? ""}
        hint={t("users.emailHint")}
        errors={errors.email}
      />
      <button type="submit" className={cls.primary} disabled={pending}>
        {pending ? t("common.submitting") : t("common.save")}
      </button>
    </form>
  );
}
