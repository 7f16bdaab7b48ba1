// The chain under faults, on loopback: a 3-node NATS cluster (JetStream R3), 2 gateway replicas as
// their own processes, 3 real connectors and 50 simulated stores on the same relay client. While
// Stream's side sends orders (and retries as Stream does: the same bytes, so the same idempotency
// key), one gateway replica and one NATS node are killed with SIGKILL. Every order acknowledged to
// Stream (200) is at its store exactly once under the id Stream was given; no order is doubled; the
// stores reconnect by themselves and take new orders; an order refused pos_offline that its store
// had taken anyway (its answer lost with the node) is withdrawn by that store. (The bench, test/bench/gateway.ts, runs the
// same rig with 500 simulated stores.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import {
  auditFault,
  chainOrders,
  clusterUrl,
  connectorLedger,
  sendUnderFault,
  startChildGateway,
  startNatsCluster,
  startSimStores,
  StreamSide,
  type ChildGateway,
  type SimStores,
  withdrawalsSettled,
} from '../support/chain.js';
import { relayConfig } from '../support/gateway.js';
import type { NatsNode } from '../support/nats.js';
import { orderCreated } from '../support/orders.js';
import { parseExposition, sample } from '../support/prom-text.js';

const REAL = ['store-a', 'store-b', 'store-c'];
// 50 in the suite (two shared cores); `CHAIN_SIM_STORES=500 npx vitest run test/faults/chain-faults.test.ts`
// runs the full size, as `npm run bench -- gateway` always does.
const SIM_STORES = Number(process.env.CHAIN_SIM_STORES ?? 50);
const SIM = Array.from({ length: SIM_STORES }, (_, i) => `sim-${i}`);
const ORDERS = 300;
const CONCURRENCY = 6;
const STALE_S = 5;

let nodes: NatsNode[] = [];
let gateways: ChildGateway[] = [];
let real: TestConnector[] = [];
let sims: SimStores | undefined;

async function online(g: ChildGateway): Promise<number> {
  const text = await (await fetch(`${g.metricsUrl}/metrics`)).text();
  return sample(parseExposition(text), 'stream_gateway_stores', { state: 'online' }) ?? 0;
}

async function until(what: string, ok: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  nodes = await startNatsCluster([...REAL, ...SIM]);
  const url = clusterUrl(nodes);
  gateways = await Promise.all(
    [0, 1].map(() => startChildGateway(url, { storeStaleSeconds: STALE_S, answerTimeoutMs: 3000 })),
  );
  real = await Promise.all(REAL.map((id) => startTestConnector({ config: relayConfig(url, id) })));
  sims = await startSimStores(url, SIM, 1);
  const all = REAL.length + SIM.length;
  for (const g of gateways)
    await until('every store online', async () => (await online(g)) === all);
}, 120_000);

afterAll(async () => {
  await sims?.stop();
  await Promise.all(real.map((t) => t.dispose()));
  await Promise.all(gateways.map((g) => g.stop()));
  await Promise.all(nodes.map((n) => n.stop()));
});

describe('the chain when a gateway replica and a NATS node die under load', () => {
  it('loses no acknowledged order, doubles none, and the stores come back by themselves', async () => {
    const locations = [...REAL, ...SIM];
    // Every third order to a real connector, the rest spread over the simulated stores.
    const orders = chainOrders(ORDERS, (i) =>
      i % 3 === 0 ? REAL[(i / 3) % REAL.length]! : locations[i % locations.length]!,
    );
    let alive = [...gateways];
    const stream = new StreamSide(() => alive.map((g) => g.url));
    const { results, faultAt } = await sendUnderFault(stream, orders, {
      concurrency: CONCURRENCY,
      faultAfter: ORDERS / 3,
      fault: () => Promise.all([gateways[0]!.kill9(), nodes[0]!.kill()]).then(() => undefined),
    });
    alive = [gateways[1]!];
    // Refused orders a store had taken are withdrawn once the stores are back (every replica
    // sweeps its records to the stores listed online).
    await until('every withdrawal confirmed by its store', () => withdrawalsSettled(alive));

    const ledgers = real.map((t) => connectorLedger(t.connector.ctx.db));
    const ledger = (o: (typeof orders)[number]) => ledgers[REAL.indexOf(o.locationId)];
    const audit = auditFault(
      orders,
      results,
      (o) => ledger(o)?.id(o) ?? sims!.ledger(o.locationId).created.get(o.key) ?? null,
      (o) => ledger(o)?.withdrawn(o) ?? sims!.ledger(o.locationId).withdrawn.has(o.key),
    );
    console.log(
      `[chain-faults] ${ORDERS} orders: ${audit.acked.length} acknowledged, ${audit.retried} retried by Stream ` +
        `(${sims!.dedupeHits()} reached a simulated store's dedupe), ${audit.refused.length} refused pos_offline, ` +
        `of which ${audit.withdrawn.length} the store had taken and withdrew, ${audit.orphans.length} it kept`,
    );
    expect(audit.lost).toEqual([]);
    expect(audit.doubled).toEqual([]);
    expect(audit.orphans).toEqual([]);
    // A refusal may only be the documented offline answer, and most orders get through.
    expect(audit.refusedOtherwise).toEqual([]);
    expect(audit.acked.length).toBeGreaterThan(ORDERS * 0.8);
    for (const [i, t] of real.entries()) {
      const sentHere = orders.filter((o) => o.locationId === REAL[i]).length;
      const rows = (
        t.connector.ctx.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }
      ).n;
      expect(rows).toBeLessThanOrEqual(sentHere);
    }

    // The stores reconnect on their own: all heartbeat again through the surviving NATS nodes
    // (a heartbeat older than STALE_S would list them offline) and take new orders.
    await new Promise((r) =>
      setTimeout(r, Math.max(0, faultAt + (STALE_S + 1) * 1000 - Date.now())),
    );
    await until(
      'every store online again',
      async () => (await online(gateways[1]!)) === locations.length,
    );
    for (const locationId of [...REAL, ...SIM.slice(0, 10)]) {
      const after = await stream.retry(JSON.stringify(orderCreated({ locationId })));
      expect(after.final.status, locationId).toBe(200);
    }
  }, 180_000);
});
