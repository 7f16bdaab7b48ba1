// The gateway's view of the fleet, rebuilt from JetStream KV (the gateway itself keeps no state:
// a new replica reads the same buckets). A store is online when its last heartbeat is fresh and
// no replica marked it unreachable after that heartbeat (KV revisions order the two).
import type { NatsConnection } from '@nats-io/transport-node';
import { Kvm, type KV } from '@nats-io/kv';
import {
  CATALOG_BUCKET,
  REGISTRY_BUCKET,
  StoreRecord,
  downKey,
} from '../electron/core/relay/wire.js';

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
  private registry!: KV;
  private catalogs!: KV;
  private stopWatch: (() => void) | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly staleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    const kvm = new Kvm(this.nc);
    // Created by the first replica, opened by the others (same options: create is idempotent).
    this.registry = await kvm.create(REGISTRY_BUCKET, { history: 1 });
    this.catalogs = await kvm.create(CATALOG_BUCKET, { history: 1 });
    const watch = await this.registry.watch({ key: '>' });
    this.stopWatch = () => watch.stop();
    void (async () => {
      for await (const e of watch) {
        const [kind, id] = [
          e.key.slice(0, e.key.indexOf('.')),
          e.key.slice(e.key.indexOf('.') + 1),
        ];
        if (e.operation !== 'PUT') {
          if (kind === 'loc') this.stores.delete(id);
          else this.down.delete(id);
          continue;
        }
        if (kind === 'down') this.down.set(id, e.revision);
        else if (kind === 'loc') {
          const parsed = StoreRecord.safeParse(safeJson(e.string()));
          if (parsed.success)
            this.stores.set(id, {
              record: parsed.data,
              revision: e.revision,
              receivedAt: e.created.getTime(),
            });
        }
      }
    })();
  }

  stop(): void {
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
