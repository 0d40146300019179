"use client";
import { useState, type ChangeEvent } from "react";
import Link from "next/link";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";

/** Picks any two versions to compare (?diff=a..b). */
export function CompareVersions({ objectiveId, numbers }: { objectiveId: number; numbers: number[] }) {
  const t = useT();
  const [a, setA] = useState(String(numbers[0]));
  const [b, setB] = useState(String(numbers[numbers.length - 1]));
  const options = numbers.map((n) => ({ value: String(n), label: t("review.versionName", { n }) }));
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field id="cmp-a" label={t("review.compareFrom")} options={options} value={a} onChange={(e: ChangeEvent<HTMLSelectElement>) => setA(e.target.value)} className="w-32" />
      <Field id="cmp-b" label={t("review.compareTo")} options={options} value={b} onChange={(e: ChangeEvent<HTMLSelectElement>) => setB(e.target.value)} className="w-32" />
      {a !== b ? (
        <Link href={`/objectives/${objectiveId}?diff=${a}..${b}`} className={cls.button}>
          {t("review.compareGo")}
        </Link>
      ) : (
        <span className={`${cls.button} opacity-50`} aria-disabled="true">
          {t("review.compareGo")}
        </span>
      )}
    </div>
  );
}
