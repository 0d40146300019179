"use client";
import { cls } from "@/app/_components/ui";

/** 打印: the browser's print, with the page's print styles hiding everything but the table. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={`${cls.button} print-hide`} onClick={() => window.print()}>
      {label}
    </button>
  );
}

/** Print styles of the objective page: the shell, buttons and forms are not printed. */
export function PrintStyles() {
  return (
    <style>{`
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff !important; font-size: 11pt; }
  body > a[href="#main"], header, nav, .print-hide { display: none !important; }
  main { padding: 0 !important; }
  .print-sheet table { font-size: 10pt; }
  .print-sheet tr { break-inside: avoid; }
  .print-card { border: 0 !important; }
  .print-card > div { padding: 0 !important; }
}
`}</style>
  );
}
