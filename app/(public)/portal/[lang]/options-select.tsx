"use client";

/**
 * A GET form's select whose options come as plain pairs. Rendered on the server like any select
 * (it works without JavaScript); a client component only so that the page's payload carries the
 * 133 regions of a province as data, a few bytes each, instead of as 133 option elements — the
 * portal's pages are served whole from the cache, and their size is what each visit costs.
 */
export function OptionsSelect({
  id,
  name,
  defaultValue,
  className,
  options,
}: {
  id: string;
  name: string;
  defaultValue: string | number | undefined;
  className: string;
  /** [value, label]; a label may start with ideographic spaces to show depth. */
  options: readonly (readonly [string | number, string])[];
}) {
  return (
    <select id={id} name={name} defaultValue={defaultValue} className={className}>
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}
