// What the phone-order form adds to an in-store order, through the real Local API: paid or not
// paid yet, the store's delivery fee, an apartment / unit line, and the customer look-up by phone
// from this store's own past in-store orders. Each is checked where it ends up: the order the API
// answers, the event the fake Stream receives (field by field, both documented shapes), the
// order the fake POS receives and the kitchen ticket the printer prints.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestConnector } from '../support/connector.js';
import { JO_PARK_DELIVERY } from '../support/instore-orders.js';
import { scratchDir } from '../support/scratch.js';
import { startPosRig, type PosRig } from '../support/fake-pos.js';
import { startWithFakeStream, type WithFakeStream } from '../support/fake-stream.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { orderCreated } from '../support/orders.js';

const CATALOG_FILE = path.resolve('config/dev-catalog.json');

type Detail = {
  id: string;
  unpaid: boolean;
  subtotalCents: number;
  taxCents: number;
  deliveryFeeCents: number;
  totalCents: number;
  deliveryAddress: Record<string, unknown> | null;
  timeline: { kind: string; detail: string | null }[];
};
type ErrorBody = { error: { code: string; field?: string; message: string } };
type PastCustomer = {
  name: string;
  phone: string;
  address: Record<string, unknown> | null;
  lastOrderAt: number;
  orders: number;
};

let pair: WithFakeStream | undefined;
let rig: PosRig | undefined;
afterEach(async () => {
  await pair?.dispose();
  await rig?.dispose();
  pair = undefined;
  rig = undefined;
});

const instore = {
  taxRatePercent: 10,
  deliveryFeeCents: 350,
  maxDeliveryFeeCents: 2_000,
};

async function start(eventShape: 'event_data' | 'type_object'): Promise<WithFakeStream> {
  pair = await startWithFakeStream({
    config: {
      stream: { eventShape },
      catalog: { file: CATALOG_FILE },
      instore,
      location: { id: 'store-1', name: 'Test Store', currency: 'USD' },
    },
  });
  return pair;
}

/** A phone delivery order: one milkshake (549), to a flat, paid on the doorstep. */
const deliveryOrder = (extra: Record<string, unknown> = {}) => ({
  clientKey: randomUUID(),
  ...JO_PARK_DELIVERY,
  items: [{ catalogId: 'fam-shake', quantity: 1 }],
  unpaid: true,
  deliveryFeeCents: 350,
  ...extra,
});

const post = <T>(url: string, body: unknown) => local<T>(url, 'POST', '/api/in-store-orders', body);
const lookUp = (url: string, phone: unknown) =>
  local<{ customers: PastCustomer[] } & ErrorBody>(
    url,
    'POST',
    '/api/in-store-orders/customer-lookup',
    { phone },
  );

describe('paid / unpaid, delivery fee and unit line', () => {
  it('the terms tell the form the usual fee and the most it may be', async () => {
    const p = await start('event_data');
    const terms = await local(p.t.localUrl, 'GET', '/api/in-store-orders/terms');
    expect(terms.body).toEqual({
      taxRatePercent: 10,
      currency: 'USD',
      locationId: 'store-1',
      deliveryFeeCents: 350,
      maxDeliveryFeeCents: 2_000,
    });
  });

  it('seed shape: the fee is in the total (not taxed), unpaid and address_line_2 on the wire', async () => {
    const p = await start('event_data');
    const res = await post<Detail>(p.t.localUrl, deliveryOrder());
    expect(res.status).toBe(200);
    // 549 + 10 % tax (55) on the items only + 350 fee = 954
    expect(res.body).toMatchObject({
      unpaid: true,
      subtotalCents: 549,
      taxCents: 55,
      deliveryFeeCents: 350,
      totalCents: 954,
      deliveryAddress: { street: '12 Elm St', unit: 'Apt 4B', postalCode: '62704' },
    });
    expect(res.body.timeline[0]!.detail).toContain('unpaid');
    await p.drive(p.allDelivered(1));
    const sent = p.fake.requests[0]!;
    expect(sent.signatureValid).toBe(true);
    const order = (sent.json as { event: string; data: { order: Record<string, unknown> } }).data
      .order;
    expect((sent.json as { event: string }).event).toBe('order.created');
    expect(order.delivery_address).toEqual({
      street: '12 Elm St',
      address_line_2: 'Apt 4B',
      city: 'Springfield',
      state: 'IL',
      zip: '62704',
    });
    expect(order.subtotal_amount).toBe(549);
    expect(order.tax_amount).toBe(55);
    expect(order.delivery_fee_amount).toBe(350);
    expect(order.total_amount).toBe(954);
    expect(order.unpaid).toBe(true);
    expect(order.customer).toEqual({ name: 'Jo Park', phone: '+1 (555) 222-3333' });
  });

  it('seed shape: a paid order without a fee or unit looks exactly like the seed (no new fields)', async () => {
    const p = await start('event_data');
    const res = await post<Detail>(
      p.t.localUrl,
      deliveryOrder({
        unpaid: false,
        deliveryFeeCents: undefined,
        deliveryAddress: { street: '1 Main St', city: 'Anytown', postalCode: '12345' },
      }),
    );
    expect(res.body).toMatchObject({ unpaid: false, deliveryFeeCents: 0, totalCents: 604 });
    await p.drive(p.allDelivered(1));
    const order = (p.fake.requests[0]!.json as { data: { order: Record<string, unknown> } }).data
      .order;
    expect(Object.keys(order).sort()).toEqual(
      [
        'provider_id',
        'location_id',
        'fulfillment_type',
        'customer',
        'delivery_address',
        'line_items',
        'subtotal_amount',
        'tax_amount',
        'total_amount',
        'currency',
      ].sort(),
    );
    expect(order.delivery_address).toEqual({ street: '1 Main St', city: 'Anytown', zip: '12345' });
  });

  it('type/object shape: A1’s own unpaid and delivery_fee, address_line_2 beside street', async () => {
    const p = await start('type_object');
    const res = await post<Detail>(p.t.localUrl, deliveryOrder());
    expect(res.status).toBe(200);
    await p.drive(p.allDelivered(1));
    const object = (p.fake.requests[0]!.json as { type: string; object: Record<string, unknown> })
      .object;
    expect(object).toMatchObject({
      subtotal: 549,
      tax: 55,
      tax_withheld_by_dsp: 0,
      delivery_fee: 350,
      unpaid: true,
      delivery_address: {
        street: '12 Elm St',
        address_line_2: 'Apt 4B',
        city: 'Springfield',
        state: 'IL',
        postal_code: '62704',
      },
    });
    // A paid pickup: both fields still there, as in A1's sample.
    await post<Detail>(p.t.localUrl, {
      clientKey: randomUUID(),
      fulfillmentType: 'pickup',
      items: [{ catalogId: 'fam-shake', quantity: 1 }],
    });
    await p.drive(p.allDelivered(2));
    const pickup = (p.fake.requests[1]!.json as { object: Record<string, unknown> }).object;
    expect([pickup.delivery_fee, pickup.unpaid]).toEqual([0, false]);
  });

  it('the POS order and the kitchen ticket carry the fee, the unit line and what to collect', async () => {
    rig = await startPosRig({ printer: true, config: { instore } });
    const res = await post<Detail>(
      rig.t.localUrl,
      deliveryOrder({ items: [{ name: 'Soup', priceCents: 1000, quantity: 1 }] }),
    );
    expect(res.status).toBe(200);
    const id = res.body.id;
    const legs = () => rig!.t.connector.pos.legs;
    await rig.drive(
      () => legs().get(id, 'pos')?.state === 'sent' && legs().get(id, 'printer')?.state === 'sent',
    );
    const posOrder = rig.pos.injectRequests()[0]!.json as Record<string, unknown>;
    // 1000 + 100 tax + 350 fee: the store collects all of it (its own delivery).
    expect(posOrder).toMatchObject({
      unpaid: true,
      subtotal_cents: 1000,
      tax_cents: 100,
      delivery_fee_cents: 350,
      total_cents: 1450,
      customer_paid_cents: 1450,
      delivery_address: {
        street: '12 Elm St',
        address_line_1: '12 Elm St',
        address_line_2: 'Apt 4B',
        postal_code: '62704',
      },
    });
    const ticket = rig.printer!.tickets()[0]!.join('\n');
    expect(ticket).toContain('UNPAID - COLLECT 14.50 USD');
    expect(ticket).toContain('12 Elm St');
    expect(ticket).toContain('Apt 4B');
    expect(ticket).toContain('Delivery fee: 3.50 USD');
    expect(ticket).toContain('Store total: 14.50 USD');
  });
});

describe('bad fee, payment or unit → 400 naming the field, nothing stored', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['a negative fee', { deliveryFeeCents: -1 }, 'body.deliveryFeeCents', /negative/],
    ['a fractional fee', { deliveryFeeCents: 1.5 }, 'body.deliveryFeeCents', /int/],
    [
      'a fee above instore.maxDeliveryFeeCents',
      { deliveryFeeCents: 2_001 },
      'body.deliveryFeeCents',
      /more than this store's delivery fee can be \(2000/,
    ],
    [
      'a fee on a pickup order',
      { fulfillmentType: 'pickup', deliveryAddress: undefined, deliveryFeeCents: 100 },
      'body.deliveryFeeCents',
      /only for delivery orders/,
    ],
    ['unpaid as a word', { unpaid: 'yes' }, 'body.unpaid', /boolean/],
    ['a fee as text', { deliveryFeeCents: '3.50' }, 'body.deliveryFeeCents', /number/],
    [
      'an empty unit line',
      {
        deliveryAddress: { street: '1 Main', unit: ' ', city: 'X', postalCode: '1' },
      },
      'body.deliveryAddress.unit',
      /./,
    ],
    [
      'an unknown address field',
      {
        deliveryAddress: { street: '1 Main', floor: 3, city: 'X', postalCode: '1' },
      },
      'body.deliveryAddress',
      /floor/,
    ],
    ['an unknown order field', { tip: 100 }, 'body', /tip/],
  ];

  it.each(cases)('%s', async (_name, change, field, words) => {
    pair ??= await start('event_data');
    const res = await post<ErrorBody>(pair.t.localUrl, deliveryOrder(change));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(words);
    expect(pair.t.connector.ctx.db.prepare(`SELECT COUNT(*) AS n FROM orders`).get()).toEqual({
      n: 0,
    });
  });
});

describe('customer look-up by phone', () => {
  it('offers the name and last address a caller gave, however the number is typed', async () => {
    const p = await start('event_data');
    const clock = p.t.clock;
    await post(p.t.localUrl, deliveryOrder());
    clock.advance(60_000);
    // Later: a pickup (no address), then a newer address with another unit.
    await post(p.t.localUrl, {
      clientKey: randomUUID(),
      fulfillmentType: 'pickup',
      customer: { name: 'Jo Park', phone: '555 222 3333' },
      items: [{ catalogId: 'fam-shake', quantity: 1 }],
    });
    clock.advance(60_000);
    await post(
      p.t.localUrl,
      deliveryOrder({
        customer: { name: 'Jo Park-Lee', phone: '+15552223333' },
        deliveryAddress: {
          street: '40 Oak Ave',
          unit: 'Unit 2',
          city: 'Springfield',
          postalCode: '62701',
        },
      }),
    );
    clock.advance(60_000);
    await post(p.t.localUrl, {
      clientKey: randomUUID(),
      fulfillmentType: 'pickup',
      customer: { name: 'Jo Park-Lee', phone: '(555) 222-3333' },
      items: [{ catalogId: 'fam-shake', quantity: 1 }],
    });
    const newest = clock.now();

    for (const typed of ['555-222-3333', '+1 555 222 3333', '2223333', '15552223333']) {
      const res = await lookUp(p.t.localUrl, typed);
      expect(res.status, typed).toBe(200);
      // "+1 (555) 222-3333", "555 222 3333" … are one number: one customer, the newest name.
      expect(
        res.body.customers.map((c) => [c.name, c.orders]),
        typed,
      ).toEqual([['Jo Park-Lee', 4]]);
    }
    const { body } = await lookUp(p.t.localUrl, '555-222-3333');
    const latest = body.customers[0]!;
    expect(latest).toEqual({
      name: 'Jo Park-Lee',
      phone: '(555) 222-3333',
      // The pickup had none: the last address given on an earlier order.
      address: {
        street: '40 Oak Ave',
        unit: 'Unit 2',
        city: 'Springfield',
        state: null,
        postalCode: '62701',
      },
      lastOrderAt: newest,
      orders: 4,
    });
    // Nothing an order does not need: no email, no order id.
    expect(JSON.stringify(body)).not.toMatch(/ord_|@/);
  });

  it('needs a whole number, answers at most three customers, and never a marketplace customer', async () => {
    const p = await start('event_data');
    for (let i = 0; i < 5; i++) {
      await post(p.t.localUrl, {
        clientKey: randomUUID(),
        fulfillmentType: 'pickup',
        customer: { name: `Caller ${i}`, phone: `+1 80${i} 444 5566` },
        items: [{ catalogId: 'fam-shake', quantity: 1 }],
      });
      p.t.clock.advance(1_000);
    }
    const five = await lookUp(p.t.localUrl, '444-5566');
    expect(five.body.customers.map((c) => c.name)).toEqual(['Caller 4', 'Caller 3', 'Caller 2']);

    // A Stream order with the same number is not the store's customer data to offer.
    // (The test order's customer is Jane Doe, +15551234567.)
    const streamOrder = await sendToStreamListener(p.t.streamUrl, orderCreated());
    expect(streamOrder.status).toBe(200);
    const again = await lookUp(p.t.localUrl, '555 123 4567');
    expect(again.body.customers).toEqual([]);

    for (const short of ['444556', '+1 (44) 5', '']) {
      const res = await lookUp(p.t.localUrl, short);
      expect(res.status, short).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'body.phone' });
      expect(res.body.error.message).toContain('at least 7 digits');
    }
    const odd = await local<ErrorBody>(
      p.t.localUrl,
      'POST',
      '/api/in-store-orders/customer-lookup',
      { phone: '4445566', name: 'x' },
    );
    expect(odd.status).toBe(400);
    expect(odd.body.error.field).toBe('body');

    // Only with the Local API token.
    const anonymous = await fetch(`${p.t.localUrl}/api/in-store-orders/customer-lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '8044445566' }),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('Caller');
  });

  it('forgets a caller not seen for a year', async () => {
    const p = await start('event_data');
    await post(p.t.localUrl, deliveryOrder());
    expect((await lookUp(p.t.localUrl, '5552223333')).body.customers).toHaveLength(1);
    // The order as if taken 366 days ago (moving the clock a year would also run a year of the
    // connector's own timers, which is not what this test is about).
    p.t.connector.ctx.db
      .prepare('UPDATE instore_phone SET received_at = received_at - ?')
      .run(366 * 24 * 60 * 60_000);
    expect((await lookUp(p.t.localUrl, '5552223333')).body.customers).toEqual([]);
    p.t.connector.ctx.db
      .prepare('UPDATE instore_phone SET received_at = received_at + ?')
      .run(2 * 24 * 60 * 60_000); // 364 days ago: still offered
    expect((await lookUp(p.t.localUrl, '5552223333')).body.customers).toHaveLength(1);
  });
});

it('in-store orders taken before the look-up existed are found after the upgrade (migration 0012 backfills them)', async () => {
  const dataDir = scratchDir('instore-phone-upgrade-');
  const first = await startTestConnector({ dataDir });
  for (const [name, phone] of [
    ['Ana Ruiz', '+1 (555) 010-0100'],
    ['Bo Chen', '555.010.0200'],
    ['Short Number', '12345'],
  ] as const)
    await post(first.localUrl, {
      clientKey: randomUUID(),
      fulfillmentType: 'pickup',
      customer: { name, phone },
      items: [{ name: 'Soup', priceCents: 500, quantity: 1 }],
    });
  await first.stop();
  // The database as the build before 0012 left it: no look-up table (nor the later order
  // counts of 0013), version 11.
  const raw = new Database(path.join(dataDir, 'connector.db'));
  raw.exec('DROP TABLE instore_phone');
  for (const trigger of ['insert', 'delete', 'update'])
    raw.exec(`DROP TRIGGER order_counts_${trigger}`);
  raw.exec('DROP TABLE order_counts');
  raw.pragma('user_version = 11');
  raw.close();

  const upgraded = await startTestConnector({ dataDir });
  try {
    expect((await lookUp(upgraded.localUrl, '555 010 0100')).body.customers).toMatchObject([
      { name: 'Ana Ruiz', phone: '+1 (555) 010-0100' },
    ]);
    expect((await lookUp(upgraded.localUrl, '5550100200')).body.customers).toMatchObject([
      { name: 'Bo Chen' },
    ]);
    const rows = upgraded.connector.ctx.db
      .prepare('SELECT phone_digits, phone_tail FROM instore_phone ORDER BY phone_digits')
      .all();
    expect(rows).toEqual([
      { phone_digits: '15550100100', phone_tail: '0100100' },
      { phone_digits: '5550100200', phone_tail: '0100200' },
    ]);
  } finally {
    await upgraded.stop();
  }
});
