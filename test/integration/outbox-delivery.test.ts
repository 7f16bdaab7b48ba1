// The outbox worker against the fake Stream cloud over real HTTP: what every event looks like on
// the wire (endpoint, signature, Idempotency-Key), per-order order, the last-contact time in
// /api/health, staff cancels, and the client-credentials token. Time is a ManualClock.
import { afterEach, describe, expect, it } from 'vitest';
import type { TestConnector } from '../support/connector.js';
import {
  startWithFakeStream,
  type FakeStream,
  type FakeStreamOptions,
  type WithFakeStream,
} from '../support/fake-stream.js';
import { orderCanceled, orderCreated, orderUpdated } from '../support/orders.js';
import { openPushChannel } from '../support/push-client.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { api, setupPin, TEST_PIN } from '../support/manager-client.js';
import { ACTOR_HEADER, MANAGER_PIN_HEADER } from '../../shared/contract.js';
import { createLogger, type Logger } from '../../electron/core/util/log.js';
import { locationStatusUpdated } from '../../electron/core/stream/protocol/index.js';

type Answer = { order: { provider_id: string } };
type Detail = {
  status: string;
  timeline: { kind: string; actor: string; detail: string | null }[];
};
type Health = { outbox: { pending: number; dead: number; lastStreamContactAt: number | null } };

let t: TestConnector | undefined;
let fake: FakeStream | undefined;
let pair: WithFakeStream | undefined;
afterEach(async () => {
  await pair?.dispose();
  pair = t = fake = undefined;
});

async function start(
  config: Record<string, unknown> = {},
  fakeOptions: Omit<FakeStreamOptions, 'clock'> = {},
  log?: Logger,
): Promise<void> {
  pair = await startWithFakeStream({ config, fake: fakeOptions, ...(log ? { log } : {}) });
  ({ t, fake } = pair);
}

async function newOrder(conn: TestConnector): Promise<string> {
  const res = await sendToStreamListener<Answer>(conn.streamUrl, orderCreated());
  expect(res.status).toBe(200);
  return res.body.order.provider_id;
}

const drive = (done: () => boolean) => pair!.drive(done);

describe('delivery to Stream', () => {
  it('posts every event to /pos/{slug}/webhook, signed over the exact body, keyed by the event id', async () => {
    await start();
    const id = await newOrder(t!);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/accept`, { prepTimeMinutes: 20 });
    for (const status of ['preparing', 'ready', 'completed'])
      expect(
        (await local(t!.localUrl, 'POST', `/api/orders/${id}/status`, { status })).status,
      ).toBe(200);
    await drive(pair!.allDelivered(4));

    const rows = t!.connector.ctx.db
      .prepare(`SELECT id, body, state FROM outbox WHERE ordering_key = ? ORDER BY seq`)
      .all(id) as { id: string; body: string; state: string }[];
    expect(rows.map((r) => r.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(fake!.requests).toHaveLength(4);
    for (const [i, r] of fake!.requests.entries()) {
      expect(r.signatureValid).toBe(true);
      expect(r.key).toBe(rows[i]!.id); // the outbox row id, in commit order
      expect(r.body).toBe(rows[i]!.body); // byte for byte what was stored
    }
    expect(fake!.requests.map((r) => r.json)).toEqual([
      {
        type: 'order.accepted',
        object: { provider_id: id, location_id: 'store-1', prep_time_minutes: 20 },
      },
      { event: 'order.status.updated', data: { order: { provider_id: id, status: 'preparing' } } },
      {
        event: 'order.status.updated',
        data: { order: { provider_id: id, status: 'ready_for_pickup' } },
      },
      { event: 'order.status.updated', data: { order: { provider_id: id, status: 'completed' } } },
    ]);
  });

  it('records the last successful contact with Stream and shows it in /api/health', async () => {
    await start();
    const before = await local<Health>(t!.localUrl, 'GET', '/api/health');
    expect(before.body.outbox.lastStreamContactAt).toBeNull();
    const id = await newOrder(t!);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    await drive(pair!.allDelivered(1));
    const after = await local<Health>(t!.localUrl, 'GET', '/api/health');
    expect(after.body.outbox).toEqual({
      pending: 0,
      dead: 0,
      lastStreamContactAt: fake!.requests[0]!.at,
    });
  });

  it('uses the newer type/object shape for status updates when stream.eventShape says so', async () => {
    await start({ stream: { eventShape: 'type_object' } });
    const id = await newOrder(t!);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    await local(t!.localUrl, 'POST', `/api/orders/${id}/status`, { status: 'ready' });
    await drive(pair!.allDelivered(2));
    expect(fake!.requests[1]!.json).toEqual({
      type: 'order.status.updated',
      object: { provider_id: id, status: 'ready_for_pickup', location_id: 'store-1' },
    });
  });

  it('sends order.rejected with the posValidation of a staff reject', async () => {
    await start();
    const id = await newOrder(t!);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/reject`, { code: 'store_busy' });
    await drive(pair!.allDelivered(1));
    expect(fake!.requests[0]!.json).toEqual({
      type: 'order.rejected',
      object: {
        provider_id: id,
        location_id: 'store-1',
        posValidation: {
          orderValidation: [
            { order_error: 'store_unavailable', order_error_reason: 'Store is too busy' },
          ],
        },
      },
    });
  });
});

describe('store status', () => {
  it('delivers location.status.updated like every other event (the pause controls write it)', async () => {
    await start();
    const { ctx } = t!.connector;
    const until = t!.clock.now() + 30 * 60_000;
    ctx.db.transaction(() =>
      ctx.outbox.enqueue({
        id: ctx.ids('evt'),
        lane: 'stream',
        orderingKey: 'location:store-1',
        event: locationStatusUpdated('store-1', false, until),
        now: ctx.clock.now(),
      }),
    )();
    await drive(pair!.allDelivered(1));
    expect(fake!.requests[0]!.signatureValid).toBe(true);
    expect(fake!.requests[0]!.json).toEqual({
      type: 'location.status.updated',
      object: { location_id: 'store-1', status: 'inactive', paused_until: until },
    });
  });
});

describe('cancels', () => {
  it('a staff cancel of an accepted order sends order.canceled with the reason, alerts every terminal and shows in the timeline', async () => {
    await start();
    const id = await newOrder(t!);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    await setupPin(t!); // canceling an accepted order needs the manager PIN
    const push = await openPushChannel(t!.localUrl, TEST_LOCAL_TOKEN);
    try {
      const res = await fetch(`${t!.localUrl}/api/orders/${id}/cancel`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_LOCAL_TOKEN}`,
          'content-type': 'application/json',
          [ACTOR_HEADER]: 'Sam',
          [MANAGER_PIN_HEADER]: TEST_PIN,
        },
        body: JSON.stringify({ reason: 'Customer called to cancel' }),
      });
      expect(res.status).toBe(200);
      expect(await push.next('order.canceled')).toMatchObject({
        id,
        status: 'canceled',
        canceledBy: 'staff:Sam',
      });
    } finally {
      push.close();
    }
    await drive(pair!.allDelivered(2));
    expect(fake!.requests.map((r) => r.json)).toEqual([
      expect.objectContaining({ type: 'order.accepted' }),
      {
        event: 'order.canceled',
        data: { order: { provider_id: id, reason: 'Customer called to cancel' } },
      },
    ]);
    const detail = await local<Detail>(t!.localUrl, 'GET', `/api/orders/${id}`);
    expect(detail.body.timeline.at(-1)).toMatchObject({
      kind: 'canceled',
      actor: 'staff:Sam',
      detail: 'Customer called to cancel',
    });
  });

  it('refuses to cancel a pending order (reject it instead), and a second cancel changes nothing', async () => {
    await start();
    await setupPin(t!); // canceling an accepted order needs the manager PIN
    const id = await newOrder(t!);
    const cancel = <T>(reason: string) =>
      api<T>(t!.localUrl, 'POST', `/api/orders/${id}/cancel`, { body: { reason }, pin: TEST_PIN });
    const pending = await cancel<{ error: { code: string } }>('x');
    expect(pending.status).toBe(409);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    const noReason = await cancel<{ error: { field: string } }>('  ');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('body.reason');
    expect((await cancel('Out of stock')).status).toBe(200);
    expect((await cancel('Out of stock')).status).toBe(200);
    const kinds = t!.connector.ctx.db
      .prepare(`SELECT kind FROM outbox WHERE ordering_key = ? ORDER BY seq`)
      .all(id);
    expect(kinds).toEqual([{ kind: 'order.accepted' }, { kind: 'order.canceled' }]);
  });

  it("Stream's order.updated and order.canceled update the order, raise the cancel alert and both show in the timeline", async () => {
    await start();
    const id = await newOrder(t!);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    const push = await openPushChannel(t!.localUrl, TEST_LOCAL_TOKEN);
    try {
      const updated = await sendToStreamListener(
        t!.streamUrl,
        orderUpdated(id, {
          delivery_status: 'arrived_at_pickup',
          driver_details: { name: 'Dee', source: 'uber' },
        }),
      );
      expect(updated.status).toBe(200);
      expect((await sendToStreamListener(t!.streamUrl, orderCanceled(id))).status).toBe(200);
      expect(await push.next('order.canceled')).toMatchObject({ id, canceledBy: 'stream' });
    } finally {
      push.close();
    }
    const detail = await local<Detail & { deliveryStatus: string; driver: { name: string } }>(
      t!.localUrl,
      'GET',
      `/api/orders/${id}`,
    );
    expect(detail.body.status).toBe('canceled');
    expect(detail.body.deliveryStatus).toBe('arrived_at_pickup');
    expect(detail.body.driver.name).toBe('Dee');
    expect(detail.body.timeline.map((e) => [e.kind, e.actor])).toEqual([
      ['received', 'stream'],
      ['accepted', 'staff'],
      ['stream.updated', 'stream'],
      ['canceled', 'stream'],
    ]);
    // Stream told us: nothing about the cancel goes back to Stream.
    const kinds = t!.connector.ctx.db
      .prepare(`SELECT kind FROM outbox WHERE ordering_key = ?`)
      .all(id);
    expect(kinds).toEqual([{ kind: 'order.accepted' }]);
  });
});

describe('client-credentials token', () => {
  const oauth = {
    clientId: 'connector-test',
    clientSecret: 'client-secret-0123456789',
    expiresInSeconds: 600,
  };

  it('obtains a token once, sends it as a bearer token, and fetches a new one after it expires', async () => {
    await start(
      { stream: { clientId: oauth.clientId, clientSecret: oauth.clientSecret } },
      { oauth },
    );
    const id = await newOrder(t!);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    await local(t!.localUrl, 'POST', `/api/orders/${id}/status`, { status: 'preparing' });
    await drive(pair!.allDelivered(2));
    expect(fake!.tokenRequests).toEqual([{ at: expect.any(Number) as number, ok: true }]);
    expect(
      fake!.requests.every(
        (r) => r.outcome === 'processed' && /^Bearer tok_1_/.test(r.authorization ?? ''),
      ),
    ).toBe(true);

    t!.clock.advance(600_000); // the token has expired
    await local(t!.localUrl, 'POST', `/api/orders/${id}/status`, { status: 'ready' });
    await drive(pair!.allDelivered(3));
    expect(fake!.tokenRequests.map((r) => r.ok)).toEqual([true, true]);
    expect(fake!.requests.at(-1)!.authorization).toMatch(/^Bearer tok_2_/);
  });

  it('fetches a new token when Stream answers 401 to the cached one, and delivers with it', async () => {
    await start(
      { stream: { clientId: oauth.clientId, clientSecret: oauth.clientSecret } },
      { oauth },
    );
    const id = await newOrder(t!);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    await drive(pair!.allDelivered(1));
    fake!.revokeTokens();
    await local(t!.localUrl, 'POST', `/api/orders/${id}/status`, { status: 'preparing' });
    await drive(pair!.allDelivered(2));
    expect(fake!.requests.map((r) => r.status)).toEqual([200, 401, 200]);
    expect(fake!.tokenRequests.map((r) => r.ok)).toEqual([true, true]);
    expect(fake!.requests[2]!.authorization).toMatch(/^Bearer tok_2_/);
  });

  it('keeps events waiting while the token endpoint refuses the client, and never logs the secret', async () => {
    const lines: string[] = [];
    const wrong = 'a-wrong-secret-0123456789';
    await start(
      { stream: { clientId: oauth.clientId, clientSecret: wrong } },
      { oauth },
      createLogger({ secrets: [], sink: (line) => lines.push(line), level: 'debug' }),
    );
    const id = await newOrder(t!);
    await local(t!.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    await drive(() => fake!.tokenRequests.length >= 3);
    expect(fake!.requests).toHaveLength(0);
    const [row] = (
      await local<{ events: { state: string; lastError: string }[] }>(
        t!.localUrl,
        'GET',
        '/api/outbox',
      )
    ).body.events;
    expect(row!.state).toBe('pending');
    expect(row!.lastError).toContain('token endpoint answered HTTP 401');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(wrong);
  });
});
