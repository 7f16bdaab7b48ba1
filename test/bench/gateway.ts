// Chain gateway benchmark (issue 17), all on loopback: a 3-node NATS cluster (JetStream R3), 2
// gateway replicas and 3 real connectors, each its own process (one is killed), and 500 simulated
// stores on the connector's relay client.
// - routing overhead: signed order.created one at a time to a real connector through a gateway,
//   against the same connector's own Stream listener called directly (the baseline), alternating
//   rounds in the same run; p50 and p99, and their ratio.
// - throughput: orders/s through both replicas at concurrency 32, spread over the simulated
//   stores (the gateway and NATS are measured, not a store's disk).
// - a killed store (kill -9 of a real connector's process): the time until the first order for it
//   is answered pos_offline, and, with no order for it, until the gateway lists it offline
//   (stores heartbeat every second here; `storeStaleSeconds` 5).
// - faults: kill -9 one replica and one NATS node while orders flow, Stream retrying each with
//   the same bytes: acknowledged orders lost or doubled (both must be 0), refusals, and the time
//   until every store heartbeats again through the surviving nodes.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import {
  auditFault,
  chainOrders,
  clusterUrl,
  connectorLedger,
  sendUnderFault,
  StreamSide,
  startChildGateway,
  startNatsCluster,
  startSimStores,
  type ChildGateway,
  withdrawalsSettled,
} from '../support/chain.js';
import {
  startChildConnector,
  writeChildConfig,
  type ChildConnector,
} from '../support/child-connector.js';
import { tempDataDir } from '../support/connector.js';
import { relayConfig } from '../support/gateway.js';
import { orderCreated } from '../support/orders.js';
import { parseExposition, sample } from '../support/prom-text.js';
import { sendToStreamListener } from '../support/stream-client.js';
import { mergeLoads, runLoad, signedOrders, type LoadResult } from './load.js';
import type { Row } from './table.js';

const SIMULATED = 500;
const ROUNDS = 4;
const PER_ROUND = 150;
const THROUGHPUT_ORDERS = 4000;
const CONCURRENCY = 32;
const STALE_S = 5;
const FAULT_ORDERS = 1500;

const REAL = ['store-a', 'store-b', 'store-c'];
const SIM = Array.from({ length: SIMULATED }, (_, i) => `sim-${i}`);

async function metric(g: ChildGateway, name: string, labels: Record<string, string>) {
  const text = await (await fetch(`${g.metricsUrl}/metrics`)).text();
  return sample(parseExposition(text), name, labels);
}

async function until(what: string, ok: () => Promise<boolean>, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > end) throw new Error(`gateway bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runGatewayBench(): Promise<Row[]> {
  const nodes = await startNatsCluster([...REAL, ...SIM]);
  const url = clusterUrl(nodes);
  const dirs: string[] = [];
  const children: ChildConnector[] = [];
  const gateways = await Promise.all(
    [0, 1].map(() => startChildGateway(url, { storeStaleSeconds: STALE_S })),
  );
  const sims = await startSimStores(url, SIM);
  try {
    // Each real connector is its own process, as at a store: the direct baseline does not share
    // an event loop with this load generator either.
    for (const id of REAL) {
      const dir = tempDataDir();
      dirs.push(dir);
      children.push(await startChildConnector(writeChildConfig(dir, relayConfig(url, id))));
    }
    const direct = children[0]!;
    const victim = children[2]!;
    const all = REAL.length + SIMULATED;
    for (const g of gateways)
      await until(`${all} stores online`, async () => {
        return (await metric(g, 'stream_gateway_stores', { state: 'online' })) === all;
      });

    // Routing overhead: the same real connector, one order at a time, both ways, alternating.
    const viaGateway: LoadResult[] = [];
    const directly: LoadResult[] = [];
    await runLoad(
      gateways[0]!.url,
      signedOrders(50, () => REAL[0]!),
      1,
    );
    await runLoad(
      direct.streamUrl,
      signedOrders(50, () => REAL[0]!),
      1,
    );
    for (let r = 0; r < ROUNDS; r++) {
      const g = gateways[r % 2]!;
      viaGateway.push(
        await runLoad(
          g.url,
          signedOrders(PER_ROUND, () => REAL[0]!),
          1,
        ),
      );
      directly.push(
        await runLoad(
          direct.streamUrl,
          signedOrders(PER_ROUND, () => REAL[0]!),
          1,
        ),
      );
    }
    const routed = mergeLoads(viaGateway);
    const baseline = mergeLoads(directly);
    const ok = (l: LoadResult) => (l.statuses[200] ?? 0) === l.requests;
    if (!ok(routed) || !ok(baseline))
      throw new Error(
        `gateway bench: not every order was taken (${JSON.stringify(routed.statuses)} / ${JSON.stringify(baseline.statuses)})`,
      );

    // Throughput: both replicas, orders spread over the simulated stores.
    const orders = signedOrders(THROUGHPUT_ORDERS, (i) => SIM[i % SIMULATED]!);
    const halves = [orders.slice(0, THROUGHPUT_ORDERS / 2), orders.slice(THROUGHPUT_ORDERS / 2)];
    const started = performance.now();
    const loads = await Promise.all(
      gateways.map((g, i) => runLoad(g.url, halves[i]!, CONCURRENCY / 2)),
    );
    const seconds = (performance.now() - started) / 1000;
    const through = mergeLoads(loads);
    const taken = through.statuses[200] ?? 0;

    // A store killed with kill -9, no order for it: until both replicas list it offline.
    await victim.kill9();
    const killed = performance.now();
    await until('the killed store listed offline', async () => {
      const down = await Promise.all(
        gateways.map((g) => metric(g, 'stream_store_up', { location: REAL[2]! })),
      );
      return down.every((v) => v === 0);
    });
    const listedOfflineS = (performance.now() - killed) / 1000;
    // Then an order for it: answered pos_offline (no responder), how fast.
    const t0 = performance.now();
    const refused = await sendToStreamListener(
      gateways[0]!.url,
      orderCreated({ locationId: REAL[2]! }),
    );
    const refusedMs = performance.now() - t0;
    if (refused.status !== 400 || !JSON.stringify(refused.body).includes('pos_offline'))
      throw new Error(`gateway bench: the killed store's order got ${refused.status}`);

    // Faults under load: kill -9 one replica and one NATS node while Stream's side sends (and
    // retries, same bytes) orders to the two live real connectors and the simulated stores.
    const live = [REAL[0]!, REAL[1]!, ...SIM];
    const faultOrders = chainOrders(FAULT_ORDERS, (i) => live[i % live.length]!);
    let up = [...gateways];
    const stream = new StreamSide(() => up.map((g) => g.url));
    const { results, faultAt } = await sendUnderFault(stream, faultOrders, {
      concurrency: CONCURRENCY / 2,
      faultAfter: FAULT_ORDERS / 3,
      fault: async () => {
        await Promise.all([gateways[0]!.kill9(), nodes[0]!.kill()]);
      },
    });
    up = [gateways[1]!];
    // Every live store heartbeats again through the surviving nodes (simulated: every 10 s).
    await until('every store heartbeating after the fault', async () => {
      const text = await (await fetch(`${gateways[1]!.metricsUrl}/metrics`)).text();
      const beats = parseExposition(text).filter(
        (x) =>
          x.name === 'stream_store_heartbeat_timestamp_seconds' &&
          live.includes(x.labels.location!),
      );
      return beats.length === live.length && beats.every((b) => b.value * 1000 > faultAt);
    });
    const backS = (Date.now() - faultAt) / 1000;
    // Refused orders that a store had taken anyway are withdrawn by it (gateway/README.md).
    await until('every withdrawal confirmed by its store', () => withdrawalsSettled(up));
    const settledS = (Date.now() - faultAt) / 1000;
    const handles = [0, 1].map(
      (i) => new Database(path.join(dirs[i]!, 'connector.db'), { readonly: true }),
    );
    const dbs = new Map(handles.map((db, i) => [REAL[i]!, connectorLedger(db)]));
    const audit = auditFault(
      faultOrders,
      results,
      (o) => dbs.get(o.locationId)?.id(o) ?? sims.ledger(o.locationId).created.get(o.key) ?? null,
      (o) => dbs.get(o.locationId)?.withdrawn(o) ?? sims.ledger(o.locationId).withdrawn.has(o.key),
    );
    for (const db of handles) db.close();

    const label = `${SIMULATED} simulated + 3 real stores, 3 NATS nodes, 2 replicas`;
    return [
      {
        figure: `gateway: order.created routed to a real connector, p50 (${label}; baseline: direct)`,
        value: routed.p50,
        unit: 'ms',
        baseline: baseline.p50,
        ratio: routed.p50 / baseline.p50,
      },
      {
        figure: 'gateway: order.created routed to a real connector, p99',
        value: routed.p99,
        unit: 'ms',
        target: '< 2× direct',
        baseline: baseline.p99,
        ratio: routed.p99 / baseline.p99,
        met: routed.p99 / baseline.p99 < 2,
      },
      {
        figure: 'gateway: routing overhead, p50 (routed − direct, same run)',
        value: routed.p50 - baseline.p50,
        unit: 'ms',
        target: '< 5 ms',
        met: routed.p50 - baseline.p50 < 5,
      },
      {
        figure: `gateway: throughput, 2 replicas, c=${CONCURRENCY}, ${THROUGHPUT_ORDERS} orders over ${SIMULATED} stores`,
        value: taken / seconds,
        unit: 'orders/s',
        target: '≥ 500 orders/s',
        met: taken / seconds >= 500 && taken === THROUGHPUT_ORDERS,
      },
      {
        figure: 'gateway: throughput latency p99',
        value: through.p99,
        unit: 'ms',
      },
      {
        figure: `gateway: killed store (kill -9) listed offline by both replicas, no traffic`,
        value: listedOfflineS,
        unit: 's',
        target: `< ${STALE_S + 3} s (stale after ${STALE_S} s)`,
        met: listedOfflineS < STALE_S + 3,
      },
      {
        figure: 'gateway: order for a killed store answered pos_offline',
        value: refusedMs,
        unit: 'ms',
        target: '< 100 ms',
        met: refusedMs < 100,
      },
      {
        figure: `faults: kill -9 a replica + a NATS node during ${FAULT_ORDERS} orders: acknowledged orders lost`,
        value: audit.lost.length,
        unit: 'orders',
        target: '0',
        met: audit.lost.length === 0,
      },
      {
        figure: 'faults: acknowledged orders doubled (Stream retried the same key)',
        value: audit.doubled.length,
        unit: 'orders',
        target: '0',
        met: audit.doubled.length === 0,
      },
      {
        figure: `faults: orders Stream retried (${sims.dedupeHits()} reached a store's dedupe)`,
        value: audit.retried,
        unit: 'orders',
      },
      {
        figure: `faults: refused pos_offline that the store had taken, withdrawn by it (settled ${settledS.toFixed(1)} s after the kill)`,
        value: audit.withdrawn.length,
        unit: 'orders',
      },
      {
        figure: 'faults: refused pos_offline but still kept by the store after withdrawals settled',
        value: audit.orphans.length,
        unit: 'orders',
        target: '0',
        met: audit.orphans.length === 0,
      },
      {
        figure: `faults: refused pos_offline during the fault`,
        value: audit.refused.length,
        unit: 'orders',
        target: 'only pos_offline',
        met: audit.refusedOtherwise.length === 0,
      },
      {
        figure: 'faults: every live store heartbeating again after the kill, by itself',
        value: backS,
        unit: 's',
        target: '< 30 s',
        met: backS < 30,
      },
    ];
  } finally {
    await sims.stop();
    await Promise.all(children.map((c) => c.stop()));
    await Promise.all(gateways.map((g) => g.stop()));
    await Promise.all(nodes.map((n) => n.stop()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
