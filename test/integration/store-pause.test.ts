// Pause and resume over real HTTP with a real SQLite file and a manual clock: the PIN, every way of
// saying how long, Stream's `location.status.updated` in the outbox, the exact 400 an order gets
// while paused, the auto-resume timer, and a restart in the middle of a timed pause.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../shared/store.js';
import type { AuditEntry } from '../../shared/manager.js';
import { ManualClock } from '../../electron/core/util/clock.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { api, recordPush, setupPin, TEST_PIN } from '../support/manager-client.js';
import { orderCreated } from '../support/orders.js';
import { sendToStreamListener } from '../support/stream-client.js';

const MIN = 60_000;
// The harness clock starts at 2026-11-23 12:00 UTC: Monday 07:00 in the store's America/New_York.
const START = Date.UTC(2026, 10, 23, 12, 0, 0);

let t: TestConnector;

beforeEach(async () => {
  t = await startTestConnector();
  await setupPin(t);
});
afterEach(async () => {
  await t.dispose();
});

const store = async (): Promise<StoreStatus> =>
  (await api<StoreStatus>(t.localUrl, 'GET', '/api/store')).body;
/** `pin: null` sends no PIN at all. */
const pause = (body: unknown, pin: string | null = TEST_PIN) =>
  api<StoreStatus>(t.localUrl, 'POST', '/api/store/pause', {
    body,
    pin: pin ?? undefined,
    actor: 'Maria',
  });
const resume = (pin: string | null = TEST_PIN) =>
  api<StoreStatus>(t.localUrl, 'POST', '/api/store/resume', {
    body: { reason: 'rush is over' },
    pin: pin ?? undefined,
    actor: 'Maria',
  });

/** Every `location.status.updated` written for Stream, oldest first, as sent on the wire. */
function locationEvents(tc = t): unknown[] {
  const rows = tc.connector.ctx.db
    .prepare(
      `SELECT body, ordering_key FROM outbox WHERE kind = 'location.status.updated' ORDER BY seq`,
    )
    .all() as { body: string; ordering_key: string }[];
  for (const r of rows) expect(r.ordering_key).toBe('location');
  return rows.map((r) => JSON.parse(r.body) as unknown);
}

const inactive = (pausedUntil?: number) => ({
  type: 'location.status.updated',
  object: {
    location_id: 'store-1',
    status: 'inactive',
    ...(pausedUntil !== undefined ? { paused_until: pausedUntil } : {}),
  },
});
const active = {
  type: 'location.status.updated',
  object: { location_id: 'store-1', status: 'active' },
};

async function audit(tc = t): Promise<AuditEntry[]> {
  return (await api<{ entries: AuditEntry[] }>(tc.localUrl, 'GET', '/api/audit')).body.entries;
}

describe('pause needs the manager PIN', () => {
  it('answers 403 without the PIN or with a wrong one, and changes nothing', async () => {
    const none = await pause({ minutes: 30 }, null);
    expect(none.status).toBe(403);
    expect(none.body).toMatchObject({ error: { code: 'manager_pin_required' } });
    const wrong = await pause({ minutes: 30 }, '00000000');
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: 'manager_pin_wrong' } });
    expect((await store()).state).toBe('open');
    expect(locationEvents()).toEqual([]);
    const res = await resume(null);
    expect(res.status).toBe(403);
  });
});

describe('a timed pause', () => {
  it('tells Stream, refuses orders with the local reopening time, and resumes by itself at the stored time', async () => {
    const push = recordPush(t.connector.ctx.bus);
    const res = await pause({ minutes: 30, reason: 'Fryer down' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      acceptingOrders: false,
      state: 'paused',
      reopensAt: START + 30 * MIN,
      unavailableReason: 'Paused until 07:30',
      pause: { since: START, until: START + 30 * MIN, reason: 'Fryer down', by: 'staff:Maria' },
      stream: { status: 'inactive', pausedUntil: START + 30 * MIN },
    });
    expect(locationEvents()).toEqual([inactive(START + 30 * MIN)]);
    expect(push.of('store.updated').at(-1)).toMatchObject({ state: 'paused' });

    const refused = await sendToStreamListener(t.streamUrl, orderCreated());
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      posValidation: {
        orderValidation: [
          { order_error: 'store_unavailable', order_error_reason: 'Paused until 07:30' },
        ],
      },
    });

    t.clock.advance(30 * MIN - 1);
    expect((await store()).state).toBe('paused');
    expect(locationEvents()).toHaveLength(1);

    t.clock.advance(1);
    const after = await store();
    expect(after).toMatchObject({
      state: 'open',
      acceptingOrders: true,
      pause: null,
      unavailableReason: null,
    });
    expect(locationEvents()).toEqual([inactive(START + 30 * MIN), active]);
    expect(push.of('store.updated').at(-1)).toMatchObject({ state: 'open' });
    const resumed = (await audit()).find((e) => e.action === 'store.auto_resumed');
    expect(resumed).toMatchObject({
      actor: 'system:timer',
      reason: 'Fryer down',
      at: START + 30 * MIN,
    });

    const taken = await sendToStreamListener(t.streamUrl, orderCreated());
    expect(taken.status).toBe(200);
  });

  it('pauses until a local time, for the rest of the business day, or until resumed', async () => {
    const untilTime = await pause({ until: '17:30' });
    expect(untilTime.body).toMatchObject({
      reopensAt: Date.UTC(2026, 10, 23, 22, 30),
      unavailableReason: 'Paused until 17:30',
    });

    // The rest of today ends at the 04:00 rollover (store.dayRolloverTime default), tomorrow local.
    const restOfDay = await pause({ restOfDay: true });
    expect(restOfDay.body).toMatchObject({
      reopensAt: Date.UTC(2026, 10, 24, 9, 0),
      unavailableReason: 'Paused until Tue 04:00',
    });

    const indefinite = await pause({ reason: 'Staff meeting' });
    expect(indefinite.body).toMatchObject({
      state: 'paused',
      reopensAt: null,
      unavailableReason: 'Paused until further notice',
    });
    expect(locationEvents()).toEqual([
      inactive(Date.UTC(2026, 10, 23, 22, 30)),
      inactive(Date.UTC(2026, 10, 24, 9, 0)),
      inactive(),
    ]);
    t.clock.advance(7 * 24 * 60 * MIN);
    expect((await store()).state).toBe('paused');

    const res = await resume();
    expect(res.body).toMatchObject({ state: 'open', pause: null });
    expect(locationEvents().at(-1)).toEqual(active);
    // Resuming an open store changes nothing and sends nothing.
    await resume();
    expect(locationEvents()).toHaveLength(4);
    const actions = (await audit())
      .filter((e) => e.action.startsWith('store.'))
      .map((e) => [e.action, e.actor, e.managerPin]);
    expect(actions).toEqual([
      ['store.paused', 'staff:Maria', true],
      ['store.paused', 'staff:Maria', true],
      ['store.paused', 'staff:Maria', true],
      ['store.resumed', 'staff:Maria', true],
    ]);
  });

  it('refuses two durations at once, a time in the past and a malformed time, naming the field', async () => {
    const both = await pause({ minutes: 30, until: '17:30' });
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ error: { field: 'body.until' } });
    const past = await pause({ until: START - 1 });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({
      error: { field: 'body.until', message: 'body.until: must be in the future' },
    });
    const malformed = await pause({ until: '25:00' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { field: 'body.until' } });
    const unknown = await pause({ minutes: 30, forever: true });
    expect(unknown.status).toBe(400);
    expect((await store()).state).toBe('open');
  });
});

describe('restart during a timed pause', () => {
  it('is still paused after a restart and resumes at the stored time', async () => {
    await pause({ minutes: 30 });
    t.clock.advance(10 * MIN);
    await t.stop();

    const clock = new ManualClock(t.clock.now());
    const again = await startTestConnector({ dataDir: t.dataDir, clock });
    try {
      const status = (await api<StoreStatus>(again.localUrl, 'GET', '/api/store')).body;
      expect(status).toMatchObject({
        state: 'paused',
        reopensAt: START + 30 * MIN,
        unavailableReason: 'Paused until 07:30',
      });
      const refused = await sendToStreamListener(again.streamUrl, orderCreated());
      expect(refused.status).toBe(400);
      expect(locationEvents(again)).toHaveLength(1);

      clock.advance(20 * MIN - 1);
      expect(locationEvents(again)).toHaveLength(1);
      clock.advance(1);
      expect((await api<StoreStatus>(again.localUrl, 'GET', '/api/store')).body.state).toBe('open');
      expect(locationEvents(again)).toEqual([inactive(START + 30 * MIN), active]);
    } finally {
      await again.stop();
    }
  });

  it('resumes at start, and tells Stream once, when the pause ended while the connector was down', async () => {
    await pause({ minutes: 30 });
    await t.stop();
    const again = await startTestConnector({
      dataDir: t.dataDir,
      clock: new ManualClock(START + 2 * 60 * MIN),
    });
    try {
      expect((await api<StoreStatus>(again.localUrl, 'GET', '/api/store')).body.state).toBe('open');
      expect(locationEvents(again)).toEqual([inactive(START + 30 * MIN), active]);
      const resumed = (await audit(again)).filter((e) => e.action === 'store.auto_resumed');
      expect(resumed).toHaveLength(1);
      expect(resumed[0]!.at).toBe(START + 2 * 60 * MIN);
    } finally {
      await again.stop();
    }
  });
});
