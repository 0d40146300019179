import type { ReactNode } from "react";

/** Shared class names, so every button and input in the system looks the same. */
export const cls = {
  input:
    "block h-9 w-full rounded-sm border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-inner shadow-slate-50 " +
    "focus:border-navy focus:outline-none focus:ring-2 focus:ring-navy/20 disabled:bg-slate-100 disabled:text-slate-400 " +
    "aria-[invalid=true]:border-red-600",
  /** A select inside a line of text (page size). */
  inlineSelect: "h-8 rounded-sm border border-slate-300 bg-white px-2 text-sm focus:border-navy focus:outline-none focus:ring-2 focus:ring-navy/20",
  // The four below repeat on every row of a list: component classes in app/globals.css, so a
  // page's HTML and RSC payload carry one short name instead of a dozen utilities each time.
  button: "btn",
  primary: "btn-primary",
  link: "navy-link",
  small: "btn-small",
};

export function PageHeader({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3 border-b border-slate-300 pb-3">
      <div>
        <h1 className="text-xl font-semibold tracking-wide text-slate-900">{title}</h1>
        {subtitle && <p className="mt-1 text-slate-600">{subtitle}</p>}
      </div>
      {children}
    </div>
  );
}

export function Card({ title, children, className, actions }: { title?: ReactNode; children: ReactNode; className?: string; actions?: ReactNode }) {
  return (
    <section className={`rounded-sm border border-slate-300 bg-white ${className ?? ""}`}>
      {title && (
        <div className="flex items-center justify-between border-b border-slate-200 bg-slate-50 px-4 py-2.5">
          <h2 className="border-l-4 border-accent pl-2 font-semibold text-slate-800">{title}</h2>
          {actions}
        </div>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}

/** A state or mark in a table cell. Its styles are `.badge` in globals.css: written once, not on every row. */
export function Badge({ tone = "slate", children }: { tone?: "green" | "red" | "slate" | "navy" | "amber"; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** A `<details>` whose summary looks like a button: the small inline forms of tables and pages. */
export function Disclosure({ label, children, className, primary }: { label: string; children: ReactNode; className?: string; primary?: boolean }) {
  return (
    <details className={`group ${className ?? ""}`}>
      <summary className={`${primary ? cls.primary : cls.small} cursor-pointer list-none select-none [&::-webkit-details-marker]:hidden`}>
        {label}
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
