import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { disclosures, regions } from "@/db/schema";
import { clientAddress } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/db";
import { contentDisposition } from "@/lib/http/content-disposition";
import { takeToken } from "./api-http";
import { FDP_RESOURCES, fdpDescriptor, packageBase, packageName, type FdpResource } from "./fdp-descriptor";
import { fdpCsvStream, fdpPublisher, type FdpScope } from "./fdp-rows";
import { etagMatches, fdpEtag, fdpValidator } from "./fdp-validator";
import { FDP_ZIP, fdpZipStream } from "./fdp-zip";

/**
 * The package's files, served by the route handlers under /portal/data/{year}/… and
 * /portal/data/{year}/regions/{regionId}/…: read from the database on every request (never
 * cached), so a withdrawal is absent from the next download at once. Anything that is not a year
 * with a live disclosure, a known region or one of the package's files is 404 with a message,
 * never 5xx. Open to every origin (GET only): the data is public. Each file takes a token from the
 * same per-address bucket as the JSON API (lib/opendata/api-http.ts): a file costs the database far
 * more than an API page, so a client fetching in a loop gets 429 with Retry-After.
 *
 * Each file carries a strong ETag computed from the disclosures' validator (lib/opendata/fdp-validator.ts:
 * two index lookups, nothing generated), and `Cache-Control: no-cache` like the portal: a client or a
 * cache in front asks again each time with If-None-Match and is answered 304 without a body until a
 * disclosure or withdrawal changes the data. The bytes are a function of the validator (the
 * descriptor's `created` and the ZIP's entry dates are its time), so the same ETag always means
 * the same bytes.
 */
const HEADERS = {
  "Cache-Control": "no-cache",
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
  "X-Content-Type-Options": "nosniff",
};

function notFound(message: string): Response {
  return new Response(`${message}\n`, { status: 404, headers: { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/** The scope an address names, or the message of the 404 that answers it. */
export async function fdpScope(yearRaw: string, regionRaw: string | null): Promise<FdpScope | string> {
  if (!/^\d{4}$/.test(yearRaw)) return "年度应为四位数字 / the year must be four digits";
  const year = Number(yearRaw);
  const db = await getDb();
  let region: FdpScope["region"] = null;
  if (regionRaw !== null) {
    if (!/^\d{1,9}$/.test(regionRaw)) return "地区编号应为数字 / the region id must be a number";
    const [r] = await db.select({ id: regions.id, name: regions.name, path: regions.path }).from(regions).where(eq(regions.id, Number(regionRaw)));
    if (!r) return "没有这个地区 / no such region";
    region = r;
  }
  const [any] = await db
    .select({ id: disclosures.id })
    .from(disclosures)
    .where(and(isNull(disclosures.withdrawnAt), eq(disclosures.subjectType, "objective"), eq(disclosures.fiscalYear, year)))
    .limit(1);
  if (!any) return `${year}年度没有公开的数据 / nothing is disclosed for ${year}`;
  return { year, region };
}

export async function fdpResponse(request: Request, yearRaw: string, regionRaw: string | null, file: string): Promise<Response> {
  const { wait } = takeToken(clientAddress(request.headers));
  if (wait) {
    return new Response(`请求过于频繁，请 ${wait} 秒后再试 / too many requests, retry in ${wait} s\n`, {
      status: 429,
      headers: { ...HEADERS, "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(wait) },
    });
  }
  const scope = await fdpScope(yearRaw, regionRaw);
  if (typeof scope === "string") return notFound(scope);
  const resource = FDP_RESOURCES.find((r) => file === `${r}.csv`);
  if (!resource && file !== "datapackage.json" && file !== FDP_ZIP) {
    return notFound(`没有这个文件 / no such file: datapackage.json, ${FDP_ZIP}, ${FDP_RESOURCES.map((r) => `${r}.csv`).join(", ")}`);
  }
  const db = await getDb();
  const validator = await fdpValidator(db);
  const etag = fdpEtag(validator, packageBase(scope), file);
  if (etagMatches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { ...HEADERS, ETag: etag } });
  }
  const res = await fileResponse(db, scope, file, resource, validator.changedAt);
  res.headers.set("ETag", etag);
  return res;
}

async function fileResponse(db: Db, scope: FdpScope, file: string, resource: FdpResource | undefined, changedAt: Date): Promise<Response> {
  if (file === "datapackage.json" || file === FDP_ZIP) {
    const descriptor = JSON.stringify(fdpDescriptor(scope, await fdpPublisher(db, scope.region?.id ?? null), changedAt), null, 2);
    if (file === FDP_ZIP) {
      return new Response(fdpZipStream(db, scope, descriptor, changedAt), {
        headers: { ...HEADERS, "Content-Type": "application/zip", "Content-Disposition": contentDisposition(`${packageName(scope)}.zip`) },
      });
    }
    return new Response(descriptor, { headers: { ...HEADERS, "Content-Type": "application/json; charset=utf-8" } });
  }
  return new Response(fdpCsvStream(db, scope, resource as FdpResource), {
    headers: {
      ...HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(`${packageName(scope)}-${resource}.csv`),
    },
  });
}
