// Order history over the Local API: search by number, customer and item; filters; keyset
// pages; daily totals per source in the store's time zone; CSV export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { cheeseburger, halfAndHalfPizza, largeFries, orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { ManualClock } from '../../electron/core/util/clock.js';

type Page = {
  orders: { id: string; dspOrderNumber: string; source: string; status: string }[];
  nextCursor: string | null;
};
let t: TestConnector;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // 2026-11-23 10:00 in New York (UTC-5): the day's orders, then one 23:30 local (04:30 UTC next day).
  t = await startTestConnector({
    clock: new ManualClock(Date.UTC(2026, 10, 23, 15, 0)),
    config: { location: { timezone: 'America/New_York' } },
  });
  const send = async (name: string, options: Parameters<typeof orderCreated>[0]) => {
    const res = await sendToStreamListener<{ order: { provider_id: string } }>(
      t.streamUrl,
      orderCreated(options),
    );
    ids[name] = res.body.order.provider_id;
    t.clock.advance(1_000);
  };
  await send('pizza', {
    source: 'uber',
    dspOrderNumber: 'UB-1001',
    lineItems: [halfAndHalfPizza()],
  });
  await send('burger', {
    source: 'doordash',
    dspOrderNumber: 'DD-2002',
    lineItems: [cheeseburger(2)],
  });
  await send('fries', { source: 'uber', dspOrderNumber: 'UB-1003', lineItems: [largeFries()] });
  await local(t.localUrl, 'POST', `/api/orders/${ids.pizza}/accept`, {});
  await local(t.localUrl, 'POST', `/api/orders/${ids.burger}/reject`, { code: 'store_busy' });
  await local(t.localUrl, 'POST', `/api/orders/${ids.fries}/accept`, {});
  t.clock.moveTo(Date.UTC(2026, 10, 24, 4, 30));
  await send('late', { source: 'uber', dspOrderNumber: 'UB-1004' });
  await local(t.localUrl, 'POST', `/api/orders/${ids.late}/accept`, {});
});
afterAll(async () => {
  await t.dispose();
});

describe('history', () => {
  it('finds orders by number, customer name and item or modifier name, all words required', async () => {
    const find = async (q: string) =>
      (
        await local<Page>(t.localUrl, 'GET', `/api/history?q=${encodeURIComponent(q)}`)
      ).body.orders.map((o) => o.id);
    expect(await find('dd-2002')).toEqual([ids.burger]);
    expect(await find('pepperoni')).toEqual([ids.pizza]);
    expect(await find('jane fries')).toEqual([ids.late, ids.fries]);
    expect(await find('100%')).toEqual([]);
    expect(await find('%')).toEqual([]);
    expect(await find('"pepperoni')).toEqual([]);
    expect(await find('1003')).toEqual([ids.fries]);
    expect((await find('jane')).length).toBe(4);
  });

  it('filters by local day, source and status, and pages newest first with a cursor', async () => {
    const day = await local<Page>(t.localUrl, 'GET', '/api/history?from=2026-11-23&to=2026-11-23');
    expect(day.body.orders.map((o) => o.id)).toEqual([ids.late, ids.fries, ids.burger, ids.pizza]);
    const uber = await local<Page>(t.localUrl, 'GET', '/api/history?source=uber&status=accepted');
    expect(uber.body.orders.map((o) => o.id)).toEqual([ids.late, ids.fries, ids.pizza]);
    const first = await local<Page>(t.localUrl, 'GET', '/api/history?limit=3');
    expect(first.body.orders).toHaveLength(3);
    const second = await local<Page>(
      t.localUrl,
      'GET',
      `/api/history?limit=3&before=${first.body.nextCursor}`,
    );
    expect(second.body.orders.map((o) => o.id)).toEqual([ids.pizza]);
    expect(second.body.nextCursor).toBeNull();
    const bad = await local<{ error: { field: string } }>(
      t.localUrl,
      'GET',
      '/api/history?from=2026-02-30',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('query.from');
  });

  it('totals orders, sales and refusals per local day and source (23:30 New York is still the 23rd)', async () => {
    const res = await local<{
      days: {
        date: string;
        source: string;
        orders: number;
        salesCents: number;
        rejected: number;
      }[];
    }>(t.localUrl, 'GET', '/api/history/totals?from=2026-11-23&to=2026-11-24');
    expect(res.body.days.map((d) => [d.date, d.source, d.orders, d.rejected])).toEqual([
      ['2026-11-23', 'doordash', 0, 1],
      ['2026-11-23', 'uber', 3, 0],
    ]);
    const uber = res.body.days.find((d) => d.source === 'uber')!;
    const detail = await Promise.all(
      [ids.pizza, ids.fries, ids.late].map(
        async (id) =>
          (await local<{ totalCents: number }>(t.localUrl, 'GET', `/api/orders/${id}`)).body
            .totalCents,
      ),
    );
    expect(uber.salesCents).toBe(detail.reduce((a, b) => a + b, 0));
  });

  it('exports the search as CSV with local times', async () => {
    const res = await fetch(`${t.localUrl}/api/history/export?source=doordash`, {
      headers: { authorization: 'Bearer test-local-token-0123456789' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'received_utc,received_local,order_id,source,order_number,fulfillment,status,customer,items,total,currency',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      `2026-11-23 10:00,${ids.burger},doordash,DD-2002,delivery,rejected,Jane Doe,2,`,
    );
  });
  it('finds an order taken a moment ago (the index is filled before each search) and keeps ingest free of it', async () => {
    const fresh = await sendToStreamListener<{ order: { provider_id: string } }>(
      t.streamUrl,
      orderCreated({ dspOrderNumber: 'GH-7777', source: 'grubhub' }),
    );
    const id = fresh.body.order.provider_id;
    const db = t.connector.ctx.db;
    const indexed = () =>
      (
        db
          .prepare(`SELECT COUNT(*) AS n FROM order_search WHERE order_search MATCH '"gh-7777"'`)
          .get() as { n: number }
      ).n;
    expect(indexed()).toBe(0);
    const res = await local<Page>(t.localUrl, 'GET', '/api/history?q=gh-7777');
    expect(res.body.orders.map((o) => o.id)).toEqual([id]);
    expect(indexed()).toBe(1);
    // Nothing is indexed twice when the next search runs.
    await local<Page>(t.localUrl, 'GET', '/api/history?q=gh-7777');
    expect(indexed()).toBe(1);
    await local(t.localUrl, 'POST', `/api/orders/${id}/reject`, { code: 'store_busy' });
  });
});
