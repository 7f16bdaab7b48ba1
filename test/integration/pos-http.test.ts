// The HTTP JSON driver against a real fake POS over loopback: what the POS receives, exactly once
// under failures, retries and an answer that comes after our timeout; the "not in POS" flag (by
// failures, by time, by refusal) on the push channel and in /api/health; staff retry and
// "entered by hand"; voids for cancels. Time is a ManualClock.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosLeg } from '../../shared/pos.js';
import {
  posAnswer,
  posHang,
  posProcessThenHang,
  startPosRig,
  type PosRig,
} from '../support/fake-pos.js';
import { halfAndHalfPizza, cheeseburger, orderCanceled, orderCreated } from '../support/orders.js';
import { openPushChannel } from '../support/push-client.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

type Answer = { order: { provider_id: string } };
type Detail = { timeline: { kind: string; actor: string; detail: string | null }[] };
type Health = {
  status: string;
  pos: { queued: number; notInPos: number; voidsFailed: number };
  problems: { code: string; message: string; count: number | null }[];
};

let rig: PosRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

async function acceptedOrder(r: PosRig, body = orderCreated()): Promise<string> {
  const res = await sendToStreamListener<Answer>(r.t.streamUrl, body);
  expect(res.status).toBe(200);
  const id = res.body.order.provider_id;
  expect((await local(r.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
  return id;
}

async function legOf(r: PosRig, id: string): Promise<PosLeg> {
  const res = await local<{ legs: PosLeg[] }>(r.t.localUrl, 'GET', `/api/orders/${id}/pos`);
  expect(res.status).toBe(200);
  return res.body.legs.find((l) => l.target === 'pos')!;
}

const leg = (r: PosRig, id: string) => r.t.connector.pos.legs.get(id, 'pos');

describe('HTTP JSON driver', () => {
  it('puts an accepted order into the POS once: the versioned order, Idempotency-Key = order id, the auth header, and the POS reference back', async () => {
    rig = await startPosRig({ config: { pos: { authHeader: 'Bearer pos-api-token-1' } } });
    const id = await acceptedOrder(
      rig,
      orderCreated({ lineItems: [cheeseburger(2), halfAndHalfPizza()], unpaid: true }),
    );
    await rig.drive(() => leg(rig!, id)?.state === 'sent');

    expect(rig.pos.orders).toHaveLength(1);
    const [request] = rig.pos.injectRequests();
    expect(request!.key).toBe(id);
    expect(request!.authorization).toBe('Bearer pos-api-token-1');
    // The body is the published schema, version 2.
    const schema = JSON.parse(
      readFileSync(
        new URL('../../electron/core/pos/schema/pos-order.v2.schema.json', import.meta.url),
        'utf8',
      ),
    ) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(request!.json), JSON.stringify(validate.errors)).toBe(true);
    const order = request!.json as Record<string, unknown> & {
      line_items: {
        name: string;
        quantity: number;
        total_cents: number;
        modifiers: { name: string; modifiers: { name: string; modifiers: { name: string }[] }[] }[];
      }[];
    };
    expect(order).toMatchObject({
      schema: 'stream-connector.pos-order',
      version: 2,
      order_id: id,
      source: 'uber',
      fulfillment_type: 'delivery',
      unpaid: true,
      currency: 'USD',
    });
    expect(order.line_items[0]).toMatchObject({
      name: 'Cheeseburger',
      quantity: 2,
      total_cents: 2 * (899 + 2 * 250),
    });
    // The whole modifier tree, three levels down.
    expect(order.line_items[1]!.modifiers[0]!.modifiers[0]!.modifiers[0]!.name).toBe('Extra');

    const pos = await legOf(rig, id);
    expect(pos).toMatchObject({
      state: 'sent',
      posOrderId: 'P-1001',
      notInPos: false,
      failures: 0,
    });
    const detail = await local<Detail>(rig.t.localUrl, 'GET', `/api/orders/${id}`);
    expect(detail.body.timeline).toContainEqual(
      expect.objectContaining({ kind: 'pos.sent', actor: 'pos', detail: 'POS reference P-1001' }),
    );
  });

  it('retries a failing POS with backoff, the same key every time, and enters the order exactly once', async () => {
    rig = await startPosRig();
    rig.pos.queue(posAnswer(500), posAnswer(503), posAnswer(502));
    const id = await acceptedOrder(rig);
    await rig.drive(() => leg(rig!, id)?.state === 'sent');

    const attempts = rig.pos.injectRequests();
    expect(attempts.map((r) => r.status)).toEqual([500, 503, 502, 201]);
    expect(new Set(attempts.map((r) => r.key))).toEqual(new Set([id]));
    expect(rig.pos.orders).toHaveLength(1);
    expect(leg(rig, id)).toMatchObject({ failures: 3, state: 'sent', pos_order_id: 'P-1001' });
  });

  it('a POS that stores the order but answers after our timeout: the retry gets the same order back, never a second', async () => {
    rig = await startPosRig({ config: { pos: { timeoutSeconds: 5 } } });
    rig.pos.queue(posProcessThenHang);
    const id = await acceptedOrder(rig);
    await rig.drive(() => leg(rig!, id)?.state === 'sent');

    expect(rig.pos.injectRequests().map((r) => r.outcome)).toEqual(['stored', 'duplicate']);
    expect(rig.pos.orders).toHaveLength(1);
    expect(leg(rig, id)?.pos_order_id).toBe('P-1001');
    // One failed attempt (our timeout), then the keyed retry.
    expect(leg(rig, id)).toMatchObject({ failures: 1, last_error: null });
    expect(rig.pos.injectRequests().map((r) => r.key)).toEqual([id, id]);
  });

  it('a refusal (400) fails the order at once and flags it "not in POS" (push, health); a staff retry after the fix enters it once', async () => {
    rig = await startPosRig();
    const push = await openPushChannel(rig.t.localUrl, TEST_LOCAL_TOKEN);
    rig.pos.queue(posAnswer(400, '{"error":"unknown item fam-cheeseburger"}'));
    const id = await acceptedOrder(rig);
    await rig.drive(() => leg(rig!, id)?.state === 'failed');

    const alert = (await push.next('pos.attention')) as PosLeg;
    expect(alert).toMatchObject({ orderId: id, target: 'pos', state: 'failed', notInPos: true });
    expect(alert.lastError).toContain('unknown item fam-cheeseburger');
    const health = await local<Health>(rig.t.localUrl, 'GET', '/api/health');
    expect(health.body.status).toBe('degraded');
    expect(health.body.pos.notInPos).toBe(1);
    expect(health.body.problems).toContainEqual(
      expect.objectContaining({ code: 'pos_not_in_pos', count: 1 }),
    );
    const status = await local<{ attention: PosLeg[]; health: unknown }>(
      rig.t.localUrl,
      'GET',
      '/api/pos',
    );
    expect(status.body.attention.map((l) => l.orderId)).toEqual([id]);
    expect(status.body.health).toEqual({ reachable: true, detail: 'HTTP 200' });
    // Nothing more happens by itself: a refusal is not retried.
    rig.clock.advance(10 * 60_000);
    await rig.settle();
    expect(rig.pos.injectRequests()).toHaveLength(1);

    const retried = await local<{ legs: PosLeg[] }>(
      rig.t.localUrl,
      'POST',
      `/api/orders/${id}/pos/retry`,
      {},
    );
    expect(retried.status).toBe(200);
    await rig.drive(() => leg(rig!, id)?.state === 'sent');
    expect(rig.pos.orders).toHaveLength(1);
    expect(new Set(rig.pos.injectRequests().map((r) => r.key))).toEqual(new Set([id]));
    expect((await legOf(rig, id)).notInPos).toBe(false);
    const after = await local<Health>(rig.t.localUrl, 'GET', '/api/health');
    expect(after.body.pos.notInPos).toBe(0);
    expect((await push.next('pos.updated')) as PosLeg).toMatchObject({ orderId: id });
    push.close();
  });

  it('flags the order after pos.notInPosAfterFailures failures; "entered by hand" stops every retry and keeps the reference', async () => {
    rig = await startPosRig({ config: { pos: { notInPosAfterFailures: 3 } } });
    rig.pos.behave(() => posAnswer(503));
    const id = await acceptedOrder(rig);
    await rig.drive(() => (leg(rig!, id)?.failures ?? 0) >= 2);
    expect((await legOf(rig, id)).notInPos).toBe(false);
    await rig.drive(() => (leg(rig!, id)?.failures ?? 0) >= 3);
    const flagged = await legOf(rig, id);
    expect(flagged).toMatchObject({ state: 'queued', notInPos: true, failures: 3 });

    const byHand = await local<{ legs: PosLeg[] }>(
      rig.t.localUrl,
      'POST',
      `/api/orders/${id}/pos/entered-by-hand`,
      { posOrderId: 'CHECK-77' },
    );
    expect(byHand.status).toBe(200);
    expect(byHand.body.legs[0]).toMatchObject({
      state: 'manual',
      posOrderId: 'CHECK-77',
      notInPos: false,
      manualBy: 'staff',
    });
    // Every change bumps the revision the screen uses to order copies of a leg.
    expect(byHand.body.legs[0]!.revision).toBeGreaterThan(flagged.revision);
    const before = rig.pos.injectRequests().length;
    rig.pos.behave(null);
    rig.clock.advance(60 * 60_000);
    await rig.settle();
    expect(rig.pos.injectRequests()).toHaveLength(before);
    expect(rig.pos.orders).toHaveLength(0);
    // A second "by hand" is refused: it is settled.
    const again = await local(rig.t.localUrl, 'POST', `/api/orders/${id}/pos/entered-by-hand`, {});
    expect(again.status).toBe(409);
  });

  it('a POS that takes the connection and never answers is flagged after pos.notInPosAfterSeconds', async () => {
    rig = await startPosRig({ config: { pos: { notInPosAfterSeconds: 20, timeoutSeconds: 60 } } });
    rig.pos.behave(() => posHang);
    const id = await acceptedOrder(rig);
    const queuedAt = leg(rig, id)!.queued_at;
    await rig.drive(() => leg(rig!, id)?.attention_since !== null);
    expect(leg(rig, id)).toMatchObject({ failures: 0, state: 'queued' });
    expect(leg(rig, id)!.attention_since! - queuedAt).toBe(20_000);
  });

  it('a Stream cancel of an accepted order voids it in the POS, by its reference, once', async () => {
    rig = await startPosRig();
    const id = await acceptedOrder(rig);
    await rig.drive(() => leg(rig!, id)?.state === 'sent');
    rig.pos.queue(posAnswer(503));
    const cancel = await sendToStreamListener(rig.t.streamUrl, orderCanceled(id));
    expect(cancel.status).toBe(200);
    await rig.drive(() => leg(rig!, id)?.void_state === 'sent');

    expect(rig.pos.voids).toEqual([
      {
        key: `${id}:void`,
        posOrderId: 'P-1001',
        body: expect.objectContaining({ order_id: id, pos_order_id: 'P-1001' }) as unknown,
      },
    ]);
    expect(rig.pos.requests.filter((r) => r.kind === 'void').map((r) => r.path)).toEqual([
      '/orders/P-1001/void',
      '/orders/P-1001/void',
    ]);
    expect(rig.pos.orders[0]!.voided).toBe(true);
    // A second cancel changes nothing.
    await sendToStreamListener(rig.t.streamUrl, orderCanceled(id));
    await rig.settle();
    expect(rig.pos.voids).toHaveLength(1);
  });

  it('an order canceled before the POS was tried is taken back: nothing reaches the POS, nothing to void', async () => {
    rig = await startPosRig({ posOptions: { concurrency: 1 } });
    rig.pos.queue(posHang);
    const first = await acceptedOrder(rig);
    await rig.pos.waitFor(() => rig!.pos.openCount() === 1);
    const second = await acceptedOrder(rig);
    await rig.settle();
    expect(leg(rig, second)).toMatchObject({ state: 'queued', last_attempt_at: null });
    await sendToStreamListener(rig.t.streamUrl, orderCanceled(second));
    expect(leg(rig, second)).toMatchObject({ state: 'withdrawn', void_state: null });

    await rig.drive(() => leg(rig!, first)?.state === 'sent');
    await rig.settle();
    expect(rig.pos.injectRequests().map((r) => r.key)).toEqual([first, first]);
    expect(rig.pos.voids).toHaveLength(0);
  });
});
