"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { INDICATOR_LEVEL1, LEVEL2_OF, type IndicatorLevel1, type IndicatorLevel2 } from "@/db/schema/enums";
import { searchIndicatorBank } from "@/lib/actions/indicator/search-indicators";
import { useT } from "@/app/_components/i18n";
import { Badge, cls } from "@/app/_components/ui";
import type { BankHit } from "./indicator-types";

const COMMON = "共性";

/**
 * 从指标库选择: searches the bank as the filer types (debounced), and adds a picked indicator as
 * a row with its classes, unit, comparison and formula filled and its bank id recorded. It opens
 * scrolled into view with the keyword box focused, starts on the unit's own sector, filters by
 * sector and by 一级/二级 class, and is usable from the keyboard (↓ into the results, ↑↓, Enter, Esc).
 */
export function BankPicker({
  onPick,
  pickedIds,
  onClose,
  sectors,
  ownSector,
}: {
  onPick: (hit: BankHit) => void;
  pickedIds: ReadonlySet<number>;
  onClose: () => void;
  sectors: { code: string; name: string }[];
  ownSector: string | null;
}) {
  const t = useT();
  const id = useId();
  const boxRef = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLTableSectionElement>(null);
  const [text, setText] = useState("");
  const [sector, setSector] = useState(ownSector ?? "");
  const [level1, setLevel1] = useState<IndicatorLevel1 | "">("");
  const [level2, setLevel2] = useState<IndicatorLevel2 | "">("");
  const [state, setState] = useState<{ hits: BankHit[]; error: string | null; query: string }>({ hits: [], error: null, query: "" });
  const query = `${sector}|${level1}|${level2}|${text.trim()}`;
  const searching = state.query !== query;

  // Open in view, with the keyword box ready for typing.
  useEffect(() => {
    boxRef.current?.scrollIntoView({ block: "start" });
    searchRef.current?.focus({ preventScroll: true });
  }, []);

  const addButtons = () => [...(resultsRef.current?.querySelectorAll<HTMLButtonElement>("button[data-add]:not([disabled])") ?? [])];
  const onResultsKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const list = addButtons();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    e.preventDefault();
    if (e.key === "ArrowUp" && at <= 0) searchRef.current?.focus();
    else list[Math.min(list.length - 1, e.key === "ArrowDown" ? at + 1 : at - 1)]?.focus();
  };
  const onEscape = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    }
  };

  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const r = await searchIndicatorBank({ text: text.trim(), level1: level1 || undefined, level2: level2 || undefined, sector, preferSector: ownSector ?? "" });
      if (!current) return; // a newer search is under way
      setState(r.ok ? { hits: r.data as BankHit[], error: null, query } : { hits: [], error: r.message, query });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, level1, level2, sector, ownSector, query]);

  return (
    <section
      ref={boxRef}
      aria-labelledby={`${id}-title`}
      className="mb-4 scroll-mt-16 rounded-sm border border-navy/30 bg-blue-50/30 p-3"
      data-testid="bank-picker"
      onKeyDown={(e) => {
        onEscape(e);
        onResultsKey(e);
      }}
    >
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
            ref={searchRef}
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
            aria-describedby={`${id}-keys`}
            data-testid="bank-search"
          />
        </div>
        <div className="w-56">
          <label htmlFor={`${id}-sector`} className="mb-1 block text-slate-700">
            {t("wizard.bank.sectorFilter")}
          </label>
          <select id={`${id}-sector`} className={cls.input} value={sector} onChange={(e) => setSector(e.target.value)} data-testid="bank-sector">
            <option value="">{t("wizard.bank.all")}</option>
            {sectors.map((s) => (
              <option key={s.code} value={s.name}>
                {s.name === COMMON ? t("wizard.bank.commonSector") : s.name === ownSector ? `${s.name}（${t("wizard.bank.ownSector")}）` : s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="w-36">
          <label htmlFor={`${id}-level1`} className="mb-1 block text-slate-700">
            {t("wizard.bank.level1")}
          </label>
          <select
            id={`${id}-level1`}
            className={cls.input}
            value={level1}
            data-testid="bank-level1"
            onChange={(e) => {
              const l1 = e.target.value as IndicatorLevel1 | "";
              setLevel1(l1);
              if (level2 && (!l1 || !LEVEL2_OF[l1].includes(level2))) setLevel2("");
            }}
          >
            <option value="">{t("wizard.bank.all")}</option>
            {INDICATOR_LEVEL1.map((l) => (
              <option key={l} value={l}>
                {t(`wizard.level1.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="w-36">
          <label htmlFor={`${id}-level2`} className="mb-1 block text-slate-700">
            {t("wizard.bank.level2")}
          </label>
          <select id={`${id}-level2`} className={cls.input} value={level2} disabled={!level1} data-testid="bank-level2" onChange={(e) => setLevel2(e.target.value as IndicatorLevel2 | "")}>
            <option value="">{t("wizard.bank.all")}</option>
            {/* 成本 is offered once, as the 一级 成本指标 */}
            {(level1 ? LEVEL2_OF[level1].filter((l) => !(level1 === "output" && l === "cost")) : []).map((l) => (
              <option key={l} value={l}>
                {t(`wizard.level2.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <p aria-live="polite" className="pb-2 text-sm text-slate-500">
          {searching ? t("wizard.bank.searching") : state.error ? <span className="text-red-700">{t("wizard.bank.failed", { message: state.error })}</span> : null}
        </p>
      </div>
      <p id={`${id}-keys`} className="mt-1 text-xs text-slate-500">
        {t("wizard.bank.keys")}
      </p>
      <div className={`mt-2 max-h-80 overflow-y-auto border border-slate-300 bg-white ${searching ? "opacity-60" : ""}`}>
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
          <tbody ref={resultsRef}>
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
                    <button type="button" data-add className={cls.small} disabled={picked} onClick={() => onPick(h)} aria-label={`${t("wizard.bank.add")} ${h.code} ${h.name}`}>
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
