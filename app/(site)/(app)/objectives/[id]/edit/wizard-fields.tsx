import type { ReactNode } from "react";
import { cls } from "@/app/_components/ui";

/** A wizard input's id from its name: "indicators.2.unit" → "f-indicators-2-unit" (step 5 links to it). */
export const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

/**
 * A completeness finding's field as the step names its inputs: step 1 drops "basic.", step 2
 * drops "funding." ("funding.rows" → "rows"); step 3 already matches.
 */
export function stepField(step: number, field: string): string {
  if (step === 1) return field.replace(/^basic\./, "");
  if (step === 2) return field.replace(/^funding\./, "");
  return field;
}

export const textareaCls = cls.input.replace("h-9 ", "") + " min-h-[4.5rem] leading-relaxed";
/** Inputs inside the indicator table: compact. */
export const cellCls = cls.input.replace("h-9 ", "h-8 ").replace("px-2.5", "px-1.5");
export const cellAreaCls = cls.input.replace("h-9 ", "").replace("px-2.5", "px-1.5") + " min-h-[3.25rem] text-xs leading-snug";

/** aria-describedby and aria-invalid for an input with these messages. */
export function describe(id: string, m: { hint?: boolean | string; errors?: string[]; checks?: string[] }) {
  const ids = [m.hint ? `${id}-hint` : null, m.errors?.length ? `${id}-error` : null, m.checks?.length ? `${id}-check` : null].filter(Boolean);
  return { "aria-describedby": ids.length ? ids.join(" ") : undefined, "aria-invalid": m.errors?.length || m.checks?.length ? true : undefined };
}

/** Red: why the last save was refused. Amber: what the completeness check still wants here. */
export function Messages({ id, errors, checks }: { id: string; errors?: string[]; checks?: string[] }) {
  return (
    <>
      {!!errors?.length && (
        <ul id={`${id}-error`} className="mt-1 space-y-0.5 text-xs text-red-700">
          {[...new Set(errors)].map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {!!checks?.length && (
        <ul id={`${id}-check`} className="mt-1 space-y-0.5 text-xs text-amber-800">
          {[...new Set(checks)].map((e) => (
            <li key={e}>▲ {e}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A label above its control, with a hint and the field's messages. The control carries `id` and describe(). */
export function Labeled({
  id,
  label,
  required,
  hint,
  errors,
  checks,
  className,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  errors?: string[];
  checks?: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-slate-700">
        {label}
        {required && (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <Messages id={id} errors={errors} checks={checks} />
    </div>
  );
}
