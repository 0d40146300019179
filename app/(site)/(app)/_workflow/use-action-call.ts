"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";

interface Options<T> {
  /** Re-render the page's server components after success (default true). */
  refresh?: boolean;
  onSuccess?: (result: Extract<ActionResult<T>, { ok: true }>) => void;
}

/**
 * Calls one of the lib/actions server actions with a plain object (for inputs FormData cannot
 * carry: nested lists, records, converted amounts). Keeps the result for the form to show and,
 * after success, refreshes the page's server data. Pass `forget` as a form's onChange: a field's
 * error then goes away as soon as the user changes that field (the others stay until the next save).
 */
export function useActionCall<I, T>(action: (input: I) => Promise<ActionResult<T>>, options: Options<T> = {}) {
  const router = useRouter();
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();

  function run(input: I) {
    startTransition(async () => {
      const result = await action(input);
      setState(result);
      if (result.ok) {
        options.onSuccess?.(result);
        if (options.refresh !== false) router.refresh();
      }
    });
  }

  // Fields changed since the last answer: their errors are no longer shown.
  const [changed, setChanged] = useState<{ answer: typeof state; names: ReadonlySet<string> }>({ answer: null, names: new Set() });
  const names = changed.answer === state ? changed.names : new Set<string>();
  function forget(event: { target: EventTarget | null }) {
    const name = (event.target as { name?: unknown } | null)?.name;
    if (typeof name !== "string" || !name || names.has(name)) return;
    setChanged({ answer: state, names: new Set([...names, name]) });
  }

  const all: FieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errors: FieldErrors = Object.fromEntries(Object.entries(all).filter(([name]) => !names.has(name)));
  return { state, setState, pending, errors, run, forget };
}
