// A delivery turn that is rolled back also rolls back the lane's in-memory failure streak
// (regression test for 97d67a9, outbox/lane-worker.ts `memory`).
//
// Guarantee: when Stream comes back after an outage, the backlog is pulled forward and leaves
// within seconds, even when the turn that records Stream's first success is refused by the
// database and has to be recorded again a second later. Before the fix, the failed turn had
// already reset the endpoint-failure streak in memory while its pull-forward was rolled back, so
// the retry no longer saw an outage and every other waiting event sat out its own backoff (minutes).
//
// The storage error is real: a trigger written into the database file by a second connection
// makes SQLite refuse the turn's claims once Stream's first success is in the same transaction,
// so record() has run in full (sent, pull-forward, streak reset) when the transaction aborts. The
// trigger is dropped after that one failed turn, and the lane's own storage retry goes on.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../electron/core/util/log.js';
import { answer, startWithFakeStream, type WithFakeStream } from '../support/fake-stream.js';
import {
  expectDeliveredOnceInOrder,
  orderWithFourEvents,
  outboxIds,
  seeded,
} from '../support/outbox-helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Keeps the connector's error lines (the rest is dropped, as silentLogger does). */
function errorLog(): Logger & { errors: string[] } {
  const errors: string[] = [];
  const ignore = (): void => undefined;
  return { errors, debug: ignore, info: ignore, warn: ignore, error: (msg) => errors.push(msg) };
}

/** Real time passes only for I/O: yield to the event loop until `condition` holds. */
async function until(condition: () => boolean, what: string, realMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > realMs) throw new Error(`never happened: ${what}`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

const REFUSE_CLAIMS_AFTER_A_SUCCESS = `
  CREATE TRIGGER test_refuse_claims_after_success BEFORE UPDATE OF state ON outbox
  WHEN NEW.state = 'sending' AND OLD.lane = 'stream'
    AND EXISTS (SELECT 1 FROM outbox WHERE lane = 'stream' AND state = 'sent')
  BEGIN
    SELECT RAISE(ABORT, 'disk I/O error (test: the database refused the write)');
  END`;

describe('a rolled-back turn after an outage', () => {
  it('still pulls the backlog forward: every waiting event leaves within seconds of Stream coming back', async () => {
    const log = errorLog();
    const p: WithFakeStream = await startWithFakeStream({ streamLane: { random: seeded(7) }, log });
    cleanups.push(() => p.dispose());
    const other = new Database(path.join(p.t.dataDir, 'connector.db'));
    cleanups.push(() => {
      other.close();
    });
    const worker = p.t.connector.streamLane;
    const recordFailed = 'outbox: could not record delivery results';

    // Stream answers 500 for five minutes: each order's head (its accept) fails dozens of times
    // and falls to the slow tail, waiting up to 15 minutes between tries.
    const recoverAt = p.t.clock.now() + 5 * 60_000;
    p.fake.behave((r) => (r.at <= recoverAt ? answer(500) : undefined));
    const orders = [
      await orderWithFourEvents(p),
      await orderWithFourEvents(p),
      await orderWithFourEvents(p),
    ];
    other.exec(REFUSE_CLAIMS_AFTER_A_SUCCESS);
    await p.drive(() => p.t.clock.now() >= recoverAt, { maxClockMs: recoverAt - p.t.clock.now() });
    expect(p.fake.effects).toHaveLength(0);
    expect(p.fake.requests.filter((r) => r.status === 500).length).toBeGreaterThan(30);
    const heads = orders.map((o) => outboxIds(p, o)[0]!);
    const waits = other
      .prepare(`SELECT next_attempt_at AS at FROM outbox WHERE id IN (?, ?, ?) ORDER BY at`)
      .all(...heads) as { at: number }[];
    // The backlog is waiting out long backoffs: without the pull-forward the last head would go
    // a long while after the first.
    expect(waits[2]!.at - waits[0]!.at).toBeGreaterThan(30_000);

    // Stream is back. The first head's next try goes through; the turn that records it (sent,
    // pull-forward, streak reset) then claims the pulled-forward backlog, and the database
    // refuses: the whole turn is rolled back.
    expect(worker.activity().inFlight).toBe(0);
    const wake = worker.activity().nextWakeAt!;
    expect(wake).toBeGreaterThan(recoverAt);
    p.t.clock.advance(wake - p.t.clock.now());
    await until(() => log.errors.includes(recordFailed), 'the turn recording the success failed');
    expect(p.fake.effects).toHaveLength(1);
    const firstOk = p.fake.effects[0]!.at;
    const first = other
      .prepare(`SELECT state FROM outbox WHERE id = ?`)
      .get(p.fake.effects[0]!.key) as { state: string };
    expect(first.state).toBe('sending'); // its result was rolled back with the turn

    // The disk takes writes again; the lane records the turn again after its storage retry.
    other.exec('DROP TRIGGER test_refuse_claims_after_success');
    await until(() => !worker.activity().tickQueued, 'the worker went quiet');
    p.t.clock.advance(1_000);
    await p.drive(p.allDelivered(12), { maxClockMs: 30 * 60_000 });

    expectDeliveredOnceInOrder(p, orders);
    // The whole backlog left within seconds of Stream's first success, not a backoff each.
    const lastOk = Math.max(...p.fake.effects.map((e) => e.at));
    expect(lastOk - firstOk).toBeLessThan(5_000);
    expect(log.errors.filter((m) => m === recordFailed).length).toBeGreaterThanOrEqual(1);
  });
});
