// The chain gateway in front of real connectors over a real nats-server: each Stream request is
// routed by location to that store's connector, answered by its own Stream listener code, and a
// store that is gone is answered for at once (pos_offline / 503) with its last catalog kept.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/gateway.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { relayConfig, startTestGateway } from '../support/gateway.js';
import { startNats, type NatsNode } from '../support/nats.js';
import { orderCanceled, orderCreated, orderUpdated } from '../support/orders.js';
import { sendToStreamListener, sign } from '../support/stream-client.js';
import { TEST_INBOUND_TOKEN } from '../support/secrets.js';

const catalogFile = fileURLToPath(new URL('../../config/dev-catalog.json', import.meta.url));

let nats: NatsNode;
let gateway: RunningGateway;
let store1: TestConnector;
let store2: TestConnector;

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(gateway.url + path, {
    headers: { authorization: `Bearer ${TEST_INBOUND_TOKEN}`, ...headers },
  });

beforeAll(async () => {
  nats = await startNats({ stores: ['store-1', 'store-2'] });
  gateway = await startTestGateway(nats.url, { answerTimeoutMs: 10_000 });
  store1 = await startTestConnector({
    config: { ...relayConfig(nats.url, 'store-1'), catalog: { file: catalogFile } },
  });
  store2 = await startTestConnector({ config: relayConfig(nats.url, 'store-2') });
  await until(
    'both stores registered',
    () => gateway.fleet.all().filter((s) => s.online).length === 2,
  );
});

afterAll(async () => {
  await store1?.dispose();
  await store2?.dispose();
  await gateway?.stop();
  await nats?.stop();
});

describe('gateway routing by location', () => {
  it('routes order.created to the store named by location_id, and a retry to its dedupe', async () => {
    const order = orderCreated({ locationId: 'store-2' });
    const text = JSON.stringify(order);
    const first = await sendToStreamListener<{ order: { provider_id: string } }>(gateway.url, text);
    expect(first.status).toBe(200);
    const id = first.body.order.provider_id;
    expect(store2.connector.ctx.orders.get(id)).toBeTruthy();
    expect(store1.connector.ctx.orders.get(id)).toBeFalsy();
    const again = await sendToStreamListener<{ order: { provider_id: string } }>(gateway.url, text);
    expect(again.status).toBe(200);
    expect(again.body.order.provider_id).toBe(id);

    const update = orderUpdated(id, { status: 'in_progress' });
    (update.object as Record<string, unknown>).location_id = 'store-2';
    expect((await sendToStreamListener(gateway.url, update)).status).toBe(200);
    const cancel = orderCanceled(id);
    (cancel.object as Record<string, unknown>).location_id = 'store-2';
    expect((await sendToStreamListener(gateway.url, cancel)).status).toBe(200);
    expect(store2.connector.ctx.orders.get(id)!.status).toBe('canceled');
  });

  it('relays the store’s own refusal verbatim (same validation as a direct call)', async () => {
    const order = orderCreated({ locationId: 'store-1', lineItems: [] });
    const direct = await sendToStreamListener(store1.streamUrl, order);
    const relayed = await sendToStreamListener(gateway.url, {
      ...order,
      object: { ...(order.object as object), idempotency_key: 'other-key' },
    });
    expect(relayed.status).toBe(400);
    expect(relayed.body).toEqual(direct.body);
  });

  it('authenticates at the gateway with the connector’s Stream-auth code', async () => {
    const order = JSON.stringify(orderCreated({ locationId: 'store-1' }));
    expect(
      (await sendToStreamListener(gateway.url, order, { signature: sign(order, 'x'.repeat(32)) }))
        .status,
    ).toBe(401);
    expect((await sendToStreamListener(gateway.url, order, { authorization: null })).status).toBe(
      401,
    );
    expect((await fetch(gateway.url + '/stream/locations')).status).toBe(401);
    expect((await fetch(gateway.url + '/healthz')).status).toBe(200);
  });

  it('lists the calling merchant’s stores and serves each store’s catalog', async () => {
    const all = (await (await get('/stream/locations')).json()) as { provider_id: string }[];
    expect(all.map((l) => l.provider_id).sort()).toEqual(['store-1', 'store-2']);
    const other = await get('/stream/locations', { 'x-provider-merchant-id': 'someone-else' });
    expect(await other.json()).toEqual([]);
    const catalog = await get('/stream/catalog', { 'x-provider-location-id': 'store-1' });
    expect(catalog.status).toBe(200);
    expect(((await catalog.json()) as { category: unknown[] }).category.length).toBeGreaterThan(0);
    const none = await get('/stream/catalog', { 'x-provider-location-id': 'store-2' });
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
      'catalog_not_loaded',
    );
  });

  it('refuses an unknown location as location_not_found', async () => {
    const res = await sendToStreamListener<{
      posValidation: { orderValidation: { order_error: string }[] };
    }>(gateway.url, orderCreated({ locationId: 'nowhere' }));
    expect(res.status).toBe(400);
    expect(res.body.posValidation.orderValidation[0]!.order_error).toBe('location_not_found');
  });
});

describe('a store whose NATS connection is moving', () => {
  it('is asked again within reconnectGraceMs instead of being refused pos_offline', async () => {
    const relay = store2.connector.relay!;
    await relay.stop(); // no subscription now, but its heartbeat is fresh: listed online
    expect(gateway.fleet.get('store-2')?.online).toBe(true);
    const back = new Promise<void>((resolve) =>
      setTimeout(() => void relay.start().then(resolve), 300),
    );
    const res = await sendToStreamListener<{ order: { provider_id: string } }>(
      gateway.url,
      orderCreated({ locationId: 'store-2' }),
    );
    await back;
    expect(res.status).toBe(200);
    expect(store2.connector.ctx.orders.get(res.body.order.provider_id)).toBeTruthy();
    expect(gateway.fleet.get('store-2')?.online).toBe(true);
  });
});

describe('a store that is gone', () => {
  it('is answered for at once, marked offline, and its last catalog is still served', async () => {
    // store-1 published its catalog at its first heartbeat.
    let kept: string | null = null;
    const end = Date.now() + 10_000;
    while (!kept && Date.now() < end) kept = await gateway.fleet.lastCatalog('store-1');
    expect(kept).toBeTruthy();
    await store1.stop();
    const started = performance.now();
    const res = await sendToStreamListener<{
      posValidation: { orderValidation: { order_error: string }[] };
    }>(gateway.url, orderCreated({ locationId: 'store-1' }));
    const ms = performance.now() - started;
    expect(res.status).toBe(400);
    expect(res.body.posValidation.orderValidation[0]!.order_error).toBe('pos_offline');
    // No responder: answered without waiting for the 10 s answer limit.
    expect(ms).toBeLessThan(5000);
    await until('store-1 offline', () => gateway.fleet.get('store-1')?.online === false);

    const update = orderUpdated('ord-x', { status: 'in_progress' });
    const upd = await sendToStreamListener(gateway.url, update);
    expect(upd.status).toBe(503);
    expect(upd.headers.get('retry-after')).toBe('5');

    const catalog = await get('/stream/catalog', { 'x-provider-location-id': 'store-1' });
    expect(catalog.status).toBe(200);
    expect(((await catalog.json()) as { category: unknown[] }).category.length).toBeGreaterThan(0);
    const locations = (await (await get('/stream/locations')).json()) as { provider_id: string }[];
    expect(locations.map((l) => l.provider_id)).toContain('store-1');
    // store-2 is untouched.
    expect(gateway.fleet.get('store-2')?.online).toBe(true);
  });
});
