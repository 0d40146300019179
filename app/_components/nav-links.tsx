"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentNavHref } from "@/lib/nav-current";

export interface NavLink {
  href: string;
  label: string;
}

/** The left navigation's links; the one for the current page is marked (aria-current). */
export function NavLinks({ items }: { items: NavLink[] }) {
  const pathname = usePathname();
  const active = currentNavHref(pathname, items.map((i) => i.href));
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const current = item.href === active;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={
                "block border-l-4 px-4 py-2.5 " +
                (current
                  ? "border-accent bg-accent-soft font-semibold text-accent"
                  : "border-transparent text-slate-700 hover:bg-slate-100 hover:text-slate-900")
              }
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
