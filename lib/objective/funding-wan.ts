import { parseWan } from "@/lib/money";

/** The wizard's funding step as typed: amounts in 万元. */
export interface FundingWanForm {
  requestedAmount: string;
  rows: { source: string; year: string; amount: string }[];
  fundUses: string;
}

/**
 * The funding step's 万元 amounts → the 元 the save action and the database hold, converted once
 * and exactly (lib/money.ts). An amount that is not 万元 is named by its field ("requestedAmount",
 * "rows.2.amount") so the step shows errors.amountWan there and nothing is sent. An empty amount
 * is passed on empty: the server's schema says what is missing.
 */
export function fundingToYuan(form: FundingWanForm): { ok: true; data: FundingWanForm } | { ok: false; badFields: string[] } {
  const bad: string[] = [];
  const conv = (field: string, v: string) => {
    if (!v.trim()) return "";
    const r = parseWan(v);
    if (!r.ok) bad.push(field);
    return r.ok ? r.yuan : "";
  };
  const data = {
    requestedAmount: conv("requestedAmount", form.requestedAmount),
    rows: form.rows.map((r, i) => ({ source: r.source, year: r.year, amount: conv(`rows.${i}.amount`, r.amount) })),
    fundUses: form.fundUses,
  };
  return bad.length ? { ok: false, badFields: bad } : { ok: true, data };
}

/** A department-overall objective's key tasks as typed: the budget and each task's amount in 万元. */
export interface KeyTasksWanForm {
  requestedAmount: string;
  tasks: { name: string; content: string; amount: string }[];
}

/** The key-tasks step's 万元 amounts → 元, exactly, with the same rules as fundingToYuan ("tasks.1.amount" names a bad one). */
export function keyTasksToYuan(form: KeyTasksWanForm): { ok: true; data: KeyTasksWanForm } | { ok: false; badFields: string[] } {
  const bad: string[] = [];
  const conv = (field: string, v: string) => {
    if (!v.trim()) return "";
    const r = parseWan(v);
    if (!r.ok) bad.push(field);
    return r.ok ? r.yuan : "";
  };
  const data = {
    requestedAmount: conv("requestedAmount", form.requestedAmount),
    tasks: form.tasks.map((r, i) => ({ name: r.name, content: r.content, amount: conv(`tasks.${i}.amount`, r.amount) })),
  };
  return bad.length ? { ok: false, badFields: bad } : { ok: true, data };
}
