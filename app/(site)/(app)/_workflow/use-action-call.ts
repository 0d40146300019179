"use client";
import { useEffect, useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import { ERROR_KEY_ATTR, tagErrors } from "@/app/_components/field-error-key";

interface Options<T> {
  /** Re-render the page's server components after success (default true). */
  refresh?: boolean;
  onSuccess?: (result: Extract<ActionResult<T>, { ok: true }>) => void;
}

const CONTROLS = "input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea";

/**
 * Which of this call's field errors a changed control belongs to: its `name`; else the error
 * list its aria-describedby points at; else the one error list that shares the smallest box
 * around it with no other field in between (a Field's wrapper, a table cell). Null when it
 * cannot tell: then nothing is cleared (a message never disappears from the wrong field).
 */
export function errorKeyOf(target: Element, scope: string, errors: FieldErrors): string | null {
  const name = (target as { name?: unknown }).name;
  if (typeof name === "string" && name && errors[name]) return name;
  const prefix = `${scope}:`;
  const own = (el: Element | null) => {
    const v = el?.getAttribute(ERROR_KEY_ATTR);
    return v?.startsWith(prefix) ? v.slice(prefix.length) : null;
  };
  for (const id of (target.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean)) {
    const key = own(target.ownerDocument.getElementById(id));
    if (key) return key;
  }
  for (let box = target.parentElement; box && box !== target.ownerDocument.body; box = box.parentElement) {
    const lists = box.querySelectorAll(`[${ERROR_KEY_ATTR}^="${CSS.escape(prefix)}"]`);
    const fields = new Set([...box.querySelectorAll(CONTROLS)].map((c) => (c as HTMLInputElement).name || c));
    if (fields.size > 1) return null;
    if (lists.length === 1) return own(lists[0]);
    if (lists.length > 1) return null;
  }
  return null;
}

/**
 * Calls one of the lib/actions server actions with a plain object (for inputs FormData cannot
 * carry: nested lists, records, converted amounts). Keeps the result for the form to show and,
 * after success, refreshes the page's server data.
 *
 * A field's error goes away as soon as the user changes that field (the others stay until the
 * next answer), in every form that uses this hook, with nothing to wire: while errors are shown
 * the hook listens to the page's input and change events and finds the field the change belongs
 * to (errorKeyOf). The error lists carry their key because the arrays in `errors` are tagged
 * (app/_components/field-error-key.ts) and FieldErrors writes the tag out. `forget` remains for
 * a form that wants to say it itself (onChange={forget}).
 */
export function useActionCall<I, T>(action: (input: I) => Promise<ActionResult<T>>, options: Options<T> = {}) {
  const router = useRouter();
  const scope = useId();
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
  const drop = (name: string) =>
    setChanged((c) => {
      const before = c.answer === state ? c.names : new Set<string>();
      return before.has(name) ? c : { answer: state, names: new Set([...before, name]) };
    });
  function forget(event: { target: EventTarget | null }) {
    const name = (event.target as { name?: unknown } | null)?.name;
    if (typeof name === "string" && name) drop(name);
  }

  const all: FieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errors: FieldErrors = tagErrors(
    Object.fromEntries(Object.entries(all).filter(([name]) => !names.has(name) && name !== "_form")),
    scope,
  );
  if (all._form) errors._form = all._form;
  const shown = Object.keys(errors).filter((k) => k !== "_form").join("\n");

  useEffect(() => {
    if (!shown) return;
    const visible = Object.fromEntries(shown.split("\n").map((k) => [k, ["x"]]));
    const onChange = (event: Event) => {
      if (!(event.target instanceof Element) || !event.target.matches(CONTROLS)) return;
      const key = errorKeyOf(event.target, scope, visible);
      if (key) drop(key);
    };
    // Bubbling, not capturing: React's own handler (on the root, below the document) must read a
    // controlled input's new value before this re-renders the form, or the typed text is put back.
    document.addEventListener("input", onChange);
    document.addEventListener("change", onChange);
    return () => {
      document.removeEventListener("input", onChange);
      document.removeEventListener("change", onChange);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `drop` reads the state of this render, which `shown` stands for
  }, [shown, scope, state]);

  return { state, setState, pending, errors, run, forget };
}
