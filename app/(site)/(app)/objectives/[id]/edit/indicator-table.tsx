"use client";
import { Fragment, useState, type ReactNode } from "react";
import { COMPARISONS, INDICATOR_LEVEL1, LEVEL2_OF, type Comparison, type IndicatorLevel1, type IndicatorLevel2 } from "@/db/schema/enums";
import type { FieldErrors } from "@/lib/actions/result";
import { useT } from "@/app/_components/i18n";
import { Badge, cls } from "@/app/_components/ui";
import { yearCompared } from "@/lib/objective/year-compare";
import type { IndicatorRowState } from "./indicator-types";
import { cellAreaCls, cellCls, describe, fieldId, Messages } from "./wizard-fields";

interface Props {
  rows: IndicatorRowState[];
  errors: FieldErrors;
  checks: Record<string, string[]>;
  onChange: (index: number, patch: Partial<IndicatorRowState>) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
}

const TH = "border border-slate-300 px-1.5 py-1.5 text-center font-semibold text-slate-800";
const TD = "border border-slate-200 px-1 py-1 align-top";
/** Columns of a body row: #, 资金用途, 一级, 二级, 三级, 比较, 年度, 实施期, 单位, 分值, 详情. */
const COLS = 11;
const MINI = `${cls.small} h-6 w-7 justify-center px-0`;
/** Selects in the table: small text, so the longest class names (服务对象满意度指标) fit. */
const SELECT = `${cellCls} pl-1 pr-0 text-xs`;

/** Fields shown in a row's details (指标解释, 计算公式, 来源), not in its own column. */
const DETAIL_FIELDS = ["explanation", "formula", "customReason", "changeReason"] as const;

/**
 * The indicator table laid out like the provincial declaration form: 资金用途 | 一级 | 二级 | 三级 |
 * 指标值 (比较, 年度, 实施期) | 计量单位 | 分值 | 详情. 指标解释及计算公式 and 来源 sit in an expandable
 * details row, and a row's messages in a full-width line under it, so the table fits a 1366 px
 * screen. Inputs are named "indicators.<i>.<field>" and labelled per row, so errors and tests find them.
 */
export function IndicatorTable({ rows, errors, checks, onChange, onMove, onRemove }: Props) {
  const t = useT();
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[56rem] table-fixed border-collapse border border-slate-400 bg-white text-sm" data-testid="indicator-table">
        <caption className="sr-only">{t("wizard.perf.indicators")}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" rowSpan={2} className={`${TH} w-11`}>#</th>
            <th scope="col" rowSpan={2} className={`${TH} w-[6.5rem]`}>{t("wizard.perf.fundUse")}</th>
            <th scope="col" rowSpan={2} className={`${TH} w-[6.5rem]`}>{t("wizard.perf.level1")}</th>
            <th scope="col" rowSpan={2} className={`${TH} w-[7.5rem]`}>{t("wizard.perf.level2")}</th>
            <th scope="col" rowSpan={2} className={TH}>{t("wizard.perf.name")}</th>
            <th scope="colgroup" colSpan={3} className={TH}>{t("wizard.perf.value")}</th>
            <th scope="col" rowSpan={2} className={`${TH} w-[4.5rem]`}>{t("wizard.perf.unit")}</th>
            <th scope="col" rowSpan={2} className={`${TH} w-14`}>{t("wizard.perf.weight")}</th>
            <th scope="col" rowSpan={2} className={`${TH} w-[4.5rem]`}>{t("wizard.perf.details")}</th>
          </tr>
          <tr>
            <th scope="col" className={`${TH} w-16 font-normal`}>{t("wizard.perf.comparison")}</th>
            <th scope="col" className={`${TH} w-24 font-normal`}>{t("wizard.perf.annualTarget")}</th>
            <th scope="col" className={`${TH} w-24 font-normal`}>{t("wizard.perf.periodTarget")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <IndicatorRow
              key={r.key}
              row={r}
              index={i}
              last={i === rows.length - 1}
              errors={errors}
              checks={checks}
              onChange={(patch) => onChange(i, patch)}
              onMove={(by) => onMove(i, by)}
              onRemove={() => onRemove(i)}
            />
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLS} className="border border-slate-200 px-3 py-6 text-center text-slate-500">
                {t("wizard.perf.empty")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function IndicatorRow({
  row: r,
  index: i,
  last,
  errors,
  checks,
  onChange,
  onMove,
  onRemove,
}: {
  row: IndicatorRowState;
  index: number;
  last: boolean;
  errors: FieldErrors;
  checks: Record<string, string[]>;
  onChange: (patch: Partial<IndicatorRowState>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const n = i + 1;
  const label = (col: string) => t("wizard.perf.cellLabel", { n, col });
  const at = (field: string) => {
    const name = `indicators.${i}.${field}`;
    const id = fieldId(name);
    const m = { errors: errors[name], checks: checks[name] };
    return { name, id, m, control: { id, name, ...describe(id, m) } };
  };
  const cell = (field: keyof IndicatorRowState, col: string, node: (c: ReturnType<typeof at>) => ReactNode, extra?: ReactNode) => {
    const c = at(field);
    return (
      <td className={TD}>
        {node(c)}
        {extra}
      </td>
    );
  };
  const text = (field: "unit" | "weight" | "annualTarget" | "periodTarget", col: string, extra?: ReactNode, inputMode?: "decimal") =>
    cell(
      field,
      col,
      (c) => (
        <input
          {...c.control}
          aria-label={label(col)}
          className={`${cellCls} ${field === "weight" ? "text-right tabular-nums" : ""}`}
          value={r[field]}
          inputMode={inputMode}
          maxLength={field === "unit" ? 30 : 200}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
      ),
      extra,
    );
  const area = (field: "fundUse" | "name" | "explanation" | "formula" | "customReason" | "changeReason", col: string, max: number, rows = 2) => {
    const c = at(field);
    return (
      <>
        <textarea
          {...c.control}
          aria-label={label(col)}
          placeholder={field === "explanation" || field === "formula" || field === "customReason" || field === "changeReason" ? col : undefined}
          rows={rows}
          maxLength={max}
          className={cellAreaCls}
          value={r[field]}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
      </>
    );
  };
  const rowErrors = Object.keys(errors).some((k) => k.startsWith(`indicators.${i}.`));
  const columnOf: Record<string, string> = {
    fundUse: t("wizard.perf.fundUse"),
    level1: t("wizard.perf.level1"),
    level2: t("wizard.perf.level2"),
    name: t("wizard.perf.name"),
    comparison: t("wizard.perf.comparison"),
    annualTarget: t("wizard.perf.annualTarget"),
    periodTarget: t("wizard.perf.periodTarget"),
    unit: t("wizard.perf.unit"),
    weight: t("wizard.perf.weight"),
    explanation: t("wizard.perf.explanation"),
    formula: t("wizard.perf.formula"),
    customReason: t("wizard.perf.customReason"),
    changeReason: t("wizard.perf.changeReason"),
  };
  // Every message of the row, each named by its column, in one line under the row (not wrapped in narrow cells).
  const messages = Object.keys(columnOf)
    .map((f) => ({ f, ...at(f) }))
    .filter((c) => c.m.errors?.length || c.m.checks?.length);
  const detailTrouble = messages.some((c) => (DETAIL_FIELDS as readonly string[]).includes(c.f));
  const [opened, setOpened] = useState(!r.indicatorId);
  const open = opened || detailTrouble;
  const detailsId = `indicator-details-${r.key}`;

  return (
    <Fragment>
      <tr className={`${rowErrors ? "bg-red-50/40" : "even:bg-slate-50/60"}`} data-testid={`indicator-row-${i}`}>
        <td className={`${TD} text-center`}>
          <div className="flex flex-col items-center gap-1">
            <span className="pt-1 text-slate-500">{n}</span>
            <button type="button" className={MINI} disabled={i === 0} onClick={() => onMove(-1)} aria-label={label(t("wizard.perf.moveUp"))} title={t("wizard.perf.moveUp")}>
              ↑
            </button>
            <button type="button" className={MINI} disabled={last} onClick={() => onMove(1)} aria-label={label(t("wizard.perf.moveDown"))} title={t("wizard.perf.moveDown")}>
              ↓
            </button>
            <button type="button" className={`${MINI} text-red-800`} onClick={onRemove} aria-label={label(t("wizard.perf.remove"))} title={t("wizard.perf.remove")}>
              ✕
            </button>
          </div>
        </td>
        <td className={TD}>{area("fundUse", t("wizard.perf.fundUse"), 200)}</td>
        {cell("level1", t("wizard.perf.level1"), (c) => (
          <select
            {...c.control}
            aria-label={label(t("wizard.perf.level1"))}
            className={SELECT}
            value={r.level1}
            onChange={(e) => {
              const level1 = e.target.value as IndicatorLevel1;
              onChange({ level1, level2: LEVEL2_OF[level1].includes(r.level2) ? r.level2 : LEVEL2_OF[level1][0] });
            }}
          >
            {INDICATOR_LEVEL1.map((l) => (
              <option key={l} value={l}>
                {t(`wizard.level1.${l}`)}
              </option>
            ))}
          </select>
        ))}
        {cell("level2", t("wizard.perf.level2"), (c) => (
          <select
            {...c.control}
            aria-label={label(t("wizard.perf.level2"))}
            className={SELECT}
            value={r.level2}
            onChange={(e) => onChange({ level2: e.target.value as IndicatorLevel2 })}
          >
            {LEVEL2_OF[r.level1].filter((l) => !(r.level1 === "output" && l === "cost") || r.level2 === l).map((l) => (
              <option key={l} value={l}>
                {t(`wizard.level2.${l}`)}
              </option>
            ))}
          </select>
        ))}
        <td className={TD}>{area("name", t("wizard.perf.name"), 200, 3)}</td>
        {cell("comparison", t("wizard.perf.comparison"), (c) => (
          <select
            {...c.control}
            aria-label={label(t("wizard.perf.comparison"))}
            className={SELECT}
            value={r.comparison}
            onChange={(e) => onChange({ comparison: e.target.value as Comparison })}
          >
            {COMPARISONS.map((v) => (
              <option key={v} value={v}>
                {t(`wizard.comparison.${v}`)}
              </option>
            ))}
          </select>
        ))}
        {text(
          "annualTarget",
          t("wizard.perf.annualTarget"),
          r.reference && <p className="mt-0.5 text-[11px] leading-tight text-slate-500">{t("wizard.perf.reference", { value: `${r.reference}${r.unit ?? ""}` })}</p>,
        )}
        {text("periodTarget", t("wizard.perf.periodTarget"))}
        {text("unit", t("wizard.perf.unit"))}
        {text("weight", t("wizard.perf.weight"), undefined, "decimal")}
        <td className={`${TD} text-center`}>
          <button
            type="button"
            className={`${cls.small} px-1.5`}
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t("wizard.perf.detailsOf", { n })}
            onClick={() => setOpened((o) => !o)}
            data-testid={`indicator-details-toggle-${i}`}
          >
            {open ? "▴" : "▾"} {r.indicatorId ? t("wizard.perf.bank") : t("wizard.perf.custom")}
          </button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open} className={rowErrors ? "bg-red-50/40" : ""} data-testid={`indicator-details-${i}`}>
        <td className="border border-slate-200" />
        <td colSpan={COLS - 1} className="border border-slate-200 px-2 py-1.5">
          <div className="grid gap-2 md:grid-cols-[1fr_1fr_14rem]">
            <label className="block text-xs text-slate-600">
              {t("wizard.perf.explanation")}
              {area("explanation", t("wizard.perf.explanation"), 2000)}
            </label>
            <label className="block text-xs text-slate-600">
              {t("wizard.perf.formula")}
              {area("formula", t("wizard.perf.formula"), 2000)}
            </label>
            <div className="text-xs text-slate-600">
              {t("wizard.perf.source")}
              {r.indicatorId ? (
                <div className="space-y-0.5 pt-1">
                  <Badge tone="navy">{t("wizard.perf.bank")}</Badge>
                  <div className="font-mono text-xs text-slate-600">{r.bankCode ?? `#${r.indicatorId}`}</div>
                </div>
              ) : (
                <div className="space-y-1">
                  <Badge tone="amber">{t("wizard.perf.custom")}</Badge>
                  {area("customReason", t("wizard.perf.customReason"), 1000)}
                </div>
              )}
            </div>
          </div>
          {yearCompared(r) && (
            <label className="mt-2 block text-xs text-slate-600">
              {t("wizard.perf.changeReason")}
              <span className="ml-1 text-slate-500">{t("wizard.perf.changeReasonHint")}</span>
              {area("changeReason", t("wizard.perf.changeReason"), 1000, 1)}
            </label>
          )}
        </td>
      </tr>
      {messages.length > 0 && (
        <tr data-testid={`indicator-messages-${i}`}>
          <td className="border border-slate-200" />
          <td colSpan={COLS - 1} className="border border-slate-200 px-2 py-1">
            <ul className="flex flex-wrap gap-x-4 gap-y-0.5">
              {messages.map((c) => (
                <li key={c.f} className="text-xs">
                  <span className="font-semibold text-slate-700">{columnOf[c.f]}：</span>
                  <span className="inline-block align-top">
                    <Messages id={c.id} {...c.m} />
                  </span>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
      {r.comment && (
        <tr>
          <td className="border border-slate-200" />
          <td colSpan={COLS - 1} className="border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid={`indicator-comment-${i}`}>
            {t("wizard.perf.reviewComment", { comment: r.comment })}
          </td>
        </tr>
      )}
    </Fragment>
  );
}
