import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { fiscalYears, orgs, regions } from "@/db/schema";
import { parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { scopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { approvalCandidates, ARRANGE_PERMISSION } from "@/lib/ledger/arrange";
import { formatWan, yuanToWan } from "@/lib/money";
import { pageTitle } from "@/lib/page-title";
import { Card, PageHeader, cls } from "@/app/_components/ui";
import { ApproveForm } from "./approve-form";

export const generateMetadata = pageTitle("ledger.approveTitle");

const params = z.object({ dept: z.coerce.number().int().positive().optional().catch(undefined), year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

/**
 * 批复部门预算 (the five synchronised steps' 同步批复): finance picks a department of its scope and
 * a year, sees the department's approved objectives whose budget is not yet arranged (with the
 * requested amount and the confirmed result-application proposal), and approves them with their
 * amounts under one 批复文号 — lib/ledger/arrange.ts approveDepartmentBudget, one transaction.
 */
export default async function ApproveBudgetPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor(ARRANGE_PERMISSION);
  const p = parseSearchParams(params, await searchParams);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const [departments, years] = await Promise.all([
    db
      .select({ id: orgs.id, name: orgs.name, regionName: regions.name })
      .from(orgs)
      .innerJoin(regions, eq(regions.id, orgs.regionId))
      .where(and(eq(orgs.kind, "department"), scopeWhere(actor, ARRANGE_PERMISSION, { orgPath: orgs.path, regionPath: regions.path })))
      .orderBy(asc(regions.path), asc(orgs.path))
      .limit(500),
    db.selectDistinct({ year: fiscalYears.year }).from(fiscalYears).orderBy(desc(fiscalYears.year)),
  ]);
  const year = p.year ?? years[0]?.year;
  const dept = departments.find((d) => d.id === p.dept);
  const candidates = dept && year ? await approvalCandidates(db, actor, dept.id, year) : [];
  return (
    <div className="space-y-4">
      <PageHeader title={t("ledger.approveTitle")} subtitle={t("ledger.approveHint")} />
      <Card>
        <form method="get" role="search" aria-label={t("common.filters")} className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="block text-slate-600">{t("ledger.department")}</span>
            <select name="dept" defaultValue={dept?.id ?? ""} className={cls.input}>
              <option value="">—</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.regionName} · {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-slate-600">{t("overview.year")}</span>
            <select name="year" defaultValue={year ?? ""} className={cls.input}>
              {years.map((y) => (
                <option key={y.year} value={y.year}>
                  {y.year}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={cls.button}>
            {t("common.search")}
          </button>
        </form>
      </Card>
      {dept && year ? (
        candidates.length ? (
          <ApproveForm
            key={`${dept.id}-${year}`}
            departmentOrgId={dept.id}
            fiscalYear={year}
            rows={candidates.map((c) => ({
              objectiveId: c.id,
              title: c.title,
              requestedText: formatWan(c.requested),
              suggestedText: c.suggested ? formatWan(c.suggested) : null,
              amount: yuanToWan(c.suggested ?? c.requested ?? "0"),
            }))}
          />
        ) : (
          <p className="text-sm text-slate-600" data-testid="approve-none">
            {t("ledger.noCandidates")}
          </p>
        )
      ) : null}
    </div>
  );
}
