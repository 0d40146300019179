"use client";
import { startTransition, useActionState, useEffect, useEffectEvent, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";

type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

interface Options<T> {
  /** Re-render the page's server components after success (default true). */
  refresh?: boolean;
  /** Clear the form after success (default false). */
  resetOnSuccess?: boolean;
  onSuccess?: (result: Extract<ActionResult<T>, { ok: true }>) => void;
}

/**
 * useActionState for one of the lib/actions server actions. Submits through onSubmit so that
 * React does not clear the form when the server refuses it (the user keeps what they typed);
 * after success it refreshes the page's server data and, if asked, clears the form. A field's
 * error goes away as soon as the user changes that field (the others stay until the next save).
 */
export function useActionForm<T>(action: FormAction<T>, options: Options<T> = {}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);

  const onDone = useEffectEvent((result: Extract<ActionResult<T>, { ok: true }>) => {
    if (options.resetOnSuccess) formRef.current?.reset();
    if (options.refresh !== false) router.refresh();
    options.onSuccess?.(result);
  });
  useEffect(() => {
    if (state?.ok) onDone(state);
  }, [state]);

  // Fields changed since the last answer: their errors are no longer shown.
  const [changed, setChanged] = useState<{ answer: typeof state; names: ReadonlySet<string> }>({ answer: null, names: new Set() });
  const names = changed.answer === state ? changed.names : new Set<string>();
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const onInput = (event: Event) => {
      const name = (event.target as { name?: unknown } | null)?.name;
      if (typeof name !== "string" || !name) return;
      setChanged((c) => {
        const before = c.answer === state ? c.names : new Set<string>();
        return before.has(name) ? c : { answer: state, names: new Set([...before, name]) };
      });
    };
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    return () => {
      form.removeEventListener("input", onInput);
      form.removeEventListener("change", onInput);
    };
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Forms that pass no ref still get their errors cleared on input from the first answer on.
    formRef.current ??= event.currentTarget;
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  const all: FieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errors: FieldErrors = Object.fromEntries(Object.entries(all).filter(([name]) => !names.has(name)));
  return { state, pending, errors, formRef, onSubmit };
}
