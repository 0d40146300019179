import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getT } from "@/lib/i18n/server";

// Every page reads the session and language cookies and the database: render per request,
// never prerender at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { default: t("app.name"), template: `%s · ${t("app.name")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
