// Odd input never gets a 500: control characters (NUL, line breaks, escape) in any query string
// on either listener are a 400 naming the parameter; negative or absurd money in a Stream order
// is refused with `posValidation.orderValidation` `invalid_cart` whatever the totals policy;
// Stream idempotency keys that differ only in Unicode form or padding are one order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/util/log.js';
import { dispatchCall } from '../../electron/main/ipc.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { TEST_INBOUND_TOKEN } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

type Problem = { error: { code: string; message: string; field?: string } };
type Refusal = {
  posValidation: { orderValidation?: { order_error: string; order_error_reason: string }[] };
};

const started: TestConnector[] = [];
afterAll(async () => {
  for (const t of started) await t.dispose();
});
async function start(config: Record<string, unknown> = {}): Promise<TestConnector> {
  const t = await startTestConnector({ config });
  started.push(t);
  return t;
}

describe('control characters in query strings', () => {
  let t: TestConnector;
  beforeAll(async () => {
    t = await start();
  });

  const odd = ['a%00b', '%00', 'a%0Ab', 'x%1B[31m', 'a%7Fb', '%C2%85'];
  const localRoutes = [
    '/api/history?q=',
    '/api/history/export?q=',
    '/api/history/totals?from=2026-11-01&to=',
    '/api/orders?status=',
    '/api/audit?format=',
    '/api/catalog/objects?q=',
    '/api/outbox?state=',
  ];

  it('the Local API answers 400 naming the parameter, never 500, on every query route', async () => {
    for (const route of localRoutes)
      for (const value of odd) {
        const res = await local<Problem>(t.localUrl, 'GET', route + value);
        expect(res.status, `${route}${value}`).toBe(400);
        expect(res.body.error.code).toBe('invalid_query');
        expect(res.body.error.message).toContain('control characters');
        expect(res.body.error.field).toMatch(/^query\./);
      }
    // In a parameter's name too; and without the token it is refused all the same, before
    // any route runs.
    expect((await local(t.localUrl, 'GET', '/api/orders?a%00=1')).status).toBe(400);
    expect((await fetch(`${t.localUrl}/api/history?q=a%00b`)).status).toBe(400);
    // Plain text with accents and spaces is fine.
    expect((await local(t.localUrl, 'GET', '/api/history?q=Jos%C3%A9%20P')).status).toBe(200);
  });

  it('through the desktop bridge too: a search with a NUL is a 400, not an internal error', async () => {
    for (const [name, request] of [
      ['searchHistory', { q: 'a\u0000b' }],
      ['exportHistory', { q: 'line\nbreak' }],
      ['searchCatalogObjects', { q: '\u001b[31m' }],
    ] as const) {
      const res = await dispatchCall(t.connector.handlers, name, request, {}, silentLogger);
      expect(res, name).toMatchObject({
        ok: false,
        error: { status: 400, code: 'invalid_query', field: 'query.q' },
      });
    }
  });

  it('the Stream listener answers 400 too', async () => {
    const res = await fetch(`${t.streamUrl}/stream/catalog?x=a%00b`, {
      headers: {
        authorization: `Bearer ${TEST_INBOUND_TOKEN}`,
        'x-provider-location-id': 'store-1',
      },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).error.code).toBe('invalid_query');
  });
});

describe('negative or absurd money in a Stream order', () => {
  const item = (price: number, quantity = 1) => ({
    provider_id: 'fam-soup',
    name: 'Soup',
    quantity,
    price_amount: price,
    price_currency: 'USD',
  });
  const cases: [string, (o: Record<string, unknown>) => void, RegExp][] = [
    [
      'a negative price',
      (o) => (o.line_items = [item(-500)]),
      /line_items\[0\]\.price_amount is -500/,
    ],
    ['a negative tax', (o) => (o.tax = -50), /tax is -50 cents/],
    ['a negative delivery fee', (o) => (o.delivery_fee = -199), /delivery_fee is -199/],
    ['a negative tip', (o) => (o.driver_tip = -1), /driver_tip is -1/],
    ['a negative subtotal', (o) => (o.subtotal = -100), /subtotal is -100/],
    [
      'a negative modifier',
      (o) =>
        (o.line_items = [
          { ...item(500), modifiers: [{ provider_id: 'mod-x', name: 'X', price_amount: -300 }] },
        ]),
      /modifiers\[0\]\.price_amount is -300/,
    ],
    ['an absurd price', (o) => (o.line_items = [item(5_000_000)]), /price_amount is 5000000/],
    ['an absurd line', (o) => (o.line_items = [item(9_000, 999)]), /quantity × price/],
    ['an absurd tip', (o) => (o.driver_tip = 2_000_000), /driver_tip is 2000000/],
    [
      'a negative discount',
      (o) => (o.discounts = [{ name: 'Promo', amount: -700 }]),
      /discounts\[0\]\.amount is -700/,
    ],
  ];

  for (const policy of ['warn', 'off', 'reject'] as const)
    it(`is refused as invalid_cart with the amount named under totalsPolicy=${policy}`, async () => {
      const t = await start({ catalog: { totalsPolicy: policy } });
      for (const [what, change, reason] of cases) {
        const order = orderCreated();
        change(order.object as Record<string, unknown>);
        const res = await sendToStreamListener<Refusal>(t.streamUrl, order);
        expect(res.status, what).toBe(400);
        const problem = res.body.posValidation.orderValidation?.[0];
        expect(problem?.order_error, what).toBe('invalid_cart');
        expect(problem?.order_error_reason, what).toMatch(reason);
      }
      const taken = t.connector.ctx.db
        .prepare(`SELECT COUNT(*) AS n FROM orders WHERE answer_status = 200`)
        .get() as { n: number };
      expect(taken.n).toBe(0);
      // An ordinary order still goes through.
      expect((await sendToStreamListener(t.streamUrl, orderCreated())).status).toBe(200);
    });

  it('the ceiling is the config key catalog.maxAmountCents', async () => {
    const t = await start({ catalog: { maxAmountCents: 1000 } });
    const res = await sendToStreamListener<Refusal>(t.streamUrl, orderCreated());
    expect(res.status).toBe(400);
    expect(res.body.posValidation.orderValidation?.[0]?.order_error_reason).toMatch(
      /between 0 and 1000 cents/,
    );
  });
});

describe('Stream idempotency keys', () => {
  it('differing only in Unicode form or surrounding space are one order', async () => {
    const t = await start();
    const composed = orderCreated({ idempotencyKey: 'uber_caf\u00e9-1' });
    const first = await sendToStreamListener<{ order: { provider_id: string } }>(
      t.streamUrl,
      composed,
    );
    expect(first.status).toBe(200);
    for (const key of ['uber_cafe\u0301-1', 'uber_caf\u00e9-1 ', ' uber_cafe\u0301-1']) {
      const again = structuredClone(composed);
      (again.object as { idempotency_key: string }).idempotency_key = key;
      const res = await sendToStreamListener(t.streamUrl, again);
      // The same key with a body that differs (in the key's spelling): never a second order.
      expect([200, 409], JSON.stringify(key)).toContain(res.status);
    }
    const rows = t.connector.ctx.db.prepare(`SELECT COUNT(*) AS n FROM orders`).get() as {
      n: number;
    };
    expect(rows.n).toBe(1);
  });
});
