"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavLink {
  href: string;
  label: string;
}

/** The left navigation's links; the one for the current page is marked (aria-current). */
export function NavLinks({ items }: { items: NavLink[] }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
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
