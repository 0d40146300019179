import type { ReactNode } from "react";
import "./globals.css";

/**
 * The app has two documents, each with its own root layout that writes <html lang>:
 * `(site)` — the signed-in system, the sign-in page and the rest, in the language of the visitor's
 * cookie and rendered on every request; and `(public)/portal/[lang]` — the public portal, whose
 * language is in the (rewritten) path so that each page is cached whole (proxy.ts). This layout
 * only passes them through.
 */
export default function PassThroughLayout({ children }: { children: ReactNode }) {
  return children;
}
