import type pg from "pg";

type Value = string | number | boolean | null;

/**
 * Buffers rows for one table and writes them in batches of one statement each:
 * `insert … select * from unnest($1::t1[], $2::t2[], …)` — one round trip and one parse per
 * batch, whatever the batch size, which is what makes millions of rows load in minutes.
 */
export class BulkWriter {
  private cols: Value[][];
  private readonly sql: string;
  rows = 0;
  /** Writers whose rows this table's foreign keys point at: flushed first. */
  readonly dependsOn: BulkWriter[] = [];

  constructor(
    private readonly client: pg.Client,
    table: string,
    private readonly columns: readonly (readonly [name: string, pgType: string])[],
    private readonly onWrite: (n: number) => void = () => {},
    private readonly batch = 5000,
  ) {
    this.cols = columns.map(() => []);
    const names = columns.map(([n]) => `"${n}"`).join(", ");
    const params = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ");
    this.sql = `insert into ${table} (${names}) select * from unnest(${params})`;
  }

  async add(row: readonly Value[]): Promise<void> {
    for (let i = 0; i < this.columns.length; i++) this.cols[i].push(row[i] ?? null);
    if (this.cols[0].length >= this.batch) await this.flush();
  }

  async flush(): Promise<void> {
    const n = this.cols[0].length;
    if (!n) return;
    for (const d of this.dependsOn) await d.flush();
    const values = this.cols;
    this.cols = this.columns.map(() => []);
    await this.client.query(this.sql, values);
    this.rows += n;
    this.onWrite(n);
  }
}
