// The order counts behind `stream_connector_orders` (migration 0013) against a full count of the
// orders table: after a migration over existing orders, and after every kind of write the
// connector makes (insert, status moves, missed marks, deletes, a source rewritten), in a real
// SQLite file. The counts are what a scrape reads, so they must never drift from the table.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../../shared/domain.js';
import { openDatabase, type Db } from '../../electron/core/db/connection.js';
import { loadMigrations, runMigrations } from '../../electron/core/db/migrate.js';
import { OrderRepository, type NewOrderRow } from '../../electron/core/orders/repository.js';
import { FULL_ORDER_COUNT as FULL_COUNT } from '../support/order-counts.js';
import { scratchDir } from '../support/scratch.js';

const KEPT = 'SELECT source, outcome, n FROM order_counts WHERE n > 0 ORDER BY 1, 2';

const SOURCES = ['uber', 'doordash', null] as const;
let open: Db[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

function row(i: number, status: OrderStatus, source: string | null): NewOrderRow {
  return {
    id: `ord_${i}`,
    idempotency_key: `key:${i}`,
    body_sha256: String(i),
    raw_body: Buffer.from('{}'),
    payload_generation: 2,
    origin: source ? 'stream' : 'in_store',
    source,
    brand: source,
    dsp_order_id: null,
    dsp_order_number: `#${i}`,
    location_id: 'store-1',
    fulfillment_type: 'pickup',
    status,
    is_future: 0,
    requested_for: null,
    unpaid: 0,
    customer_name: null,
    item_count: 1,
    total_cents: 100,
    currency: 'USD',
    normalized: '{}',
    prep_time_minutes: null,
    received_at: i,
    staff_deadline_at: null,
    stream_deadline_at: null,
    decided_at: null,
    decided_by: null,
    reject_code: null,
    reject_reason: null,
    answer_status: 200,
    answer_body: '{}',
    updated_at: i,
  };
}

/** A small deterministic generator, so a failure replays the same writes. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('order counts kept in step with the orders table', () => {
  it('equal a full count after a migration over existing orders', () => {
    const file = path.join(scratchDir('order-counts-'), 'connector.db');
    const before = new Database(file);
    open.push(before);
    runMigrations(before, loadMigrations().slice(0, 12));
    const repo = new OrderRepository(before);
    for (let i = 0; i < 300; i++)
      repo.insert(
        row(i, ORDER_STATUSES[i % ORDER_STATUSES.length]!, SOURCES[Math.floor(i / 9) % 3]!),
      );
    before
      .prepare("UPDATE orders SET missed_at = 1 WHERE status = 'canceled' AND id LIKE '%1'")
      .run();
    const expected = before.prepare(FULL_COUNT).all();
    before.close();
    open = [];

    const db = openDatabase(file);
    open.push(db);
    expect(db.prepare(KEPT).all()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });

  it('equal a full count after thousands of inserts, moves, missed marks and deletes', () => {
    const db = openDatabase(path.join(scratchDir('order-counts-'), 'connector.db'));
    open.push(db);
    const repo = new OrderRepository(db);
    const rand = lcg(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    let next = 0;
    const ids: string[] = [];
    for (let step = 0; step < 5000; step++) {
      const op = rand();
      if (op < 0.35 || ids.length === 0) {
        const r = row(next++, 'pending', pick(SOURCES));
        repo.insert(r);
        ids.push(r.id);
      } else if (op < 0.75) {
        const id = pick(ids);
        const current = repo.get(id)!.status;
        repo.transition(id, [current], { status: pick(ORDER_STATUSES), updated_at: step });
      } else if (op < 0.85) {
        repo.markMissed(pick(ids), step, 'stream_canceled', null);
      } else if (op < 0.9) {
        // A write that touches no counted column moves nothing.
        repo.update(pick(ids), { updated_at: step, customer_name: 'x' });
      } else if (op < 0.95) {
        db.prepare('UPDATE orders SET source = ? WHERE id = ?').run(pick(SOURCES), pick(ids));
      } else {
        const id = ids.splice(Math.floor(rand() * ids.length), 1)[0]!;
        db.prepare('DELETE FROM order_timeline WHERE order_id = ?').run(id);
        db.prepare('DELETE FROM orders WHERE id = ?').run(id);
      }
      if (step % 500 === 0) expect(db.prepare(KEPT).all()).toEqual(db.prepare(FULL_COUNT).all());
    }
    // A transaction that rolls back takes its count changes with it.
    expect(() =>
      db.transaction(() => {
        repo.insert(row(next++, 'pending', 'uber'));
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(db.prepare(KEPT).all()).toEqual(db.prepare(FULL_COUNT).all());
    expect((db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n).toBe(
      (db.prepare('SELECT SUM(n) AS n FROM order_counts').get() as { n: number }).n,
    );
  });

  it('reads the counts with no scan of the orders table', () => {
    const db = openDatabase(path.join(scratchDir('order-counts-'), 'connector.db'));
    open.push(db);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${KEPT}`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/\borders\b/);
  });
});
