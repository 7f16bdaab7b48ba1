// The Stream listener over real HTTP on loopback, with a real SQLite file: every status code it
// can answer, both payload generations, idempotency, and what each answer stores.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import {
  legacyOrderCreated,
  orderCanceled,
  orderCreated,
  orderUpdated,
} from '../support/orders.js';
import { putCatalog } from '../support/manager-client.js';
import { local, sendToStreamListener, sign } from '../support/stream-client.js';
import catalog from '../../config/dev-catalog.json' with { type: 'json' };

type Answer = {
  order: { provider_id: string; prep_time_minutes: number; async_acceptance?: boolean };
};
type ErrorAnswer = { error: { code: string; message: string; field?: string } };

let t: TestConnector;
const countOrders = () =>
  (t.connector.ctx.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;

beforeEach(async () => {
  t = await startTestConnector();
});
afterEach(async () => {
  await t.dispose();
});

describe('order.created', () => {
  it('answers async acceptance with our provider_id and the location prep time, and stores the exact bytes', async () => {
    const body = JSON.stringify(orderCreated({ dspOrderNumber: 'ORDER-456' }), null, 2); // odd spacing on purpose
    const res = await sendToStreamListener<Answer>(t.streamUrl, body);
    expect(res.status).toBe(200);
    expect(res.body.order.async_acceptance).toBe(true);
    expect(res.body.order.prep_time_minutes).toBe(15);
    const id = res.body.order.provider_id;
    expect(id).toMatch(/^ord_/);
    const row = t.connector.ctx.db
      .prepare('SELECT raw_body, status, staff_deadline_at, received_at FROM orders WHERE id = ?')
      .get(id) as {
      raw_body: Buffer;
      status: string;
      staff_deadline_at: number;
      received_at: number;
    };
    expect(row.raw_body.toString('utf8')).toBe(body);
    expect(row.status).toBe('pending');
    expect(row.staff_deadline_at - row.received_at).toBe(45_000);
    const detail = await local<{
      dspOrderNumber: string;
      lineItems: unknown[];
      customers: { name: string }[];
      timeline: { kind: string }[];
    }>(t.localUrl, 'GET', `/api/orders/${id}`);
    expect(detail.body.dspOrderNumber).toBe('ORDER-456');
    expect(detail.body.customers[0]!.name).toBe('Jane Doe');
    expect(detail.body.timeline.map((e) => e.kind)).toEqual(['received']);
  });

  it('accepts the older payload generation with flat customer fields', async () => {
    const res = await sendToStreamListener<Answer>(t.streamUrl, legacyOrderCreated());
    expect(res.status).toBe(200);
    const detail = await local<{ customers: { name: string; phone: string }[] }>(
      t.localUrl,
      'GET',
      `/api/orders/${res.body.order.provider_id}`,
    );
    expect(detail.body.customers).toEqual([
      { id: null, name: 'John Smith', phone: '+15557654321', email: null },
    ]);
    const gen = t.connector.ctx.db.prepare('SELECT payload_generation AS g FROM orders').get() as {
      g: number;
    };
    expect(gen.g).toBe(1);
  });

  it('returns the first answer again for a repeat, and 409 for the same key with another body', async () => {
    const order = orderCreated();
    const first = await sendToStreamListener<Answer>(t.streamUrl, order);
    const again = await sendToStreamListener<Answer>(t.streamUrl, order);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const changed = structuredClone(order) as { object: { subtotal: number } };
    changed.object.subtotal += 1;
    const conflict = await sendToStreamListener<ErrorAnswer>(t.streamUrl, changed);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('idempotency_conflict');
    expect(countOrders()).toBe(1);
  });

  it('dedupes a legacy order by source + dsp_order_id, and 10 concurrent repeats make one order', async () => {
    const order = legacyOrderCreated();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => sendToStreamListener<Answer>(t.streamUrl, order)),
    );
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(results.map((r) => r.body.order.provider_id)).size).toBe(1);
    expect(countOrders()).toBe(1);
  });

  it('rejects unknown catalog ids with invalid_cart naming them, once a catalog is loaded, and stores the refusal', async () => {
    await putCatalog(t, catalog);
    const order = orderCreated({
      lineItems: [
        {
          provider_id: 'fam-cheeseburger',
          name: 'Cheeseburger',
          quantity: 1,
          price_amount: 899,
          modifiers: [{ provider_id: 'mod-ghost', name: 'Ghost', price_amount: 0 }],
        },
        { provider_id: 'fam-unicorn', name: 'Unicorn', quantity: 1, price_amount: 100 },
      ],
    });
    const res = await sendToStreamListener<{
      posValidation: { orderValidation: { order_error: string; order_error_reason: string }[] };
    }>(t.streamUrl, order);
    expect(res.status).toBe(400);
    const problem = res.body.posValidation.orderValidation[0]!;
    expect(problem.order_error).toBe('invalid_cart');
    expect(problem.order_error_reason).toContain('fam-unicorn');
    expect(problem.order_error_reason).toContain('mod-ghost');
    const repeat = await sendToStreamListener(t.streamUrl, order);
    expect(repeat.status).toBe(400);
    expect(repeat.body).toEqual(res.body);
    const row = t.connector.ctx.db.prepare('SELECT status, reject_reason FROM orders').get() as {
      status: string;
      reject_reason: string;
    };
    expect(row.status).toBe('rejected');
  });

  it('accepts the nested three-level modifier tree from the catalog', async () => {
    await putCatalog(t, catalog);
    const { halfAndHalfPizza } = await import('../support/orders.js');
    const res = await sendToStreamListener<Answer>(
      t.streamUrl,
      orderCreated({ lineItems: [halfAndHalfPizza()] }),
    );
    expect(res.status).toBe(200);
    const detail = await local<{
      lineItems: {
        modifiers: { modifiers: { name: string; modifiers: { name: string }[] }[] }[];
      }[];
    }>(t.localUrl, 'GET', `/api/orders/${res.body.order.provider_id}`);
    const left = detail.body.lineItems[0]!.modifiers[0]!.modifiers[0]!;
    expect(left.name).toBe('Left: Pepperoni');
    expect(left.modifiers[0]!.name).toBe('Extra');
  });

  it('refuses an order for another location and an empty cart with posValidation', async () => {
    const wrong = await sendToStreamListener<{
      posValidation: { orderValidation: { order_error: string }[] };
    }>(t.streamUrl, orderCreated({ locationId: 'store-99' }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.posValidation.orderValidation[0]!.order_error).toBe('location_not_found');
    const empty = await sendToStreamListener<{
      posValidation: { orderValidation: { order_error: string }[] };
    }>(t.streamUrl, orderCreated({ lineItems: [] }));
    expect(empty.status).toBe(400);
    expect(empty.body.posValidation.orderValidation[0]!.order_error).toBe('invalid_cart');
  });

  it('auto mode accepts at once without async_acceptance', async () => {
    await t.dispose();
    t = await startTestConnector({ config: { acceptance: { mode: 'auto' } } });
    const res = await sendToStreamListener<Answer>(t.streamUrl, orderCreated());
    expect(res.status).toBe(200);
    expect(res.body.order.async_acceptance).toBeUndefined();
    const order = await local<{ status: string; decidedBy: string }>(
      t.localUrl,
      'GET',
      `/api/orders/${res.body.order.provider_id}`,
    );
    expect(order.body.status).toBe('accepted');
  });
});

describe('refusals', () => {
  it('401 for a missing, wrong, or malformed bearer token, and stores nothing', async () => {
    for (const authorization of [null, 'Bearer wrong-token-wrong-token', 'Basic abc', 'Bearer']) {
      const res = await sendToStreamListener(t.streamUrl, orderCreated(), { authorization });
      expect(res.status).toBe(401);
    }
    expect(countOrders()).toBe(0);
  });

  it('401 for forged, tampered, truncated, wrong-length and missing signatures; base64 also accepted', async () => {
    const body = JSON.stringify(orderCreated());
    const good = sign(body);
    const bad = [
      sign(body, 'another-secret-entirely-000'),
      sign(body + ' '),
      good.slice(0, 63),
      good + '00',
      'zz' + good.slice(2),
      '',
      null,
    ];
    for (const signature of bad) {
      const res = await sendToStreamListener(t.streamUrl, body, { signature });
      expect(res.status, `signature ${String(signature)}`).toBe(401);
    }
    expect(countOrders()).toBe(0);
    const b64 = Buffer.from(good, 'hex').toString('base64');
    const ok = await sendToStreamListener(t.streamUrl, body, { signature: b64 });
    expect(ok.status).toBe(200);
  });

  it('refuses everything when neither a token nor a secret is configured', async () => {
    await t.dispose();
    t = await startTestConnector({
      config: { stream: { webhookSecret: undefined, inboundToken: undefined } },
    });
    const res = await sendToStreamListener(t.streamUrl, orderCreated());
    expect(res.status).toBe(401);
    const health = await fetch(t.streamUrl + '/healthz');
    expect(health.status).toBe(200);
  });

  it('413 for a body over the limit, 415 for another content type, 400 for bad JSON and deep nesting', async () => {
    const huge = JSON.stringify({ type: 'order.created', object: { pad: 'x'.repeat(300_000) } });
    expect((await sendToStreamListener(t.streamUrl, huge)).status).toBe(413);
    const text = await sendToStreamListener<ErrorAnswer>(
      t.streamUrl,
      JSON.stringify(orderCreated()),
      { contentType: 'text/plain' },
    );
    expect(text.status).toBe(415);
    const broken = await sendToStreamListener<ErrorAnswer>(
      t.streamUrl,
      '{"type": "order.created", "object": {',
    );
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    let deep = '0';
    for (let i = 0; i < 5000; i++) deep = `[${deep}]`;
    const nested = await sendToStreamListener<ErrorAnswer>(
      t.streamUrl,
      `{"type":"order.created","object":${deep}}`,
    );
    expect(nested.status).toBe(400);
    const poisoned = await sendToStreamListener<ErrorAnswer>(
      t.streamUrl,
      '{"type":"order.created","__proto__":{"x":1},"object":{}}',
    );
    expect(poisoned.status).toBe(400);
    expect(countOrders()).toBe(0);
  });

  it('400 names the field for a schema violation', async () => {
    const order = orderCreated() as { object: { line_items: { quantity: unknown }[] } };
    order.object.line_items[0]!.quantity = 'two';
    const res = await sendToStreamListener<ErrorAnswer>(t.streamUrl, order);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('object.line_items.0.quantity');
    const unknownType = await sendToStreamListener<ErrorAnswer>(t.streamUrl, {
      type: 'order.exploded',
      object: {},
    });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error.field).toBe('type');
  });
});

describe('order.updated and order.canceled', () => {
  it('keeps Stream status, delivery status and driver; a cancel reaches any open order', async () => {
    const created = await sendToStreamListener<Answer>(t.streamUrl, orderCreated());
    const id = created.body.order.provider_id;
    const upd = await sendToStreamListener(
      t.streamUrl,
      orderUpdated(id, {
        status: 'in_progress',
        delivery_status: 'arrived_at_pickup',
        driver_details: {
          source: 'uber',
          name: 'Sam',
          phone: { number: '5550001', code: '+1' },
          vehicle_info: { make: 'Toyota', model: 'Prius', color: 'Blue', license_plate: 'ABC123' },
        },
      }),
    );
    expect(upd.status).toBe(200);
    const after = await local<{
      deliveryStatus: string;
      streamStatus: string;
      driver: { name: string; vehicle: string; phone: string; phoneCode: string };
    }>(t.localUrl, 'GET', `/api/orders/${id}`);
    expect(after.body.deliveryStatus).toBe('arrived_at_pickup');
    expect(after.body.streamStatus).toBe('in_progress');
    expect(after.body.driver).toEqual({
      name: 'Sam',
      phone: '5550001',
      phoneCode: '+1',
      vehicle: 'Blue Toyota Prius (ABC123)',
      source: 'uber',
    });

    const unknown = await sendToStreamListener(
      t.streamUrl,
      orderUpdated(id, { delivery_status: 'teleporting' }),
    );
    expect(unknown.status).toBe(200);

    const cancel = await sendToStreamListener(t.streamUrl, orderCanceled(id));
    expect(cancel.status).toBe(200);
    const canceled = await local<{ status: string; timeline: { kind: string; actor: string }[] }>(
      t.localUrl,
      'GET',
      `/api/orders/${id}`,
    );
    expect(canceled.body.status).toBe('canceled');
    expect(canceled.body.timeline.map((e) => e.kind)).toEqual([
      'received',
      'stream.updated',
      'stream.updated',
      'canceled',
    ]);
  });

  it('404 for an order we never had', async () => {
    const res = await sendToStreamListener<ErrorAnswer>(t.streamUrl, orderCanceled('ord_nope'));
    expect(res.status).toBe(404);
  });
});

describe('read-only routes', () => {
  it('serves locations, the catalog (404 before one is loaded), and healthz without auth or secrets', async () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(t.streamUrl + path, {
        headers: { authorization: 'Bearer test-inbound-token-0123456789', ...headers },
      });
    const locations = (await (await get('/stream/locations')).json()) as {
      provider_id: string;
      prep_time_minutes: number;
    }[];
    expect(locations).toEqual([
      expect.objectContaining({ provider_id: 'store-1', prep_time_minutes: 15 }),
    ]);
    expect((await get('/stream/catalog')).status).toBe(404);
    await putCatalog(t, catalog);
    const served = (await (
      await get('/stream/catalog', { 'x-provider-location-id': 'store-1' })
    ).json()) as { item_family: unknown[] };
    expect(served.item_family.length).toBe(catalog.item_family.length);
    expect((await get('/stream/catalog', { 'x-provider-location-id': 'elsewhere' })).status).toBe(
      404,
    );
    expect((await fetch(t.streamUrl + '/stream/locations')).status).toBe(401);
    const healthz = await (await fetch(t.streamUrl + '/healthz')).text();
    expect(healthz).not.toContain('secret');
    expect(healthz).not.toContain('token');
  });
});
