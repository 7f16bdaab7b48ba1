// The gateway, not the store, decides which merchant a store belongs to: with `storeMerchants`
// set, a store (real connector, real nats-server) that claims a merchant it is not bound to, or
// that is not listed at all, is refused — not listed, not routed — with a worded log line and a
// /metrics series — and told so, on its own screen's health — while a correctly bound store is
// served as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/util/log.js';
import type { RunningGateway } from '../../gateway/gateway.js';
import type { Health } from '../../shared/contract.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { relayConfig, startTestGateway } from '../support/gateway.js';
import { startNats, type NatsNode } from '../support/nats.js';
import { orderCreated } from '../support/orders.js';
import { parseExposition } from '../support/prom-text.js';
import { sendToStreamListener } from '../support/stream-client.js';
import { TEST_INBOUND_TOKEN, TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { until } from '../support/until.js';

let nats: NatsNode;
let gateway: RunningGateway;
const stores: TestConnector[] = [];
const lines: string[] = [];

beforeAll(async () => {
  nats = await startNats({ stores: ['store-1', 'store-2', 'store-3'] });
  gateway = await startTestGateway(
    nats.url,
    { storeMerchants: { 'store-1': 'merchant-1', 'store-2': 'merchant-2' } },
    createLogger({ secrets: [], sink: (l) => lines.push(l), level: 'debug' }),
  );
  // store-1 is honest; store-2 claims merchant-1's orders; store-3 is not on the list.
  for (const [id, merchant] of [
    ['store-1', 'merchant-1'],
    ['store-2', 'merchant-1'],
    ['store-3', 'merchant-1'],
  ] as const)
    stores.push(await startTestConnector({ config: relayConfig(nats.url, id, merchant) }));
  await until(
    'store-1 online and the other two refused',
    () => gateway.fleet.all().some((s) => s.online) && gateway.fleet.refused().length === 2,
  );
});

async function problems(t: TestConnector): Promise<Health['problems']> {
  const res = await fetch(`${t.localUrl}/api/health`, {
    headers: { authorization: `Bearer ${TEST_LOCAL_TOKEN}` },
  });
  return ((await res.json()) as Health).problems;
}
const refusal = async (t: TestConnector) =>
  (await problems(t)).find((p) => p.code === 'relay_refused');

afterAll(async () => {
  for (const s of stores) await s.dispose();
  await gateway?.stop();
  await nats?.stop();
});

describe('gateway-side binding of stores to merchants', () => {
  it('keeps refused stores out of the fleet, with a worded reason for each', () => {
    expect(gateway.fleet.all().map((s) => s.record.locationId)).toEqual(['store-1']);
    const refused = Object.fromEntries(gateway.fleet.refused().map((r) => [r.locationId, r]));
    expect(refused['store-2']).toMatchObject({
      claimedMerchant: 'merchant-1',
      boundMerchant: 'merchant-2',
    });
    expect(refused['store-2']!.reason).toContain('binds it to merchant merchant-2');
    expect(refused['store-3']!.boundMerchant).toBeUndefined();
    expect(refused['store-3']!.reason).toContain('not in the gateway');
    // One log line per refused store (heartbeats repeat the claim; the log does not).
    const logged = lines.filter((l) => l.includes('store refused: merchant not bound'));
    expect(logged.filter((l) => l.includes('store-2'))).toHaveLength(1);
    expect(logged.filter((l) => l.includes('store-3'))).toHaveLength(1);
  });

  it('lists only the bound store for the merchant the others claim', async () => {
    const res = await fetch(gateway.url + '/stream/locations', {
      headers: {
        authorization: `Bearer ${TEST_INBOUND_TOKEN}`,
        'x-provider-merchant-id': 'merchant-1',
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { provider_id: string }[];
    expect(body.map((l) => l.provider_id)).toEqual(['store-1']);
  });

  it('does not route an order to a refused store, and routes the bound one', async () => {
    const refused = await sendToStreamListener<{
      posValidation: { orderValidation: { order_error: string }[] };
    }>(gateway.url, orderCreated({ locationId: 'store-2' }));
    expect(refused.status).toBe(400);
    expect(refused.body.posValidation.orderValidation[0]!.order_error).toBe('location_not_found');
    expect(stores[1]!.connector.ctx.orders.list(undefined, 10)).toHaveLength(0);

    const served = await sendToStreamListener<{ order: { provider_id: string } }>(
      gateway.url,
      orderCreated({ locationId: 'store-1' }),
    );
    expect(served.status).toBe(200);
    expect(stores[0]!.connector.ctx.orders.get(served.body.order.provider_id)).toBeTruthy();
  });

  it('shows the refused stores on /metrics', async () => {
    const text = await (await fetch(gateway.metricsUrl + '/metrics')).text();
    const samples = parseExposition(text);
    const refused = samples.filter((s) => s.name === 'stream_gateway_store_refused');
    expect(refused.map((s) => [s.labels.location, s.labels.bound_merchant]).sort()).toEqual([
      ['store-2', 'merchant-2'],
      ['store-3', ''],
    ]);
    const state = samples.find(
      (s) => s.name === 'stream_gateway_stores' && s.labels.state === 'refused',
    );
    expect(state?.value).toBe(2);
  });

  it('tells each refused store why, on its own health, and the bound store nothing', async () => {
    await expect.poll(() => refusal(stores[1]!), { timeout: 15_000 }).toBeDefined();
    const wrongMerchant = (await refusal(stores[1]!))!;
    expect(wrongMerchant.area).toBe('setup');
    expect(wrongMerchant.message).toContain("The chain's gateway refuses this store");
    expect(wrongMerchant.message).toContain('binds it to merchant merchant-2');
    expect(wrongMerchant.action).toContain('relay.merchantId');
    await expect.poll(() => refusal(stores[2]!), { timeout: 15_000 }).toBeDefined();
    expect((await refusal(stores[2]!))!.message).toContain('not in the gateway');
    expect(await refusal(stores[0]!)).toBeUndefined();
  });

  it('clears the refusal once the gateway stops refusing (restarted with a fixed list)', async () => {
    await gateway.stop();
    gateway = await startTestGateway(nats.url, {
      storeMerchants: { 'store-1': 'merchant-1', 'store-2': 'merchant-1' },
    });
    await until('store-2 served by the new gateway', () => !!gateway.fleet.get('store-2')?.online);
    // No notice comes any more: the refusal lapses after three heartbeats on the store's clock.
    stores[1]!.clock.advance(3_500);
    expect(await refusal(stores[1]!)).toBeUndefined();
    // store-3 is still not on the list: the new gateway keeps telling it.
    stores[2]!.clock.advance(3_500);
    await expect.poll(() => refusal(stores[2]!), { timeout: 15_000 }).toBeDefined();
  });
});
