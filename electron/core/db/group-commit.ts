// Group commit: writes that arrive in the same turn of the event loop share one transaction,
// and so one fsync. With synchronous=FULL the fsync is most of the cost of taking an order, so
// this is what lets durable ingest keep up with a burst. Each write runs in its own savepoint,
// so one that throws is rolled back alone; every caller is answered only after the commit.
import type { Db } from './connection.js';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 64,
  ) {}

  /** Run `work` (synchronous, no awaits) in the next shared transaction; resolves once committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length) this.schedule();
    const outcomes: Outcome[] = [];
    try {
      // IMMEDIATE takes the write lock up front: when another connection holds it, the whole
      // batch waits once (the busy timeout) and fails once, instead of once per write.
      this.db
        .transaction(() => {
          for (const item of batch) {
            try {
              outcomes.push({ ok: true, value: this.db.transaction(item.work)() });
            } catch (error) {
              // SQLite abandons the whole transaction on some errors (full disk, I/O): then
              // nothing in this batch is stored and every caller must hear so.
              if (!this.db.inTransaction) throw error;
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}
