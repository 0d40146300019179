"use client";
import { cls } from "@/app/_components/ui";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={cls.button} onClick={() => window.print()}>
      {label}
    </button>
  );
}
