"use client";
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { Field } from "@/app/_components/field";
import { cls } from "@/app/_components/ui";

interface Props {
  labels: { username: string; password: string; submit: string; submitting: string };
  /** Translated messages for the error codes lib/auth/authenticate.ts reports. */
  errors: { invalid: string; locked: string; disabled: string };
}

export function LoginForm({ labels, errors }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await signIn("credentials", {
        username: String(data.get("username") ?? ""),
        password: String(data.get("password") ?? ""),
        redirect: false,
      });
      if (!res || res.error) {
        const code = res?.error;
        setError(code === "locked" ? errors.locked : code === "disabled" ? errors.disabled : errors.invalid);
        setBusy(false);
        return;
      }
      // A full navigation on purpose: every server component (layout included) renders with the new session.
      // "/" sends each role to its landing page (lib/overview/landing.ts): finance and readers the overview, the others their inbox.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.href = "/";
    } catch {
      setError(errors.invalid);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && (
        <p role="alert" className="rounded-sm border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      <Field id="username" name="username" label={labels.username} autoComplete="username" required maxLength={50} autoFocus />
      <Field id="password" name="password" type="password" label={labels.password} autoComplete="current-password" required maxLength={200} />
      <button type="submit" className={`${cls.primary} w-full py-2 text-base tracking-widest`} disabled={busy}>
        {busy ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
