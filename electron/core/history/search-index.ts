// Fills the history search index (the `order_search` trigram table) outside ingest: before a
// search, every order above the watermark is indexed in one transaction. Ingest pays nothing for
// search, and a search never misses an order, however new.
import type { Db } from '../db/connection.js';

const WATERMARK = 'search.indexedRowid';

export class SearchIndex {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      mark: db.prepare(`SELECT CAST(value AS INTEGER) AS n FROM kv WHERE key = '${WATERMARK}'`),
      newest: db.prepare(`SELECT coalesce(MAX(rowid), 0) AS n FROM orders`),
      index: db.prepare(
        `INSERT INTO order_search (rowid, search_text)
         SELECT rowid, search_text FROM orders WHERE rowid > ? AND rowid <= ?`,
      ),
      setMark: db.prepare(
        `INSERT INTO kv (key, value) VALUES ('${WATERMARK}', CAST(? AS TEXT))
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
    };
  }

  /** Index every order not indexed yet; returns how many were added. */
  catchUp(): number {
    const mark = (this.stmts.mark.get() as { n: number } | undefined)?.n ?? 0;
    const newest = (this.stmts.newest.get() as { n: number }).n;
    if (newest <= mark) return 0;
    return this.db.transaction(() => {
      const added = this.stmts.index.run(mark, newest).changes;
      this.stmts.setMark.run(newest);
      return added;
    })();
  }
}
