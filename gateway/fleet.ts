// The gateway's view of the fleet, rebuilt from JetStream KV (the gateway itself keeps no state:
// a new replica reads the same buckets). A store is online when its last heartbeat is fresh and
// no replica marked it unreachable after that heartbeat (KV revisions order the two).
import type { NatsConnection } from '@nats-io/transport-node';
import { Kvm, type KV, type KvEntry } from '@nats-io/kv';
import {
  CATALOG_BUCKET,
  REGISTRY_BUCKET,
  StoreRecord,
  downKey,
  encodeJson,
  storeSubject,
  type StoreRefusalNotice,
} from '../electron/core/relay/wire.js';
import type { Logger } from '../electron/core/util/log.js';
import { refuseUnboundStore, type RefusedStore } from './store-binding.js';

interface Seen {
  record: StoreRecord;
  revision: number;
  /** Server time of the heartbeat (a restarted replica does not take old ones for fresh). */
  receivedAt: number;
}

export interface StoreView {
  record: StoreRecord;
  online: boolean;
}

export class Fleet {
  private readonly stores = new Map<string, Seen>();
  private readonly down = new Map<string, number>();
  private readonly refusedStores = new Map<string, RefusedStore>();
  private registry!: KV;
  private catalogs!: KV;
  private stopWatch: (() => void) | null = null;
  private stopped = false;
  private watchdog: NodeJS.Timeout | null = null;
  private lastEntryAt = Date.now();

  constructor(
    private readonly nc: NatsConnection,
    private readonly staleMs: number,
    private readonly now: () => number = Date.now,
    private readonly replicas = 1,
    private readonly binding: {
      storeMerchants?: Readonly<Record<string, string>> | undefined;
      log?: Logger;
    } = {},
  ) {}

  async start(): Promise<void> {
    const kvm = new Kvm(this.nc);
    // Created by the first replica, opened by the others (same options: create is idempotent).
    const options = { history: 1, replicas: this.replicas };
    this.registry = await whenJetStreamReady(() => kvm.create(REGISTRY_BUCKET, options));
    this.catalogs = await whenJetStreamReady(() => kvm.create(CATALOG_BUCKET, options));
    await this.follow(0);
    // Every store writes at least once per heartbeat: a watch silent for longer than a store
    // may go quiet is a watch that lost its consumer (a NATS node died under it) without ending.
    this.watchdog = setInterval(
      () => {
        if (this.stores.size > 0 && Date.now() - this.lastEntryAt > this.staleMs) {
          this.lastEntryAt = Date.now();
          this.stopWatch?.(); // its loop starts the next watch from the next revision
        }
      },
      Math.max(1000, this.staleMs / 2),
    );
    this.watchdog.unref();
  }

  /** Applies every registry change; a watch that ends (its consumer lived on a NATS node that
   * died) is started again from the next revision, so the view never freezes. */
  private async follow(fromRevision: number): Promise<void> {
    const watch = await whenJetStreamReady(() =>
      this.registry.watch({
        key: '>',
        ...(fromRevision > 0 ? { resumeFromRevision: fromRevision } : {}),
      }),
    );
    this.stopWatch = () => watch.stop();
    let next = fromRevision;
    void (async () => {
      for await (const e of watch) {
        next = e.revision + 1;
        this.lastEntryAt = Date.now();
        this.apply(e);
      }
      if (!this.stopped) await this.follow(next).catch(() => this.followLater(next));
    })();
  }

  private followLater(fromRevision: number): void {
    if (!this.stopped)
      setTimeout(
        () => void this.follow(fromRevision).catch(() => this.followLater(fromRevision)),
        1000,
      ).unref();
  }

  private apply(e: KvEntry): void {
    const [kind, id] = [e.key.slice(0, e.key.indexOf('.')), e.key.slice(e.key.indexOf('.') + 1)];
    if (e.operation !== 'PUT') {
      if (kind === 'loc') {
        this.stores.delete(id);
        this.refusedStores.delete(id);
      } else this.down.delete(id);
      return;
    }
    if (kind === 'down') this.down.set(id, Math.max(e.revision, this.down.get(id) ?? 0));
    else if (kind === 'loc') {
      const parsed = StoreRecord.safeParse(safeJson(e.string()));
      if (!parsed.success) return;
      const refused = refuseUnboundStore(this.binding.storeMerchants, id, parsed.data.merchantId);
      if (refused) {
        // Logged once per change, not per heartbeat.
        if (this.refusedStores.get(id)?.reason !== refused.reason)
          this.binding.log?.warn('store refused: merchant not bound', { ...refused });
        this.refusedStores.set(id, refused);
        this.stores.delete(id);
        // Every heartbeat: a store that restarted (or missed one) learns it again.
        this.tellStore(id, refused);
        return;
      }
      if (this.refusedStores.delete(id)) this.tellStore(id, null);
      this.stores.set(id, {
        record: parsed.data,
        revision: e.revision,
        receivedAt: e.created.getTime(),
      });
    }
  }

  /** The store's own screen says why it gets no orders (StoreRefusalNotice); a lost notice is
   * sent again with the next heartbeat. */
  private tellStore(locationId: string, refused: RefusedStore | null): void {
    const notice: StoreRefusalNotice = {
      storeRefusal: {
        locationId,
        refusal: refused && {
          reason: refused.reason,
          claimedMerchant: refused.claimedMerchant,
          ...(refused.boundMerchant !== undefined ? { boundMerchant: refused.boundMerchant } : {}),
        },
      },
    };
    try {
      this.nc.publish(storeSubject(locationId), encodeJson(notice));
    } catch (err) {
      this.binding.log?.warn('could not tell a store it is refused', {
        location: locationId,
        error: (err as Error).message,
      });
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.stopWatch?.();
  }

  get(locationId: string): StoreView | null {
    const seen = this.stores.get(locationId);
    if (!seen) return null;
    const downAt = this.down.get(locationId) ?? 0;
    const fresh = this.now() - seen.receivedAt < this.staleMs;
    return { record: seen.record, online: fresh && downAt < seen.revision };
  }

  all(): StoreView[] {
    return [...this.stores.keys()].map((id) => this.get(id)!);
  }

  /** Stores whose claimed merchant the gateway's `storeMerchants` list does not bind them to. */
  refused(): RefusedStore[] {
    return [...this.refusedStores.values()];
  }

  /** Why this location is refused; null when it is not (bound, or unknown altogether). */
  refusal(locationId: string): RefusedStore | null {
    return this.refusedStores.get(locationId) ?? null;
  }

  /** A replica that got no answer marks the store offline for every replica. */
  async markDown(locationId: string, reason: string): Promise<void> {
    const rev = await this.registry.put(
      downKey(locationId),
      JSON.stringify({ at: this.now(), reason }),
    );
    this.down.set(locationId, Math.max(rev, this.down.get(locationId) ?? 0));
  }

  async lastCatalog(locationId: string): Promise<string | null> {
    const entry = await this.catalogs.get(locationId);
    return entry && entry.operation === 'PUT' ? entry.string() : null;
  }
}

/** A cluster that has just started (or lost its leader) answers JetStream requests only once it
 * has elected one: a replica started beside it waits for that instead of exiting. */
export async function whenJetStreamReady<T>(
  create: () => Promise<T>,
  withinMs = 30_000,
): Promise<T> {
  const end = Date.now() + withinMs;
  for (;;) {
    try {
      return await create();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
