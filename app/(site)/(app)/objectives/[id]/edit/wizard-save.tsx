"use client";
import { createContext, useContext, useEffect, useState, useTransition, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";

type Outcome = { step: number; result: ActionResult<unknown> };

/**
 * Holds the outcome of the last save above the step form: the form itself is keyed by the
 * version's edit counter, so after a save the page re-renders and the form remounts with what
 * the server now holds, while "已保存" (or the errors) stay on screen.
 */
const OutcomeContext = createContext<{ outcome: Outcome | null; setOutcome: (o: Outcome | null) => void }>({
  outcome: null,
  setOutcome: () => {},
});

export function WizardStatusProvider({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return <OutcomeContext.Provider value={{ outcome, setOutcome }}>{children}</OutcomeContext.Provider>;
}

/**
 * The newest edit counter this tab has seen per objective. A page restored from the router's
 * cache (browser back/forward) can carry an older one; it is then re-fetched instead of being
 * edited, so a save never starts from content older than what this tab itself saved.
 */
const latestSeen = new Map<number, number>();

/** Set while the page reloads on purpose (after a conflict), so the unsaved-changes prompt stays quiet. */
const leaving = { current: false };

export function reloadPage() {
  leaving.current = true;
  window.location.reload();
}

/**
 * Warns before the user leaves with unsaved changes: the browser's own prompt on reload/close,
 * and a confirm on any link click inside the app (client-side navigation does not fire
 * beforeunload).
 */
export function useUnsavedGuard(dirty: boolean) {
  const t = useT();
  const message = t("wizard.leaveConfirm");
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (leaving.current) return;
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(a instanceof HTMLAnchorElement) || a.target === "_blank" || a.hasAttribute("download")) return;
      if (!window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, message]);
}

/** Field messages of a save, keyed as the step names its inputs ("name", "indicators.2.unit"): the action's "data." prefix removed. */
function stepFieldErrors(result: ActionResult<unknown> | null): FieldErrors {
  if (!result || result.ok || !result.fieldErrors) return {};
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(result.fieldErrors)) {
    const k = key === "data" ? "_form" : key.startsWith("data.") ? key.slice(5) : key;
    (out[k] ??= []).push(...messages);
  }
  return out;
}

/**
 * Saving one whole step with the edit counter the page was rendered with. Success → the page
 * re-renders with the new counter (or moves to the next step); a conflict is shown, never retried.
 * `as` names the step the action saves when it is not the numbered one (部门整体: "deptBasic", "keyTasks").
 */
export function useStepSave({ objectiveId, step, editVersion, as }: { objectiveId: number; step: 1 | 2 | 3; editVersion: number; as?: "deptBasic" | "keyTasks" }) {
  const t = useT();
  const router = useRouter();
  const { outcome, setOutcome } = useContext(OutcomeContext);
  const [pending, startTransition] = useTransition();
  /** Set once this form has saved: it then waits for the page to re-render with the new counter. */
  const [savedAs, setSavedAs] = useState<number | null>(null);
  const [staleOnMount] = useState(() => editVersion < (latestSeen.get(objectiveId) ?? 0));

  useEffect(() => {
    if (editVersion >= (latestSeen.get(objectiveId) ?? 0)) latestSeen.set(objectiveId, editVersion);
    else router.refresh();
  }, [objectiveId, editVersion, router]);

  const result = outcome?.step === step ? outcome.result : null;

  function save(data: unknown, next: boolean) {
    startTransition(async () => {
      // A department-overall objective's steps 1 and 2 save as its own kinds of step.
      const r = await saveDeclarationStep({ step: as ?? step, objectiveId, editVersion, data } as Parameters<typeof saveDeclarationStep>[0]);
      if (!r.ok) {
        setOutcome({ step, result: r });
        return;
      }
      const saved = (r.data as { editVersion: number }).editVersion;
      latestSeen.set(objectiveId, Math.max(saved, latestSeen.get(objectiveId) ?? 0));
      setSavedAs(saved);
      if (next) {
        setOutcome({ step: step + 1, result: { ok: true, data: r.data, message: t("wizard.savedNext") } });
        router.push(`/objectives/${objectiveId}/edit?step=${step + 1}`);
      } else {
        setOutcome({ step, result: r });
      }
      router.refresh();
    });
  }

  return {
    save,
    pending,
    /** Saved or out of date: inputs are locked until the page shows the latest content. */
    waiting: savedAs !== null || staleOnMount,
    result,
    errors: stepFieldErrors(result),
    clearResult: () => setOutcome(null),
  };
}

/** The conflict of a stale tab: said plainly, with the one way out (reload the latest content). */
export function ConflictNotice() {
  const t = useT();
  return (
    <div role="alert" className="mb-4 rounded-sm border-2 border-red-600 bg-red-50 px-4 py-3 text-red-900" data-testid="conflict">
      <p className="font-semibold">{t("wizard.conflict.title")}</p>
      <p className="mt-1">{t("wizard.conflict.body")}</p>
      <button type="button" className={`${cls.primary} mt-2`} onClick={reloadPage}>
        {t("wizard.conflict.reload")}
      </button>
    </div>
  );
}

/** The outcome of the last save or submit at the top of the step: saved, conflict, or what to fix. */
export function SaveOutcome({ result, dirty }: { result: ActionResult<unknown> | null; dirty?: boolean }) {
  const t = useT();
  if (!result) return null;
  if (!result.ok && result.code === "conflict") return <ConflictNotice />;
  if (result.ok) {
    if (dirty) return null;
    return (
      <p role="status" className="mb-4 rounded-sm border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
        {result.message ?? t("wizard.saved")}
      </p>
    );
  }
  const formErrors = result.fieldErrors?._form ?? result.fieldErrors?.data ?? [];
  return (
    <div role="alert" className="mb-4 rounded-sm border border-red-300 bg-red-50 px-3 py-2 text-red-900">
      <p>{result.message}</p>
      {result.code === "invalid_input" && <p className="mt-0.5 text-sm">{t("wizard.fixBelow")}</p>}
      {formErrors.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {formErrors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** 保存 / 保存并下一步 with the unsaved-changes marker. The form's submit (Enter, 保存) saves in place. */
export function SaveBar({ pending, disabled, dirty, onSaveNext, prevHref }: { pending: boolean; disabled: boolean; dirty: boolean; onSaveNext?: () => void; prevHref?: string }) {
  const t = useT();
  return (
    <div className="sticky bottom-0 z-10 mt-5 flex flex-wrap items-center gap-3 rounded-sm border border-slate-300 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(15,23,42,0.06)] backdrop-blur">
      {prevHref && (
        <Link href={prevHref} className={cls.button}>
          {t("wizard.prev")}
        </Link>
      )}
      <button type="submit" className={cls.button} disabled={pending || disabled} data-testid="save">
        {pending ? t("wizard.saving") : t("wizard.save")}
      </button>
      {onSaveNext && (
        <button type="button" className={cls.primary} disabled={pending || disabled} onClick={onSaveNext} data-testid="save-next">
          {t("wizard.saveNext")}
        </button>
      )}
      <span aria-live="polite" className="text-sm">
        {disabled && !pending ? (
          <span className="text-slate-500">{t("wizard.refreshing")}</span>
        ) : (
          dirty && !pending && <span className="text-amber-700">● {t("wizard.unsaved")}</span>
        )}
      </span>
    </div>
  );
}
