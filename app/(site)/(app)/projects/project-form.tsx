"use client";
import { chinaYear } from "@/lib/format";
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { FUND_SOURCES, PROJECT_CATEGORIES, type FundSource, type OrgKind, type ProjectCategory } from "@/db/schema/enums";
import { createProject } from "@/lib/actions/project/create-project";
import { updateProject } from "@/lib/actions/project/update-project";
import { wanToYuan, yuanToWanInput } from "@/lib/project/money";
import { Field, FieldErrors } from "@/app/_components/field";
import { withMessages } from "@/app/_components/field-error-key";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../_workflow/result-notice";
import { useActionCall } from "../_workflow/use-action-call";

export interface OwnerChoice {
  id: number;
  name: string;
  kind: OrgKind;
  departmentId: number;
  depth: number;
}

export interface ParentChoice {
  id: number;
  code: string;
  name: string;
  departmentId: number;
}

/** A project in reserve as the edit form starts from (amounts in 元, as stored). */
export interface ProjectInitial {
  projectId: number;
  version: number;
  name: string;
  tier: number;
  parentId: number | null;
  category: ProjectCategory;
  ownerOrgId: number;
  startYear: number;
  endYear: number;
  totalAmount: string;
  fundSource: FundSource;
  policyBasis: string | null;
  isNew: boolean;
}

/**
 * The project form. Without `initial`: 新增项目, entering a project into the pool (储备) for a unit
 * or department the user files for. With `initial`: 编辑 of a project still in reserve, prefilled,
 * saved with its version (a stale page gets a conflict); the owner cannot change.
 */
export function ProjectForm({ owners, parents, initial }: { owners: OwnerChoice[]; parents: ParentChoice[]; initial?: ProjectInitial }) {
  const t = useT();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const editing = initial !== undefined;
  const idp = editing ? "ep" : "np";
  const [ownerId, setOwnerId] = useState(initial ? String(initial.ownerOrgId) : owners.length === 1 ? String(owners[0].id) : "");
  const [tier, setTier] = useState(initial ? String(initial.tier) : "2");
  const [isNew, setIsNew] = useState(initial ? initial.isNew : true);
  const [amountError, setAmountError] = useState<string | null>(null);
  const create = useActionCall(createProject, {
    onSuccess: () => {
      formRef.current?.reset();
      setIsNew(true);
      setTier("2");
    },
  });
  const update = useActionCall(updateProject, {
    refresh: false,
    // Back to the project's page, read-only, with the saved values.
    onSuccess: () => router.replace(`/projects/${initial?.projectId}?saved=1`, { scroll: false }),
  });
  const { state, setState, pending, errors, forget } = editing ? update : create;
  const owner = owners.find((o) => String(o.id) === ownerId);
  const parentOptions = parents.filter((p) => owner && p.departmentId === owner.departmentId && p.id !== initial?.projectId);
  const thisYear = chinaYear() + 1;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? "").trim();
    const totalAmount = wanToYuan(s("totalAmount"));
    // An amount that is not one in 万元 is still sent (as nothing, which the server refuses): every
    // other field's message comes back in the same answer, and this field shows the 万元 wording.
    setAmountError(totalAmount === null ? t("pool.amountFormat") : null);
    const fields = {
      name: s("name"),
      tier: Number(s("tier")),
      parentId: tier === "2" && s("parentId") ? Number(s("parentId")) : undefined,
      category: s("category") as ProjectCategory,
      ownerOrgId: Number(ownerId) || 0,
      startYear: Number(s("startYear")),
      endYear: Number(s("endYear")),
      totalAmount: totalAmount ?? "",
      fundSource: s("fundSource") as FundSource,
      policyBasis: s("policyBasis") || null,
      isNew,
    };
    if (initial) update.run({ ...fields, projectId: initial.projectId, version: initial.version });
    else create.run(fields);
  }

  const shown = create.state?.ok && !editing ? { ...create.state, message: t("pool.created", { code: create.state.data.code }) } : state;
  return (
    <form ref={formRef} onSubmit={onSubmit} onChange={forget} className="space-y-4" aria-label={editing ? t("pool.editTitle") : t("pool.create")} noValidate>
      {/* A conflict's reload re-renders the page with the current version; what was typed stays. */}
      <ResultNotice state={shown} reloadLabel={t("pool.conflictReload")} onReload={() => setState(null)} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id={`${idp}-name`} name="name" label={t("pool.name")} required maxLength={200} defaultValue={initial?.name} errors={errors.name} className="sm:col-span-2" />
        <Field
          id={`${idp}-owner`}
          name="ownerOrgId"
          label={t("pool.owner")}
          required
          options={owners.map((o) => ({ value: String(o.id), label: `${editing ? "" : "　".repeat(o.depth)}${o.name}` }))}
          placeholder={editing ? undefined : t("pool.choose")}
          value={ownerId}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setOwnerId(e.target.value)}
          disabled={editing}
          errors={errors.ownerOrgId}
          className="sm:col-span-2"
        />
        <Field
          id={`${idp}-tier`}
          name="tier"
          label={t("pool.tier")}
          required
          options={[
            { value: "1", label: t("pool.tierLabel.1") },
            { value: "2", label: t("pool.tierLabel.2") },
          ]}
          value={tier}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setTier(e.target.value)}
          errors={errors.tier}
        />
        <Field
          id={`${idp}-parent`}
          name="parentId"
          label={t("pool.parent")}
          options={parentOptions.map((p) => ({ value: String(p.id), label: `${p.name}（${p.code}）` }))}
          placeholder={t("pool.parentNone")}
          defaultValue={initial?.parentId ? String(initial.parentId) : undefined}
          disabled={tier !== "2" || parentOptions.length === 0}
          hint={t("pool.parentHint")}
          errors={errors.parentId}
          className="sm:col-span-2 lg:col-span-2"
        />
        <Field
          id={`${idp}-category`}
          name="category"
          label={t("pool.category")}
          required
          options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`pool.categoryLabel.${c}`) }))}
          placeholder={t("pool.choose")}
          defaultValue={initial?.category}
          errors={errors.category}
        />
        <Field
          id={`${idp}-fund`}
          name="fundSource"
          label={t("pool.fundSource")}
          required
          options={FUND_SOURCES.map((c) => ({ value: c, label: t(`pool.fundSourceLabel.${c}`) }))}
          defaultValue={initial?.fundSource ?? "general_budget"}
          errors={errors.fundSource}
        />
        <Field
          id={`${idp}-start`}
          name="startYear"
          type="number"
          label={t("pool.startYear")}
          required
          min={2000}
          max={2100}
          defaultValue={initial?.startYear ?? thisYear}
          errors={errors.startYear}
        />
        <Field
          id={`${idp}-end`}
          name="endYear"
          type="number"
          label={t("pool.endYear")}
          required
          min={2000}
          max={2100}
          defaultValue={initial?.endYear ?? thisYear}
          errors={errors.endYear}
        />
        <Field
          id={`${idp}-amount`}
          name="totalAmount"
          label={t("pool.totalAmountInput")}
          required
          inputMode="decimal"
          defaultValue={initial ? yuanToWanInput(initial.totalAmount) : undefined}
          autoComplete="off"
          hint={t("pool.totalAmountHint")}
          errors={amountError ? withMessages(errors.totalAmount, [amountError]) : errors.totalAmount}
          className="sm:col-span-2"
        />
        <div className="flex items-start pt-7 sm:col-span-2">
          <label htmlFor={`${idp}-isnew`} className="inline-flex items-start gap-2">
            <input id={`${idp}-isnew`} type="checkbox" checked={isNew} onChange={(e) => setIsNew(e.target.checked)} className="mt-1 h-4 w-4 accent-accent" />
            <span>
              {t("pool.isNew")}
              <span className="block text-xs text-slate-500">{t("pool.isNewHint")}</span>
            </span>
          </label>
        </div>
        <div className="sm:col-span-2 lg:col-span-4">
          <label htmlFor={`${idp}-policy`} className="mb-1 block text-slate-700">
            {t("pool.policyBasis")}
          </label>
          <textarea
            id={`${idp}-policy`}
            name="policyBasis"
            rows={2}
            maxLength={2000}
            defaultValue={initial?.policyBasis ?? undefined}
            className={`${cls.input} h-auto`}
            aria-invalid={errors.policyBasis?.length ? true : undefined}
            aria-describedby={errors.policyBasis?.length ? `${idp}-policy-error` : undefined}
          />
          <FieldErrors id={`${idp}-policy-error`} errors={errors.policyBasis} />
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={cls.primary} disabled={pending}>
          {pending ? t("common.submitting") : editing ? t("pool.saveChanges") : t("common.create")}
        </button>
        {editing && (
          <Link href={`/projects/${initial.projectId}`} className={cls.button} scroll={false}>
            {t("common.cancel")}
          </Link>
        )}
      </div>
    </form>
  );
}
