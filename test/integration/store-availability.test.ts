// 86 over real HTTP with the dev catalog: several objects at once from a search, the exact 400
// `stockValidation` an order gets, `is_active: false` in the catalog served to Stream (and the
// stored catalog untouched), every kind of timer, the "restored automatically" summary, the day
// rollover across both DST changes in America/New_York, and restarts during an 86.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AvailabilityState, CatalogObjectHit } from '../../shared/store.js';
import type { AuditEntry } from '../../shared/manager.js';
import { ManualClock } from '../../electron/core/util/clock.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { api, recordPush, setupPin, TEST_PIN } from '../support/manager-client.js';
import { cheeseburger, halfAndHalfPizza, largeFries, orderCreated } from '../support/orders.js';
import { TEST_INBOUND_TOKEN } from '../support/secrets.js';
import { sendToStreamListener } from '../support/stream-client.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const CATALOG_FILE = path.resolve('config/dev-catalog.json');
// Monday 2026-11-23 07:00 EST (the harness default).
const MONDAY_0700 = Date.UTC(2026, 10, 23, 12, 0, 0);

let t: TestConnector;
const started: TestConnector[] = [];

async function start(
  options: { clock?: ManualClock; dataDir?: string; config?: Record<string, unknown> } = {},
): Promise<TestConnector> {
  const tc = await startTestConnector({
    ...options,
    config: { catalog: { file: CATALOG_FILE }, ...options.config },
  });
  started.push(tc);
  return tc;
}

afterEach(async () => {
  for (const tc of started.splice(0)) await tc.dispose();
});

const set86 = (tc: TestConnector, body: unknown, pin: string | null = TEST_PIN) =>
  api<AvailabilityState>(tc.localUrl, 'POST', '/api/catalog/availability', {
    body,
    pin: pin ?? undefined,
    actor: 'Lee',
  });
const availability = async (tc: TestConnector): Promise<AvailabilityState> =>
  (await api<AvailabilityState>(tc.localUrl, 'GET', '/api/catalog/availability')).body;
const order = (tc: TestConnector, lineItems: Record<string, unknown>[]) =>
  sendToStreamListener(tc.streamUrl, orderCreated({ lineItems }));
const outOfStock = (...entries: [type: 'item' | 'modifier', id: string][]) => ({
  posValidation: {
    stockValidation: entries.map(([type, provider_id]) => ({ type, provider_id, quantity: 0 })),
  },
});

interface CatalogObject {
  provider_id: string;
  is_active?: boolean;
}
async function servedCatalog(tc: TestConnector): Promise<Record<string, CatalogObject[]>> {
  const res = await fetch(`${tc.streamUrl}/stream/catalog`, {
    headers: { authorization: `Bearer ${TEST_INBOUND_TOKEN}`, 'x-provider-location-id': 'store-1' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, CatalogObject[]>;
}
const activeOf = (
  catalog: Record<string, CatalogObject[]>,
  kind: string,
  id: string,
): boolean | undefined => catalog[kind]!.find((o) => o.provider_id === id)?.is_active;

describe('86 from the Local API', () => {
  it('needs the manager PIN, a loaded catalog and known ids', async () => {
    const bare = await startTestConnector();
    started.push(bare);
    await setupPin(bare);
    const noCatalog = await set86(bare, { providerIds: ['fam-fries'], available: false });
    expect(noCatalog.status).toBe(409);
    expect(noCatalog.body).toMatchObject({ error: { code: 'catalog_not_loaded' } });

    t = await start();
    await setupPin(t);
    expect((await set86(t, { providerIds: ['fam-fries'], available: false }, null)).status).toBe(
      403,
    );
    expect(
      (await set86(t, { providerIds: ['fam-fries'], available: false }, '11111111')).status,
    ).toBe(403);
    const unknown = await set86(t, { providerIds: ['fam-fries', 'fam-lobster'], available: false });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: {
        field: 'body.providerIds',
        message: expect.stringContaining('fam-lobster') as string,
      },
    });
    const durationOnRestore = await set86(t, {
      providerIds: ['fam-fries'],
      available: true,
      hours: 2,
    });
    expect(durationOnRestore.status).toBe(400);
    expect(durationOnRestore.body).toMatchObject({ error: { field: 'body.hours' } });
    expect((await availability(t)).unavailable).toEqual([]);
  });

  it('86es several objects found by a search; orders naming them get the exact stockValidation; others are taken', async () => {
    t = await start();
    await setupPin(t);
    const push = recordPush(t.connector.ctx.bus);
    const found = await api<{ objects: CatalogObjectHit[] }>(
      t.localUrl,
      'GET',
      '/api/catalog/objects?q=large',
    );
    expect(found.body.objects).toEqual([
      {
        providerId: 'item-cola-large',
        type: 'item',
        name: 'Large',
        parents: ['Cola'],
        available: true,
        unavailableUntil: null,
      },
      {
        providerId: 'item-fries-large',
        type: 'item',
        name: 'Large',
        parents: ['Fries'],
        available: true,
        unavailableUntil: null,
      },
    ]);
    const res = await set86(t, {
      providerIds: found.body.objects.map((o) => o.providerId),
      available: false,
      restOfDay: true,
      reason: 'Out of large cups',
    });
    expect(res.status).toBe(200);
    const tuesday0400 = Date.UTC(2026, 10, 24, 9, 0);
    expect(res.body.unavailable.map((u) => [u.providerId, u.mode, u.until, u.by])).toEqual([
      ['item-cola-large', 'rest_of_day', tuesday0400, 'staff:Lee'],
      ['item-fries-large', 'rest_of_day', tuesday0400, 'staff:Lee'],
    ]);
    expect(push.of('catalog.availability.updated')).toHaveLength(1);
    await set86(t, { providerIds: ['mod-extra-topping'], available: false, hours: 2 });

    // A line item `family|item` is out when its item is; a modifier three levels deep is found too.
    expect((await order(t, [largeFries()])).body).toEqual(
      outOfStock(['item', 'fam-fries|item-fries-large']),
    );
    expect((await order(t, [halfAndHalfPizza()])).body).toEqual(
      outOfStock(['modifier', 'mod-extra-topping']),
    );
    const both = await order(t, [cheeseburger(), largeFries(), halfAndHalfPizza()]);
    expect(both.status).toBe(400);
    expect(both.body).toEqual(
      outOfStock(['item', 'fam-fries|item-fries-large'], ['modifier', 'mod-extra-topping']),
    );
    expect((await order(t, [cheeseburger()])).status).toBe(200);

    // 86 a whole family: every item of it is out.
    await set86(t, { providerIds: ['fam-cheeseburger'], available: false });
    expect((await order(t, [cheeseburger()])).body).toEqual(
      outOfStock(['item', 'fam-cheeseburger']),
    );

    // While paused as well, both reasons are given.
    await api(t.localUrl, 'POST', '/api/store/pause', { body: { minutes: 15 }, pin: TEST_PIN });
    expect((await order(t, [cheeseburger()])).body).toEqual({
      posValidation: {
        stockValidation: [{ type: 'item', provider_id: 'fam-cheeseburger', quantity: 0 }],
        orderValidation: [
          { order_error: 'store_unavailable', order_error_reason: 'Paused until 07:15' },
        ],
      },
    });
  });

  it('serves is_active: false to Stream for 86ed objects without changing the stored catalog', async () => {
    t = await start();
    await setupPin(t);
    const storedBefore = (
      t.connector.ctx.db.prepare('SELECT body FROM catalog').get() as { body: string }
    ).body;
    await set86(t, {
      providerIds: ['fam-shake', 'item-fries-large', 'mod-bacon'],
      available: false,
    });

    const served = await servedCatalog(t);
    expect(activeOf(served, 'item_family', 'fam-shake')).toBe(false);
    expect(activeOf(served, 'item', 'item-fries-large')).toBe(false);
    expect(activeOf(served, 'modifier', 'mod-bacon')).toBe(false);
    expect(activeOf(served, 'item_family', 'fam-fries')).toBe(true);
    expect(activeOf(served, 'item', 'item-fries-small')).toBe(true);
    expect(activeOf(served, 'modifier', 'mod-extra-cheese')).toBe(true);

    const stored = (await api<Record<string, CatalogObject[]>>(t.localUrl, 'GET', '/api/catalog'))
      .body;
    expect(activeOf(stored, 'item_family', 'fam-shake')).toBe(true);
    expect(
      (t.connector.ctx.db.prepare('SELECT body FROM catalog').get() as { body: string }).body,
    ).toBe(storedBefore);

    await set86(t, { providerIds: ['fam-shake'], available: true, reason: 'delivery came' });
    expect(activeOf(await servedCatalog(t), 'item_family', 'fam-shake')).toBe(true);
    expect(activeOf(await servedCatalog(t), 'modifier', 'mod-bacon')).toBe(false);
  });

  it('restores "for N hours" and "rest of today" by timer, lists them as restored automatically, and keeps "until turned back on"', async () => {
    t = await start();
    await setupPin(t);
    const push = recordPush(t.connector.ctx.bus);
    await set86(t, { providerIds: ['mod-bacon'], available: false, hours: 2, reason: 'ran out' });
    await set86(t, { providerIds: ['fam-pizza'], available: false, restOfDay: true });
    await set86(t, { providerIds: ['fam-shake'], available: false });
    await set86(t, { providerIds: ['mod-vanilla'], available: false, until: '09:30' });

    t.clock.advance(2 * HOUR - 1);
    expect((await availability(t)).unavailable.map((u) => u.providerId)).toContain('mod-bacon');
    t.clock.advance(1);
    expect(push.of('catalog.availability.restored')).toEqual([
      {
        at: MONDAY_0700 + 2 * HOUR,
        restored: [
          {
            providerId: 'mod-bacon',
            type: 'modifier',
            name: 'Bacon',
            unavailableSince: MONDAY_0700,
            dueAt: MONDAY_0700 + 2 * HOUR,
            restoredAt: MONDAY_0700 + 2 * HOUR,
            by: 'system:timer',
          },
        ],
      },
    ]);
    t.clock.advance(30 * MIN); // 09:30 local
    // Tuesday 04:00 local is the rollover: the pizza comes back, the shake stays off.
    t.clock.advance(Date.UTC(2026, 10, 24, 9, 0) - t.clock.now());
    const state = await availability(t);
    expect(state.unavailable.map((u) => [u.providerId, u.mode, u.until])).toEqual([
      ['fam-shake', 'indefinite', null],
    ]);
    expect(state.restoredAutomatically.map((r) => r.providerId)).toEqual([
      'fam-pizza',
      'mod-vanilla',
      'mod-bacon',
    ]);
    expect((await order(t, [halfAndHalfPizza()])).status).toBe(200);

    t.clock.advance(3 * 24 * HOUR);
    expect((await availability(t)).unavailable.map((u) => u.providerId)).toEqual(['fam-shake']);
    const back = await set86(t, {
      providerIds: ['fam-shake'],
      available: true,
      reason: 'machine fixed',
    });
    expect(back.body.unavailable).toEqual([]);
    // A manager's restore is audited but is not "restored automatically".
    expect(back.body.restoredAutomatically.map((r) => r.providerId)).not.toContain('fam-shake');
    const entries = (await api<{ entries: AuditEntry[] }>(t.localUrl, 'GET', '/api/audit')).body
      .entries;
    expect(
      entries
        .filter((e) => e.action.startsWith('catalog.'))
        .map((e) => [e.action, e.target, e.actor]),
    ).toEqual([
      ['catalog.86', 'mod-bacon', 'staff:Lee'],
      ['catalog.86', 'fam-pizza', 'staff:Lee'],
      ['catalog.86', 'fam-shake', 'staff:Lee'],
      ['catalog.86', 'mod-vanilla', 'staff:Lee'],
      ['catalog.restored_automatically', 'mod-bacon', 'system:timer'],
      ['catalog.restored_automatically', 'mod-vanilla', 'system:timer'],
      ['catalog.restored_automatically', 'fam-pizza', 'system:timer'],
      ['catalog.restored', 'fam-shake', 'staff:Lee'],
    ]);
  });
});

describe('the day rollover across DST (America/New_York, rollover 04:00)', () => {
  it('spring forward: an 86 at 23:00 on Mar 7 for the rest of today comes back at 04:00 EDT, four real hours later', async () => {
    const evening = Date.UTC(2026, 2, 8, 4, 0); // Sat 2026-03-07 23:00 EST
    t = await start({ clock: new ManualClock(evening) });
    await setupPin(t);
    const res = await set86(t, { providerIds: ['fam-fries'], available: false, restOfDay: true });
    expect(res.body.unavailable[0]!.until).toBe(evening + 4 * HOUR);
    t.clock.advance(4 * HOUR - 1);
    expect((await availability(t)).unavailable).toHaveLength(1);
    t.clock.advance(1);
    expect((await availability(t)).unavailable).toHaveLength(0);
  });

  it('fall back: an 86 at 23:00 on Oct 31 for the rest of today comes back at 04:00 EST, six real hours later', async () => {
    const evening = Date.UTC(2026, 10, 1, 3, 0); // Sat 2026-10-31 23:00 EDT
    t = await start({ clock: new ManualClock(evening) });
    await setupPin(t);
    const res = await set86(t, { providerIds: ['fam-fries'], available: false, restOfDay: true });
    expect(res.body.unavailable[0]!.until).toBe(evening + 6 * HOUR);
    t.clock.advance(6 * HOUR - 1);
    expect((await availability(t)).unavailable).toHaveLength(1);
    t.clock.advance(1);
    expect((await availability(t)).unavailable).toHaveLength(0);
  });

  it('a configured rollover inside the skipped hour (02:30) fires when the clocks jump, at 03:00 EDT', async () => {
    const evening = Date.UTC(2026, 2, 8, 4, 0);
    t = await start({
      clock: new ManualClock(evening),
      config: { store: { dayRolloverTime: '02:30' } },
    });
    await setupPin(t);
    const res = await set86(t, { providerIds: ['fam-fries'], available: false, restOfDay: true });
    expect(res.body.unavailable[0]!.until).toBe(Date.UTC(2026, 2, 8, 7, 0));
    expect(res.body.nextRolloverAt).toBe(Date.UTC(2026, 2, 8, 7, 0));
    t.clock.advance(3 * HOUR - 1);
    expect((await availability(t)).unavailable).toHaveLength(1);
    t.clock.advance(1);
    expect((await availability(t)).unavailable).toHaveLength(0);
  });
});

describe('restart during an 86', () => {
  it('keeps the 86 across a restart and restores it at the stored time; one that fell due while down is restored at start', async () => {
    t = await start();
    await setupPin(t);
    await set86(t, { providerIds: ['fam-fries'], available: false, hours: 3 });
    await set86(t, { providerIds: ['mod-bacon'], available: false, hours: 1 });
    t.clock.advance(30 * MIN);
    await t.stop();

    const clock = new ManualClock(MONDAY_0700 + 2 * HOUR); // bacon fell due while we were down
    const again = await start({ dataDir: t.dataDir, clock });
    const state = await availability(again);
    expect(state.unavailable.map((u) => u.providerId)).toEqual(['fam-fries']);
    expect(state.restoredAutomatically.map((r) => [r.providerId, r.dueAt, r.restoredAt])).toEqual([
      ['mod-bacon', MONDAY_0700 + HOUR, MONDAY_0700 + 2 * HOUR],
    ]);
    expect((await order(again, [largeFries()])).body).toEqual(
      outOfStock(['item', 'fam-fries|item-fries-large']),
    );
    expect(activeOf(await servedCatalog(again), 'item_family', 'fam-fries')).toBe(false);

    clock.advance(HOUR - 1);
    expect((await availability(again)).unavailable).toHaveLength(1);
    clock.advance(1);
    expect((await availability(again)).unavailable).toHaveLength(0);
    expect(activeOf(await servedCatalog(again), 'item_family', 'fam-fries')).toBe(true);
    expect((await order(again, [largeFries()])).status).toBe(200);
  });
});

describe('86 and in-store orders', () => {
  it('refuses an 86’d family, size or modifier on a counter order, and takes it again once restored', async () => {
    t = await start();
    await setupPin(t);
    const counterOrder = (items: unknown[]) =>
      api<{ error?: { code: string; field: string } }>(t.localUrl, 'POST', '/api/in-store-orders', {
        body: { fulfillmentType: 'pickup', clientKey: `k-${Math.random()}`, items },
        actor: 'Lee',
      });
    const fries = { catalogId: 'fam-fries|item-fries-large', quantity: 1 };
    const burger = {
      catalogId: 'fam-cheeseburger',
      quantity: 1,
      modifiers: [{ catalogId: 'mod-bacon' }],
    };
    await set86(t, { providerIds: ['fam-fries', 'mod-bacon'], available: false });
    for (const [items, field] of [
      [[fries], 'body.items.0.catalogId'],
      [[burger], 'body.items.0.modifiers.0.catalogId'],
    ] as const) {
      const refused = await counterOrder([...items]);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'unavailable', field });
    }
    await set86(t, { providerIds: ['fam-fries', 'mod-bacon'], available: true });
    expect((await counterOrder([fries, burger])).status).toBe(200);
  });
});
