"use client";
import { startTransition, useActionState, useEffect, useEffectEvent, useRef, type FormEvent } from "react";
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
 * after success it refreshes the page's server data and, if asked, clears the form.
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

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  const errors: FieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, pending, errors, formRef, onSubmit };
}
