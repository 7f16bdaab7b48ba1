// Missed orders (issue 14): an order whose window ran out, or that Stream canceled before anyone
// answered, stays listed, marked missed with what Stream was told, until a person taps "Seen";
// it survives a restart, counts toward "N missed today" and, past the threshold, the pause offer.
import { afterEach, describe, expect, it } from 'vitest';
import type { MissedSummary, OrderDetail, OrderSummary } from '../../shared/order.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCanceled, orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { ACTOR_HEADER } from '../../shared/contract.js';

let t: TestConnector | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

async function newOrder(conn: TestConnector): Promise<string> {
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    conn.streamUrl,
    orderCreated(),
  );
  expect(res.status).toBe(200);
  return res.body.order.provider_id;
}

const listed = async (conn: TestConnector): Promise<OrderSummary[]> =>
  (await local<{ orders: OrderSummary[] }>(conn.localUrl, 'GET', '/api/orders')).body.orders;

describe('missed orders', () => {
  it('an expired order is marked missed with what Stream was told, announced once, and survives a restart', async () => {
    t = await startTestConnector();
    const heard: string[] = [];
    t.connector.ctx.bus.subscribe((m) => {
      if (m.event === 'order.missed') heard.push((m.data as { order: { id: string } }).order.id);
    });
    const id = await newOrder(t);
    t.clock.advance(45_000);
    const order = (await listed(t)).find((o) => o.id === id)!;
    expect(order.status).toBe('expired');
    expect(order.missed).toMatchObject({ reason: 'expired', seenAt: null, at: t.clock.now() });
    expect(order.missed!.note).toContain('Not accepted by staff in time');
    expect(heard).toEqual([id]);

    const dataDir = t.dataDir;
    await t.stop();
    t = await startTestConnector({ dataDir });
    const again = (await listed(t)).find((o) => o.id === id)!;
    expect(again.missed?.seenAt).toBeNull();
    const summary = await local<MissedSummary>(t.localUrl, 'GET', '/api/missed');
    expect(summary.body).toMatchObject({ unseen: 1, today: 1 });
  });

  it('an order whose window ended while the connector was down is missed at start-up', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    const dataDir = t.dataDir;
    const clock = t.clock;
    await t.stop();
    clock.advance(120_000);
    t = await startTestConnector({ dataDir, clock });
    const order = (await listed(t)).find((o) => o.id === id)!;
    expect(order.missed?.reason).toBe('expired');
  });

  it('"Seen" records who saw it on the timeline and takes it out of the unseen count, once', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    t.clock.advance(45_000);
    const seen = await fetchSeen(t, id, 'Maria');
    expect(seen.status).toBe(200);
    expect(seen.body.missed).toMatchObject({ seenBy: 'staff:Maria', seenAt: t.clock.now() });
    expect(seen.body.timeline.at(-1)).toMatchObject({ kind: 'missed.seen', actor: 'staff:Maria' });
    const summary = await local<MissedSummary>(t.localUrl, 'GET', '/api/missed');
    expect(summary.body).toMatchObject({ unseen: 0, today: 1 });
    const twice = await fetchSeen(t, id, 'Bob');
    expect(twice.body.missed?.seenBy).toBe('staff:Maria');
  });

  it('a pending order Stream cancels is missed too; an accepted one that is canceled is not', async () => {
    t = await startTestConnector();
    const pending = await newOrder(t);
    const accepted = await newOrder(t);
    await local(t.localUrl, 'POST', `/api/orders/${accepted}/accept`, {});
    for (const id of [pending, accepted])
      expect((await sendToStreamListener(t.streamUrl, orderCanceled(id))).status).toBe(200);
    const orders = await listed(t);
    expect(orders.find((o) => o.id === pending)!.missed).toMatchObject({
      reason: 'stream_canceled',
    });
    expect(orders.find((o) => o.id === accepted)!.missed).toBeNull();
  });

  it('offers a pause after the configured number of missed orders within the window', async () => {
    t = await startTestConnector({
      config: { acceptance: { missedOfferPauseAfter: 2, missedOfferPauseWithinMinutes: 10 } },
    });
    await newOrder(t);
    t.clock.advance(45_000);
    let summary = (await local<MissedSummary>(t.localUrl, 'GET', '/api/missed')).body;
    expect(summary).toMatchObject({ recent: 1, offerPause: false });
    await newOrder(t);
    t.clock.advance(45_000);
    summary = (await local<MissedSummary>(t.localUrl, 'GET', '/api/missed')).body;
    expect(summary).toMatchObject({ recent: 2, offerPause: true, windowMinutes: 10 });
    t.clock.advance(11 * 60_000);
    summary = (await local<MissedSummary>(t.localUrl, 'GET', '/api/missed')).body;
    expect(summary).toMatchObject({ recent: 0, offerPause: false, today: 2 });
  });

  it('a missed order nobody has seen stays in the list however many orders came after it', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    t.clock.advance(45_000);
    for (let i = 0; i < 3; i++) await newOrder(t);
    const res = await local<{ orders: OrderSummary[] }>(t.localUrl, 'GET', '/api/orders?limit=2');
    expect(res.body.orders.map((o) => o.id)).toContain(id);
  });
});

async function fetchSeen(conn: TestConnector, id: string, actor: string) {
  const res = await fetch(`${conn.localUrl}/api/orders/${id}/missed/seen`, {
    method: 'POST',
    headers: { authorization: `Bearer ${conn.config.local.token}`, [ACTOR_HEADER]: actor },
  });
  return { status: res.status, body: (await res.json()) as OrderDetail };
}
