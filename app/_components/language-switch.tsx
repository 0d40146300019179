"use client";
import type { Locale } from "@/lib/i18n";

/** Remembers the other language in the `locale` cookie and reloads; the server renders in it from then on. */
export function LanguageSwitch({ current, label, className }: { current: Locale; label: string; className?: string }) {
  const next: Locale = current === "zh" ? "en" : "zh";
  return (
    <button
      type="button"
      lang={next === "zh" ? "zh-CN" : "en"}
      className={className ?? "underline-offset-4 hover:underline"}
      onClick={() => {
        document.cookie = `locale=${next}; path=/; max-age=31536000; samesite=lax`;
        location.reload();
      }}
    >
      {label}
    </button>
  );
}
