// Group commit: writes from one event-loop turn share a transaction; a failing write is rolled
// back alone; nobody is answered before the commit.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { GroupCommit } from '../../electron/core/db/group-commit.js';
import { scratchDir } from '../support/scratch.js';

/** The app's schema plus a scratch table these tests own (the app's own rows stay out). */
function withScratch(db: ReturnType<typeof openDatabase>) {
  db.exec('CREATE TABLE scratch (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
  return db;
}
const freshDb = () => withScratch(openDatabase(path.join(scratchDir('connector-gc-'), 'c.db')));

describe('GroupCommit', () => {
  it('runs writes queued in one turn in one transaction and answers only after the commit', async () => {
    const file = path.join(scratchDir('connector-gc-'), 'c.db');
    const db = withScratch(openDatabase(file));
    const observer = new Database(file, { readonly: true });
    const committedRows = () =>
      (observer.prepare('SELECT COUNT(*) AS n FROM scratch').get() as { n: number }).n;
    const commits = new GroupCommit(db);
    const insert = db.prepare(`INSERT INTO scratch (key, value) VALUES (?, ?)`);
    const visibleToOthersDuringBatch: number[] = [];
    const pending = Array.from({ length: 10 }, (_, i) =>
      commits.run(() => {
        insert.run(`k${i}`, String(i));
        visibleToOthersDuringBatch.push(committedRows());
        return i;
      }),
    );
    const resolvedSeeing = await Promise.all(pending.map((p) => p.then(() => committedRows())));
    // Nothing was committed while the batch ran: one transaction for all ten.
    expect(visibleToOthersDuringBatch).toEqual(Array(10).fill(0));
    // Every caller was answered after all ten were durable.
    expect(resolvedSeeing).toEqual(Array(10).fill(10));
    observer.close();
    db.close();
  });

  it('rolls back only the write that threw; the others commit', async () => {
    const db = freshDb();
    const commits = new GroupCommit(db);
    const insert = db.prepare(`INSERT INTO scratch (key, value) VALUES (?, ?)`);
    const outcomes = await Promise.allSettled([
      commits.run(() => insert.run('a', '1')),
      commits.run(() => {
        insert.run('b', '2');
        throw new Error('refused');
      }),
      commits.run(() => insert.run('a', 'duplicate key')),
      commits.run(() => insert.run('c', '3')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    const keys = (
      db.prepare('SELECT key FROM scratch ORDER BY key').all() as { key: string }[]
    ).map((r) => r.key);
    expect(keys).toEqual(['a', 'c']);
    db.close();
  });
});
