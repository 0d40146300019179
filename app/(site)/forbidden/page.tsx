import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { cls } from "@/app/_components/ui";

export const generateMetadata = pageTitle("common.forbiddenTitle");

export default async function ForbiddenPage() {
  const t = await getT();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md rounded-sm border border-slate-300 border-t-4 border-t-accent bg-white p-8 text-center">
        <p className="text-4xl font-bold text-accent" aria-hidden="true">
          403
        </p>
        <h1 className="mt-2 text-lg font-semibold text-slate-900">{t("common.forbiddenTitle")}</h1>
        <p className="mt-3 text-slate-600">{t("common.forbiddenBody")}</p>
        <Link href="/" className={`${cls.button} mt-6`}>
          {t("common.backHome")}
        </Link>
      </div>
    </main>
  );
}
