import type { Light, monitoringWarnings } from "@/db/schema";
import type { Translate } from "@/lib/i18n";
import { wan } from "@/lib/project/money";
import { Badge } from "@/app/_components/ui";

const TONE = { green: "green", yellow: "amber", red: "red" } as const;

/** The traffic light as a badge with its word (never colour alone). */
export function LightBadge({ light, t }: { light: Light | null; t: Translate }) {
  if (!light) return <span className="text-slate-400">{t("monitoring.noLight")}</span>;
  return (
    <Badge tone={TONE[light]}>
      <span aria-hidden="true">●</span> {t(`monitoring.lightLabel.${light}`)}
    </Badge>
  );
}

type Warning = Pick<typeof monitoringWarnings.$inferSelect, "rule" | "light" | "facts">;

/** Which rule fired and the numbers behind it, in words. */
export function warningText(w: Warning, t: Translate): string {
  const f = w.facts as Record<string, string | number | boolean | null>;
  const s = (k: string) => String(f[k] ?? "—");
  switch (w.rule) {
    case "execution":
      return t("monitoring.why.execution", {
        rate: s("ratePercent"),
        tp: s("timeProgressPercent"),
        index: s("index"),
        red: s("red"),
        yellow: s("yellow"),
        executed: f.executed == null ? "—" : wan(s("executed")),
        budget: f.budget == null ? "—" : wan(s("budget")),
      });
    case "target": {
      const j = s("judgement") as "met" | "probably" | "not_met";
      return t("monitoring.why.target", { indicator: s("indicator"), judgement: t(f.qualitative ? `monitoring.qualitativeLabel.${j}` : `monitoring.judgementLabel.${j}`) });
    }
    case "idle":
      return t("monitoring.why.idle", { n: s("indicatorsMet"), index: s("index"), light: t(`monitoring.lightLabel.${s("executionLight") as Light}`) });
  }
}
