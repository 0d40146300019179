"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";

/** Ends the server session (next-auth's signOut event revokes it) and goes to the sign-in page. */
export function signOutAndLeave(): Promise<void> {
  return signOut({ redirect: false }).then(() => {
    // A full navigation on purpose: nothing of the signed-in pages may stay in the client router cache.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    location.href = "/login";
  });
}

export function SignOutButton({ label, className }: { label: string; className?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      className={className}
      onClick={() => {
        setBusy(true);
        signOutAndLeave().catch(() => setBusy(false));
      }}
    >
      {label}
    </button>
  );
}
