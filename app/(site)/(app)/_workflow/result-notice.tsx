"use client";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { FormMessage } from "@/app/_components/field";
import { cls } from "@/app/_components/ui";

/**
 * An action's outcome. A conflict (someone else changed or decided it first) gets a reload
 * button that re-renders the page with the current state; the form keeps what was typed.
 */
export function ResultNotice({
  state,
  reloadLabel,
  onReload,
  compact,
  successText,
}: {
  state: ActionResult | null;
  reloadLabel: string;
  onReload?: () => void;
  compact?: boolean;
  /** What to say on success when the action returns no message of its own. */
  successText?: string;
}) {
  const router = useRouter();
  if (!state) return null;
  if (!state.ok && state.code === "conflict") {
    return (
      <div role="alert" className="mb-3 flex flex-wrap items-center justify-between gap-2 rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
        <p>{state.message}</p>
        <button
          type="button"
          className={cls.small}
          onClick={() => {
            onReload?.();
            router.refresh();
          }}
        >
          {reloadLabel}
        </button>
      </div>
    );
  }
  const shown = state.ok && !state.message && successText ? { ...state, message: successText } : state;
  return <FormMessage state={shown} compact={compact} />;
}
