// The gateway's Prometheus series against a real nats-server and real connectors: requests by
// outcome and the routing latency histogram count what was routed, stores online / offline follow
// the registry, and the per-store series are the stores' own vitals carried by their heartbeats
// (the same figures the store's own /metrics gives), since stores behind NAT cannot be scraped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../electron/core/api/health.js';
import type { RunningGateway } from '../../gateway/gateway.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { startPosRig, type PosRig } from '../support/fake-pos.js';
import { relayConfig, startTestGateway } from '../support/gateway.js';
import { startNats, type NatsNode } from '../support/nats.js';
import { orderCreated } from '../support/orders.js';
import { parseExposition, sample, type Sample } from '../support/prom-text.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { sendToStreamListener } from '../support/stream-client.js';

const CHECK_EVERY_S = 60;

let nats: NatsNode;
let gateway: RunningGateway;
let store1: PosRig;
let store2: TestConnector;

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function scrape(url: string, token?: string): Promise<Sample[]> {
  const res = await fetch(`${url}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(res.status).toBe(200);
  return parseExposition(await res.text());
}

const send = (locationId: string) =>
  sendToStreamListener(gateway.url, orderCreated({ locationId }));

beforeAll(async () => {
  nats = await startNats({ stores: ['store-1', 'store-2'] });
  gateway = await startTestGateway(nats.url, { answerTimeoutMs: 10_000 });
  store1 = await startPosRig({
    printer: true,
    stream: true,
    config: { ...relayConfig(nats.url, 'store-1'), printer: { statusCheckSeconds: CHECK_EVERY_S } },
  });
  store2 = await startTestConnector({ config: relayConfig(nats.url, 'store-2') });
  await until('both stores online', () => gateway.fleet.all().filter((s) => s.online).length === 2);
});

afterAll(async () => {
  await store1?.dispose();
  await store2?.dispose();
  await gateway?.stop();
  await nats?.stop();
});

describe('gateway metrics', () => {
  it('count routed requests by outcome, follow the fleet, and carry each store’s vitals', async () => {
    // store-1: a clean printer reading, one order missed, the paper out, two orders waiting.
    store1.clock.advance(0);
    await until('first printer reading', () => store1.t.connector.pos.printerLatest() !== null);
    expect((await send('store-1')).status).toBe(200);
    store1.clock.advance(45_000);
    await store1.settle();
    // The paper runs out at the next check.
    store1.printer!.state.paperOut = true;
    const before = store1.t.connector.pos.printerLatest();
    store1.clock.advance(CHECK_EVERY_S * 1000);
    await until('paper-out reading', () => store1.t.connector.pos.printerLatest() !== before);
    await store1.settle();
    expect((await send('store-1')).status).toBe(200);
    expect((await send('store-1')).status).toBe(200);
    expect((await send('nowhere')).status).toBe(400);
    // store-2 goes away: its next order is answered pos_offline and it is marked offline.
    await store2.stop();
    expect((await send('store-2')).status).toBe(400);

    await until('store-1 heartbeat with the miss and the printer down', () => {
      const hb = gateway.fleet.get('store-1')?.record.heartbeat;
      return hb?.missedToday === 1 && hb.printerUp === false && hb.pending === 2;
    });
    await until('store-2 offline', () => gateway.fleet.get('store-2')?.online === false);

    const g = await scrape(gateway.metricsUrl);
    for (const [outcome, n] of [
      ['answered', 3],
      ['unknown_location', 1],
      ['offline', 1],
    ] as const) {
      expect(sample(g, 'stream_gateway_requests_total', { outcome }), outcome).toBe(n);
      expect(sample(g, 'stream_gateway_routing_seconds_count', { outcome })).toBe(n);
      expect(sample(g, 'stream_gateway_routing_seconds_bucket', { outcome, le: '+Inf' })).toBe(n);
    }
    expect(
      sample(g, 'stream_gateway_routing_seconds_sum', { outcome: 'answered' }),
    ).toBeGreaterThan(0);
    expect(sample(g, 'stream_gateway_stores', { state: 'online' })).toBe(1);
    expect(sample(g, 'stream_gateway_stores', { state: 'offline' })).toBe(1);
    expect(sample(g, 'stream_store_up', { location: 'store-1', merchant: 'merchant-1' })).toBe(1);
    expect(sample(g, 'stream_store_up', { location: 'store-2' })).toBe(0);

    // Per store: exactly what the store's own /metrics says (the same vitals, via heartbeats).
    const own = await scrape(store1.t.localUrl, TEST_LOCAL_TOKEN);
    const at = { location: 'store-1' };
    for (const [fleetName, ownName] of [
      ['stream_store_pending_orders', 'stream_connector_pending_orders'],
      ['stream_store_missed_orders_today', 'stream_connector_missed_orders_today'],
      ['stream_store_printer_up', 'stream_connector_printer_up'],
      ['stream_store_pos_up', 'stream_connector_pos_up'],
      ['stream_store_storage_up', 'stream_connector_storage_up'],
    ] as const)
      expect(sample(g, fleetName, at), fleetName).toBe(sample(own, ownName));
    expect(sample(g, 'stream_store_pending_orders', at)).toBe(2);
    expect(sample(g, 'stream_store_missed_orders_today', at)).toBe(1);
    expect(sample(g, 'stream_store_printer_up', at)).toBe(0);
    expect(sample(g, 'stream_store_pos_up', at)).toBe(1);
    for (const s of own.filter((x) => x.name === 'stream_connector_outbox_depth'))
      expect(sample(g, 'stream_store_outbox_depth', { ...at, lane: s.labels.lane! })).toBe(s.value);
    expect(sample(g, 'stream_store_build_info', { ...at, version: APP_VERSION })).toBe(1);
    // store-2 has no POS driver and no printer: not known, so no series rather than a false 0.
    expect(sample(g, 'stream_store_pos_up', { location: 'store-2' })).toBeUndefined();
    expect(sample(g, 'stream_store_printer_up', { location: 'store-2' })).toBeUndefined();
    expect(
      sample(g, 'stream_store_heartbeat_timestamp_seconds', { location: 'store-1' }),
    ).toBeCloseTo(gateway.fleet.get('store-1')!.record.heartbeat.at / 1000, 3);

    // Never on the public Stream listener.
    expect((await fetch(`${gateway.url}/metrics`)).status).not.toBe(200);
  });
});
