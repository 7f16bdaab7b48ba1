// A real Prometheus (Debian's package) scrapes a real gateway in front of a real connector over a
// real nats-server, with the shipped alert rules loaded: queries answer the fleet's true state,
// before and after the store goes away.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/gateway.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { relayConfig, startTestGateway } from '../support/gateway.js';
import { startNats, type NatsNode } from '../support/nats.js';
import { orderCreated } from '../support/orders.js';
import { startPrometheus, type RunningPrometheus } from '../support/prometheus.js';
import { sendToStreamListener } from '../support/stream-client.js';

const rules = fileURLToPath(new URL('../../monitoring/alerts.yml', import.meta.url));

let nats: NatsNode;
let gateway: RunningGateway;
let store: TestConnector;
let prometheus: RunningPrometheus;

/** Polls a query until its single value is `want` (Prometheus scrapes every second). */
async function answers(expr: string, want: number, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    const result = await prometheus.query(expr);
    last = result;
    if (result.length === 1 && result[0]!.value === want) return;
    if (Date.now() > end)
      throw new Error(`${expr}: wanted ${want}, Prometheus says ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  nats = await startNats({ stores: ['store-1'] });
  gateway = await startTestGateway(nats.url);
  store = await startTestConnector({ config: relayConfig(nats.url, 'store-1', 'acme') });
  prometheus = await startPrometheus({
    targets: [new URL(gateway.metricsUrl).host],
    ruleFiles: [rules],
  });
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await store?.dispose();
  await gateway?.stop();
  await nats?.stop();
});

describe('Prometheus scraping the gateway', () => {
  it('scrapes the target and loads the shipped alert rules', async () => {
    await answers(`up{job="gateway"}`, 1);
    const res = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as {
      data: { groups: { rules: { name: string; health: string }[] }[] };
    };
    const loaded = res.data.groups.flatMap((g) => g.rules);
    expect(loaded.map((r) => r.name)).toContain('StreamStoreOffline');
    expect(loaded.length).toBe(8);
  });

  it('answers the fleet state, and follows a store that goes away', async () => {
    await answers('stream_gateway_stores{state="online"}', 1);
    await answers(
      'max without (instance) (stream_store_up{location="store-1",merchant="acme"})',
      1,
    );
    const ok = await sendToStreamListener(gateway.url, orderCreated({ locationId: 'store-1' }));
    expect(ok.status).toBe(200);
    await answers('stream_store_pending_orders{location="store-1"}', 1);
    await answers('sum(stream_gateway_requests_total{outcome="answered"})', 1);

    await store.stop();
    const gone = await sendToStreamListener(gateway.url, orderCreated({ locationId: 'store-1' }));
    expect(gone.status).toBe(400);
    await answers('stream_gateway_stores{state="offline"}', 1);
    await answers('stream_store_up{location="store-1"}', 0);
    await answers('sum(stream_gateway_requests_total{outcome="offline"})', 1);
    // The alert's expression sees it too (pending until its `for` has passed).
    await answers('count(ALERTS{alertname="StreamStoreOffline",location="store-1"})', 1);
  });
});
