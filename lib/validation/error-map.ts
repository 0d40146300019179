import { z } from "zod";
import type { Locale } from "@/lib/i18n";

/**
 * The error map every action parses with (lib/actions/define.ts): zod's own wording in the
 * reader's language, except where it would show the schema's insides to a person — a select
 * left at 请选择 or given a value not on its list gets "请选择…" (never zod's list of enum values),
 * and a field missing altogether gets "请填写此项". Messages are dictionary keys (errors.*).
 */
export function zodLocale(locale: Locale): z.core.$ZodErrorMap {
  const base = (locale === "zh" ? z.locales.zhCN() : z.locales.en()).localeError;
  return (issue) => {
    if (issue.code === "invalid_value") return "errors.choose";
    if (issue.code === "invalid_union" && (issue.input === undefined || issue.input === "")) return "errors.required";
    if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null || issue.input === "")) return "errors.required";
    return base(issue);
  };
}
