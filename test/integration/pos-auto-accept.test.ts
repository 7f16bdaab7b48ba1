// Auto acceptance through the POS (`acceptance.mode = auto`), with a real fake POS and a real fake
// Stream: the POS answers within the budget (Stream's request gets 200, or 400 when the POS
// refuses), the POS answers late (`async_acceptance`, then the webhook), and the POS stays away
// until the deadline (`pos_offline`, and nothing reaches the POS afterwards, or a void if it may
// have). Time is a ManualClock: the budget and the deadline fire only when the test moves it.
import { afterEach, describe, expect, it } from 'vitest';
import {
  posAnswer,
  posHold,
  posProcessThenHang,
  startPosRig,
  type PosRig,
} from '../support/fake-pos.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

type OrderAnswer = {
  order?: { provider_id: string; prep_time_minutes: number; async_acceptance?: boolean };
  posValidation?: { orderValidation?: { order_error: string; order_error_reason: string }[] };
};
type Detail = {
  status: string;
  decidedBy: string | null;
  rejectCode: string | null;
  timeline: { kind: string; actor: string; detail: string | null }[];
};

let rig: PosRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

const AUTO = {
  acceptance: { mode: 'auto', staffWindowSeconds: 45 },
  pos: { autoAcceptBudgetMs: 3000 },
};

const detail = async (r: PosRig, id: string) =>
  (await local<Detail>(r.t.localUrl, 'GET', `/api/orders/${id}`)).body;

describe('auto acceptance through the POS', () => {
  it('the POS takes the order within the budget: Stream gets 200 (no async, no webhook), then the kitchen ticket prints', async () => {
    rig = await startPosRig({ config: AUTO, stream: true, printer: true });
    const body = orderCreated();
    const res = await sendToStreamListener<OrderAnswer>(rig.t.streamUrl, body);
    expect(res.status).toBe(200);
    expect(res.body.order).toEqual({
      provider_id: expect.any(String) as unknown,
      prep_time_minutes: 15,
    });
    const id = res.body.order!.provider_id;
    expect(rig.pos.orders.map((o) => o.key)).toEqual([id]);
    const d = await detail(rig, id);
    expect(d).toMatchObject({ status: 'accepted', decidedBy: 'system:auto-accept' });
    expect(d.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        'received',
        'pos.queued',
        'pos.waiting',
        'pos.sent',
        'accepted',
        'printer.queued',
      ]),
    );
    // A retry of Stream's request gets the same answer and changes nothing.
    const again = await sendToStreamListener<OrderAnswer>(rig.t.streamUrl, body);
    expect(again.body).toEqual(res.body);

    await rig.drive(() => rig!.t.connector.pos.legs.get(id, 'printer')?.state === 'sent');
    expect(rig.printer!.tickets()).toHaveLength(1);
    expect(rig.stream!.requests).toEqual([]); // the 200 was the acceptance
    expect(rig.pos.orders).toHaveLength(1);
  });

  it('a refusal from the POS within the budget: Stream gets 400 posValidation invalid_cart with the POS reason', async () => {
    rig = await startPosRig({ config: AUTO, stream: true });
    rig.pos.queue(posAnswer(422, '{"error":"item 86d in the POS"}'));
    const res = await sendToStreamListener<OrderAnswer>(rig.t.streamUrl, orderCreated());
    expect(res.status).toBe(400);
    expect(res.body.posValidation?.orderValidation?.[0]).toEqual({
      order_error: 'invalid_cart',
      order_error_reason: expect.stringContaining('item 86d in the POS') as unknown,
    });
    await rig.settle();
    expect(rig.stream!.requests).toEqual([]);
  });

  it('the POS answers after the budget: Stream gets async_acceptance (repeats too), then order.accepted by webhook', async () => {
    rig = await startPosRig({ config: AUTO, stream: true });
    rig.pos.queue(posHold);
    const body = orderCreated();
    const first = sendToStreamListener<OrderAnswer>(rig.t.streamUrl, body);
    await rig.pos.waitFor(() => rig!.pos.heldCount() === 1);
    const repeat = sendToStreamListener<OrderAnswer>(rig.t.streamUrl, body);
    await rig.settle();
    rig.clock.advance(3000); // the budget ends
    const [a, b] = await Promise.all([first, repeat]);
    expect(a.status).toBe(200);
    expect(a.body.order).toMatchObject({ async_acceptance: true, prep_time_minutes: 15 });
    expect(b.body).toEqual(a.body);
    const id = a.body.order!.provider_id;
    expect((await detail(rig, id)).status).toBe('pending');

    rig.pos.release();
    await rig.drive(() => rig!.stream!.effects.length === 1);
    expect(rig.stream!.effects[0]!.json).toEqual({
      type: 'order.accepted',
      object: { provider_id: id, location_id: 'store-1', prep_time_minutes: 15 },
    });
    expect((await detail(rig, id)).status).toBe('accepted');
    // Stream's retry now gets what the order has become at Stream: still the async answer.
    const late = await sendToStreamListener<OrderAnswer>(rig.t.streamUrl, body);
    expect(late.body).toEqual(a.body);
  });

  it('the POS unreachable until the deadline: rejected with pos_offline by webhook, and the order never enters the POS', async () => {
    rig = await startPosRig({
      config: { ...AUTO, pos: { ...AUTO.pos, url: 'http://127.0.0.1:9' } },
      stream: true,
    });
    const pending = sendToStreamListener<OrderAnswer>(rig.t.streamUrl, orderCreated());
    const failures = rig.t.connector.ctx.db.prepare(`SELECT SUM(failures) AS n FROM pos_legs`);
    await rig.until(() => ((failures.get() as { n: number | null }).n ?? 0) >= 1);
    rig.clock.advance(3000); // the budget ends with the POS still away
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body.order?.async_acceptance).toBe(true);
    const id = res.body.order!.provider_id;
    await rig.drive(() => rig!.stream!.effects.length === 1, { maxClockMs: 60_000 });

    expect(rig.stream!.effects[0]!.json).toEqual({
      type: 'order.rejected',
      object: {
        provider_id: id,
        location_id: 'store-1',
        posValidation: {
          orderValidation: [{ order_error: 'pos_offline', order_error_reason: 'POS unreachable' }],
        },
      },
    });
    const d = await detail(rig, id);
    expect(d).toMatchObject({
      status: 'rejected',
      rejectCode: 'pos_offline',
      decidedBy: 'system:pos-offline',
    });
    // Every attempt was refused at connect: nothing can have arrived, so nothing is left to send.
    expect(rig.t.connector.pos.legs.get(id, 'pos')).toMatchObject({
      state: 'withdrawn',
      uncertain: 0,
    });
    const before = rig.t.connector.pos.legs.get(id, 'pos')!.failures;
    rig.clock.advance(60 * 60_000);
    await rig.settle();
    expect(rig.t.connector.pos.legs.get(id, 'pos')!.failures).toBe(before);
  }, 20_000);

  it('an injection that may have arrived when the deadline rejects the order is voided once the POS answers', async () => {
    rig = await startPosRig({
      config: { ...AUTO, pos: { ...AUTO.pos, timeoutSeconds: 60 } },
      stream: true,
    });
    rig.pos.queue(posProcessThenHang); // the POS stores it and never answers in time
    const pending = sendToStreamListener<OrderAnswer>(rig.t.streamUrl, orderCreated());
    await rig.pos.waitFor(() => rig!.pos.orders.length === 1);
    rig.clock.advance(3000);
    const id = (await pending).body.order!.provider_id;
    await rig.drive(() => rig!.pos.orders[0]?.voided === true, { maxClockMs: 5 * 60_000 });

    expect((await detail(rig, id)).rejectCode).toBe('pos_offline');
    expect(rig.pos.voids).toEqual([
      expect.objectContaining({ key: `${id}:void`, posOrderId: 'P-1001' }) as unknown,
    ]);
    expect(rig.t.connector.pos.legs.get(id, 'pos')).toMatchObject({
      state: 'sent',
      void_state: 'sent',
    });
    expect(rig.stream!.effects.map((e) => (e.json as { type: string }).type)).toEqual([
      'order.rejected',
    ]);
  });

  it('with the printer alone, the order is accepted once its ticket printed', async () => {
    rig = await startPosRig({ config: AUTO, posDriver: 'none', printer: true });
    const res = await sendToStreamListener<OrderAnswer>(rig.t.streamUrl, orderCreated());
    expect(res.status).toBe(200);
    expect(res.body.order?.async_acceptance).toBeUndefined();
    expect(rig.printer!.tickets()).toHaveLength(1);
    expect((await detail(rig, res.body.order!.provider_id)).status).toBe('accepted');
  });

  it('manual acceptance sends nothing to the POS until staff accept', async () => {
    rig = await startPosRig();
    const res = await sendToStreamListener<OrderAnswer>(rig.t.streamUrl, orderCreated());
    const id = res.body.order!.provider_id;
    await rig.settle();
    expect(rig.pos.requests).toEqual([]);
    expect(rig.t.connector.pos.legs.forOrder(id)).toEqual([]);
    await local(rig.t.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    await rig.drive(() => rig!.pos.orders.length === 1);
  });
});
