// Whether Stream has what staff told it (issue 14): every order carries its messages' delivery
// state from the outbox, pushed to the screens as it moves, and the view staff read says sent ✓,
// sending, or not received (an accept past Stream's 60-second window, a refusal, or too long).
import { afterEach, describe, expect, it } from 'vitest';
import { acceptAtRisk, deliveryView, NOT_RECEIVED_AFTER_MS } from '../../shared/delivery.js';
import type { OrderDetail, OrderSummary } from '../../shared/order.js';
import { answer, startWithFakeStream, type WithFakeStream } from '../support/fake-stream.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

let s: WithFakeStream | undefined;
afterEach(async () => {
  await s?.dispose();
  s = undefined;
});

async function acceptedOrder(w: WithFakeStream): Promise<string> {
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    w.t.streamUrl,
    orderCreated(),
  );
  const id = res.body.order.provider_id;
  expect((await local(w.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
  return id;
}

const detail = async (w: WithFakeStream, id: string): Promise<OrderDetail> =>
  (await local<OrderDetail>(w.t.localUrl, 'GET', `/api/orders/${id}`)).body;

describe('delivery state of staff answers', () => {
  it('an accept Stream took is sent ✓ with the time, and the screens were told', async () => {
    s = await startWithFakeStream();
    const pushed: OrderSummary[] = [];
    s.t.connector.ctx.bus.subscribe((m) => {
      if (m.event === 'order.delivery') pushed.push(m.data);
    });
    const id = await acceptedOrder(s);
    await s.drive(s.allDelivered(1));
    const d = await detail(s, id);
    expect(d.delivery).toMatchObject({ kind: 'order.accepted', state: 'sent', attempts: 1 });
    expect(deliveryView(d.delivery!, s.t.clock.now())).toEqual({
      state: 'sent',
      at: d.delivery!.sentAt,
      late: false,
    });
    expect(d.deliveries).toHaveLength(1);
    expect(pushed.some((o) => o.id === id && o.delivery?.state === 'sent')).toBe(true);
  });

  it('while Stream fails it is sending with the attempt, then not received once the window closes', async () => {
    s = await startWithFakeStream();
    s.fake.behave(() => answer(503));
    const id = await acceptedOrder(s);
    await s.drive(() => s!.fake.requests.length >= 3, { maxClockMs: 10_000 });
    let d = await detail(s, id);
    const view = deliveryView(d.delivery!, s.t.clock.now());
    expect(view.state).toBe('sending');
    expect(view.state === 'sending' && view.attempts).toBeGreaterThanOrEqual(3);
    expect(acceptAtRisk(d.delivery, s.t.clock.now())).toBe(false);

    await s.drive(() => s!.t.clock.now() >= d.streamDeadlineAt!, { maxClockMs: 70_000 });
    d = await detail(s, id);
    expect(deliveryView(d.delivery!, s.t.clock.now())).toMatchObject({
      state: 'failed',
      why: 'late',
    });
    expect(acceptAtRisk(d.delivery, s.t.clock.now())).toBe(true);

    // Stream comes back: the accept arrives late, and still counts as at risk.
    s.fake.behave(null);
    await s.drive(s.allDelivered(1), { maxClockMs: 20 * 60_000 });
    d = await detail(s, id);
    expect(deliveryView(d.delivery!, s.t.clock.now())).toMatchObject({ state: 'sent', late: true });
    expect(acceptAtRisk(d.delivery, s.t.clock.now())).toBe(true);
  });

  it('a status change Stream refuses is not received at once; one still failing after a while is too', async () => {
    s = await startWithFakeStream();
    const id = await acceptedOrder(s);
    await s.drive(s.allDelivered(1));
    s.fake.behave(() => answer(400));
    await local(s.t.localUrl, 'POST', `/api/orders/${id}/status`, { status: 'preparing' });
    await s.drive(() => s!.fake.requests.length >= 2);
    let d = await detail(s, id);
    expect(d.delivery).toMatchObject({ kind: 'order.status.updated', state: 'dead' });
    expect(deliveryView(d.delivery!, s.t.clock.now())).toMatchObject({
      state: 'failed',
      why: 'refused',
    });

    s.fake.behave(() => answer(503));
    await local(s.t.localUrl, 'POST', `/api/orders/${id}/status`, { status: 'ready' });
    const start = s.t.clock.now();
    await s.drive(() => s!.t.clock.now() >= start + NOT_RECEIVED_AFTER_MS, {
      maxClockMs: 30_000,
    });
    d = await detail(s, id);
    // The card shows the oldest message Stream does not have: the refused one comes first.
    expect(d.delivery?.kind).toBe('order.status.updated');
    const ready = d.deliveries.at(-1)!;
    expect(deliveryView(ready, s.t.clock.now())).toMatchObject({ state: 'failed', why: 'stuck' });
  });
});
