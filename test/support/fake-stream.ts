// A fake Stream cloud for tests and benchmarks: a real HTTP server on loopback that takes the
// connector's webhook events (stream-api.md A4) the way Stream would, and can be told to fail.
// - It verifies `Stream-Webhook-Signature` over the exact body bytes (401 when wrong).
// - It records every request with its Idempotency-Key, and applies each key's effect once: a
//   retry of a key it already processed is answered 200 again and changes nothing.
// - It can be scripted per request: answer any status (500, 429 with Retry-After, 400 …), hang
//   until the client gives up, or process the event and then reset the connection (the answer
//   is lost after success).
// - It serves `POST /oauth/token` (client credentials over HTTP Basic) and then requires the
//   bearer token it issued.
// Times are read from the clock it is given, so tests driven by a ManualClock see clock times.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../electron/core/util/clock.js';
import type { Logger } from '../../electron/core/util/log.js';
import type { StreamLaneOptions } from '../../electron/core/stream/lane/worker.js';
import { startTestConnector, type TestConnector } from './connector.js';
import { TEST_WEBHOOK_SECRET } from './secrets.js';
import { waitForEvent } from './wait-for-event.js';

export type Behaviour =
  | { kind: 'process' }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'reset-after-processing' };

export const answer = (
  status: number,
  headers?: Record<string, string>,
  body?: string,
): Behaviour => ({
  kind: 'status',
  status,
  ...(headers ? { headers } : {}),
  ...(body !== undefined ? { body } : {}),
});
export const hang: Behaviour = { kind: 'hang' };
export const resetAfterProcessing: Behaviour = { kind: 'reset-after-processing' };

export interface RequestInfo {
  index: number;
  at: number;
  key: string | null;
  /** 1 for the first request carrying this key, 2 for its first retry … */
  attemptForKey: number;
  json: unknown;
}

export interface StreamRequest extends RequestInfo {
  body: string;
  signatureValid: boolean;
  authorization: string | null;
  outcome: 'processed' | 'duplicate' | 'answered' | 'hung' | 'reset' | 'unauthorized';
  status: number | null;
}

export interface StreamEffect {
  key: string;
  at: number;
  json: unknown;
}

export interface FakeStreamOptions {
  secret?: string;
  partnerSlug?: string;
  clock?: Pick<ManualClock, 'now'>;
  oauth?: { clientId: string; clientSecret: string; expiresInSeconds?: number };
}

export type Script = (request: RequestInfo) => Behaviour | undefined;

export class FakeStream extends EventEmitter {
  readonly requests: StreamRequest[] = [];
  readonly effects: StreamEffect[] = [];
  readonly tokenRequests: { at: number; ok: boolean }[] = [];
  /** Requests to any other path (a followed redirect would land here). */
  strayRequests = 0;
  private readonly effectByKey = new Map<string, StreamEffect>();
  private readonly tokens = new Map<string, number>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly queued: Behaviour[] = [];
  private script: Script | null = null;
  url = '';

  private constructor(
    private readonly server: http.Server,
    private readonly options: Required<Pick<FakeStreamOptions, 'secret' | 'partnerSlug'>> &
      FakeStreamOptions,
  ) {
    super();
  }

  static async start(options: FakeStreamOptions = {}): Promise<FakeStream> {
    const server = http.createServer();
    const fake = new FakeStream(server, {
      secret: TEST_WEBHOOK_SECRET,
      partnerSlug: 'test-pos',
      ...options,
    });
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** How far Stream's clock (its answers' Date header) is ahead of the test's clock. */
  clockSkewMs = 0;

  /** Behaviours for the next requests, one each, before the script is asked. */
  queue(...behaviours: Behaviour[]): void {
    this.queued.push(...behaviours);
  }

  /** Decide per request (undefined = process normally). Replaces the previous script. */
  behave(script: Script | null): void {
    this.script = script;
  }

  /** Forget every token issued so far (Stream revoked them): the next request with one gets 401. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** Requests held open right now by `hang`. */
  hangingCount(): number {
    return this.hanging.size;
  }

  /** Each key's requests in arrival order. */
  attemptsByKey(): Map<string, StreamRequest[]> {
    const out = new Map<string, StreamRequest[]>();
    for (const r of this.requests) if (r.key) out.set(r.key, [...(out.get(r.key) ?? []), r]);
    return out;
  }

  /** Resolves once `condition` holds, re-checked after every request; rejects after `ms`. */
  waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
    const seen = (): string => `${this.requests.length} requests`;
    return waitForEvent(
      { emitter: this, event: 'request', who: 'fake Stream', seen },
      condition,
      ms,
    );
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private now(): number {
    return this.options.clock?.now() ?? Date.now();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Stream's clock is the test's clock: the connector reads the skew from this header.
    const clock = this.options.clock;
    if (clock) res.setHeader('date', new Date(clock.now() + this.clockSkewMs).toUTCString());
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (req.method === 'POST' && req.url === '/oauth/token') return this.issueToken(req, raw, res);
    if (req.method !== 'POST' || req.url !== `/pos/${this.options.partnerSlug}/webhook`) {
      this.strayRequests++;
      res.writeHead(404).end();
      return;
    }
    this.webhook(req, raw, res);
  }

  private webhook(req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const key = headerOf(req, 'idempotency-key');
    const body = raw.toString('utf8');
    let json: unknown = null;
    try {
      json = JSON.parse(body);
    } catch {
      // recorded as null; a test asserting on shapes will notice
    }
    const info: RequestInfo = {
      index: this.requests.length,
      at: this.now(),
      key,
      attemptForKey: this.requests.filter((r) => r.key !== null && r.key === key).length + 1,
      json,
    };
    const record: StreamRequest = {
      ...info,
      body,
      signatureValid: verify(this.options.secret, raw, headerOf(req, 'stream-webhook-signature')),
      authorization: headerOf(req, 'authorization'),
      outcome: 'answered',
      status: null,
    };
    this.requests.push(record);
    const reply = (status: number, text: string, headers: Record<string, string> = {}): void => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
    };

    if (!record.signatureValid || !this.authorized(record.authorization)) {
      record.outcome = 'unauthorized';
      reply(401, '{"error":"unauthorized"}');
    } else {
      const behaviour = this.queued.shift() ?? this.script?.(info) ?? { kind: 'process' };
      switch (behaviour.kind) {
        case 'status':
          reply(
            behaviour.status,
            behaviour.body ?? `{"error":"scripted ${behaviour.status}"}`,
            behaviour.headers,
          );
          break;
        case 'hang':
          record.outcome = 'hung';
          this.hanging.add(res);
          res.on('close', () => {
            this.hanging.delete(res);
            this.emit('request', record);
          });
          break;
        case 'reset-after-processing':
          this.apply(record);
          record.outcome = 'reset';
          req.socket.resetAndDestroy();
          break;
        case 'process':
          this.apply(record);
          reply(200, '{"received":true}');
          break;
      }
    }
    this.emit('request', record);
  }

  /** The event's effect, once per key: a repeat is recognised and changes nothing. */
  private apply(record: StreamRequest): void {
    if (record.key && this.effectByKey.has(record.key)) {
      record.outcome = 'duplicate';
      return;
    }
    record.outcome = 'processed';
    const effect = {
      key: record.key ?? `(no key #${record.index})`,
      at: record.at,
      json: record.json,
    };
    this.effects.push(effect);
    if (record.key) this.effectByKey.set(record.key, effect);
  }

  private authorized(authorization: string | null): boolean {
    if (!this.options.oauth) return true;
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const expiresAt = token ? this.tokens.get(token) : undefined;
    return expiresAt !== undefined && this.now() < expiresAt;
  }

  private issueToken(req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const oauth = this.options.oauth;
    const basic = /^Basic (\S+)$/.exec(headerOf(req, 'authorization') ?? '')?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)
      : [];
    const grant = new URLSearchParams(raw.toString('utf8')).get('grant_type');
    const ok =
      !!oauth &&
      id === oauth.clientId &&
      secret === oauth.clientSecret &&
      grant === 'client_credentials';
    this.tokenRequests.push({ at: this.now(), ok });
    if (!ok || !oauth) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}');
      return;
    }
    const token = `tok_${this.tokenRequests.length}_${Math.random().toString(36).slice(2)}`;
    const expiresIn = oauth.expiresInSeconds ?? 3600;
    this.tokens.set(token, this.now() + expiresIn * 1000);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: expiresIn }));
  }
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

function verify(secret: string, body: Buffer, header: string | null): boolean {
  if (!header || !/^[0-9a-f]{64}$/.test(header)) return false;
  return timingSafeEqual(
    Buffer.from(header, 'hex'),
    createHmac('sha256', secret).update(body).digest(),
  );
}

/** What a ManualClock-driven test needs from the delivery worker. */
export interface WorkerActivity {
  activity(): { inFlight: number; tickQueued: boolean; nextWakeAt: number | null };
}

/**
 * Moves a ManualClock forward in small steps until `done()` holds, letting real HTTP between
 * the worker and the fake Stream finish before each step: time only moves while every attempt
 * in flight is parked at a `hang`, so clock times seen by the fake are exact to one step.
 */
export async function driveClockUntil(options: {
  clock: ManualClock;
  worker: WorkerActivity;
  fake: FakeStream;
  done: () => boolean;
  stepMs?: number;
  maxClockMs?: number;
}): Promise<void> {
  const { clock, worker, fake, done } = options;
  const step = options.stepMs ?? 100;
  const limit = clock.now() + (options.maxClockMs ?? 10 * 60_000);
  for (;;) {
    await settled(worker, fake);
    if (done()) return;
    if (clock.now() >= limit)
      throw new Error(
        `driveClockUntil: not done after ${options.maxClockMs ?? 600_000} ms of clock time`,
      );
    // Nothing in flight: jump straight to the worker's next wake-up (exact, and fast); while an
    // attempt hangs, creep forward so its timeout fires at the right step.
    const { inFlight, nextWakeAt } = worker.activity();
    const jump =
      inFlight === 0 && nextWakeAt !== null ? Math.max(1, nextWakeAt - clock.now()) : step;
    clock.advance(Math.min(jump, Math.max(1, limit - clock.now())));
  }
}

/** Real time passes only for I/O here: each turn yields to the event loop until quiet. */
async function settled(
  worker: WorkerActivity,
  fake: FakeStream,
  realLimitMs = 10_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    const a = worker.activity();
    if (!a.tickQueued && a.inFlight === fake.hangingCount()) {
      // One more turn: a just-finished attempt may still be writing its result and poking.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const b = worker.activity();
      if (!b.tickQueued && b.inFlight === fake.hangingCount()) return;
    }
    if (Date.now() - started > realLimitMs)
      throw new Error('driveClockUntil: worker never settled');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export interface WithFakeStream {
  t: TestConnector;
  fake: FakeStream;
  /** driveClockUntil for this pair. */
  drive(done: () => boolean, options?: { stepMs?: number; maxClockMs?: number }): Promise<void>;
  /** A `done` for drive: Stream applied `n` effects and no event waits or is being sent. */
  allDelivered(n: number): () => boolean;
  dispose(): Promise<void>;
}

/** A fake Stream and a test connector sending to it, sharing one ManualClock. */
export async function startWithFakeStream(
  options: {
    config?: Record<string, unknown>;
    fake?: Omit<FakeStreamOptions, 'clock'>;
    streamLane?: Partial<StreamLaneOptions>;
    log?: Logger;
    dataDir?: string;
    clock?: ManualClock;
    /** A fake Stream already running (a restart keeps talking to the same one). */
    reuse?: FakeStream;
  } = {},
): Promise<WithFakeStream> {
  const clock = options.clock ?? new ManualClock();
  const fake = options.reuse ?? (await FakeStream.start({ clock, ...options.fake }));
  const config = options.config ?? {};
  const t = await startTestConnector({
    clock,
    config: { ...config, stream: { ...(config.stream as object), apiUrl: fake.url } },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.streamLane ? { streamLane: options.streamLane } : {}),
  });
  return {
    t,
    fake,
    allDelivered: (n) => () =>
      fake.effects.length === n &&
      t.connector.streamLane.repository.list('backlog', 1).length === 0,
    drive: (done, o = {}) =>
      driveClockUntil({ clock, worker: t.connector.streamLane, fake, done, ...o }),
    async dispose() {
      await t.dispose();
      await fake.close();
    },
  };
}
