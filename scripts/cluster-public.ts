import type pg from "pg";
import type { BrowserContext } from "playwright-core";
import { DEMO_PASSWORD } from "@/db/seed";
import { request } from "./bench/http";

const SCHOOL = "仁化县第一中学校舍维修改造";
const LB = "http://127.0.0.1:3420";

async function landing(port: number) {
  return request(`http://127.0.0.1:${port}/portal`);
}

/** The number of disclosed objectives a visitor sees on one process's portal landing page. */
async function publicCount(port: number): Promise<string> {
  const res = await landing(port);
  return /data-testid="figure-count"[^>]*>([^<]*)</.exec(res.body)?.[1] ?? `(status ${res.status})`;
}

/**
 * The public portal's cache across processes: both processes serve the landing page from cache;
 * finance discloses the county school through the balancer (one process); both processes count
 * it at once. Then finance withdraws it, and both drop it at once.
 */
export async function publicCacheChecks({ context, ports, check }: { context: BrowserContext; client: pg.Client; ports: number[]; check: (ok: boolean, what: string, detail?: string) => void }) {
  for (const port of ports) for (let i = 0; i < 3; i++) await publicCount(port); // fill each process's cache
  const before = await Promise.all(ports.map(publicCount));
  check(before.every((n) => n === "2"), "both processes serve the public landing page (two disclosures)", before.join(" / "));
  const served = await Promise.all(ports.map(async (port) => (await landing(port)).headers["x-nextjs-cache"]));
  check(served.every((h) => h === "HIT"), "each process serves the landing page whole from its cache", served.join(" / "));

  const admin = await context.browser()!.newContext({ locale: "zh-CN" });
  try {
    const page = await admin.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${LB}/login`);
    await page.fill("#username", "admin");
    await page.fill("#password", DEMO_PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/inbox/);
    await page.goto(`${LB}/disclosure?year=2027`);
    await page.getByRole("checkbox", { name: `选择 ${SCHOOL}` }).check();
    await page.getByRole("button", { name: "公开所选目标" }).click();
    await page.getByText("已公开。").waitFor();
    const disclosed = await Promise.all(ports.map(publicCount));
    check(disclosed.every((n) => n === "3"), "a disclosure made through one process is on both processes' cached portal at once", disclosed.join(" / "));

    const row = page.getByRole("row").filter({ hasText: SCHOOL });
    await row.getByRole("button", { name: "撤回" }).click();
    await row.getByLabel("撤回原因").fill("预算金额更正后重新公开");
    await row.getByRole("button", { name: "确认撤回" }).click();
    // The confirmation, or (once the desk has refreshed) the row marked 已撤回.
    await row.getByText(/^已撤回(公开。)?$/).first().waitFor();
    const withdrawn = await Promise.all(ports.map(publicCount));
    check(withdrawn.every((n) => n === "2"), "a withdrawal made through one process leaves both processes' portal at once", withdrawn.join(" / "));
  } finally {
    await admin.close();
  }
}
