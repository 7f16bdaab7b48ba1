// A fake store POS for tests and benchmarks: a real HTTP server on loopback speaking the HTTP JSON
// driver's protocol (electron/core/pos/drivers/http-json.ts) the way a careful POS would.
// - `POST /orders` stores an order once per Idempotency-Key: a repeat gets the same pos_order_id
//   back (200) and creates nothing; a request without the key is refused (400).
// - `POST /orders/{pos_order_id}/void` voids a stored order (404 for one it does not know), once
//   per key.
// - `GET /catalog` serves `catalog` (404 while null); `GET /health` answers 200.
// - It can be scripted per request: answer any status, hang until the client gives up, store the
//   order and then never answer (the POS "answers after its timeout"), or hold the request until
//   the test releases it.
// - It records every request (with its arrival time), and the Authorization header it saw.
import { EventEmitter } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { StreamLaneWorker } from '../../electron/core/stream/lane/worker.js';
import type { PosLaneWorker } from '../../electron/core/pos/delivery.js';
import type { PosOptions } from '../../electron/core/pos/service.js';
import { ManualClock } from '../../electron/core/util/clock.js';
import { startTestConnector, type TestConnector } from './connector.js';
import { PrinterSim } from './escpos-decoder.js';
import { FakeStream } from './fake-stream.js';
import { waitForEvent } from './wait-for-event.js';

export type PosBehaviour =
  | { kind: 'process' }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'process-then-hang' }
  | { kind: 'hold' };

export const posAnswer = (
  status: number,
  body?: string,
  headers?: Record<string, string>,
): PosBehaviour => ({
  kind: 'status',
  status,
  ...(body !== undefined ? { body } : {}),
  ...(headers ? { headers } : {}),
});
export const posHang: PosBehaviour = { kind: 'hang' };
/** The POS stores the order and never answers: the answer comes "after the timeout". */
export const posProcessThenHang: PosBehaviour = { kind: 'process-then-hang' };
/** Held until `release()`, then processed. */
export const posHold: PosBehaviour = { kind: 'hold' };

export type PosRequestKind = 'inject' | 'void' | 'catalog' | 'health' | 'other';

export interface PosRequest {
  index: number;
  /** performance.now() at arrival (benchmarks). */
  perfAt: number;
  kind: PosRequestKind;
  method: string;
  path: string;
  key: string | null;
  authorization: string | null;
  apiKey: string | null;
  json: unknown;
  outcome: 'stored' | 'duplicate' | 'voided' | 'answered' | 'hung' | 'held' | 'refused' | 'served';
  status: number | null;
}

export interface StoredOrder {
  key: string;
  posOrderId: string;
  order: Record<string, unknown>;
  voided: boolean;
}

export type PosScript = (request: PosRequest) => PosBehaviour | undefined;

export class FakePos extends EventEmitter {
  readonly requests: PosRequest[] = [];
  /** Orders in the POS, in the order they were stored. */
  readonly orders: StoredOrder[] = [];
  /** Voids carried out, by Idempotency-Key. */
  readonly voids: { key: string; posOrderId: string; body: unknown }[] = [];
  catalog: unknown = null;
  url = '';
  private readonly byKey = new Map<string, StoredOrder>();
  private readonly open = new Set<ServerResponse>();
  private readonly held: (() => void)[] = [];
  private readonly queued: PosBehaviour[] = [];
  private script: PosScript | null = null;
  private nextNumber = 1001;

  private constructor(private readonly server: http.Server) {
    super();
  }

  static async start(): Promise<FakePos> {
    const server = http.createServer();
    const fake = new FakePos(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Behaviours for the next order/void requests, one each, before the script is asked. */
  queue(...behaviours: PosBehaviour[]): void {
    this.queued.push(...behaviours);
  }

  behave(script: PosScript | null): void {
    this.script = script;
  }

  /** Let every held request through. */
  release(): void {
    for (const go of this.held.splice(0)) go();
  }

  heldCount(): number {
    return this.held.length;
  }

  /** Requests held open right now (hang, process-then-hang, hold). */
  openCount(): number {
    return this.open.size;
  }

  injectRequests(): PosRequest[] {
    return this.requests.filter((r) => r.kind === 'inject');
  }

  waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
    const seen = (): string => `${this.requests.length} requests`;
    return waitForEvent({ emitter: this, event: 'change', who: 'fake POS', seen }, condition, ms);
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const perfAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // kept as null
    }
    const path = (req.url ?? '').split('?')[0]!;
    const voidMatch = /^\/orders\/([^/]+)\/void$/.exec(path);
    const kind: PosRequestKind =
      req.method === 'POST' && path === '/orders'
        ? 'inject'
        : req.method === 'POST' && voidMatch
          ? 'void'
          : req.method === 'GET' && path === '/catalog'
            ? 'catalog'
            : req.method === 'GET' && path === '/health'
              ? 'health'
              : 'other';
    const record: PosRequest = {
      index: this.requests.length,
      perfAt,
      kind,
      method: req.method ?? '',
      path,
      key: header(req, 'idempotency-key'),
      authorization: header(req, 'authorization'),
      apiKey: header(req, 'x-api-key'),
      json,
      outcome: 'answered',
      status: null,
    };
    this.requests.push(record);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      this.open.delete(res);
      res
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(typeof body === 'string' ? body : JSON.stringify(body));
      this.emit('change');
    };

    if (kind === 'catalog') {
      record.outcome = 'served';
      return this.catalog === null ? reply(404, { error: 'no catalog' }) : reply(200, this.catalog);
    }
    if (kind === 'health') return reply(200, { ok: true });
    if (kind === 'other') return reply(404, { error: `no route ${req.method} ${path}` });

    const behaviour = this.queued.shift() ?? this.script?.(record) ?? { kind: 'process' };
    // The POS's work, separate from its answer: some behaviours do one without the other.
    const work = (): [number, unknown] =>
      kind === 'inject' ? this.inject(record) : this.void(record, voidMatch![1]!);
    switch (behaviour.kind) {
      case 'status':
        record.outcome = 'refused';
        reply(
          behaviour.status,
          behaviour.body ?? { error: `scripted ${behaviour.status}` },
          behaviour.headers,
        );
        break;
      case 'hang':
        record.outcome = 'hung';
        this.hold(res);
        break;
      case 'process-then-hang':
        work();
        this.hold(res);
        this.emit('change');
        break;
      case 'hold':
        record.outcome = 'held';
        this.hold(res);
        // A slow POS finishes its work even when the client has given up waiting.
        this.held.push(() => {
          const [status, body] = work();
          if (!res.destroyed) reply(status, body);
          else this.emit('change');
        });
        this.emit('change');
        break;
      case 'process':
        reply(...work());
        break;
    }
  }

  private hold(res: ServerResponse): void {
    this.open.add(res);
    res.on('close', () => {
      this.open.delete(res);
      this.emit('change');
    });
    this.emit('change');
  }

  private inject(record: PosRequest): [number, unknown] {
    if (!record.key) {
      record.outcome = 'refused';
      return [400, { error: 'Idempotency-Key required' }];
    }
    const known = this.byKey.get(record.key);
    if (known) {
      record.outcome = 'duplicate';
      return [200, { pos_order_id: known.posOrderId, duplicate: true }];
    }
    const stored: StoredOrder = {
      key: record.key,
      posOrderId: `P-${this.nextNumber++}`,
      order: record.json as Record<string, unknown>,
      voided: false,
    };
    this.byKey.set(record.key, stored);
    this.orders.push(stored);
    record.outcome = 'stored';
    return [201, { pos_order_id: stored.posOrderId }];
  }

  private void(record: PosRequest, posOrderId: string): [number, unknown] {
    const order = this.orders.find((o) => o.posOrderId === decodeURIComponent(posOrderId));
    if (!order) {
      record.outcome = 'refused';
      return [404, { error: `no order ${posOrderId}` }];
    }
    if (record.key && this.voids.some((v) => v.key === record.key)) {
      record.outcome = 'duplicate';
      return [200, { voided: true, duplicate: true }];
    }
    order.voided = true;
    this.voids.push({ key: record.key ?? '', posOrderId: order.posOrderId, body: record.json });
    record.outcome = 'voided';
    return [200, { voided: true }];
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

// ---------------------------------------------------------------------------------------------
// A connector wired to a fake POS (and, when asked, a kitchen printer and a fake Stream), sharing
// one ManualClock, and a way to drive that clock while real I/O runs.

export interface PosRig {
  t: TestConnector;
  pos: FakePos;
  printer: PrinterSim | null;
  stream: FakeStream | null;
  clock: ManualClock;
  /** Move the clock until `done()` holds, letting real I/O finish before each step. */
  drive(done: () => boolean, options?: { stepMs?: number; maxClockMs?: number }): Promise<void>;
  /** Until nothing runs that could finish without the clock moving. */
  settle(): Promise<void>;
  /** Resolves once `condition` holds, re-checked after every push event of the connector. */
  until(condition: () => boolean, ms?: number): Promise<void>;
  dispose(): Promise<void>;
}

export interface PosRigOptions {
  config?: Record<string, unknown>;
  /** Run a kitchen printer beside the POS (or alone with `posDriver: 'none'`). */
  printer?: boolean;
  posDriver?: 'http' | 'none';
  /** A fake Stream to receive webhooks (decisions); otherwise events go nowhere. */
  stream?: boolean;
  dataDir?: string;
  clock?: ManualClock;
  reuse?: { pos?: FakePos; printer?: PrinterSim; stream?: FakeStream };
  posOptions?: Partial<PosOptions>;
  /** POS attempts that wait on something only the test does (the folder driver's result files);
   * the fake POS's open requests by default. */
  posParked?: () => number;
}

export async function startPosRig(options: PosRigOptions = {}): Promise<PosRig> {
  const clock = options.clock ?? new ManualClock();
  const pos = options.reuse?.pos ?? (await FakePos.start());
  const printer = options.printer ? (options.reuse?.printer ?? (await PrinterSim.start())) : null;
  const stream = options.stream
    ? (options.reuse?.stream ?? (await FakeStream.start({ clock })))
    : null;
  const config = options.config ?? {};
  const t = await startTestConnector({
    clock,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    pos: { random: () => 0.5, ...options.posOptions },
    config: {
      ...config,
      pos: {
        ...(options.posDriver === 'none' ? { driver: 'none' } : { driver: 'http', url: pos.url }),
        ...(config.pos as object),
      },
      ...(printer
        ? {
            printer: {
              enabled: true,
              host: printer.host,
              port: printer.port,
              ...(config.printer as object),
            },
          }
        : {}),
      ...(stream ? { stream: { ...(config.stream as object), apiUrl: stream.url } } : {}),
    },
  });
  const workers = (): {
    w: { activity(): { inFlight: number; tickQueued: boolean; nextWakeAt: number | null } };
    parked: () => number;
  }[] => {
    const list: { w: PosLaneWorker | StreamLaneWorker; parked: () => number }[] = [
      { w: t.connector.streamLane, parked: () => stream?.hangingCount() ?? 0 },
    ];
    const { pos: posWorker, printer: printerWorker } = t.connector.pos.workers;
    if (posWorker)
      list.push({ w: posWorker, parked: options.posParked ?? (() => pos.openCount()) });
    if (printerWorker)
      list.push({ w: printerWorker, parked: () => printer?.parkedConnections() ?? 0 });
    return list;
  };
  const quiet = (): boolean =>
    workers().every(({ w, parked }) => {
      const a = w.activity();
      return !a.tickQueued && a.inFlight <= parked();
    });
  const settle = async (realLimitMs = 10_000): Promise<void> => {
    const started = Date.now();
    for (;;) {
      if (quiet()) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (quiet()) return;
      }
      if (Date.now() - started > realLimitMs) throw new Error('pos rig: the workers never settled');
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  return {
    t,
    pos,
    printer,
    stream,
    clock,
    settle,
    async drive(done, o = {}) {
      const step = o.stepMs ?? 100;
      const limit = clock.now() + (o.maxClockMs ?? 10 * 60_000);
      for (;;) {
        await settle();
        if (done()) return;
        if (clock.now() >= limit)
          throw new Error(`pos rig: not done after ${o.maxClockMs ?? 600_000} ms of clock time`);
        const wakes = workers()
          .filter(({ w }) => w.activity().inFlight === 0)
          .map(({ w }) => w.activity().nextWakeAt)
          .filter((at): at is number => at !== null);
        const anyInFlight = workers().some(({ w }) => w.activity().inFlight > 0);
        const next = wakes.length ? Math.min(...wakes) : null;
        const jump = !anyInFlight && next !== null ? Math.max(1, next - clock.now()) : step;
        clock.advance(Math.min(jump, Math.max(1, limit - clock.now())));
      }
    },
    until(condition, ms = 10_000) {
      if (condition()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`pos rig: condition not met within ${ms} ms`));
        }, ms);
        const off = t.connector.ctx.bus.subscribe(() => {
          if (!condition()) return;
          clearTimeout(timer);
          off();
          resolve();
        });
      });
    },
    async dispose() {
      await t.dispose();
      if (!options.reuse?.pos) await pos.close();
      if (printer && !options.reuse?.printer) await printer.close();
      if (stream && !options.reuse?.stream) await stream.close();
    },
  };
}
