// A whole chain on loopback for the gateway bench and fault tests: a 3-node NATS cluster
// (Debian's nats-server, JetStream R3), gateway replicas as their own processes (so one can be
// kill -9'd), simulated stores on the connector's own relay client (StoreRelay) answering with a
// minimal responder, and a Stream-side client that spreads requests over the replicas the way a
// load balancer does and retries like Stream (same body, same idempotency key).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { RelayStatus } from '../../electron/core/relay/relay-status.js';
import { StoreRelay } from '../../electron/core/relay/store-relay.js';
import { storeUnreachableAnswer } from '../../electron/core/stream/protocol/index.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { testConfig } from './connector.js';
import { relayConfig } from './gateway.js';
import { freePort } from '../../electron/core/util/free-port.js';
import { GATEWAY_NATS_USER, startNats, type NatsNode } from './nats.js';
import { orderCreated } from './orders.js';
import { scratchDir } from './scratch.js';
import { TEST_INBOUND_TOKEN, TEST_WEBHOOK_SECRET } from './secrets.js';
import { sign } from './stream-client.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Three nats-server nodes routed to each other; every store id gets its restricted user. */
export async function startNatsCluster(stores: readonly string[], size = 3): Promise<NatsNode[]> {
  const ports = await Promise.all(Array.from({ length: size }, () => freePort()));
  const routes = await Promise.all(Array.from({ length: size }, () => freePort()));
  return Promise.all(
    ports.map((port, i) =>
      startNats({
        stores,
        port,
        cluster: { name: 'chain', port: routes[i]!, routes, serverName: `n${i + 1}` },
      }),
    ),
  );
}

export const clusterUrl = (nodes: readonly NatsNode[]): string => nodes.map((n) => n.url).join(',');

export interface ChildGateway {
  url: string;
  metricsUrl: string;
  process: ChildProcess;
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** `npm run gateway` as its own process on free loopback ports. */
export async function startChildGateway(
  natsUrl: string,
  overrides: Record<string, unknown> = {},
): Promise<ChildGateway> {
  const file = path.join(scratchDir('gateway-'), 'gateway.json');
  writeFileSync(
    file,
    JSON.stringify({
      listen: { port: 0 },
      metrics: { port: 0 },
      nats: { url: natsUrl, ...GATEWAY_NATS_USER, kvReplicas: 3 },
      stream: { inboundToken: TEST_INBOUND_TOKEN, webhookSecret: TEST_WEBHOOK_SECRET },
      ...overrides,
    }),
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'gateway', 'main.ts'), '--config', file],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${out}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-50_000);
      const url = /Stream endpoint: (\S+)/.exec(out)?.[1];
      const metrics = /Metrics: +(\S+)\/metrics/.exec(out)?.[1];
      if (url && metrics) {
        clearTimeout(timer);
        resolve({
          url,
          metricsUrl: metrics,
          process: child,
          output: () => out,
          kill9: () => signal('SIGKILL'),
          stop: () => signal('SIGTERM'),
        });
      }
    });
    child.stderr.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-50_000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code}) before listening:\n${out}`));
    });
  });
}

/** What one simulated store took in: each idempotency key once, how often it was asked, and the
 * keys it withdrew because the gateway told Stream pos_offline for them. */
export interface SimStoreLedger {
  created: Map<string, string>;
  asked: Map<string, number>;
  withdrawn: Set<string>;
}

export interface SimStores {
  ids: string[];
  relays: StoreRelay[];
  ledger(locationId: string): SimStoreLedger;
  /** Retries that reached a store's dedupe (a key asked more than once). */
  dedupeHits(): number;
  stop(): Promise<void>;
}

/**
 * `count` stores, each with its own NATS connection and user through the connector's relay
 * client; one minimal Stream responder (Fastify, answered through `inject()` like a connector)
 * keeps each store's orders by idempotency key, so a retry gets the same order back.
 */
export async function startSimStores(
  natsUrl: string,
  ids: readonly string[],
  heartbeatSeconds = 10,
): Promise<SimStores> {
  const ledgers = new Map<string, SimStoreLedger>();
  const ledger = (id: string): SimStoreLedger => {
    let l = ledgers.get(id);
    if (!l) ledgers.set(id, (l = { created: new Map(), asked: new Map(), withdrawn: new Set() }));
    return l;
  };
  const responder: FastifyInstance = Fastify({ logger: false });
  responder.post('/stream/orders', async (request, reply) => {
    const event = request.body as {
      type: string;
      object: { location_id: string; idempotency_key?: string };
    };
    const l = ledger(event.object.location_id);
    const key = event.object.idempotency_key ?? '';
    l.asked.set(key, (l.asked.get(key) ?? 0) + 1);
    // A withdrawn order's answer is the gateway's, as on a real connector.
    if (l.withdrawn.has(key)) {
      const refusal = storeUnreachableAnswer();
      return reply.code(refusal.status).send(refusal.body);
    }
    let id = l.created.get(key);
    if (!id) l.created.set(key, (id = `sim_${event.object.location_id}_${l.created.size + 1}`));
    return { order: { provider_id: id } };
  });
  await responder.ready();
  const startedAt = Date.now();
  const dataDir = scratchDir('sim-stores-'); // never written: the relay needs no storage
  const relays = ids.map((id) => {
    const config = testConfig(dataDir, {
      ...relayConfig(natsUrl, id),
      relay: { ...relayConfig(natsUrl, id).relay, heartbeatSeconds },
    });
    return new StoreRelay({
      config,
      streamServer: responder,
      log: silentLogger,
      version: '0.1.0-sim',
      startedAt,
      catalog: () => null,
      status: new RelayStatus(Date.now, heartbeatSeconds * 1000),
      withdraw: (idempotencyKey) => {
        const l = ledger(id);
        const key = idempotencyKey.replace(/^key:/, '');
        if (!l.created.has(key)) return 'not_here';
        if (l.withdrawn.has(key)) return 'already';
        l.withdrawn.add(key);
        return 'withdrawn';
      },
      heartbeat: async () => ({
        at: Date.now(),
        pending: 0,
        missedToday: 0,
        outbox: [],
        posUp: null,
        printerUp: null,
        storageUp: true,
        streamLastContactAt: null,
      }),
    });
  });
  // A few at a time: 500 connections and registrations at once only measure the handshake storm.
  for (let i = 0; i < relays.length; i += 50)
    await Promise.all(relays.slice(i, i + 50).map((r) => r.start()));
  return {
    ids: [...ids],
    relays,
    ledger,
    dedupeHits: () =>
      [...ledgers.values()].reduce(
        (n, l) => n + [...l.asked.values()].filter((v) => v > 1).length,
        0,
      ),
    async stop() {
      await Promise.all(relays.map((r) => r.stop()));
      await responder.close();
    },
  };
}

export interface StreamAttempt {
  status: number | null;
  /** The network error when no answer came back (replica killed, connection reset). */
  error?: string;
  body?: unknown;
}

/**
 * Stream's side: every request signed and bearer-authenticated, sent to the replicas in turn
 * (the load balancer); a replica that refuses the connection is skipped for the next. `retry`
 * sends the very same bytes again until a final answer, the way Stream retries a 5xx or a
 * request that got no answer.
 */
export class StreamSide {
  private next = 0;
  private readonly down = new Set<string>();
  constructor(private readonly gateways: () => readonly string[]) {}

  async send(body: string): Promise<StreamAttempt> {
    const urls = this.gateways().filter((u) => !this.down.has(u));
    const all = urls.length ? urls : this.gateways();
    const url = all[this.next++ % all.length]!;
    try {
      const res = await fetch(`${url}/stream/orders`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TEST_INBOUND_TOKEN}`,
          'x-stream-signature': sign(body),
        },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    } catch (err) {
      // The load balancer's health check would take the replica out; so does this client.
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      if (cause === 'ECONNREFUSED') this.down.add(url);
      return { status: null, error: cause ?? (err as Error).message };
    }
  }

  /** Until an answer that is not worth retrying (anything but no answer, 5xx or 429). */
  async retry(
    body: string,
    limit = 20,
  ): Promise<{ final: StreamAttempt; attempts: StreamAttempt[] }> {
    const attempts: StreamAttempt[] = [];
    for (let i = 0; i < limit; i++) {
      const a = await this.send(body);
      attempts.push(a);
      if (a.status !== null && a.status < 500 && a.status !== 429) return { final: a, attempts };
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** i)));
    }
    return { final: attempts.at(-1)!, attempts };
  }
}

/** One order as Stream sends it: the exact bytes (a retry resends them) and its key. */
export interface ChainOrder {
  locationId: string;
  body: string;
  key: string;
}

export function chainOrders(n: number, locationOf: (i: number) => string): ChainOrder[] {
  return Array.from({ length: n }, (_, i) => {
    const wire = orderCreated({ locationId: locationOf(i) });
    const key = (wire.object as { idempotency_key: string }).idempotency_key;
    return { locationId: locationOf(i), body: JSON.stringify(wire), key };
  });
}

/** Until no replica has a withdrawal its store has not confirmed (stores reconnected and took
 * them), read from each replica's own metrics. */
export async function withdrawalsSettled(gateways: readonly ChildGateway[]): Promise<boolean> {
  for (const g of gateways) {
    const text = await (await fetch(`${g.metricsUrl}/metrics`)).text();
    const m = /^stream_gateway_withdrawals_pending (\S+)$/m.exec(text);
    if (!m || Number(m[1]) !== 0) return false;
  }
  return true;
}

/** A real connector's database: the order Stream's key maps to, and whether it was withdrawn. */
export function connectorLedger(db: { prepare(sql: string): { get(...a: unknown[]): unknown } }): {
  id(o: ChainOrder): string | null;
  withdrawn(o: ChainOrder): boolean;
} {
  const row = (o: ChainOrder) =>
    db
      .prepare('SELECT id, answer_status FROM orders WHERE idempotency_key = ?')
      .get(`key:${o.key}`) as { id: string; answer_status: number } | undefined;
  return {
    id: (o) => row(o)?.id ?? null,
    // Its answer became the gateway's refusal in the same transaction as the withdrawal.
    withdrawn: (o) => (row(o)?.answer_status ?? 0) >= 400,
  };
}

export type StreamOutcome = Awaited<ReturnType<StreamSide['retry']>>;

/** Sends every order (each retried as Stream does) with `concurrency` at a time; `fault` runs
 * once `faultAfter` orders have been sent, while the rest are in flight. */
export async function sendUnderFault(
  stream: StreamSide,
  orders: readonly ChainOrder[],
  options: { concurrency: number; faultAfter: number; fault: () => Promise<void> },
): Promise<{ results: Map<string, StreamOutcome>; faultAt: number }> {
  const results = new Map<string, StreamOutcome>();
  let sent = 0;
  let faultAt = 0;
  const fault = (async () => {
    while (sent < options.faultAfter) await new Promise((r) => setTimeout(r, 5));
    faultAt = Date.now();
    await options.fault();
  })();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (sent < orders.length) {
        const order = orders[sent++]!;
        results.set(order.key, await stream.retry(order.body));
      }
    }),
  );
  await fault;
  return { results, faultAt };
}

const providerId = (a: StreamAttempt): string =>
  (a.body as { order: { provider_id: string } }).order.provider_id;

export interface FaultAudit {
  acked: ChainOrder[];
  /** Acknowledged (200) but not at the store under the id Stream was given, or withdrawn. */
  lost: ChainOrder[];
  /** Acknowledged twice under different ids. */
  doubled: ChainOrder[];
  /** Not acknowledged: only the documented offline answer is allowed. */
  refused: ChainOrder[];
  refusedOtherwise: ChainOrder[];
  /** Refused to Stream, taken by the store anyway (its answer came too late or was lost with a
   * node), and withdrawn by the store as the gateway told it to. */
  withdrawn: ChainOrder[];
  /** Refused to Stream but still kept by the store: must be none once withdrawals settled. */
  orphans: ChainOrder[];
  retried: number;
}

/** `atStore(order)`: the id the store keeps the order's key under, or null; `withdrawnAt`:
 * whether the store withdrew it (the gateway told Stream pos_offline for it). */
export function auditFault(
  orders: readonly ChainOrder[],
  results: ReadonlyMap<string, StreamOutcome>,
  atStore: (o: ChainOrder) => string | null,
  withdrawnAt: (o: ChainOrder) => boolean,
): FaultAudit {
  const outcome = (o: ChainOrder) => results.get(o.key)!;
  const acked = orders.filter((o) => outcome(o).final.status === 200);
  const refused = orders.filter((o) => outcome(o).final.status !== 200);
  return {
    acked,
    lost: acked.filter((o) => atStore(o) !== providerId(outcome(o).final) || withdrawnAt(o)),
    doubled: acked.filter(
      (o) =>
        new Set(
          outcome(o)
            .attempts.filter((a) => a.status === 200)
            .map(providerId),
        ).size > 1,
    ),
    refused,
    refusedOtherwise: refused.filter(
      (o) =>
        outcome(o).final.status !== 400 ||
        !JSON.stringify(outcome(o).final.body).includes('pos_offline'),
    ),
    withdrawn: refused.filter((o) => atStore(o) !== null && withdrawnAt(o)),
    orphans: refused.filter((o) => atStore(o) !== null && !withdrawnAt(o)),
    retried: orders.filter((o) => outcome(o).attempts.length > 1).length,
  };
}
