// Stream unreachable for ten minutes while orders keep arriving and staff keep working; and
// kill -9 between a staff decision and its delivery. Every event arrives once, in per-order
// order, with one key; staff never wait on Stream.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildConnector, writeChildConfig } from '../support/child-connector.js';
import { tempDataDir } from '../support/connector.js';
import {
  answer,
  FakeStream,
  startWithFakeStream,
  type WithFakeStream,
} from '../support/fake-stream.js';
import { expectDeliveredOnceInOrder, newStreamOrder, seeded } from '../support/outbox-helpers.js';
import { local } from '../support/stream-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('Stream offline for ten minutes', () => {
  it('orders, decisions and status changes go on; afterwards every event arrives once, in order, quickly', async () => {
    const p: WithFakeStream = await startWithFakeStream({ streamLane: { random: seeded(11) } });
    cleanups.push(() => p.dispose());
    const outageEnds = p.t.clock.now() + 10 * 60_000;
    p.fake.behave((r) => (r.at < outageEnds ? answer(503) : undefined));
    const orders: string[] = [];
    // Every 30 s of clock time a new order: accepted or rejected at once, accepted ones moved on.
    for (let minute = 0; minute < 10; minute += 0.5) {
      const id = await newStreamOrder(p.t.streamUrl);
      orders.push(id);
      const decision =
        orders.length % 4 === 0
          ? await local(p.t.localUrl, 'POST', `/api/orders/${id}/reject`, { code: 'store_busy' })
          : await local(p.t.localUrl, 'POST', `/api/orders/${id}/accept`, {});
      expect(decision.status).toBe(200);
      if (orders.length % 4 !== 0)
        for (const status of ['preparing', 'ready'])
          expect(
            (await local(p.t.localUrl, 'POST', `/api/orders/${id}/status`, { status })).status,
          ).toBe(200);
      const target = outageEnds - (10 - minute - 0.5) * 60_000;
      await p.drive(() => p.t.clock.now() >= target, { maxClockMs: target - p.t.clock.now() });
    }
    const expected = orders.reduce((n, _id, i) => n + ((i + 1) % 4 === 0 ? 1 : 3), 0);
    expect(p.fake.effects).toHaveLength(0);
    await p.drive(p.allDelivered(expected), { maxClockMs: 30 * 60_000 });
    expectDeliveredOnceInOrder(p, orders);
    // The backlog left soon after Stream came back, not one backoff per event.
    const firstOk = Math.min(...p.fake.effects.map((e) => e.at));
    const lastOk = Math.max(...p.fake.effects.map((e) => e.at));
    expect(firstOk).toBeGreaterThanOrEqual(outageEnds);
    expect(lastOk - firstOk).toBeLessThan(30_000);
    // During the outage each event is retried fast only inside Stream's one-minute window (a
    // decision must land within it); after that its attempts fall to the slow tail.
    const during = p.fake.requests.filter((r) => r.at < outageEnds);
    const perKey = new Map<string, number[]>();
    for (const r of during) perKey.set(r.key!, [...(perKey.get(r.key!) ?? []), r.at]);
    const lateGaps: number[] = [];
    for (const times of perKey.values()) {
      const late = times.filter((at) => at - times[0]! > 70_000);
      for (let k = 1; k < late.length; k++) lateGaps.push(late[k]! - late[k - 1]!);
      expect(times.filter((at) => at - times[0]! > 70_000).length).toBeLessThanOrEqual(4);
    }
    // Most slow-tail gaps are long (an occasional probe of the endpoint may come sooner).
    lateGaps.sort((a, b) => a - b);
    expect(lateGaps[Math.floor(lateGaps.length / 2)] ?? 60_000).toBeGreaterThanOrEqual(30_000);
    // Jittered: the first retries of different events do not line up.
    const secondTries = [...perKey.values()].map((ts) => (ts[3] ?? 0) - ts[0]!);
    expect(new Set(secondTries).size).toBeGreaterThan(secondTries.length / 2);
  }, 120_000);
});

describe('kill -9 between a decision and its delivery', () => {
  it('the decision event is sent after the restart, with the key it was given, and applied once', async () => {
    const fake = await FakeStream.start();
    cleanups.push(() => fake.close());
    // Stream is down when staff decide, so the event is still waiting when the process dies.
    let streamUp = false;
    fake.behave(() => (streamUp ? undefined : answer(503)));
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const configFile = writeChildConfig(dataDir, { stream: { apiUrl: fake.url } });
    const child = await startChildConnector(configFile);
    const id = await newStreamOrder(child.streamUrl);
    expect((await local(child.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    await fake.waitFor(() => fake.requests.length >= 1);
    await child.kill9();
    const keysBefore = new Set(fake.requests.map((r) => r.key));
    expect(keysBefore.size).toBe(1);

    streamUp = true;
    const restarted = await startChildConnector(configFile);
    cleanups.push(() => restarted.stop());
    await fake.waitFor(() => fake.effects.length === 1, 30_000);
    expect(fake.effects[0]!.key).toBe([...keysBefore][0]);
    expect((fake.effects[0]!.json as { type: string }).type).toBe('order.accepted');
    expect(new Set(fake.requests.map((r) => r.key)).size).toBe(1);
    expect(fake.requests.every((r) => r.signatureValid)).toBe(true);
  }, 60_000);
});

// kill -9 between delivery and marking the row sent is in test/integration/outbox-restart.test.ts
// ("kill -9 while an attempt is on the wire"): Stream processes the event, the process dies
// before it records the answer, and the retry with the same key is applied once.
