// A staff decision made late in Stream's 60-second window must still reach Stream inside it,
// while Stream fails its first tries (stream-api.md A2: Stream rejects the order itself after
// 60 s). The production retry policy and timeouts are used as they ship; the ManualClock makes
// the seconds free, and the fake Stream records the clock time of every request.
import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  hang,
  startWithFakeStream,
  type Behaviour,
  type WithFakeStream,
} from '../support/fake-stream.js';
import {
  newStreamOrder,
  orderWithFourEvents,
  outboxIds,
  seeded,
} from '../support/outbox-helpers.js';
import { local } from '../support/stream-client.js';
import { STREAM_DECISION_WINDOW_MS } from '../../electron/core/stream/protocol/index.js';

let pair: WithFakeStream | undefined;
afterEach(async () => {
  await pair?.dispose();
  pair = undefined;
});

/** Order in at second 0, decision at second 40; returns when Stream first took the decision. */
async function decideAtSecond40(
  p: WithFakeStream,
  decide: 'accept' | 'reject',
  streamFails: (attempt: number, msSinceDecision: number) => Behaviour | undefined,
): Promise<{ receivedAt: number; landedAt: number; attempts: number }> {
  const id = await newStreamOrder(p.t.streamUrl);
  const { received_at: receivedAt } = p.t.connector.ctx.db
    .prepare(`SELECT received_at FROM orders WHERE id = ?`)
    .get(id) as { received_at: number };
  p.t.clock.advance(receivedAt + 40_000 - p.t.clock.now());
  const decidedAt = p.t.clock.now();
  p.fake.behave((r) => streamFails(r.attemptForKey, r.at - decidedAt));
  const body = decide === 'accept' ? {} : { code: 'store_busy' };
  expect((await local(p.t.localUrl, 'POST', `/api/orders/${id}/${decide}`, body)).status).toBe(200);
  const [key] = outboxIds(p, id);
  await p.drive(() => p.fake.effects.some((e) => e.key === key), { stepMs: 50 });
  const effect = p.fake.effects.find((e) => e.key === key)!;
  expect((effect.json as { type: string }).type).toBe(
    decide === 'accept' ? 'order.accepted' : 'order.rejected',
  );
  return {
    receivedAt,
    landedAt: effect.at,
    attempts: p.fake.requests.filter((r) => r.key === key).length,
  };
}

describe('a decision at second 40 reaches Stream inside its 60-second window', () => {
  it('while Stream answers 500 for the next 15 seconds', async () => {
    pair = await startWithFakeStream({ streamLane: { random: seeded(1) } });
    const r = await decideAtSecond40(pair, 'accept', (_n, since) =>
      since < 15_000 ? answer(500) : undefined,
    );
    expect(r.attempts).toBeGreaterThan(3);
    expect(r.landedAt - r.receivedAt).toBeGreaterThanOrEqual(55_000);
    expect(r.landedAt - r.receivedAt).toBeLessThan(STREAM_DECISION_WINDOW_MS);
  });

  it('while Stream hangs on the first two tries and answers 503 on the third', async () => {
    pair = await startWithFakeStream({ streamLane: { random: seeded(2) } });
    const r = await decideAtSecond40(pair, 'reject', (n) =>
      n <= 2 ? hang : n === 3 ? answer(503) : undefined,
    );
    expect(r.attempts).toBe(4);
    expect(r.landedAt - r.receivedAt).toBeLessThan(STREAM_DECISION_WINDOW_MS);
  });

  it('with the worst jitter every time (each wait at its cap) while Stream fails for 17 seconds', async () => {
    // random() → just under 1: every backoff is as long as the policy allows.
    pair = await startWithFakeStream({ streamLane: { random: () => 0.999_999 } });
    const r = await decideAtSecond40(pair, 'accept', (_n, since) =>
      since < 17_000 ? answer(500) : undefined,
    );
    expect(r.landedAt - r.receivedAt).toBeGreaterThanOrEqual(57_000);
    expect(r.landedAt - r.receivedAt).toBeLessThan(STREAM_DECISION_WINDOW_MS);
  });

  it('while a backlog of status updates hangs on every slot but the one kept for decisions', async () => {
    pair = await startWithFakeStream({ streamLane: { random: seeded(3) } });
    const p = pair;
    const typeOf = (json: unknown) =>
      (json as { type?: string; event?: string }).type ?? (json as { event?: string }).event;
    // Stream takes the backlog's decisions but hangs on every status update; the decision made
    // at second 40 also hangs on its first two tries.
    let decidedAt = Infinity;
    p.fake.behave((r) =>
      typeOf(r.json) === 'order.status.updated' || (r.at >= decidedAt && r.attemptForKey <= 2)
        ? hang
        : undefined,
    );
    const id = await newStreamOrder(p.t.streamUrl);
    const { received_at: receivedAt } = p.t.connector.ctx.db
      .prepare(`SELECT received_at FROM orders WHERE id = ?`)
      .get(id) as { received_at: number };
    p.t.clock.advance(39_000);
    for (let i = 0; i < 6; i++) await orderWithFourEvents(p);
    await p.drive(() => p.fake.hangingCount() >= 3);
    p.t.clock.advance(receivedAt + 40_000 - p.t.clock.now());
    decidedAt = p.t.clock.now();
    expect((await local(p.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    const [key] = outboxIds(p, id);
    await p.drive(() => p.fake.effects.some((e) => e.key === key), { stepMs: 50 });
    const landedAt = p.fake.effects.find((e) => e.key === key)!.at;
    expect(p.fake.requests.filter((r) => r.key === key).map((r) => r.outcome)).toEqual([
      'hung',
      'hung',
      'processed',
    ]);
    expect(landedAt - receivedAt).toBeLessThan(STREAM_DECISION_WINDOW_MS);
  });
});
