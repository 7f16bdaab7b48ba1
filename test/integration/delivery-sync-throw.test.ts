// An attempt that throws before its first await is a failed attempt, not an uncaught error
// (regression test for 8edc0cd, outbox/lane-worker.ts `launch`).
//
// Guarantee: when a POS attempt throws in its synchronous part (it reads the leg and parses the
// row's body before it sends anything), that row is recorded as a retryable internal error and
// tried again; the rows claimed in the same turn after it still reach the POS; and no row is left
// `sending` with nothing in flight. Before the fix the throw escaped the turn (an uncaught
// exception), the rows claimed after it were never started, and they stayed `sending` until the
// next start.
//
// The bad row is real: its body is cut short in the database file by a second connection (as a
// torn write or a hand edit would leave it), so JSON.parse throws inside the real attempt.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../electron/core/outbox/repository.js';
import { posAnswer, startPosRig, type PosRig } from '../support/fake-pos.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function acceptedOrder(r: PosRig): Promise<string> {
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    r.t.streamUrl,
    orderCreated(),
  );
  expect(res.status).toBe(200);
  const id = res.body.order.provider_id;
  expect((await local(r.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
  return id;
}

describe('a POS attempt that throws before it sends anything', () => {
  it('is a retryable internal error; the rows claimed with it still reach the POS; nothing stays sending', async () => {
    const rig = await startPosRig({ posOptions: { concurrency: 4 } });
    cleanups.push(() => rig.dispose());
    const other = new Database(path.join(rig.t.dataDir, 'connector.db'));
    cleanups.push(() => {
      other.close();
    });
    const leg = (id: string) => rig.t.connector.pos.legs.get(id, 'pos');
    const row = (id: string) =>
      other
        .prepare(`SELECT * FROM outbox WHERE lane = 'pos' AND ordering_key = ?`)
        .get(id) as OutboxRow;
    const countSending = other.prepare(
      `SELECT COUNT(*) AS n FROM outbox WHERE lane = 'pos' AND state = 'sending'`,
    );
    const sendingRows = () => (countSending.get() as { n: number }).n;

    // Three orders whose first try fails at the same moment: they wait out the same backoff and
    // are claimed together, in order, by one turn.
    rig.pos.queue(posAnswer(503), posAnswer(503), posAnswer(503));
    const [bad, second, third] = [
      await acceptedOrder(rig),
      await acceptedOrder(rig),
      await acceptedOrder(rig),
    ] as [string, string, string];
    await rig.settle();
    expect(rig.pos.injectRequests().map((r) => r.status)).toEqual([503, 503, 503]);
    const due = [bad, second, third].map((id) => row(id).next_attempt_at);
    expect(new Set(due).size).toBe(1);

    // The first order's row is cut short on disk before its retry.
    const intact = row(bad).body;
    other.prepare(`UPDATE outbox SET body = substr(body, 1, 40) WHERE id = ?`).run(row(bad).id);
    expect(() => JSON.parse(row(bad).body) as unknown).toThrow();

    // One turn claims all three, the bad one first.
    await rig.drive(() => leg(second)?.state === 'sent' && leg(third)?.state === 'sent', {
      maxClockMs: 60_000,
    });
    expect(rig.pos.orders.map((o) => o.key)).toEqual([second, third]);
    expect(rig.pos.injectRequests().filter((r) => r.key === bad)).toHaveLength(1); // the 503 only
    expect(row(second).last_attempt_at).toBe(row(bad).last_attempt_at);
    expect(row(third).last_attempt_at).toBe(row(bad).last_attempt_at);

    // The bad row: a retryable internal error, waiting for its next try; its leg still queued.
    // (Each success of the others meant "the POS is back" and pulled it forward, so it may have
    // failed more than once by now; every one of its attempts failed, none reached the POS.)
    const failed = row(bad);
    expect(failed.state).toBe('pending');
    expect(failed.attempts).toBeGreaterThanOrEqual(2);
    expect(failed.last_error).toMatch(/^internal error: .*JSON/);
    expect(failed.next_attempt_at).toBeGreaterThan(rig.clock.now());
    expect(leg(bad)).toMatchObject({
      state: 'queued',
      failures: failed.attempts,
      last_error: failed.last_error,
    });
    expect(sendingRows()).toBe(0);
    expect(rig.t.connector.pos.workers.pos!.activity().inFlight).toBe(0);

    // Tried again: it fails the same way while the body is bad, and goes through once repaired.
    await rig.drive(() => row(bad).attempts > failed.attempts, { maxClockMs: 60_000 });
    expect(row(bad)).toMatchObject({ state: 'pending', last_error: failed.last_error });
    other.prepare(`UPDATE outbox SET body = ? WHERE id = ?`).run(intact, failed.id);
    await rig.drive(() => leg(bad)?.state === 'sent', { maxClockMs: 5 * 60_000 });
    expect(rig.pos.orders.map((o) => o.key)).toEqual([second, third, bad]);
    expect(sendingRows()).toBe(0);
  });
});
