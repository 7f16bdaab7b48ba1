// What the board knows about orders: a snapshot loaded from `GET /api/orders`, kept current by
// push events. Plain TypeScript (no React) so the rules are testable and shared by every screen:
// newer `updatedAt` wins, a reload replaces everything, and the lanes are computed here once.
import { OPEN_STATUSES, type OrderStatus } from '../../../../shared/domain.js';
import type { OrderSummary } from '../../../../shared/order.js';
import { localDayAround } from '../../ui/format.js';

export interface Lanes {
  /** Waiting for a staff decision, most urgent first. */
  pending: OrderSummary[];
  /** Decided and being worked on (not future orders that are still waiting for their time). */
  inProgress: OrderSummary[];
  /** Accepted future orders that nobody has started yet, soonest first. */
  scheduled: OrderSummary[];
  /** Finished today: completed, rejected, expired, canceled; newest first. */
  done: OrderSummary[];
  /** Missed (nobody answered in time, or Stream canceled first) and not seen yet, any day;
   * newest first. They stay on the Orders screen until someone taps "Seen". */
  missed: OrderSummary[];
}

const IN_PROGRESS: readonly OrderStatus[] = ['accepted', 'preparing', 'ready', 'out_for_delivery'];
const DONE: readonly OrderStatus[] = ['completed', 'rejected', 'expired', 'canceled'];

export function isOpen(order: OrderSummary): boolean {
  return OPEN_STATUSES.includes(order.status);
}

export function lanesOf(orders: Iterable<OrderSummary>, now: number): Lanes {
  const lanes: Lanes = { pending: [], inProgress: [], scheduled: [], done: [], missed: [] };
  const today = localDayAround(now);
  const doneToday = (o: OrderSummary): boolean =>
    o.updatedAt >= today.start && o.updatedAt < today.end;
  for (const o of orders) {
    if (o.missed && o.missed.seenAt === null) lanes.missed.push(o);
    if (o.status === 'pending') lanes.pending.push(o);
    else if (o.status === 'accepted' && o.isFuture) lanes.scheduled.push(o);
    else if (IN_PROGRESS.includes(o.status)) lanes.inProgress.push(o);
    else if (DONE.includes(o.status) && doneToday(o)) lanes.done.push(o);
  }
  const deadline = (o: OrderSummary): number => o.staffDeadlineAt ?? Number.MAX_SAFE_INTEGER;
  lanes.pending.sort((a, b) => deadline(a) - deadline(b) || a.receivedAt - b.receivedAt);
  lanes.inProgress.sort((a, b) => a.receivedAt - b.receivedAt);
  const wanted = (o: OrderSummary): number =>
    o.requestedFor ? Date.parse(o.requestedFor) : o.receivedAt;
  lanes.scheduled.sort((a, b) => wanted(a) - wanted(b));
  lanes.done.sort((a, b) => b.updatedAt - a.updatedAt);
  lanes.missed.sort((a, b) => b.missed!.at - a.missed!.at);
  return lanes;
}

export class LiveOrders {
  private byId = new Map<string, OrderSummary>();
  private snapshot: readonly OrderSummary[] = [];
  private loaded = false;
  private readonly listeners = new Set<() => void>();
  /** Counts upserts; `touched` remembers the count at each order's last one. */
  private upserts = 0;
  private touched = new Map<string, number>();

  /** Call before asking for the list that `load` will get; pass its answer to `load`. */
  beginReload(): number {
    return this.upserts;
  }

  /** Replace everything with a fresh list (start-up and every reconnect). `since`: the mark
   * taken when the list was asked for. */
  load(orders: readonly OrderSummary[], since = this.upserts): void {
    // A push event newer than the list (it raced the reload) is kept, and so is an order pushed
    // while the list was on its way: the list was read before it existed.
    const next = new Map<string, OrderSummary>();
    for (const o of orders) {
      const known = this.byId.get(o.id);
      next.set(o.id, known && known.updatedAt > o.updatedAt ? known : o);
    }
    for (const [id, at] of this.touched) {
      if (at <= since) this.touched.delete(id);
      else if (!next.has(id)) next.set(id, this.byId.get(id)!);
    }
    this.byId = next;
    this.loaded = true;
    this.changed();
  }

  /** One order as pushed or as answered by a call; older news than we have is ignored. */
  upsert(order: OrderSummary): void {
    const known = this.byId.get(order.id);
    if (known && known.updatedAt > order.updatedAt) return;
    this.byId.set(order.id, order);
    this.touched.set(order.id, ++this.upserts);
    this.changed();
  }

  get(id: string): OrderSummary | undefined {
    return this.byId.get(id);
  }

  isLoaded(): boolean {
    return this.loaded;
  }

  all(): readonly OrderSummary[] {
    return this.snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.snapshot = [...this.byId.values()];
    for (const l of this.listeners) l();
  }
}
