"use client";
import { useId, useTransition } from "react";
import { useRouter } from "next/navigation";
import { cls } from "./ui";

/**
 * The pager's page-size select (每页 N 条): the one part of the server-rendered table
 * (./data-table.tsx) that needs the browser. Each option carries its address, built on the
 * server; choosing one goes there.
 */
export function PageSizeSelect({ label, value, options }: { label: string; value: number; options: [size: number, label: string, href: string][] }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={cls.inlineSelect}
        value={value}
        aria-busy={pending || undefined}
        onChange={(e) => {
          const href = options.find(([n]) => String(n) === e.target.value)?.[2];
          if (href) startTransition(() => router.push(href, { scroll: false }));
        }}
      >
        {options.map(([n, text]) => (
          <option key={n} value={n}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}
