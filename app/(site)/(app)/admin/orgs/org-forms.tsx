"use client";
import { useState, type ChangeEvent } from "react";
import { ORG_KINDS, type OrgKind } from "@/db/schema/enums";
import { createOrg } from "@/lib/actions/admin/create-org";
import { updateOrgProfile } from "@/lib/actions/admin/update-org-profile";
import { Field, FormMessage } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls, Disclosure } from "@/app/_components/ui";
import { useActionForm } from "@/app/_components/use-action-form";

export interface RegionChoice {
  id: number;
  name: string;
  depth: number;
}
export interface DepartmentChoice {
  id: number;
  name: string;
  regionId: number;
}

/** 新增单位. A spending unit needs its parent department, which must be in the same region. */
export function CreateOrgForm({ regions, departments }: { regions: RegionChoice[]; departments: DepartmentChoice[] }) {
  const t = useT();
  const [kind, setKind] = useState<OrgKind | "">("");
  const [regionId, setRegionId] = useState("");
  const parents = departments.filter((d) => String(d.regionId) === regionId);
  const { state, pending, errors, formRef, onSubmit } = useActionForm(createOrg, {
    resetOnSuccess: true,
    onSuccess: () => {
      setKind("");
      setRegionId("");
    },
  });

  return (
    <form noValidate ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label={t("orgs.create")}>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="new-code" name="code" label={t("orgs.code")} required maxLength={30} autoComplete="off" errors={errors.code} />
        <Field id="new-name" name="name" label={t("orgs.name")} required maxLength={120} errors={errors.name} className="lg:col-span-2" />
        <Field
          id="new-kind"
          name="kind"
          label={t("orgs.kind")}
          required
          options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
          placeholder="—"
          value={kind}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setKind(e.target.value as OrgKind | "")}
          errors={errors.kind}
        />
        <Field
          id="new-regionId"
          name="regionId"
          label={t("orgs.region")}
          required
          options={regions.map((r) => ({ value: String(r.id), label: `${"　".repeat(r.depth)}${r.name}` }))}
          placeholder="—"
          value={regionId}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setRegionId(e.target.value)}
          errors={errors.regionId}
        />
        <Field
          id="new-parentId"
          name="parentId"
          label={t("orgs.parent")}
          options={parents.map((d) => ({ value: String(d.id), label: d.name }))}
          placeholder={t("common.none")}
          disabled={kind !== "unit"}
          required={kind === "unit"}
          hint={t("orgs.parentHint")}
          errors={errors.parentId}
        />
      </div>
      <button type="submit" className={cls.primary} disabled={pending}>
        {pending ? t("common.submitting") : t("common.create")}
      </button>
    </form>
  );
}

/** 修改联系人: contact name and phone of one organisation, with its version. */
export function OrgProfileForm({ org }: { org: { id: number; version: number; contactName: string | null; contactPhone: string | null } }) {
  const t = useT();
  const { state, pending, errors, onSubmit } = useActionForm(updateOrgProfile);
  return (
    <Disclosure label={t("orgs.editContact")}>
      <form noValidate onSubmit={onSubmit} className="w-56 space-y-2" key={org.version}>
        <input type="hidden" name="orgId" value={org.id} />
        <input type="hidden" name="version" value={org.version} />
        <Field id={`contact-${org.id}`} name="contactName" label={t("orgs.contact")} defaultValue={org.contactName ?? ""} maxLength={50} errors={errors.contactName} />
        <Field
          id={`phone-${org.id}`}
          name="contactPhone"
          type="tel"
          label={t("orgs.contactPhone")}
          defaultValue={org.contactPhone ?? ""}
          maxLength={30}
          errors={errors.contactPhone}
        />
        <button type="submit" className={cls.small} disabled={pending}>
          {t("common.save")}
        </button>
        <FormMessage state={state} compact />
      </form>
    </Disclosure>
  );
}
