/**
 * The merged cells of the printed indicator table (绩效目标表): consecutive rows with the same
 * 一级指标 share one cell, and within it consecutive rows with the same 二级指标 share one.
 * Returns, per row, the rowSpan of its 一级 and 二级 cells (0 = covered by the cell above).
 */
export function indicatorSpans(rows: readonly { level1: string; level2: string }[]): { level1: number; level2: number }[] {
  const out = rows.map(() => ({ level1: 0, level2: 0 }));
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j].level1 === rows[i].level1) j++;
    out[i].level1 = j - i;
    let k = i;
    while (k < j) {
      let m = k;
      while (m < j && rows[m].level2 === rows[k].level2) m++;
      out[k].level2 = m - k;
      k = m;
    }
    i = j;
  }
  return out;
}
