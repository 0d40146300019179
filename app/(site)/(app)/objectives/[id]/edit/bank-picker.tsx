"use client";
import { useEffect, useId, useState } from "react";
import { INDICATOR_LEVEL1, type IndicatorLevel1 } from "@/db/schema/enums";
import { searchIndicatorBank } from "@/lib/actions/indicator/search-indicators";
import { useT } from "@/app/_components/i18n";
import { Badge, cls } from "@/app/_components/ui";
import type { BankHit } from "./indicator-types";

/**
 * 从指标库选择: searches the bank as the filer types (debounced), and adds a picked indicator as
 * a row with its classes, unit, comparison and formula filled and its bank id recorded.
 */
export function BankPicker({ onPick, pickedIds, onClose }: { onPick: (hit: BankHit) => void; pickedIds: ReadonlySet<number>; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState("");
  const [level1, setLevel1] = useState<IndicatorLevel1 | "">("");
  const [state, setState] = useState<{ hits: BankHit[]; error: string | null; query: string }>({ hits: [], error: null, query: "" });
  const query = `${level1}|${text.trim()}`;
  const searching = state.query !== query;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const r = await searchIndicatorBank({ text: text.trim(), level1: level1 || undefined });
      if (!current) return; // a newer search is under way
      setState(r.ok ? { hits: r.data as BankHit[], error: null, query } : { hits: [], error: r.message, query });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, level1, query]);

  return (
    <section aria-labelledby={`${id}-title`} className="mb-4 rounded-sm border border-navy/30 bg-blue-50/30 p-3" data-testid="bank-picker">
      <div className="mb-2 flex items-center justify-between">
        <h3 id={`${id}-title`} className="font-semibold text-navy">
          {t("wizard.bank.title")}
        </h3>
        <button type="button" className={cls.small} onClick={onClose}>
          {t("wizard.bank.close")}
        </button>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-72">
          <label htmlFor={`${id}-text`} className="mb-1 block text-slate-700">
            {t("wizard.bank.text")}
          </label>
          <input
            id={`${id}-text`}
            type="search"
            className={cls.input}
            value={text}
            maxLength={50}
            placeholder={t("wizard.bank.textHint")}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") e.preventDefault(); // not a save of the step
            }}
            data-testid="bank-search"
          />
        </div>
        <div className="w-40">
          <label htmlFor={`${id}-level1`} className="mb-1 block text-slate-700">
            {t("wizard.bank.level1")}
          </label>
          <select id={`${id}-level1`} className={cls.input} value={level1} onChange={(e) => setLevel1(e.target.value as IndicatorLevel1 | "")}>
            <option value="">{t("wizard.bank.all")}</option>
            {INDICATOR_LEVEL1.map((l) => (
              <option key={l} value={l}>
                {t(`wizard.level1.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <p aria-live="polite" className="pb-2 text-sm text-slate-500">
          {searching ? t("wizard.bank.searching") : state.error ? <span className="text-red-700">{t("wizard.bank.failed", { message: state.error })}</span> : null}
        </p>
      </div>
      <div className={`mt-3 max-h-80 overflow-y-auto border border-slate-300 bg-white ${searching ? "opacity-60" : ""}`}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("wizard.bank.results")}</caption>
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              {[t("wizard.bank.code"), t("wizard.bank.name"), t("wizard.perf.level1"), t("wizard.perf.level2"), t("wizard.bank.kind"), t("wizard.bank.unit"), t("wizard.perf.comparison"), t("wizard.bank.reference")].map((h) => (
                <th key={h} scope="col" className="border-b border-slate-300 px-2 py-1.5 text-left font-semibold whitespace-nowrap">
                  {h}
                </th>
              ))}
              <th scope="col" className="border-b border-slate-300 px-2 py-1.5">
                <span className="sr-only">{t("wizard.perf.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.hits.map((h) => {
              const picked = pickedIds.has(h.id);
              return (
                <tr key={h.id} className="border-b border-slate-100 hover:bg-amber-50/40">
                  <td className="px-2 py-1 font-mono text-xs whitespace-nowrap">{h.code}</td>
                  <td className="px-2 py-1">
                    {h.name}
                    {h.formula && <div className="text-xs text-slate-500">{h.formula}</div>}
                  </td>
                  <td className="px-2 py-1 whitespace-nowrap">{t(`wizard.level1.${h.level1}`)}</td>
                  <td className="px-2 py-1 whitespace-nowrap">{t(`wizard.level2.${h.level2}`)}</td>
                  <td className="px-2 py-1 whitespace-nowrap">
                    <Badge tone={h.kind === "common" ? "slate" : "navy"}>{h.kind === "common" ? t("wizard.bank.common") : t("wizard.bank.sector", { sector: h.sector ?? "" })}</Badge>
                  </td>
                  <td className="px-2 py-1">{h.unit ?? "—"}</td>
                  <td className="px-2 py-1">{t(`wizard.comparison.${h.comparison}`)}</td>
                  <td className="px-2 py-1 tabular-nums">{h.reference ? `${h.reference}${h.unit ?? ""}` : "—"}</td>
                  <td className="px-2 py-1 text-right">
                    <button type="button" className={cls.small} disabled={picked} onClick={() => onPick(h)} aria-label={`${t("wizard.bank.add")} ${h.code} ${h.name}`}>
                      {picked ? "✓" : t("wizard.bank.add")}
                    </button>
                  </td>
                </tr>
              );
            })}
            {!searching && !state.error && state.hits.length === 0 && (
              <tr>
                <td colSpan={9} className="px-3 py-4 text-center text-slate-500">
                  {t("wizard.bank.none")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
