import { NextResponse } from "next/server";
import { isLocale } from "@/lib/i18n";

/**
 * The portal's language switch without JavaScript: remembers the language in the `locale` cookie
 * (the one the whole app reads) and goes back to the page the visitor came from, on this site only.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const to = url.searchParams.get("to");
  const referer = request.headers.get("referer");
  let back = "/portal";
  if (referer) {
    try {
      const r = new URL(referer);
      if (r.host === url.host && r.pathname.startsWith("/portal")) back = r.pathname + r.search;
    } catch {
      // a malformed Referer: go to the portal's home
    }
  }
  const res = new NextResponse(null, { status: 303, headers: { Location: back } });
  if (isLocale(to)) res.cookies.set("locale", to, { path: "/", maxAge: 31_536_000, sameSite: "lax" });
  return res;
}
