// Outbox benchmark (issue 3), real time and real HTTP on loopback against the fake Stream, with
// the production retry policy and timeouts:
// - drain: 1,000 events for 250 orders (4 each, in order) queued while Stream answers 503; the
//   figure is the time from Stream answering again to the last event delivered (target < 30 s).
//   Baseline: the same 1,000 events delivered with Stream up all along.
// - accept → Stream: from a staff accept on the Local API to the fake Stream receiving
//   order.accepted, median and p95 over 50 orders.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createConnector, type Connector } from '../../electron/core/app.js';
import { orderStatusUpdated } from '../../electron/core/stream/protocol/index.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { tempDataDir, testConfig } from '../support/connector.js';
import { answer, FakeStream } from '../support/fake-stream.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { percentile, type Row } from './table.js';

const ORDERS = 250;
const STATUSES = ['preparing', 'ready', 'out_for_delivery', 'completed'] as const;
const EVENTS = ORDERS * STATUSES.length;
const OUTAGE_MS = 10_000;
const ACCEPT_SAMPLES = 50;

interface Running {
  connector: Connector;
  fake: FakeStream;
  localUrl: string;
  streamUrl: string;
  stop(): Promise<void>;
}

async function start(config: Record<string, unknown> = {}): Promise<Running> {
  const fake = await FakeStream.start();
  const dataDir = tempDataDir();
  const connector = createConnector(
    testConfig(dataDir, { ...config, stream: { apiUrl: fake.url } }),
    {
      log: silentLogger,
    },
  );
  const { localUrl, streamUrl } = await connector.start();
  return {
    connector,
    fake,
    localUrl,
    streamUrl,
    async stop() {
      await connector.stop();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** 1,000 status events for 250 orders, written the way the lifecycle writes them (one
 * transaction per change), without the HTTP round trips of the Local API around them. */
function queueBacklog(connector: Connector): void {
  const { ctx } = connector;
  for (let o = 0; o < ORDERS; o++) {
    const orderId = `ord_bench_${o}`;
    for (const status of STATUSES)
      ctx.db.transaction(() =>
        ctx.outbox.enqueue({
          id: ctx.ids('evt'),
          lane: 'stream',
          orderingKey: orderId,
          event: orderStatusUpdated('event_data', orderId, 'store-1', status),
          now: ctx.clock.now(),
        }),
      )();
  }
}

async function drainWithStreamUp(): Promise<number> {
  const r = await start();
  try {
    const started = performance.now();
    queueBacklog(r.connector);
    await r.fake.waitFor(() => r.fake.effects.length === EVENTS, 120_000);
    return (performance.now() - started) / 1000;
  } finally {
    await r.stop();
  }
}

async function drainAfterOutage(): Promise<{ drainS: number; attemptsDuringOutage: number }> {
  const r = await start();
  try {
    let down = true;
    r.fake.behave(() => (down ? answer(503) : undefined));
    queueBacklog(r.connector);
    // Every order's first event has failed at least once before the outage clock starts.
    await r.fake.waitFor(() => new Set(r.fake.requests.map((q) => q.key)).size >= ORDERS, 60_000);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS)); // the outage itself
    const attemptsDuringOutage = r.fake.requests.length;
    down = false;
    const recovered = performance.now();
    await r.fake.waitFor(() => r.fake.effects.length === EVENTS, 120_000);
    return { drainS: (performance.now() - recovered) / 1000, attemptsDuringOutage };
  } finally {
    await r.stop();
  }
}

async function acceptLatencies(): Promise<number[]> {
  const r = await start({ acceptance: { mode: 'manual', staffWindowSeconds: 55 } });
  try {
    const samples: number[] = [];
    for (let i = 0; i < ACCEPT_SAMPLES + 5; i++) {
      const res = await sendToStreamListener<{ order: { provider_id: string } }>(
        r.streamUrl,
        orderCreated(),
      );
      const id = res.body.order.provider_id;
      const arrived = new Promise<number>((resolve) => {
        const onRequest = (req: { json: unknown }): void => {
          const object = (req.json as { object?: { provider_id?: string } }).object;
          if (object?.provider_id !== id) return;
          r.fake.off('request', onRequest);
          resolve(performance.now());
        };
        r.fake.on('request', onRequest);
      });
      const started = performance.now();
      const accepted = await local(r.localUrl, 'POST', `/api/orders/${id}/accept`, {});
      if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}`);
      const at = await arrived;
      if (i >= 5) samples.push(at - started); // the first few warm up the JIT and the sockets
    }
    return samples.sort((a, b) => a - b);
  } finally {
    await r.stop();
  }
}

export async function runOutboxBench(): Promise<Row[]> {
  const baselineS = await drainWithStreamUp();
  const { drainS, attemptsDuringOutage } = await drainAfterOutage();
  const latencies = await acceptLatencies();
  const median = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  return [
    {
      figure: `outbox: drain ${EVENTS} events after a ${OUTAGE_MS / 1000} s Stream outage ends`,
      value: drainS,
      unit: 's',
      target: '< 30 s',
      baseline: baselineS,
      ratio: drainS / baselineS,
      met: drainS < 30,
    },
    {
      figure: 'outbox: attempts during the outage (all events queued, 503)',
      value: attemptsDuringOutage,
      unit: 'requests',
    },
    {
      figure: 'outbox: staff accept → Stream receives it, median',
      value: median,
      unit: 'ms',
      target: '< 500 ms',
      met: median < 500,
    },
    { figure: 'outbox: staff accept → Stream receives it, p95', value: p95, unit: 'ms' },
  ];
}
