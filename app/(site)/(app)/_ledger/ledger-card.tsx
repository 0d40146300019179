import type { Ledger } from "@/lib/ledger/queries";
import { formatDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { wan } from "@/lib/project/money";
import { Card } from "@/app/_components/ui";

/** A subject's budget as the ledger has it: current, originally arranged, held, and every movement (DESIGN §3.11). */
export function LedgerCard({ ledger, t, className }: { ledger: Ledger; t: Translate; className?: string }) {
  return (
    <Card title={t("ledger.title")} className={className}>
      <div className="p-4">
      {ledger.arrangedOn == null ? (
        <p className="py-2 text-slate-500" data-testid="ledger-none">{t("ledger.none")}</p>
      ) : (
        <>
          <dl className="mb-3 grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt className="text-slate-500">{t("ledger.current")}</dt>
              <dd className="tabular-nums text-lg" data-testid="ledger-current">{wan(ledger.current)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("ledger.original")}</dt>
              <dd className="tabular-nums" data-testid="ledger-original">{wan(ledger.original)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("ledger.held")}</dt>
              <dd className="tabular-nums" data-testid="ledger-held">{wan(ledger.held)}</dd>
            </div>
          </dl>
          <table className="data-table w-full text-sm" aria-label={t("ledger.history")}>
            <thead>
              <tr>
                <th scope="col">{t("ledger.date")}</th>
                <th scope="col">{t("monitoring.dispositionKind")}</th>
                <th scope="col" className="text-right">{t("ledger.amount")}</th>
                <th scope="col">{t("ledger.documentNo")}</th>
                <th scope="col">{t("ledger.reason")}</th>
                <th scope="col">{t("ledger.by")}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.movements.map((m) => (
                <tr key={m.id}>
                  <td className="tabular-nums">{m.documentDate ?? formatDateTime(m.createdAt).slice(0, 10)}</td>
                  <td>{t(`ledger.kind.${m.kind}`)}</td>
                  <td className="text-right tabular-nums">{wan(m.amount)}</td>
                  <td>{m.documentNo ?? "—"}</td>
                  <td>{m.reason ?? "—"}</td>
                  <td>{m.byName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      </div>
    </Card>
  );
}
