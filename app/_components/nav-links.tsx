"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentNavHref } from "@/lib/nav-current";

export interface NavLink {
  href: string;
  label: string;
  /** The stage it belongs to (项目储备, 目标管理, …): consecutive links of one stage share a heading. */
  group?: string;
  /** Tasks waiting there (lib/inbox/nav-counts.ts), shown as a figure after the label. */
  count?: string;
}

/** Consecutive links of the same group as one run; links without a group are runs of their own. */
function runs(items: NavLink[]): { group?: string; items: NavLink[] }[] {
  const out: { group?: string; items: NavLink[] }[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && item.group && last.group === item.group) last.items.push(item);
    else out.push({ group: item.group, items: [item] });
  }
  return out;
}

/**
 * The left navigation's links, under the heading of their stage when the list is long; the one
 * for the current page is marked (aria-current, which `.nav-link` in globals.css styles).
 */
export function NavLinks({ items }: { items: NavLink[] }) {
  const pathname = usePathname();
  const active = currentNavHref(pathname, items.map((i) => i.href));
  const link = (item: NavLink) => {
    const current = item.href === active;
    return (
      <li key={item.href} className="relative">
        <Link
          href={item.href}
          aria-current={current ? "page" : undefined}
          className="nav-link"
        >
          {item.label}
        </Link>
        {/* Beside the link, not in it: the link keeps its name, the list item reads "待办事项 3". */}
        {item.count && (
          <span data-testid="nav-count" className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
            {item.count}
          </span>
        )}
      </li>
    );
  };
  return (
    <ul className="space-y-0.5">
      {runs(items).map((run, i) =>
        run.group ? (
          <li key={`g${i}`} className="pt-3">
            <span id={`nav-group-${i}`} className="block px-4 pb-1 text-xs font-semibold tracking-wide text-slate-600">
              {run.group}
            </span>
            <ul aria-labelledby={`nav-group-${i}`} className="nav-group space-y-0.5">
              {run.items.map(link)}
            </ul>
          </li>
        ) : (
          run.items.map(link)
        ),
      )}
    </ul>
  );
}
