// Stream failing in every way the issue names, against the fake Stream over real HTTP: 500s for
// a while, hanging, the answer lost after Stream processed the event, 429 with Retry-After, a
// redirect, and a 400 that no retry can fix. Each ends with every event delivered once, in
// per-order order, one key per event. Time is a ManualClock, so minutes of backoff cost nothing.
import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  hang,
  resetAfterProcessing,
  startWithFakeStream,
  type Behaviour,
  type WithFakeStream,
} from '../support/fake-stream.js';
import {
  expectDeliveredOnceInOrder,
  orderWithFourEvents,
  outboxIds,
  seeded,
} from '../support/outbox-helpers.js';
import { openPushChannel } from '../support/push-client.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local } from '../support/stream-client.js';
import type { StreamLaneOptions } from '../../electron/core/stream/lane/worker.js';

type OutboxEvent = {
  id: string;
  state: string;
  attempts: number;
  lastStatus: number | null;
  lastResponse: string | null;
};

let pair: WithFakeStream | undefined;
afterEach(async () => {
  await pair?.dispose();
  pair = undefined;
});

async function start(outbox: Partial<StreamLaneOptions> = {}): Promise<WithFakeStream> {
  pair = await startWithFakeStream({ streamLane: { random: seeded(7), ...outbox } });
  return pair;
}

describe('Stream failing', () => {
  it('500 for two minutes: every event arrives once, in order, and the backlog goes as soon as Stream is back', async () => {
    const p = await start();
    const recoverAt = p.t.clock.now() + 120_000;
    p.fake.behave((r) => (r.at < recoverAt ? answer(500) : undefined));
    const orders = [
      await orderWithFourEvents(p),
      await orderWithFourEvents(p),
      await orderWithFourEvents(p),
    ];
    await p.drive(p.allDelivered(12));
    expectDeliveredOnceInOrder(p, orders);

    const failed = p.fake.requests.filter((r) => r.status === 500);
    expect(failed.length).toBeGreaterThan(6);
    // The same key on every attempt of an event.
    const firstKeys = new Set(outboxIds(p, orders[0]!).slice(0, 1));
    expect(p.fake.requests.filter((r) => firstKeys.has(r.key!)).length).toBeGreaterThan(2);
    // Jittered: the three orders' first events did not retry in lock-step.
    const heads = orders.map((o) => outboxIds(p, o)[0]!);
    const retryTimes = heads.map(
      (k) => p.fake.requests.filter((r) => r.key === k).map((r) => r.at)[2],
    );
    expect(new Set(retryTimes).size).toBe(3);
    // Once one attempt gets through, the rest follow within a few seconds, not a backoff each.
    const firstOk = Math.min(...p.fake.effects.map((e) => e.at));
    expect(firstOk).toBeGreaterThanOrEqual(recoverAt);
    expect(Math.max(...p.fake.effects.map((e) => e.at)) - firstOk).toBeLessThan(5_000);
  });

  it('hanging: each attempt is cut at the total timeout and retried with the same key', async () => {
    const p = await start({ totalTimeoutMs: 15_000 });
    p.fake.queue(hang, hang);
    const order = await orderWithFourEvents(p);
    await p.drive(p.allDelivered(4));
    expectDeliveredOnceInOrder(p, [order]);
    const [first, second, third] = p.fake.requests;
    expect([first!.outcome, second!.outcome, third!.outcome]).toEqual([
      'hung',
      'hung',
      'processed',
    ]);
    expect(new Set([first!.key, second!.key, third!.key]).size).toBe(1);
    // The decision (accept) uses the shorter decision timeout, 5 s by default.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(5_000);
    expect(second!.at - first!.at).toBeLessThan(5_000 + 2_000);
    expect(p.fake.hangingCount()).toBe(0);
  });

  it('the answer is lost after Stream processed the event: the retry is recognised and nothing is applied twice', async () => {
    const p = await start();
    p.fake.behave((r) => (r.attemptForKey === 1 ? resetAfterProcessing : undefined));
    const orders = [await orderWithFourEvents(p), await orderWithFourEvents(p)];
    await p.drive(() => p.fake.requests.filter((r) => r.outcome === 'duplicate').length === 8);
    expectDeliveredOnceInOrder(p, orders);
    expect(p.fake.effects).toHaveLength(8);
    for (const [, attempts] of p.fake.attemptsByKey())
      expect(attempts.map((a) => a.outcome)).toEqual(['reset', 'duplicate']);
  });

  it('429 with Retry-After: nothing at all is sent to Stream until the time it asked for', async () => {
    const p = await start();
    p.fake.queue(answer(429, { 'retry-after': '120' }));
    const orders = [await orderWithFourEvents(p), await orderWithFourEvents(p)];
    await p.drive(p.allDelivered(8));
    expectDeliveredOnceInOrder(p, orders);
    const throttled = p.fake.requests.find((r) => r.status === 429)!;
    const later = p.fake.requests.filter((r) => r.index > throttled.index);
    expect(later.length).toBeGreaterThanOrEqual(8);
    expect(Math.min(...later.map((r) => r.at)) - throttled.at).toBeGreaterThanOrEqual(120_000);
  });

  it('a redirect is a failed attempt, never followed', async () => {
    const p = await start();
    p.fake.queue(
      answer(301, { location: `${p.fake.url}/elsewhere` }),
      answer(307, { location: '/elsewhere' }),
    );
    const order = await orderWithFourEvents(p);
    await p.drive(p.allDelivered(4));
    expectDeliveredOnceInOrder(p, [order]);
    expect(p.fake.strayRequests).toBe(0);
    expect(p.fake.requests.slice(0, 3).map((r) => r.status)).toEqual([301, 307, 200]);
  });

  it('random 500s, hangs, lost answers and 429s across ten orders end with every event once, in order', async () => {
    const p = await start({ random: seeded(11) });
    const dice = seeded(2024);
    p.fake.behave((): Behaviour | undefined => {
      const roll = dice();
      if (roll < 0.3) return answer(500);
      if (roll < 0.4) return hang;
      if (roll < 0.5) return resetAfterProcessing;
      if (roll < 0.55) return answer(429, { 'retry-after': '2' });
      if (roll < 0.6) return answer(503);
      return undefined;
    });
    const orders: string[] = [];
    for (let i = 0; i < 10; i++) orders.push(await orderWithFourEvents(p));
    await p.drive(p.allDelivered(40), { stepMs: 250, maxClockMs: 60 * 60_000 });
    expectDeliveredOnceInOrder(p, orders);
    expect(p.fake.requests.length).toBeGreaterThan(40);
  });
});

describe('an event Stream refuses for good', () => {
  it('a 400 goes to dead at once with the answer kept, alerts staff, does not hold the order back, and replay delivers it with the same key', async () => {
    const p = await start();
    const push = await openPushChannel(p.t.localUrl, TEST_LOCAL_TOKEN);
    p.fake.queue(answer(400, {}, '{"error":"unknown location"}'));
    let order: string;
    try {
      order = await orderWithFourEvents(p);
      await p.drive(p.allDelivered(3));
      const [acceptId] = outboxIds(p, order);
      expect(await push.next('outbox.dead')).toMatchObject({
        id: acceptId,
        kind: 'order.accepted',
        lastStatus: 400,
      });
    } finally {
      push.close();
    }
    const [acceptId, ...rest] = outboxIds(p, order);
    // The later events of the order were not held back behind the dead one.
    expect(p.fake.effects.map((e) => e.key)).toEqual(rest);

    const dead = await local<{ events: OutboxEvent[] }>(
      p.t.localUrl,
      'GET',
      '/api/outbox?state=dead',
    );
    expect(dead.body.events).toMatchObject([
      { id: acceptId, state: 'dead', attempts: 1, lastStatus: 400 },
    ]);
    expect(dead.body.events[0]!.lastResponse).toBe('{"error":"unknown location"}');
    const health = await local<{ status: string; outbox: { dead: number } }>(
      p.t.localUrl,
      'GET',
      '/api/health',
    );
    expect(health.body.outbox.dead).toBe(1);
    expect(health.body.status).toBe('degraded');

    const replay = await local<OutboxEvent>(p.t.localUrl, 'POST', `/api/outbox/${acceptId}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ id: acceptId, state: 'pending', attempts: 0 });
    await p.drive(p.allDelivered(4));
    const attempts = p.fake.requests.filter((r) => r.key === acceptId);
    expect(attempts.map((r) => r.status)).toEqual([400, 200]);
    expect(
      (await local<{ events: OutboxEvent[] }>(p.t.localUrl, 'GET', '/api/outbox?state=dead')).body
        .events,
    ).toEqual([]);
  });

  it('replay refuses an event already sent (409) and an unknown id (404)', async () => {
    const p = await start();
    const order = await orderWithFourEvents(p);
    await p.drive(p.allDelivered(4));
    const [first] = outboxIds(p, order);
    expect((await local(p.t.localUrl, 'POST', `/api/outbox/${first}/replay`)).status).toBe(409);
    expect((await local(p.t.localUrl, 'POST', '/api/outbox/evt_nope/replay')).status).toBe(404);
  });

  it('lists the backlog oldest first while Stream is down', async () => {
    const p = await start();
    p.fake.behave(() => answer(502));
    const order = await orderWithFourEvents(p);
    await p.drive(() => p.fake.requests.length >= 3);
    const backlog = await local<{ events: OutboxEvent[] }>(p.t.localUrl, 'GET', '/api/outbox');
    expect(backlog.body.events.map((e) => e.id)).toEqual(outboxIds(p, order));
    expect(backlog.body.events[0]!.lastStatus).toBe(502);
    const health = await local<{ outbox: { pending: number } }>(p.t.localUrl, 'GET', '/api/health');
    expect(health.body.outbox.pending).toBe(4);
  });
});
