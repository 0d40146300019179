"use client";
import { useState } from "react";
import { useT } from "./i18n";
import { cls } from "./ui";

/**
 * A button for a one-way action (入库, 安排预算, 公开 …): the first click asks
 * "入库后不能撤回，确定吗？" with 确认入库 and 取消 next to it; only 确认… runs the action.
 * No window.confirm: the question is on the page, in the page's language, reachable by keyboard.
 */
export function ConfirmButton({
  label,
  onConfirm,
  disabled,
  className = cls.primary,
}: {
  label: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={t("common.confirmQuestion", { action: label })} className="inline-flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-700">{t("common.confirmQuestion", { action: label })}</span>
      <button
        type="button"
        className={className}
        disabled={disabled}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t("common.confirmAction", { action: label })}
      </button>
      <button type="button" className={cls.button} onClick={() => setAsking(false)}>
        {t("common.cancel")}
      </button>
    </span>
  );
}
