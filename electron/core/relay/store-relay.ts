// A store's side of the chain relay: an outbound NATS connection that answers the gateway's
// relayed Stream requests through this connector's own Stream server (`inject()`: the same
// authentication, idempotency and validation as a direct call), and keeps the store's registry
// record and last catalog in JetStream KV. It also takes the gateway's withdrawals: an order the
// gateway refused `pos_offline` because this store's answer came too late (gateway/README.md),
// and the gateway's word that it refuses this store (its merchant binding). A NATS server that is
// not there at start-up does not hold the connector up: the relay keeps trying in the background,
// and RelayStatus puts both faults on this store's health.
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { Kvm, type KV } from '@nats-io/kv';
import type { Config } from '../config/schema.js';
import type { WithdrawalOutcome } from '../orders/lifecycle.js';
import {
  orderIdempotencyKey,
  storeUnreachableAnswer,
  type OrderCreatedObject,
} from '../stream/protocol/index.js';
import type { Logger } from '../util/log.js';
import { connectNats, natsAnswers } from './connect.js';
import { RelayConnection } from './relay-connection.js';
import type { RelayStatus } from './relay-status.js';
import {
  CATALOG_BUCKET,
  REGISTRY_BUCKET,
  RELAYABLE_ID,
  RelayRequest,
  StoreRefusalNotice,
  Withdrawal,
  encodeJson,
  registryKey,
  storeInboxPrefix,
  storeSubject,
  type RelayAnswer,
  type StoreRecord,
  type WithdrawalAck,
} from './wire.js';

/** How long a withdrawal for an order not received yet is remembered: a request still in flight
 * in NATS arrives within seconds, and none survives this connection (core NATS keeps nothing). */
const REFUSE_LATE_MS = 10 * 60_000;

/** One try of a NATS server: a server that drops packets is given up on this soon. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface StoreRelayDeps {
  config: Config;
  streamServer: FastifyInstance;
  log: Logger;
  version: string;
  startedAt: number;
  /** The heartbeat's live figures, read fresh at every beat (metrics/store-vitals.ts). */
  heartbeat: () => Promise<StoreRecord['heartbeat']>;
  /** The catalog as Get Catalog serves it now, or null before one is loaded. */
  catalog: () => unknown;
  /** Withdraw the order with this idempotency key (orders/lifecycle.ts withdrawUnanswered). */
  withdraw: (idempotencyKey: string) => WithdrawalOutcome;
  /** Where the connection's state and the gateway's refusal go (health reads it). */
  status: RelayStatus;
}

/** Tests: hold a relayed request before this store takes it in (a late delivery) or after it
 * did but before the answer leaves (a late or lost answer), to control lateness exactly. */
export interface RelayHooks {
  beforeInject?: (req: RelayRequest) => Promise<void>;
  beforeRespond?: (req: RelayRequest, answer: RelayAnswer) => Promise<void>;
}

export class StoreRelay {
  private nc: NatsConnection | null = null;
  private sub: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private registry: KV | null = null;
  private catalogs: KV | null = null;
  private lastCatalogHash = '';
  private readonly link: RelayConnection;
  private readonly inFlight = new Set<Promise<void>>();
  /** Orders withdrawn before they arrived: idempotency key → until when to refuse them. */
  private readonly refuseLate = new Map<string, number>();
  /** Tests only (RelayHooks). */
  hooks: RelayHooks = {};

  constructor(private readonly deps: StoreRelayDeps) {
    const { id } = deps.config.location;
    if (!RELAYABLE_ID.test(id))
      throw new Error(
        `location.id "${id}" cannot be relayed: use letters, digits, - or _ (at most 128)`,
      );
    const { relay } = deps.config;
    this.link = new RelayConnection({
      connect: async () => {
        if (!(await natsAnswers(relay.url!, CONNECT_TIMEOUT_MS)))
          throw new Error(`no NATS server answered within ${CONNECT_TIMEOUT_MS / 1000} s`);
        return connectNats(
          { url: relay.url!, user: relay.user, password: relay.password },
          {
            name: `store-${id}`,
            inboxPrefix: storeInboxPrefix(id),
            waitOnFirstConnect: false,
            timeoutMs: CONNECT_TIMEOUT_MS,
          },
        );
      },
      onUp: (nc) => this.up(nc),
      onDown: (error) => this.down(error),
      log: deps.log,
    });
  }

  /** Connected when it returns if the server answers at once; else it keeps trying in the
   * background (relay-connection.ts: the store serves its counter meanwhile, and its health
   * says the relay is down). */
  async start(): Promise<void> {
    if (!this.deps.config.relay.url) return;
    await this.link.start();
  }

  private up(nc: NatsConnection): void {
    const { config, log, status } = this.deps;
    const { relay, location } = config;
    this.nc = nc;
    status.connected();
    this.sub = nc.subscribe(storeSubject(location.id), {
      callback: (err, msg) => {
        if (err) return log.warn('relay subscription failed', { error: err.message });
        const job = this.answer(msg).finally(() => this.inFlight.delete(job));
        this.inFlight.add(job);
      },
    });
    void this.watchStatus(nc);
    log.info('relay connected', { server: nc.getServer(), subject: storeSubject(location.id) });
    void this.beat();
    this.timer = setInterval(() => void this.beat(), relay.heartbeatSeconds * 1000);
    this.timer.unref();
  }

  /** NATS closed the connection for good (a password refused twice …): down until a new one. */
  private down(error: Error | undefined): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sub = null;
    this.nc = null;
    this.deps.status.disconnected();
    this.deps.log.warn('relay connection closed by NATS; trying again', { error: error?.message });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sub?.unsubscribe();
    await Promise.allSettled([...this.inFlight]);
    await this.link.stop();
    this.nc = null;
  }

  /** Kill the connection without draining (tests: a store that vanishes). */
  get connection(): NatsConnection | null {
    return this.nc;
  }

  private async answer(msg: Msg): Promise<void> {
    const json = safeJson(msg.data);
    const withdrawal = Withdrawal.safeParse(json);
    if (withdrawal.success) return this.takeWithdrawal(msg, withdrawal.data);
    const notice = StoreRefusalNotice.safeParse(json);
    if (notice.success) return this.takeRefusal(notice.data);
    const parsed = RelayRequest.safeParse(json);
    if (!parsed.success) {
      msg.respond(
        encodeJson(
          jsonAnswer(400, { error: { code: 'bad_relay_request', message: 'not a relay request' } }),
        ),
      );
      return;
    }
    const req = parsed.data;
    await this.hooks.beforeInject?.(req);
    if (this.withdrawnBeforeArrival(req)) {
      this.deps.log.warn('refused an order that arrived after the gateway told Stream pos_offline');
      msg.respond(encodeJson(refusedAnswer()));
      return;
    }
    const res = await this.deps.streamServer.inject({
      method: req.method,
      url: req.url,
      headers: req.headers,
      ...(req.body !== undefined ? { payload: Buffer.from(req.body, 'base64') } : {}),
    });
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'retry-after']) {
      const v = res.headers[name];
      if (typeof v === 'string') headers[name] = v;
    }
    let answer: RelayAnswer = {
      status: res.statusCode,
      headers,
      body: res.rawPayload.toString('base64'),
    };
    // Its withdrawal came while it was being taken in (and found nothing yet): withdraw now.
    if (res.statusCode < 400 && this.withdrawnBeforeArrival(req)) {
      this.deps.withdraw(this.refusedKeyOf(req)!);
      answer = refusedAnswer();
    }
    await this.hooks.beforeRespond?.(req, answer);
    msg.respond(encodeJson(answer));
  }

  /** The gateway told Stream `pos_offline` for one of our orders: withdraw it, or, when it has
   * not arrived (yet), refuse it if it still does. The answer lets the gateway forget it. */
  private takeWithdrawal(msg: Msg, { withdraw }: Withdrawal): void {
    const { log, config } = this.deps;
    if (withdraw.locationId !== config.location.id) return; // not ours: no answer, it retries
    let outcome: WithdrawalAck['withdrawal'];
    try {
      outcome = this.deps.withdraw(withdraw.idempotencyKey);
    } catch (err) {
      // Unanswered: the gateway asks again (storage full, database busy …).
      log.warn('could not withdraw an order the gateway refused', {
        error: (err as Error).message,
      });
      return;
    }
    const now = Date.now();
    for (const [key, until] of this.refuseLate) if (until < now) this.refuseLate.delete(key);
    if (outcome === 'not_here') this.refuseLate.set(withdraw.idempotencyKey, now + REFUSE_LATE_MS);
    msg.respond(encodeJson({ withdrawal: outcome } satisfies WithdrawalAck));
  }

  /** The gateway refuses this store (or no longer does): said on this store's own health. */
  private takeRefusal({ storeRefusal }: StoreRefusalNotice): void {
    const { log, config, status } = this.deps;
    if (storeRefusal.locationId !== config.location.id) return;
    const reason = storeRefusal.refusal?.reason ?? null;
    if (reason !== null && !status.isRefused)
      log.warn('the chain gateway refuses this store', { reason });
    status.refused(reason);
  }

  /** An `order.created` the gateway already refused for us (its withdrawal came first). */
  private withdrawnBeforeArrival(req: RelayRequest): boolean {
    return this.refuseLate.size > 0 && this.refusedKeyOf(req) !== null;
  }

  /** The request's idempotency key when it is an `order.created` withdrawn before it arrived. */
  private refusedKeyOf(req: RelayRequest): string | null {
    if (req.body === undefined) return null;
    const raw = Buffer.from(req.body, 'base64');
    const event = safeJson(raw) as { type?: unknown; object?: OrderCreatedObject } | undefined;
    if (event?.type !== 'order.created' || !event.object) return null;
    const key = orderIdempotencyKey(event.object, createHash('sha256').update(raw).digest('hex'));
    return this.refuseLate.has(key) ? key : null;
  }

  private async beat(): Promise<void> {
    const nc = this.nc;
    if (!nc || nc.isClosed()) return;
    const { config, log } = this.deps;
    try {
      const kvm = new Kvm(nc);
      this.registry ??= await kvm.open(REGISTRY_BUCKET);
      this.catalogs ??= await kvm.open(CATALOG_BUCKET);
      const { location, relay } = config;
      const record: StoreRecord = {
        locationId: location.id,
        merchantId: relay.merchantId,
        name: location.name,
        address: location.address,
        prepTimeMinutes: location.prepTimeMinutes,
        version: this.deps.version,
        startedAt: this.deps.startedAt,
        heartbeatSeconds: relay.heartbeatSeconds,
        heartbeat: await this.deps.heartbeat(),
      };
      await this.registry.put(registryKey(location.id), JSON.stringify(record));
      const catalog = this.deps.catalog();
      if (catalog) {
        const text = JSON.stringify(catalog);
        const hash = createHash('sha256').update(text).digest('hex');
        if (hash !== this.lastCatalogHash) {
          await this.catalogs.put(location.id, text);
          this.lastCatalogHash = hash;
        }
      }
    } catch (err) {
      // The next beat tries again; a registry that cannot be written must not stop orders.
      log.warn('relay heartbeat failed', { error: (err as Error).message });
    }
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnect')
        this.deps.log.info(`relay ${s.type}`, { server: 'server' in s ? s.server : undefined });
      if (s.type === 'disconnect') this.deps.status.disconnected();
      if (s.type === 'reconnect') {
        this.deps.status.connected();
        void this.beat();
      }
    }
  }
}

function safeJson(data: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The gateway's own `pos_offline` answer, as this store now gives it for a withdrawn order. */
function refusedAnswer(): RelayAnswer {
  const refusal = storeUnreachableAnswer();
  return jsonAnswer(refusal.status, refusal.body);
}

export function jsonAnswer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): RelayAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: Buffer.from(JSON.stringify(body)).toString('base64'),
  };
}
