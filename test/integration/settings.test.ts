// Settings changed at the counter: manager PIN required, applied to the next order, kept across
// a restart, and audited with old → new.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { api, TEST_PIN } from '../support/manager-client.js';
import { orderCreated } from '../support/orders.js';
import { sendToStreamListener } from '../support/stream-client.js';

type View = {
  acceptanceMode: string;
  staffWindowSeconds: number;
  prepTimeMinutes: number;
  changedAtCounter: string[];
};
let t: TestConnector | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

describe('settings at the counter', () => {
  it('need the manager PIN, apply to the next order, survive a restart, and are audited', async () => {
    t = await startTestConnector({ config: { manager: { initialPin: TEST_PIN } } });
    expect((await api<View>(t.localUrl, 'GET', '/api/settings')).body).toMatchObject({
      acceptanceMode: 'manual',
      changedAtCounter: [],
    });
    const noPin = await api(t.localUrl, 'PUT', '/api/settings', {
      body: { acceptanceMode: 'auto' },
    });
    expect(noPin.status).toBe(403);
    const wrong = await api(t.localUrl, 'PUT', '/api/settings', {
      body: { acceptanceMode: 'auto' },
      pin: '00000000',
    });
    expect(wrong.status).toBe(403);
    const bad = await api<{ error: { field: string } }>(t.localUrl, 'PUT', '/api/settings', {
      body: { prepTimeMinutes: 0 },
      pin: TEST_PIN,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.prepTimeMinutes');

    const ok = await api<View>(t.localUrl, 'PUT', '/api/settings', {
      body: { acceptanceMode: 'auto', prepTimeMinutes: 25 },
      pin: TEST_PIN,
      actor: 'Maria',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      acceptanceMode: 'auto',
      prepTimeMinutes: 25,
      changedAtCounter: ['acceptanceMode', 'prepTimeMinutes'],
    });
    const order = await sendToStreamListener<{
      order: { async_acceptance?: boolean; prep_time_minutes: number };
    }>(t.streamUrl, orderCreated());
    expect(order.body.order.async_acceptance).toBeUndefined();
    expect(order.body.order.prep_time_minutes).toBe(25);

    const audit = await api<{
      entries: { action: string; actor: string; target: string; detail: string }[];
    }>(t.localUrl, 'GET', '/api/audit');
    const changes = audit.body.entries.filter((e) => e.action === 'settings.changed');
    expect(changes.map((e) => [e.actor, e.target, e.detail]).sort()).toEqual([
      ['staff:Maria', 'acceptanceMode', 'manual → auto'],
      ['staff:Maria', 'prepTimeMinutes', '15 → 25'],
    ]);

    const { dataDir, clock } = t;
    await t.stop();
    t = await startTestConnector({ dataDir, clock, config: { manager: { initialPin: TEST_PIN } } });
    expect((await api<View>(t.localUrl, 'GET', '/api/settings')).body).toMatchObject({
      acceptanceMode: 'auto',
      prepTimeMinutes: 25,
    });
    const after = await sendToStreamListener<{ order: { async_acceptance?: boolean } }>(
      t.streamUrl,
      orderCreated(),
    );
    expect(after.body.order.async_acceptance).toBeUndefined();
  });
});
