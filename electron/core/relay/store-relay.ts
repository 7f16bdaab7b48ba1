// A store's side of the chain relay: an outbound NATS connection that answers the gateway's
// relayed Stream requests through this connector's own Stream server (`inject()`: the same
// authentication, idempotency and validation as a direct call), and keeps the store's registry
// record and last catalog in JetStream KV.
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { Kvm, type KV } from '@nats-io/kv';
import type { Config } from '../config/schema.js';
import type { Logger } from '../util/log.js';
import { connectNats } from './connect.js';
import {
  CATALOG_BUCKET,
  REGISTRY_BUCKET,
  RELAYABLE_ID,
  RelayRequest,
  encodeJson,
  registryKey,
  storeInboxPrefix,
  storeSubject,
  type RelayAnswer,
  type StoreRecord,
} from './wire.js';

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
}

export class StoreRelay {
  private nc: NatsConnection | null = null;
  private sub: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private registry: KV | null = null;
  private catalogs: KV | null = null;
  private lastCatalogHash = '';
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: StoreRelayDeps) {
    const { id } = deps.config.location;
    if (!RELAYABLE_ID.test(id))
      throw new Error(
        `location.id "${id}" cannot be relayed: use letters, digits, - or _ (at most 128)`,
      );
  }

  async start(): Promise<void> {
    const { config, log } = this.deps;
    const { relay, location } = config;
    if (!relay.url) return;
    this.nc = await connectNats(
      { url: relay.url, user: relay.user, password: relay.password },
      { name: `store-${location.id}`, inboxPrefix: storeInboxPrefix(location.id) },
    );
    this.sub = this.nc.subscribe(storeSubject(location.id), {
      callback: (err, msg) => {
        if (err) return log.warn('relay subscription failed', { error: err.message });
        const job = this.answer(msg).finally(() => this.inFlight.delete(job));
        this.inFlight.add(job);
      },
    });
    void this.watchStatus(this.nc);
    log.info('relay connected', {
      server: this.nc.getServer(),
      subject: storeSubject(location.id),
    });
    void this.beat();
    this.timer = setInterval(() => void this.beat(), relay.heartbeatSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sub?.unsubscribe();
    await Promise.allSettled([...this.inFlight]);
    await this.nc?.close();
    this.nc = null;
  }

  /** Kill the connection without draining (tests: a store that vanishes). */
  get connection(): NatsConnection | null {
    return this.nc;
  }

  private async answer(msg: Msg): Promise<void> {
    let answer: RelayAnswer;
    const parsed = RelayRequest.safeParse(safeJson(msg.data));
    if (!parsed.success) {
      answer = jsonAnswer(400, {
        error: { code: 'bad_relay_request', message: 'not a relay request' },
      });
    } else {
      const req = parsed.data;
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
      answer = { status: res.statusCode, headers, body: res.rawPayload.toString('base64') };
    }
    msg.respond(encodeJson(answer));
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
      if (s.type === 'reconnect') void this.beat();
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
