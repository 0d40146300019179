"use client";
import type { FormEvent } from "react";
import { Field, type Option } from "./field";
import { useT } from "./i18n";
import { cls } from "./ui";
import { useUrlState } from "./url-state";

export interface FilterDef {
  name: string;
  label: string;
  /** With options: a select that applies on change; without: a text box applied on 查询 / Enter. */
  options?: Option[];
  placeholder?: string;
}

/**
 * Filters of a server-queried list. Applying one updates the query string (router.push) and
 * goes back to page 1; the server component re-queries with the new filters.
 */
export function FilterBar({ filters, values }: { filters: FilterDef[]; values: Record<string, string> }) {
  const t = useT();
  const { update, pending } = useUrlState();

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const changes: Record<string, string | null> = { page: null };
    for (const f of filters) changes[f.name] = String(data.get(f.name) ?? "").trim() || null;
    update(changes);
  }
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    apply(e.currentTarget);
  }
  function reset() {
    update(Object.fromEntries([["page", null], ...filters.map((f) => [f.name, null])]));
  }

  // Remount when the URL changes, so the inputs show what the list is filtered by.
  const key = filters.map((f) => values[f.name] ?? "").join("|");
  return (
    <form noValidate key={key} role="search" aria-label={t("common.filters")} onSubmit={onSubmit} className="mb-4 flex flex-wrap items-end gap-3">
      {filters.map((f) =>
        f.options ? (
          <Field
            key={f.name}
            id={`filter-${f.name}`}
            name={f.name}
            label={f.label}
            options={f.options}
            placeholder={t("common.all")}
            defaultValue={values[f.name] ?? ""}
            onChange={(e) => apply(e.currentTarget.form!)}
            className="min-w-40"
          />
        ) : (
          <Field
            key={f.name}
            id={`filter-${f.name}`}
            name={f.name}
            label={f.label}
            type="search"
            placeholder={f.placeholder}
            defaultValue={values[f.name] ?? ""}
            className="min-w-56"
          />
        ),
      )}
      <div className="flex gap-2">
        <button type="submit" className={cls.primary} disabled={pending}>
          {t("common.search")}
        </button>
        <button type="button" className={cls.button} onClick={reset} disabled={pending}>
          {t("common.reset")}
        </button>
      </div>
    </form>
  );
}
