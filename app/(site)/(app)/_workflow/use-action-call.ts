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
 * after success, refreshes the page's server data.
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

  const errors: FieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, setState, pending, errors, run };
}
