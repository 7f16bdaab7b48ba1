// Shared steps of the outbox tests: orders that produce a known run of events, the outbox ids in
// commit order, a seeded random source, and the delivery guarantees every scenario must end with.
import { expect } from 'vitest';
import type { WithFakeStream } from './fake-stream.js';
import { orderCreated } from './orders.js';
import { local, sendToStreamListener } from './stream-client.js';

/** mulberry32: a small seeded PRNG, so jitter and random failures replay exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export async function newStreamOrder(streamUrl: string): Promise<string> {
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    streamUrl,
    orderCreated(),
  );
  expect(res.status).toBe(200);
  return res.body.order.provider_id;
}

/** An order taken, accepted and moved through three statuses: four events, in this order. */
export async function orderWithFourEvents(p: Pick<WithFakeStream, 't'>): Promise<string> {
  const id = await newStreamOrder(p.t.streamUrl);
  expect((await local(p.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
  for (const status of ['preparing', 'ready', 'completed'])
    expect((await local(p.t.localUrl, 'POST', `/api/orders/${id}/status`, { status })).status).toBe(
      200,
    );
  return id;
}

/** The outbox ids of one order's events, in commit order. */
export function outboxIds(p: Pick<WithFakeStream, 't'>, orderId: string): string[] {
  const rows = p.t.connector.ctx.db
    .prepare(`SELECT id FROM outbox WHERE ordering_key = ? ORDER BY seq`)
    .all(orderId) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Every event delivered: signatures valid, each key's effect once, each order's events in commit
 * order (and never a request for an earlier event after a later one), every row `sent`, and no
 * key the outbox does not have. */
export function expectDeliveredOnceInOrder(p: WithFakeStream, orders: readonly string[]): void {
  const { fake } = p;
  expect(fake.requests.every((r) => r.signatureValid)).toBe(true);
  const effectKeys = fake.effects.map((e) => e.key);
  expect(new Set(effectKeys).size).toBe(effectKeys.length);
  const allIds = new Set<string>();
  for (const order of orders) {
    const ids = outboxIds(p, order);
    ids.forEach((id) => allIds.add(id));
    expect(effectKeys.filter((k) => ids.includes(k))).toEqual(ids);
    const positions = fake.requests
      .filter((r) => ids.includes(r.key!))
      .map((r) => ids.indexOf(r.key!));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }
  expect(fake.requests.every((r) => r.key !== null && allIds.has(r.key))).toBe(true);
  const states = p.t.connector.ctx.db.prepare(`SELECT DISTINCT state FROM outbox`).all();
  expect(states).toEqual([{ state: 'sent' }]);
}
