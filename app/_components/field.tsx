import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ERROR_KEY_ATTR, errorKeyTag } from "./field-error-key";
import { cls } from "./ui";

export interface Option {
  value: string;
  label: string;
}

type Common = {
  id: string;
  label: string;
  /** Messages for this field (an action's fieldErrors[name]). */
  errors?: string[];
  hint?: string;
  className?: string;
};
type InputProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> & { options?: undefined };
type SelectProps = Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className"> & {
    options: Option[];
    /** A first option with the value "" (e.g. 全部 / 请选择). */
    placeholder?: string;
  };

/** THE form field: a label tied to its input (or select), an optional hint and the field's error list. */
export function Field(props: InputProps | SelectProps) {
  const { id, label, errors, hint, className } = props;
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const aria = { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": described };
  let control: ReactNode;
  if (props.options) {
    const { options, placeholder, ...rest } = omitCommon(props) as Omit<SelectProps, keyof Common>;
    control = (
      <select id={id} className={cls.input} {...aria} {...rest}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    const rest = omitCommon(props) as Omit<InputProps, keyof Common | "options">;
    control = <input id={id} className={cls.input} {...aria} {...rest} />;
  }
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-slate-700">
        {label}
        {props.required && <span className="ml-0.5 text-red-700" aria-hidden="true">*</span>}
      </label>
      {control}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

function omitCommon(props: InputProps | SelectProps): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...props };
  for (const k of ["id", "label", "errors", "hint", "className"]) delete rest[k];
  if (!props.options) delete rest.options;
  return rest;
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-xs text-red-700" {...{ [ERROR_KEY_ATTR]: errorKeyTag(errors) }}>
      {[...new Set(errors)].map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** A group of checkboxes sharing one name (FormData repeats the key), with a legend and its errors. */
export function CheckboxGroup({
  id,
  name,
  legend,
  options,
  defaultChecked = [],
  errors,
  hint,
}: {
  id: string;
  name: string;
  legend: string;
  options: Option[];
  defaultChecked?: readonly string[];
  errors?: string[];
  hint?: string;
}) {
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="mb-1 text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1.5">
        {options.map((o) => (
          <label key={o.value} htmlFor={`${id}-${o.value}`} className="inline-flex items-center gap-1.5 whitespace-nowrap">
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={defaultChecked.includes(o.value)}
              className="h-4 w-4 accent-accent"
            />
            {o.label}
          </label>
        ))}
      </div>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}

/** The message of an action's result (data.message for actions that compute theirs), or null. */
export function resultMessage(state: ActionResult | null | undefined): string | null {
  if (!state) return null;
  if (state.message) return state.message;
  if (state.ok && state.data && typeof state.data === "object" && "message" in state.data) {
    const m = (state.data as { message?: unknown }).message;
    return typeof m === "string" ? m : null;
  }
  return null;
}

/** An action's overall outcome: its message and the whole-form errors (fieldErrors._form). */
export function FormMessage({ state, compact }: { state: ActionResult | null | undefined; compact?: boolean }) {
  const message = resultMessage(state);
  if (!state || (!message && !(!state.ok && state.fieldErrors?._form?.length))) return null;
  const formErrors = !state.ok ? (state.fieldErrors?._form ?? []) : [];
  const tone = state.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900";
  return (
    <div role={state.ok ? "status" : "alert"} className={`rounded-sm border ${tone} ${compact ? "px-2 py-1 text-xs" : "mb-3 px-3 py-2"}`}>
      {message && <p>{message}</p>}
      {formErrors.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {formErrors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
