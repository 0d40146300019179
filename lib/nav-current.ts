/**
 * Which navigation item the current page belongs to: the longest item path that is the page's
 * path or a folder above it — so /evaluation/proposals marks 结果应用, not also 绩效自评
 * (/evaluation). Null when no item matches.
 */
export function currentNavHref(pathname: string, hrefs: readonly string[]): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    if ((pathname === href || pathname.startsWith(`${href}/`)) && (!best || href.length > best.length)) best = href;
  }
  return best;
}
