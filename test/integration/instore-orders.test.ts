// In-store orders (call-in, walk-in) through the Local API: priced from the catalog or free text,
// totalled in integer cents with the configured tax rate, stored, and delivered to the fake
// Stream in both documented shapes; bad input gets a 400 naming the field.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../electron/core/config/load.js';
import { taxCents } from '../../shared/instore.js';
import { startWithFakeStream, type WithFakeStream } from '../support/fake-stream.js';
import { outboxIds } from '../support/outbox-helpers.js';
import { local } from '../support/stream-client.js';
import { api, putCatalog, setupPin, TEST_PIN } from '../support/manager-client.js';
import catalog from '../../config/dev-catalog.json' with { type: 'json' };
import { ACTOR_HEADER } from '../../shared/contract.js';

type Detail = {
  id: string;
  origin: string;
  status: string;
  source: string;
  fulfillmentType: string;
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  currency: string;
  customerName: string | null;
  itemCount: number;
  lineItems: {
    name: string;
    priceCents: number;
    providerId: string | null;
    modifiers: unknown[];
  }[];
  timeline: { kind: string; actor: string }[];
};
type ErrorBody = { error: { code: string; field?: string; message: string } };

const CATALOG_FILE = path.resolve('config/dev-catalog.json');

let pair: WithFakeStream | undefined;
afterEach(async () => {
  await pair?.dispose();
  pair = undefined;
});

async function start(
  eventShape: 'event_data' | 'type_object' = 'event_data',
): Promise<WithFakeStream> {
  pair = await startWithFakeStream({
    config: {
      stream: { eventShape },
      catalog: { file: CATALOG_FILE },
      instore: { taxRatePercent: 8.875 },
      location: { id: 'store-1', name: 'Test Store', currency: 'USD' },
    },
  });
  return pair;
}

/** Catalog items at every level, a size variation, three-level modifiers and a free-text item. */
const counterOrder = {
  fulfillmentType: 'pickup',
  source: 'phone',
  customer: { name: 'Pat Lee', phone: '+15550001111' },
  items: [
    {
      catalogId: 'fam-cheeseburger',
      quantity: 2,
      specialInstructions: 'No pickles',
      modifiers: [{ catalogId: 'mod-extra-patty', quantity: 2 }, { catalogId: 'mod-bacon' }],
    },
    {
      catalogId: 'fam-fries|item-fries-large',
      quantity: 1,
      modifiers: [{ catalogId: 'mod-no-salt' }],
    },
    {
      catalogId: 'fam-pizza|item-pizza-16',
      quantity: 1,
      modifiers: [
        {
          catalogId: 'mod-half-half',
          modifiers: [
            { catalogId: 'mod-left-pepperoni', modifiers: [{ catalogId: 'mod-extra-topping' }] },
          ],
        },
      ],
    },
    { name: 'Birthday candle', priceCents: 199, quantity: 1, modifiers: [{ name: 'Gift wrap' }] },
  ],
  notes: 'Ring the bell',
};

/** One client key per order unless the test gives its own (as the form makes one per draft). */
const withKey = (body: unknown): unknown =>
  body && typeof body === 'object' && !Array.isArray(body) && !('clientKey' in body)
    ? { clientKey: randomUUID(), ...body }
    : body;

const post = <T>(p: WithFakeStream, payload: unknown, actor?: string, body = withKey(payload)) =>
  actor
    ? fetch(`${p.t.localUrl}/api/in-store-orders`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer test-local-token-0123456789',
          'content-type': 'application/json',
          [ACTOR_HEADER]: actor,
        },
        body: JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as T }))
    : local<T>(p.t.localUrl, 'POST', '/api/in-store-orders', body);

describe('in-store orders', () => {
  it('prices catalog and free-text items in integer cents with the configured tax, stores an accepted order and sends the seed shape', async () => {
    const p = await start();
    const res = await post<Detail>(p, counterOrder, 'Robin');
    expect(res.status).toBe(200);
    const order = res.body;
    // 2 × (899 + 2×250 + 150) + 449 + (1799 + 100 + 75) + 199 = 5720; 8.875 % = 507.65 → 508
    expect(order).toMatchObject({
      origin: 'in_store',
      status: 'accepted',
      source: 'phone',
      fulfillmentType: 'pickup',
      subtotalCents: 5720,
      taxCents: 508,
      totalCents: 6228,
      currency: 'USD',
      customerName: 'Pat Lee',
      itemCount: 5,
    });
    expect(order.lineItems.map((li) => [li.name, li.priceCents, li.providerId])).toEqual([
      ['Cheeseburger', 899, 'fam-cheeseburger'],
      ['Fries (Large)', 449, 'fam-fries|item-fries-large'],
      ['Pizza (16 inch)', 1799, 'fam-pizza|item-pizza-16'],
      ['Birthday candle', 199, null],
    ]);
    expect(order.timeline).toEqual([
      expect.objectContaining({ kind: 'created', actor: 'staff:Robin' }),
    ]);

    await p.drive(p.allDelivered(1));
    const [request] = p.fake.requests;
    expect(request!.signatureValid).toBe(true);
    expect(request!.key).toBe(outboxIds(p, order.id)[0]);
    expect(request!.json).toEqual({
      event: 'order.created',
      data: {
        order: {
          provider_id: order.id,
          location_id: 'store-1',
          fulfillment_type: 'pickup',
          customer: { name: 'Pat Lee', phone: '+15550001111' },
          line_items: [
            {
              name: 'Cheeseburger',
              quantity: 2,
              price_amount: 899,
              price_currency: 'usd',
              provider_id: 'fam-cheeseburger',
              special_instructions: 'No pickles',
              modifiers: [
                {
                  name: 'Extra Patty',
                  price_amount: 250,
                  price_currency: 'usd',
                  provider_id: 'mod-extra-patty',
                  quantity: 2,
                },
                {
                  name: 'Bacon',
                  price_amount: 150,
                  price_currency: 'usd',
                  provider_id: 'mod-bacon',
                },
              ],
            },
            {
              name: 'Fries (Large)',
              quantity: 1,
              price_amount: 449,
              price_currency: 'usd',
              provider_id: 'fam-fries|item-fries-large',
              modifiers: [
                {
                  name: 'No Salt',
                  price_amount: 0,
                  price_currency: 'usd',
                  provider_id: 'mod-no-salt',
                },
              ],
            },
            {
              name: 'Pizza (16 inch)',
              quantity: 1,
              price_amount: 1799,
              price_currency: 'usd',
              provider_id: 'fam-pizza|item-pizza-16',
              modifiers: [
                {
                  name: 'Half & Half',
                  price_amount: 0,
                  price_currency: 'usd',
                  provider_id: 'mod-half-half',
                  quantity: 1,
                  modifiers: [
                    {
                      name: 'Left: Pepperoni',
                      price_amount: 100,
                      price_currency: 'usd',
                      provider_id: 'mod-left-pepperoni',
                      quantity: 1,
                      modifiers: [
                        {
                          name: 'Extra',
                          price_amount: 75,
                          price_currency: 'usd',
                          provider_id: 'mod-extra-topping',
                        },
                      ],
                    },
                  ],
                },
              ],
            },
            {
              name: 'Birthday candle',
              quantity: 1,
              price_amount: 199,
              price_currency: 'usd',
              modifiers: [{ name: 'Gift wrap', price_amount: 0, price_currency: 'usd' }],
            },
          ],
          subtotal_amount: 5720,
          tax_amount: 508,
          total_amount: 6228,
          currency: 'usd',
          notes: 'Ring the bell',
        },
      },
    });
  });

  it('tells the form its tax rate, currency and location, so its totals match the order taken', async () => {
    const p = await start();
    const terms = await local<{ taxRatePercent: number; currency: string; locationId: string }>(
      p.t.localUrl,
      'GET',
      '/api/in-store-orders/terms',
    );
    expect(terms.status).toBe(200);
    expect(terms.body).toEqual({
      taxRatePercent: 8.875,
      currency: 'USD',
      locationId: 'store-1',
      deliveryFeeCents: 0,
      maxDeliveryFeeCents: 5_000,
    });
    const taken = await post<Detail>(p, counterOrder, 'Robin');
    expect(taken.body.taxCents).toBe(taxCents(taken.body.subtotalCents, terms.body.taxRatePercent));
    // Without the Local API token it is refused like every other call.
    const anonymous = await fetch(`${p.t.localUrl}/api/in-store-orders/terms`);
    expect(anonymous.status).toBe(401);
  });

  it('sends a delivery order in the newer type/object shape when stream.eventShape is type_object', async () => {
    const p = await start('type_object');
    const requestedFor = p.t.clock.now() + 2 * 60 * 60_000;
    const res = await post<Detail>(p, {
      fulfillmentType: 'delivery',
      source: 'website',
      sourceOrderId: 'POS-1042',
      customer: { name: 'Jo Park', phone: '+15552223333', email: 'jo@example.com' },
      deliveryAddress: {
        street: '12 Elm St Apt 4',
        city: 'Springfield',
        state: 'IL',
        postalCode: '62704',
      },
      items: [
        { catalogId: 'fam-shake', quantity: 1, modifiers: [{ catalogId: 'mod-strawberry' }] },
      ],
      requestedFor,
      includeUtensils: true,
    });
    expect(res.status).toBe(200);
    const order = res.body;
    expect([order.subtotalCents, order.taxCents, order.totalCents]).toEqual([599, 53, 652]); // 53.16 → 53
    await p.drive(p.allDelivered(1));
    expect(p.fake.requests[0]!.signatureValid).toBe(true);
    expect(p.fake.requests[0]!.json).toEqual({
      type: 'order.created',
      object: {
        idempotency_key: order.id,
        provider_id: order.id,
        location_id: 'store-1',
        fulfillment_type: 'delivery',
        source: 'website',
        brand: 'Test Store',
        source_order_id: 'POS-1042',
        placed_at: p.t.clock.now(),
        should_include_utensils: true,
        customers: [
          { id: 'customer_1', name: 'Jo Park', phone: '+15552223333', email: 'jo@example.com' },
        ],
        line_items: [
          {
            provider_id: 'fam-shake',
            name: 'Milkshake',
            quantity: 1,
            price_amount: 549,
            price_currency: 'USD',
            customer_id: 'customer_1',
            modifiers: [
              {
                provider_id: 'mod-strawberry',
                name: 'Strawberry',
                quantity: 1,
                price_amount: 50,
                price_currency: 'USD',
              },
            ],
          },
        ],
        is_future_order: true,
        requested_for: requestedFor,
        subtotal: 599,
        tax: 53,
        tax_withheld_by_dsp: 0,
        delivery_fee: 0,
        unpaid: false,
        delivery_address: {
          street: '12 Elm St Apt 4',
          city: 'Springfield',
          state: 'IL',
          postal_code: '62704',
        },
      },
    });
  });

  it('status changes and a cancel of an in-store order go to Stream after its order.created, in order', async () => {
    const p = await start();
    const { body: order } = await post<Detail>(p, {
      fulfillmentType: 'dine_in',
      items: [{ name: 'Soup', priceCents: 500, quantity: 1 }],
    });
    expect(
      (await local(p.t.localUrl, 'POST', `/api/orders/${order.id}/status`, { status: 'preparing' }))
        .status,
    ).toBe(200);
    await setupPin(p.t); // canceling an accepted order needs the manager PIN
    const canceled = await api(p.t.localUrl, 'POST', `/api/orders/${order.id}/cancel`, {
      body: { reason: 'Guest left' },
      pin: TEST_PIN,
    });
    expect(canceled.status).toBe(200);
    await p.drive(p.allDelivered(3));
    expect(p.fake.effects.map((e) => e.key)).toEqual(outboxIds(p, order.id));
    expect(p.fake.requests.map((r) => (r.json as { event: string }).event)).toEqual([
      'order.created',
      'order.status.updated',
      'order.canceled',
    ]);
  });

  it('needs a client key (400 saying why); a repeat with the same key, however composed or padded, returns the first order; different contents are a 409 naming the field', async () => {
    const p = await start();
    const noKey = await local<ErrorBody>(p.t.localUrl, 'POST', '/api/in-store-orders', {
      fulfillmentType: 'pickup',
      items: [{ catalogId: 'fam-cheeseburger', quantity: 1 }],
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error).toMatchObject({ field: 'body.clientKey' });
    expect(noKey.body.error.message).toContain('one key per order being taken');
    const blank = await post<ErrorBody>(p, {
      clientKey: '   ',
      fulfillmentType: 'pickup',
      items: [],
    });
    expect(blank.status).toBe(400);

    const body = {
      fulfillmentType: 'pickup',
      clientKey: 'caf\u00e9-77', // "café-77", composed
      sourceOrderId: 'T-77',
      items: [{ catalogId: 'fam-cheeseburger', quantity: 1 }],
    };
    const first = await post<Detail>(p, body);
    expect(first.status).toBe(200);
    const again = await post<Detail>(p, body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    // The same key decomposed (e + combining accent) and with a trailing space: the same order.
    const decomposed = await post<Detail>(p, { ...body, clientKey: 'cafe\u0301-77 ' });
    expect(decomposed.status).toBe(200);
    expect(decomposed.body.id).toBe(first.body.id);
    const changed = await post<ErrorBody>(p, {
      ...body,
      items: [{ catalogId: 'fam-cheeseburger', quantity: 2 }],
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error.field).toBe('body.clientKey');
    expect(p.t.connector.ctx.db.prepare(`SELECT COUNT(*) AS n FROM outbox`).get()).toEqual({
      n: 1,
    });
  });

  it('honours location overrides: a price for this store, and an item turned off here', async () => {
    const p = await start();
    const overridden = structuredClone(catalog) as { item_family: Record<string, unknown>[] };
    const shake = overridden.item_family.find((f) => f.provider_id === 'fam-shake')!;
    shake.location_overrides = [
      { provider_location_id: 'store-1', override: { price_amount: 599 } },
    ];
    const veggie = overridden.item_family.find((f) => f.provider_id === 'fam-veggie-burger')!;
    veggie.location_overrides = [
      { provider_location_id: 'store-2', override: { price_amount: 1 } },
      { provider_location_id: 'store-1', override: { is_active: false } },
    ];
    await putCatalog(p.t, overridden);
    const ok = await post<Detail>(p, {
      fulfillmentType: 'pickup',
      items: [{ catalogId: 'fam-shake', quantity: 1 }],
    });
    expect(ok.body.subtotalCents).toBe(599);
    const off = await post<ErrorBody>(p, {
      fulfillmentType: 'pickup',
      items: [{ catalogId: 'fam-veggie-burger', quantity: 1 }],
    });
    expect(off.status).toBe(400);
    expect(off.body.error).toMatchObject({ code: 'unavailable', field: 'body.items.0.catalogId' });
  });
});

describe('bad in-store input → 400 naming the field', () => {
  let shared: WithFakeStream;
  beforeAll(async () => {
    shared = await startWithFakeStream({ config: { catalog: { file: CATALOG_FILE } } });
  });
  afterAll(async () => {
    await shared.dispose();
  });
  const item = { catalogId: 'fam-cheeseburger', quantity: 1 };
  const cases: [string, unknown, string][] = [
    ['no items', { fulfillmentType: 'pickup', items: [] }, 'body.items'],
    [
      'unknown fulfillment type',
      { fulfillmentType: 'teleport', items: [item] },
      'body.fulfillmentType',
    ],
    [
      'delivery without an address',
      { fulfillmentType: 'delivery', customer: { name: 'A', phone: '+1555' }, items: [item] },
      'body.deliveryAddress',
    ],
    [
      'delivery without a phone',
      {
        fulfillmentType: 'delivery',
        customer: { name: 'A' },
        deliveryAddress: { street: '1 Main', city: 'X', postalCode: '1' },
        items: [item],
      },
      'body.customer.phone',
    ],
    [
      'address without a postal code',
      {
        fulfillmentType: 'delivery',
        customer: { name: 'A', phone: '+1555' },
        deliveryAddress: { street: '1 Main', city: 'X' },
        items: [item],
      },
      'body.deliveryAddress.postalCode',
    ],
    [
      'free-text item without a price',
      { fulfillmentType: 'pickup', items: [{ name: 'Soup', quantity: 1 }] },
      'body.items.0.priceCents',
    ],
    [
      'free-text item without a name',
      { fulfillmentType: 'pickup', items: [{ priceCents: 100, quantity: 1 }] },
      'body.items.0.name',
    ],
    [
      'a price on a catalog item',
      { fulfillmentType: 'pickup', items: [{ ...item, priceCents: 1 }] },
      'body.items.0.priceCents',
    ],
    [
      'fractional cents',
      { fulfillmentType: 'pickup', items: [{ name: 'Soup', priceCents: 1.5, quantity: 1 }] },
      'body.items.0.priceCents',
    ],
    [
      'zero quantity',
      { fulfillmentType: 'pickup', items: [{ ...item, quantity: 0 }] },
      'body.items.0.quantity',
    ],
    [
      'unknown catalog item',
      { fulfillmentType: 'pickup', items: [item, { catalogId: 'fam-lobster', quantity: 1 }] },
      'body.items.1.catalogId',
    ],
    [
      'a family that has sizes',
      { fulfillmentType: 'pickup', items: [{ catalogId: 'fam-fries', quantity: 1 }] },
      'body.items.0.catalogId',
    ],
    [
      'unknown nested modifier',
      {
        fulfillmentType: 'pickup',
        items: [
          {
            ...item,
            modifiers: [{ catalogId: 'mod-bacon', modifiers: [{ catalogId: 'mod-gold' }] }],
          },
        ],
      },
      'body.items.0.modifiers.0.modifiers.0.catalogId',
    ],
    [
      'a bad email',
      { fulfillmentType: 'pickup', customer: { name: 'A', email: 'not-an-email' }, items: [item] },
      'body.customer.email',
    ],
    ['an unknown field', { fulfillmentType: 'pickup', items: [item], tip: 5 }, 'body'],
    [
      'requestedFor in the past',
      { fulfillmentType: 'pickup', items: [item], requestedFor: 1_000 },
      'body.requestedFor',
    ],
  ];

  it.each(cases)('%s', async (_name, body, field) => {
    const p = shared;
    const res = await post<ErrorBody>(p, body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(field);
    expect(p.t.connector.ctx.db.prepare(`SELECT COUNT(*) AS n FROM orders`).get()).toEqual({
      n: 0,
    });
  });

  it('refuses a tax rate with more than three decimals at config load', () => {
    expect(() =>
      loadConfig({ env: {}, overrides: { instore: { taxRatePercent: 8.8751 } } }),
    ).toThrow(/taxRatePercent/);
    expect(
      loadConfig({ env: {}, overrides: { instore: { taxRatePercent: 8.875 } } }).instore
        .taxRatePercent,
    ).toBe(8.875);
  });
});
