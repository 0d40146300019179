"use client";
import { cls } from "@/app/_components/ui";

/** 打印: the browser's print of the overview, on A4 (OverviewPrintStyles). */
export function OverviewPrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={`${cls.button} print-hide`} onClick={() => window.print()}>
      {label}
    </button>
  );
}

/** The overview on A4 portrait: the shell, the filters and buttons are not printed; figures four to a row; no card split across pages. */
export function OverviewPrintStyles() {
  return (
    <style>{`
@media print {
  @page { size: A4 portrait; margin: 12mm 10mm; }
  body { background: #fff !important; font-size: 10pt; }
  body > a[href="#main"], header, nav, .print-hide { display: none !important; }
  main { padding: 0 !important; }
  .overview-page a { color: inherit !important; text-decoration: none !important; }
  .overview-page .overview-figures { display: grid !important; grid-template-columns: repeat(4, minmax(0, 1fr)) !important; gap: 3mm !important; }
  .overview-page .overview-grid { display: grid !important; grid-template-columns: minmax(0, 1fr) !important; gap: 4mm !important; }
  .overview-page .print-card { break-inside: avoid; }
  .overview-page table { font-size: 9pt; }
  .overview-page tr { break-inside: avoid; }
  .overview-page .print-narrow svg { width: 110px; }
}
`}</style>
  );
}
