// Everything Stream sends that staff or the kitchen need, from the documents' own payloads
// (../shared/stream-api.md A1/A4), through the real Stream listener and Local API; and the two
// wire answers: every 400 to order.created carries posValidation, and out_for_delivery is only
// for delivery orders.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPosOrder } from '../../electron/core/pos/pos-order.js';
import type { OrderRow } from '../../electron/core/orders/rows.js';
import type { PushMessage } from '../../shared/contract.js';
import type { OrderDetail } from '../../shared/order.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCreated, orderUpdated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

type Answer = { order: { provider_id: string } };
type Refusal = {
  error: { code: string; message: string };
  posValidation?: { orderValidation: { order_error: string; order_error_reason: string }[] };
};

let t: TestConnector;
beforeEach(async () => {
  t = await startTestConnector();
});
afterEach(async () => {
  await t.dispose();
});

/** A1's newest documented order.created, with the fields A1 lists and the seed's address shape. */
function documentedOrder(fields: Record<string, unknown>) {
  const order = orderCreated({ fulfillmentType: 'merchant_managed_delivery' }) as {
    object: Record<string, unknown>;
  };
  Object.assign(order.object, fields);
  return order;
}

const detailOf = async (id: string) =>
  (await local<OrderDetail>(t.localUrl, 'GET', `/api/orders/${id}`)).body;
const rowOf = (id: string) =>
  t.connector.ctx.db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow;

describe('the wire: every 400 to order.created carries posValidation', () => {
  it('an unknown fulfillment_type is refused with orderValidation and a readable reason', async () => {
    const order = orderCreated() as { object: Record<string, unknown> };
    order.object.fulfillment_type = 'teleport';
    const res = await sendToStreamListener<Refusal>(t.streamUrl, order);
    expect(res.status).toBe(400);
    const problem = res.body.posValidation!.orderValidation[0]!;
    expect(problem.order_error).toBe('invalid_cart');
    expect(problem.order_error_reason).toMatch(/^object\.fulfillment_type: /);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('broken JSON and a missing field too; an order.updated refusal has no posValidation', async () => {
    const broken = await sendToStreamListener<Refusal>(t.streamUrl, '{"type":"order.created",');
    expect(broken.status).toBe(400);
    expect(broken.body.posValidation!.orderValidation[0]!.order_error_reason).toMatch(/JSON/);
    const order = orderCreated() as { object: Record<string, unknown> };
    delete order.object.line_items;
    const missing = await sendToStreamListener<Refusal>(t.streamUrl, order);
    expect(missing.body.posValidation!.orderValidation[0]!.order_error_reason).toMatch(
      /line_items/,
    );
    const update = await sendToStreamListener<Refusal>(t.streamUrl, {
      type: 'order.updated',
      object: {},
    });
    expect(update.status).toBe(400);
    expect(update.body.posValidation).toBeUndefined();
  });
});

describe('the wire: out_for_delivery only for delivery orders', () => {
  it('a pickup order is refused out_for_delivery with a clear error and Stream hears nothing', async () => {
    const pickup = await sendToStreamListener<Answer>(
      t.streamUrl,
      orderCreated({ fulfillmentType: 'pickup' }),
    );
    const id = pickup.body.order.provider_id;
    expect((await local(t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    const outbox = () =>
      (
        t.connector.ctx.db
          .prepare(`SELECT COUNT(*) AS n FROM outbox WHERE body LIKE '%out_for_delivery%'`)
          .get() as { n: number }
      ).n;
    const res = await local<Refusal>(t.localUrl, 'POST', `/api/orders/${id}/status`, {
      status: 'out_for_delivery',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('status_not_for_fulfillment');
    expect(res.body.error.message).toBe(
      'out_for_delivery is only for delivery orders; this order is pickup',
    );
    expect(outbox()).toBe(0);
    expect((await detailOf(id)).status).toBe('accepted');

    const delivery = await sendToStreamListener<Answer>(
      t.streamUrl,
      orderCreated({ fulfillmentType: 'merchant_managed_delivery' }),
    );
    const did = delivery.body.order.provider_id;
    await local(t.localUrl, 'POST', `/api/orders/${did}/accept`, {});
    const ok = await local(t.localUrl, 'POST', `/api/orders/${did}/status`, {
      status: 'out_for_delivery',
    });
    expect(ok.status).toBe(200);
    expect(outbox()).toBe(1);
  });
});

describe('fields staff and the kitchen need', () => {
  it('fulfillment_instructions, masked phone code, tax_withheld_by_dsp and discounts reach the detail and the POS order', async () => {
    const res = await sendToStreamListener<Answer>(
      t.streamUrl,
      documentedOrder({
        fulfillment_instructions: 'Gate code 1234',
        customers: [
          { id: 'customer_1', name: 'Jane Doe', phone: '+15555551234', masked_phone_code: '123' },
        ],
        tax_withheld_by_dsp: 40,
        discounts: [{ name: 'Promo 10%', amount: 200 }],
        delivery_address: {
          street: '123 Main St',
          city: 'Anytown',
          state: 'CA',
          zip: '12345',
          country: 'US',
        },
      }),
    );
    const id = res.body.order.provider_id;
    const detail = await detailOf(id);
    expect(detail.fulfillmentInstructions).toBe('Gate code 1234');
    expect(detail.customers[0]).toMatchObject({ phone: '+15555551234', phoneCode: '123' });
    expect(detail.taxWithheldCents).toBe(40);
    expect(detail.discounts).toEqual([{ name: 'Promo 10%', amount: 200 }]);

    const pos = toPosOrder(rowOf(id));
    expect(pos.fulfillment_instructions).toBe('Gate code 1234');
    expect(pos.delivery_address).toMatchObject({
      street: '123 Main St',
      address_line_1: '123 Main St',
      zip: '12345',
      postal_code: '12345',
    });
    expect(pos.discount_cents).toBe(200);
    expect(pos.tax_withheld_by_dsp_cents).toBe(40);
    expect(pos.total_cents).toBe(detail.subtotalCents - 200 + detail.taxCents - 40);
    expect(pos.customer_paid_cents).toBe(
      detail.subtotalCents -
        200 +
        detail.taxCents +
        detail.deliveryFeeCents +
        detail.driverTipCents,
    );
    expect(pos.customers[0]).toEqual({
      id: 'customer_1',
      name: 'Jane Doe',
      phone: '+15555551234',
      email: null,
    });
  });

  it('the documented address_line_1/2 + postal_code shape reaches the POS order under both names', async () => {
    const res = await sendToStreamListener<Answer>(
      t.streamUrl,
      documentedOrder({
        delivery_address: {
          address_line_1: '742 Evergreen Terrace',
          address_line_2: 'Apt 4',
          city: 'Springfield',
          postal_code: '62704',
        },
      }),
    );
    const pos = toPosOrder(rowOf(res.body.order.provider_id));
    expect(pos.delivery_address).toMatchObject({
      street: '742 Evergreen Terrace',
      address_line_2: 'Apt 4',
      zip: '62704',
    });
  });

  it("the driver's masked phone keeps its code apart from the number", async () => {
    const res = await sendToStreamListener<Answer>(t.streamUrl, documentedOrder({}));
    const id = res.body.order.provider_id;
    await sendToStreamListener(
      t.streamUrl,
      orderUpdated(id, {
        status: 'in_progress',
        driver_details: {
          source: 'uber',
          name: 'Sam',
          phone: { number: '+15555551234', code: '123' },
        },
      }),
    );
    expect((await detailOf(id)).driver).toMatchObject({ phone: '+15555551234', phoneCode: '123' });
  });

  it("a cancel's source and reason reach the timeline, the alert and the POS void", async () => {
    const res = await sendToStreamListener<Answer>(t.streamUrl, documentedOrder({}));
    const id = res.body.order.provider_id;
    await local(t.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    const seen: PushMessage[] = [];
    const stop = t.connector.ctx.bus.subscribe((m) => seen.push(m));
    const cancel = await sendToStreamListener(t.streamUrl, {
      type: 'order.canceled',
      object: {
        provider_id: id,
        location_id: 'store-1',
        cancel_source: 'customer',
        cancel_reason: 'Ordered by mistake',
      },
    });
    stop();
    expect(cancel.status).toBe(200);
    const detail = await detailOf(id);
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'canceled',
      detail: 'Canceled by customer: Ordered by mistake',
    });
    const alert = seen.find((m) => m.event === 'order.canceled');
    expect(alert?.data).toMatchObject({
      canceledBy: 'stream',
      cancelSource: 'customer',
      cancelReason: 'Ordered by mistake',
    });
  });
});
