// Busy mode: extra prep minutes on every order Stream is given, until switched off or a time
// passes; what staff accept without a prep time of their own; and its audit trail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../shared/store.js';
import type { AuditEntry } from '../../shared/manager.js';
import { ManualClock } from '../../electron/core/util/clock.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { api, recordPush } from '../support/manager-client.js';
import { orderCreated } from '../support/orders.js';
import { sendToStreamListener } from '../support/stream-client.js';

const MIN = 60_000;
type Answer = { order: { provider_id: string; prep_time_minutes: number } };

let t: TestConnector;
beforeEach(async () => {
  t = await startTestConnector();
});
afterEach(async () => {
  await t.dispose();
});

const busy = (body: unknown) =>
  api<StoreStatus>(t.localUrl, 'POST', '/api/store/busy', { body, actor: 'Sam' });
const prepGiven = async (tc = t): Promise<number> =>
  (await sendToStreamListener<Answer>(tc.streamUrl, orderCreated())).body.order.prep_time_minutes;

describe('busy mode', () => {
  it('adds its minutes to every order until its time passes, then stops by itself', async () => {
    const push = recordPush(t.connector.ctx.bus);
    const res = await busy({ extraMinutes: 10, minutes: 45, reason: 'Lunch rush' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      prepTimeMinutes: 25,
      busy: {
        extraMinutes: 10,
        until: t.clock.now() + 45 * MIN,
        reason: 'Lunch rush',
        by: 'staff:Sam',
      },
    });
    expect(await prepGiven()).toBe(25);

    t.clock.advance(45 * MIN - 1);
    expect(await prepGiven()).toBe(25);
    t.clock.advance(1);
    expect(await prepGiven()).toBe(15);
    expect(push.of('store.updated').at(-1)).toMatchObject({ busy: null, prepTimeMinutes: 15 });
    const entries = (await api<{ entries: AuditEntry[] }>(t.localUrl, 'GET', '/api/audit')).body
      .entries;
    expect(
      entries.filter((e) => e.action.startsWith('store.busy')).map((e) => [e.action, e.actor]),
    ).toEqual([
      ['store.busy_on', 'staff:Sam'],
      ['store.busy_ended', 'system:timer'],
    ]);
  });

  it('lasts until switched off, and survives a restart', async () => {
    await busy({ extraMinutes: 20 });
    t.clock.advance(24 * 60 * MIN);
    expect(await prepGiven()).toBe(35);
    await t.stop();
    const again = await startTestConnector({
      dataDir: t.dataDir,
      clock: new ManualClock(t.clock.now()),
    });
    try {
      expect(await prepGiven(again)).toBe(35);
      const off = await api<StoreStatus>(again.localUrl, 'POST', '/api/store/busy', {
        body: { extraMinutes: 0 },
      });
      expect(off.body).toMatchObject({ busy: null, prepTimeMinutes: 15 });
      expect(await prepGiven(again)).toBe(15);
    } finally {
      await again.stop();
    }
  });

  it('gives staff accepting without a prep time the busy prep time, and keeps one they chose', async () => {
    const first = await sendToStreamListener<Answer>(t.streamUrl, orderCreated());
    const second = await sendToStreamListener<Answer>(t.streamUrl, orderCreated());
    await busy({ extraMinutes: 5, until: '09:00' });
    const accepted = await api<{ prepTimeMinutes: number }>(
      t.localUrl,
      'POST',
      `/api/orders/${first.body.order.provider_id}/accept`,
      { body: {} },
    );
    expect(accepted.body.prepTimeMinutes).toBe(20);
    const chosen = await api<{ prepTimeMinutes: number }>(
      t.localUrl,
      'POST',
      `/api/orders/${second.body.order.provider_id}/accept`,
      {
        body: { prepTimeMinutes: 12 },
      },
    );
    expect(chosen.body.prepTimeMinutes).toBe(12);
    const sent = (
      t.connector.ctx.db
        .prepare(`SELECT body FROM outbox WHERE kind = 'order.accepted' ORDER BY seq`)
        .all() as { body: string }[]
    ).map(
      (r) =>
        (JSON.parse(r.body) as { object: { prep_time_minutes: number } }).object.prep_time_minutes,
    );
    expect(sent).toEqual([20, 12]);
  });

  it('refuses a duration when switching off, and more than 120 extra minutes', async () => {
    const off = await busy({ extraMinutes: 0, minutes: 30 });
    expect(off.status).toBe(400);
    expect(off.body).toMatchObject({ error: { field: 'body.minutes' } });
    const tooMuch = await busy({ extraMinutes: 121 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body).toMatchObject({ error: { field: 'body.extraMinutes' } });
  });
});
