// Opening hours and closed days from config, in the store's zone (America/New_York): orders outside
// hours get "Closed until …", Stream is told at each opening and closing, a pre-order for a time
// when the store is open is taken, and a pause ending after closing time reopens at the next opening.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../shared/store.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { api, setupPin, TEST_PIN } from '../support/manager-client.js';
import { orderCreated } from '../support/orders.js';
import { sendToStreamListener } from '../support/stream-client.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Monday 2026-11-23 07:00 EST. Weekdays 11:00–22:00, Saturday and Sunday closed, and closed on
// Thanksgiving (Thursday 2026-11-26).
const START = Date.UTC(2026, 10, 23, 12, 0, 0);
const weekday = ['11:00-22:00'];

let t: TestConnector;
beforeEach(async () => {
  t = await startTestConnector({
    config: {
      store: {
        openingHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
        closedDays: ['2026-11-26'],
      },
    },
  });
  await setupPin(t);
});
afterEach(async () => {
  await t.dispose();
});

const store = async (): Promise<StoreStatus> =>
  (await api<StoreStatus>(t.localUrl, 'GET', '/api/store')).body;
const events = (): { status: string; paused_until?: number }[] =>
  (
    t.connector.ctx.db
      .prepare(`SELECT body FROM outbox WHERE kind = 'location.status.updated' ORDER BY seq`)
      .all() as { body: string }[]
  ).map(
    (r) => (JSON.parse(r.body) as { object: { status: string; paused_until?: number } }).object,
  );
const closedAnswer = (reason: string) => ({
  posValidation: {
    orderValidation: [{ order_error: 'store_unavailable', order_error_reason: reason }],
  },
});

describe('opening hours', () => {
  it('is closed before opening: Stream is told at start, and orders get "Closed until 11:00"', async () => {
    expect(await store()).toMatchObject({
      state: 'closed',
      acceptingOrders: false,
      reopensAt: START + 4 * HOUR,
      unavailableReason: 'Closed until 11:00',
      schedule: {
        timeZone: 'America/New_York',
        configured: true,
        openNow: false,
        nextChangeAt: START + 4 * HOUR,
      },
    });
    expect(events()).toEqual([
      { location_id: 'store-1', status: 'inactive', paused_until: START + 4 * HOUR },
    ]);
    const res = await sendToStreamListener(t.streamUrl, orderCreated());
    expect(res.status).toBe(400);
    expect(res.body).toEqual(closedAnswer('Closed until 11:00'));
  });

  it('opens and closes on time, telling Stream each time, and skips the closed day', async () => {
    t.clock.advance(4 * HOUR - 1);
    expect(events()).toHaveLength(1);
    t.clock.advance(1); // 11:00
    expect(events().at(-1)).toEqual({ location_id: 'store-1', status: 'active' });
    expect((await sendToStreamListener(t.streamUrl, orderCreated())).status).toBe(200);

    t.clock.advance(11 * HOUR); // 22:00 Monday: closed until Tuesday 11:00
    expect(events().at(-1)).toEqual({
      location_id: 'store-1',
      status: 'inactive',
      paused_until: Date.UTC(2026, 10, 24, 16),
    });
    const res = await sendToStreamListener(t.streamUrl, orderCreated());
    expect(res.body).toEqual(closedAnswer('Closed until Tue 11:00'));

    // Wednesday 22:00: Thursday is Thanksgiving, so closed until Friday 11:00.
    t.clock.advance(48 * HOUR);
    expect(await store()).toMatchObject({
      state: 'closed',
      reopensAt: Date.UTC(2026, 10, 27, 16),
      unavailableReason: 'Closed until Fri 11:00',
    });
    // One event per change, never a repeat of the same status.
    expect(events().map((e) => e.status)).toEqual([
      'inactive',
      'active',
      'inactive',
      'active',
      'inactive',
      'active',
      'inactive',
    ]);
  });

  it('takes a pre-order for a time when the store will be open, and refuses one for a closed time', async () => {
    const lunch = orderCreated();
    Object.assign(lunch.object as object, {
      is_future_order: true,
      requested_for: new Date(START + 5 * HOUR).toISOString(),
    });
    expect((await sendToStreamListener(t.streamUrl, lunch)).status).toBe(200);
    const sunday = orderCreated();
    Object.assign(sunday.object as object, {
      is_future_order: true,
      requested_for: new Date(Date.UTC(2026, 10, 29, 17)).toISOString(),
    });
    const res = await sendToStreamListener(t.streamUrl, sunday);
    expect(res.status).toBe(400);
    // The reopening after the requested time, as read from today (a week out: the date).
    expect(res.body).toEqual(closedAnswer('Closed until 2026-11-30 11:00'));
  });

  it('a pause that ends after closing reopens at the next opening, and Stream hears that time', async () => {
    t.clock.advance(10 * HOUR); // 17:00, open
    const res = await api<StoreStatus>(t.localUrl, 'POST', '/api/store/pause', {
      body: { until: '23:00' },
      pin: TEST_PIN,
    });
    expect(res.body).toMatchObject({
      state: 'paused',
      reopensAt: Date.UTC(2026, 10, 24, 16),
      unavailableReason: 'Paused until Tue 11:00',
    });
    expect(events().at(-1)).toEqual({
      location_id: 'store-1',
      status: 'inactive',
      paused_until: Date.UTC(2026, 10, 24, 16),
    });
    const before = events().length;
    t.clock.advance(6 * HOUR); // 23:00: the pause ends, but the store stays closed: nothing new for Stream
    expect(await store()).toMatchObject({ state: 'closed', pause: null });
    expect(events()).toHaveLength(before);
    t.clock.advance(12 * HOUR); // Tuesday 11:00
    expect(events().at(-1)).toEqual({ location_id: 'store-1', status: 'active' });
  });
});
