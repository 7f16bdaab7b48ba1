// 86: item families, items and modifiers that cannot be made right now, "for the rest of today"
// (until the store's day rollover), "for N hours", until a time, or until turned back on. The
// rows live in SQLite and are mirrored in memory, because every incoming order and every catalog
// request asks "is this id 86'd?". An entry whose time has passed counts as available at once,
// even before the timer has restored it.
import type { z } from 'zod';
import type {
  AvailabilityRequest,
  AvailabilityState,
  CatalogObjectHit,
  CatalogObjectType,
  RestoredEntry,
  UnavailableEntry,
} from '../../../shared/store.js';
import type { AvailabilityOverlay, CatalogStore } from '../catalog/catalog.js';
import type { Actor, CoreContext } from '../context.js';
import type { AuditLog } from '../manager/audit-log.js';
import type { NormalizedOrder, StockProblem } from '../stream/protocol/index.js';
import { ApiError } from '../util/errors.js';
import { describeLocalTime } from '../../../shared/store-clock.js';
import { CatalogLookup } from './catalog-lookup.js';
import { nextRollover, resolveDuration, type StoreClockSettings } from './durations.js';

interface UnavailableRow {
  provider_id: string;
  object_type: CatalogObjectType;
  name: string | null;
  mode: UnavailableEntry['mode'];
  since: number;
  until: number | null;
  reason: string | null;
  actor: string;
}

const SUMMARY_WINDOW_MS = 24 * 3_600_000;
export const AUTO_RESTORE_ACTOR = 'system:timer';

export class ItemAvailability implements AvailabilityOverlay {
  private readonly stmts;
  private readonly entries = new Map<string, UnavailableRow>();
  private readonly lookup: CatalogLookup;
  private changes = 0;

  constructor(
    private readonly ctx: CoreContext,
    catalog: CatalogStore,
    private readonly audit: AuditLog,
    private readonly clockSettings: StoreClockSettings,
    private readonly onChanged: () => void,
  ) {
    const { db } = ctx;
    this.stmts = {
      all: db.prepare(`SELECT * FROM unavailable_objects`),
      upsert:
        db.prepare(`INSERT INTO unavailable_objects (provider_id, object_type, name, mode, since, until, reason, actor)
          VALUES (@provider_id, @object_type, @name, @mode, @since, @until, @reason, @actor)
          ON CONFLICT (provider_id) DO UPDATE SET object_type = excluded.object_type, name = excluded.name,
            mode = excluded.mode, since = excluded.since, until = excluded.until, reason = excluded.reason, actor = excluded.actor`),
      remove: db.prepare(`DELETE FROM unavailable_objects WHERE provider_id = ?`),
      restored:
        db.prepare(`INSERT INTO availability_restorations (provider_id, object_type, name, unavailable_since, due_at,
          restored_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      recentAuto:
        db.prepare(`SELECT * FROM availability_restorations WHERE actor = ? AND restored_at > ?
          ORDER BY restored_at DESC, id DESC LIMIT 500`),
    };
    for (const row of this.stmts.all.all() as UnavailableRow[])
      this.entries.set(row.provider_id, row);
    this.lookup = new CatalogLookup(catalog);
  }

  isUnavailable(providerId: string, now = this.ctx.clock.now()): boolean {
    const e = this.entries.get(providerId);
    return !!e && (e.until === null || e.until > now);
  }

  // AvailabilityOverlay: what the catalog served to Stream shows as `is_active: false`.
  version(): number {
    return this.changes;
  }

  unavailableIds(): ReadonlySet<string> {
    const now = this.ctx.clock.now();
    return new Set([...this.entries.keys()].filter((id) => this.isUnavailable(id, now)));
  }

  /** 86 (`available: false`) or restore several objects in one transaction. */
  set(
    request: z.output<typeof AvailabilityRequest>,
    actor: Actor,
    managerPin: boolean,
  ): AvailabilityState {
    const now = this.ctx.clock.now();
    const ids = [...new Set(request.providerIds)];
    const reason = request.reason || null;
    if (request.available) {
      const field = (['hours', 'until', 'restOfDay'] as const).find(
        (k) => request[k] !== undefined,
      );
      if (field)
        throw new ApiError(
          400,
          'invalid_request',
          `body.${field}: only when available is false`,
          `body.${field}`,
        );
      this.requireKnown(ids.filter((id) => !this.entries.has(id)));
      this.ctx.db.transaction(() => {
        for (const id of ids)
          if (this.entries.has(id))
            this.restore(this.entries.get(id)!, now, actor, 'catalog.restored', reason, managerPin);
      })();
      for (const id of ids) this.entries.delete(id);
    } else {
      const { mode, until } = resolveDuration(request, this.clockSettings, now);
      this.requireKnown(ids);
      const rows: UnavailableRow[] = ids.map((id) => {
        const found = this.lookup.find(id)!;
        return {
          provider_id: id,
          object_type: found.type,
          name: found.name,
          mode: mode === 'minutes' ? 'until' : mode,
          since: now,
          until,
          reason,
          actor,
        };
      });
      const end =
        until === null
          ? 'until turned back on'
          : `until ${describeLocalTime(this.clockSettings.timeZone, until, now)}`;
      this.ctx.db.transaction(() => {
        for (const row of rows) {
          this.stmts.upsert.run(row);
          this.audit.record({
            at: now,
            actor,
            action: 'catalog.86',
            target: row.provider_id,
            reason,
            detail: `${row.object_type} "${row.name ?? ''}" ${end}`,
            managerPin,
          });
        }
      })();
      for (const row of rows) this.entries.set(row.provider_id, row);
    }
    this.changes++;
    const state = this.state(now);
    this.ctx.bus.publish('catalog.availability.updated', state);
    this.onChanged();
    return state;
  }

  /** The timer's work: turn back on everything whose time has come. Returns what it restored. */
  tick(now: number): RestoredEntry[] {
    const due = [...this.entries.values()].filter((e) => e.until !== null && e.until <= now);
    if (!due.length) return [];
    this.ctx.db.transaction(() => {
      for (const e of due)
        this.restore(e, now, AUTO_RESTORE_ACTOR, 'catalog.restored_automatically', e.reason, false);
    })();
    for (const e of due) this.entries.delete(e.provider_id);
    this.changes++;
    const restored = due.map((e) => restoredEntry(e, now, AUTO_RESTORE_ACTOR));
    this.ctx.bus.publish('catalog.availability.restored', { at: now, restored });
    this.ctx.bus.publish('catalog.availability.updated', this.state(now));
    return restored;
  }

  nextWakeAt(): number | null {
    let next: number | null = null;
    for (const e of this.entries.values())
      if (e.until !== null && (next === null || e.until < next)) next = e.until;
    return next;
  }

  state(now = this.ctx.clock.now()): AvailabilityState {
    const unavailable = [...this.entries.values()]
      .filter((e) => this.isUnavailable(e.provider_id, now))
      .sort((a, b) => a.since - b.since || a.provider_id.localeCompare(b.provider_id))
      .map((e): UnavailableEntry => ({
        providerId: e.provider_id,
        type: e.object_type,
        name: e.name,
        mode: e.mode,
        since: e.since,
        until: e.until,
        reason: e.reason,
        by: e.actor,
      }));
    const rows = this.stmts.recentAuto.all(AUTO_RESTORE_ACTOR, now - SUMMARY_WINDOW_MS) as {
      provider_id: string;
      object_type: CatalogObjectType;
      name: string | null;
      unavailable_since: number;
      due_at: number | null;
      restored_at: number;
      actor: string;
    }[];
    const restoredAutomatically = rows.map((r) => ({
      providerId: r.provider_id,
      type: r.object_type,
      name: r.name,
      unavailableSince: r.unavailable_since,
      dueAt: r.due_at,
      restoredAt: r.restored_at,
      by: r.actor,
    }));
    return {
      unavailable,
      restoredAutomatically,
      nextRolloverAt: nextRollover(this.clockSettings, now),
    };
  }

  search(q: string, type: CatalogObjectType | undefined, limit: number): CatalogObjectHit[] {
    const now = this.ctx.clock.now();
    return this.lookup.search(q, type, limit).map((o) => {
      const e = this.isUnavailable(o.providerId, now) ? this.entries.get(o.providerId)! : null;
      return { ...o, available: !e, unavailableUntil: e?.until ?? null };
    });
  }

  /**
   * `stockValidation` for an order naming 86'd objects (A2). A line item's id is the family, or
   * `family|item`; it is out when either part is. The id reported is the one the order used, so
   * Stream can match it to its own line.
   */
  stockProblems(order: NormalizedOrder, now: number): StockProblem[] {
    if (!this.entries.size) return [];
    const problems = new Map<string, StockProblem>();
    const out = (type: 'item' | 'modifier', id: string): void => {
      problems.set(`${type}:${id}`, { type, provider_id: id, quantity: 0 });
    };
    const visit = (mods: NormalizedOrder['lineItems'][number]['modifiers']): void => {
      for (const m of mods) {
        if (m.providerId && this.isUnavailable(m.providerId, now)) out('modifier', m.providerId);
        visit(m.modifiers);
      }
    };
    for (const li of order.lineItems) {
      if (li.providerId) {
        const bar = li.providerId.indexOf('|');
        const parts =
          bar < 0 ? [li.providerId] : [li.providerId.slice(0, bar), li.providerId.slice(bar + 1)];
        if (parts.some((p) => this.isUnavailable(p, now))) out('item', li.providerId);
      }
      visit(li.modifiers);
    }
    return [...problems.values()];
  }

  /** Database only; the caller updates `entries` once the transaction has committed. */
  private restore(
    e: UnavailableRow,
    now: number,
    actor: Actor,
    action: string,
    reason: string | null,
    managerPin: boolean,
  ): void {
    this.stmts.remove.run(e.provider_id);
    this.stmts.restored.run(e.provider_id, e.object_type, e.name, e.since, e.until, now, actor);
    this.audit.record({
      at: now,
      actor,
      action,
      target: e.provider_id,
      reason,
      detail: `${e.object_type} "${e.name ?? ''}" unavailable since ${new Date(e.since).toISOString()}`,
      managerPin,
    });
  }

  private requireKnown(ids: readonly string[]): void {
    if (!ids.length) return;
    if (!this.lookup.loaded())
      throw new ApiError(
        409,
        'catalog_not_loaded',
        'no catalog is loaded: load one before marking items unavailable',
      );
    const unknown = ids.filter((id) => !this.lookup.find(id));
    if (unknown.length)
      throw new ApiError(
        400,
        'invalid_request',
        `body.providerIds: not in the catalog as an item family, item or modifier: ${unknown.join(', ')}`,
        'body.providerIds',
      );
  }
}

function restoredEntry(e: UnavailableRow, now: number, actor: string): RestoredEntry {
  return {
    providerId: e.provider_id,
    type: e.object_type,
    name: e.name,
    unavailableSince: e.since,
    dueAt: e.until,
    restoredAt: now,
    by: actor,
  };
}
