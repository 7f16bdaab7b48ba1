// Whether the store takes orders: a manager's pause (timed or until resumed), the regular opening
// hours, and busy mode's extra prep minutes. Every state is derived from stored times and "now",
// so an order check is right even before a timer fires, and a restart loses nothing. Each change
// that Stream must know of writes `location.status.updated` to the outbox in the same transaction.
import { OutboxQueries } from '../outbox/queries.js';
import type { z } from 'zod';
import type {
  BusyRequest,
  PauseRequest,
  StoreStatus,
  StreamDelivery,
} from '../../../shared/store.js';
import type { Actor, CoreContext } from '../context.js';
import type { AuditLog } from '../manager/audit-log.js';
import { locationStatusUpdated } from '../stream/protocol/index.js';
import { ApiError } from '../util/errors.js';
import { nextRollover, resolveDuration, type StoreClockSettings } from './durations.js';
import { describeLocalTime } from '../../../shared/store-clock.js';
import type { OpeningSchedule } from './opening-hours.js';

interface ControlsRow {
  paused: 0 | 1;
  paused_at: number | null;
  paused_until: number | null;
  pause_reason: string | null;
  paused_by: string | null;
  busy_extra_minutes: number;
  busy_since: number | null;
  busy_until: number | null;
  busy_reason: string | null;
  busy_by: string | null;
  stream_status: 'active' | 'inactive' | null;
  stream_paused_until: number | null;
  stream_event_id: string | null;
}

export interface Availability {
  state: 'open' | 'paused' | 'closed';
  reopensAt: number | null;
}

/** The outbox ordering key of the store's status events: one at a time, in order. The Stream
 * lane tells the store when a row under it moved (`deliveryMoved`). */
export const STORE_STATUS_KEY = 'location';

export class StoreControls {
  private readonly stmts;
  private readonly outbox: OutboxQueries;
  private lastRevision = 0;

  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditLog,
    private readonly schedule: OpeningSchedule,
    private readonly clockSettings: StoreClockSettings,
    private readonly onChanged: () => void,
  ) {
    const { db } = ctx;
    this.outbox = new OutboxQueries(db);
    this.stmts = {
      get: db.prepare(`SELECT * FROM store_controls WHERE id = 1`),
      pause:
        db.prepare(`UPDATE store_controls SET paused = 1, paused_at = ?, paused_until = ?, pause_reason = ?,
          paused_by = ?, updated_at = ? WHERE id = 1`),
      unpause:
        db.prepare(`UPDATE store_controls SET paused = 0, paused_at = NULL, paused_until = NULL,
          pause_reason = NULL, paused_by = NULL, updated_at = ? WHERE id = 1`),
      busy: db.prepare(`UPDATE store_controls SET busy_extra_minutes = ?, busy_since = ?, busy_until = ?,
          busy_reason = ?, busy_by = ?, updated_at = ? WHERE id = 1`),
      streamSent:
        db.prepare(`UPDATE store_controls SET stream_status = ?, stream_paused_until = ?, stream_event_id = ?
          WHERE id = 1`),
    };
  }

  /** Where the store stands at `at` (now, or a future order's requested time). */
  availabilityAt(at: number): Availability {
    return this.evaluate(this.row(), at);
  }

  /** The reason Stream gets for `store_unavailable`, in the store's local time. */
  unavailableReason(a: Availability, now: number): string | null {
    if (a.state === 'open') return null;
    const word = a.state === 'paused' ? 'Paused' : 'Closed';
    if (a.reopensAt === null)
      return a.state === 'paused' ? 'Paused until further notice' : 'Closed';
    return `${word} until ${describeLocalTime(this.clockSettings.timeZone, a.reopensAt, now)}`;
  }

  /** The prep time to give Stream for an order taken now: the location's plus busy minutes. */
  prepTimeMinutes(now = this.ctx.clock.now()): number {
    return this.ctx.config.location.prepTimeMinutes + this.busyMinutes(this.row(), now);
  }

  status(now = this.ctx.clock.now()): StoreStatus {
    const row = this.row();
    const a = this.evaluate(row, now);
    const pauseActive = isPauseActive(row, now);
    const busyMinutes = this.busyMinutes(row, now);
    // Counts up from the clock, so a status read after a restart is still newer than any before.
    this.lastRevision = Math.max(this.lastRevision + 1, now);
    return {
      revision: this.lastRevision,
      acceptingOrders: a.state === 'open',
      state: a.state,
      reopensAt: a.reopensAt,
      unavailableReason: this.unavailableReason(a, now),
      pause: pauseActive
        ? {
            since: row.paused_at!,
            until: row.paused_until,
            reason: row.pause_reason,
            by: row.paused_by ?? 'unknown',
          }
        : null,
      schedule: {
        timeZone: this.schedule.timeZone,
        configured: this.schedule.configured,
        openNow: this.schedule.isOpen(now),
        nextChangeAt: this.schedule.nextChange(now),
      },
      busy: busyMinutes
        ? {
            extraMinutes: busyMinutes,
            since: row.busy_since!,
            until: row.busy_until,
            reason: row.busy_reason,
            by: row.busy_by ?? 'unknown',
          }
        : null,
      prepTimeMinutes: this.ctx.config.location.prepTimeMinutes + busyMinutes,
      stream: this.streamState(row),
      dayRolloverTime: this.clockSettings.dayRolloverTime,
      nextRolloverAt: nextRollover(this.clockSettings, now),
    };
  }

  pause(request: z.output<typeof PauseRequest>, actor: Actor, managerPin: boolean): StoreStatus {
    const now = this.ctx.clock.now();
    const { until } = resolveDuration(request, this.clockSettings, now);
    const reason = request.reason || null;
    this.ctx.db.transaction(() => {
      this.stmts.pause.run(now, until, reason, actor, now);
      const detail =
        until === null
          ? 'until resumed'
          : `until ${describeLocalTime(this.clockSettings.timeZone, until, now)}`;
      this.audit.record({ at: now, actor, action: 'store.paused', reason, detail, managerPin });
      this.syncStream(now);
    })();
    return this.changed(now);
  }

  /** Ends a manager's pause. Opening hours still apply; resuming an open store changes nothing. */
  resume(reason: string | undefined, actor: Actor, managerPin: boolean): StoreStatus {
    const now = this.ctx.clock.now();
    if (!isPauseActive(this.row(), now)) return this.status(now);
    this.ctx.db.transaction(() => {
      this.stmts.unpause.run(now);
      this.audit.record({
        at: now,
        actor,
        action: 'store.resumed',
        reason: reason || null,
        managerPin,
      });
      this.syncStream(now);
    })();
    return this.changed(now);
  }

  setBusy(request: z.output<typeof BusyRequest>, actor: Actor, managerPin: boolean): StoreStatus {
    const now = this.ctx.clock.now();
    const reason = request.reason || null;
    if (request.extraMinutes === 0) {
      const field =
        request.minutes !== undefined ? 'minutes' : request.until !== undefined ? 'until' : null;
      if (field)
        throw new ApiError(
          400,
          'invalid_request',
          `body.${field}: only when switching busy mode on`,
          `body.${field}`,
        );
      if (!this.busyMinutes(this.row(), now)) return this.status(now);
      this.ctx.db.transaction(() => {
        this.stmts.busy.run(0, null, null, null, null, now);
        this.audit.record({ at: now, actor, action: 'store.busy_off', reason, managerPin });
      })();
      return this.changed(now);
    }
    const { until } = resolveDuration(
      { minutes: request.minutes, until: request.until },
      this.clockSettings,
      now,
    );
    this.ctx.db.transaction(() => {
      this.stmts.busy.run(request.extraMinutes, now, until, reason, actor, now);
      const end =
        until === null
          ? 'until switched off'
          : `until ${describeLocalTime(this.clockSettings.timeZone, until, now)}`;
      this.audit.record({
        at: now,
        actor,
        action: 'store.busy_on',
        reason,
        detail: `+${request.extraMinutes} min prep ${end}`,
        managerPin,
      });
    })();
    return this.changed(now);
  }

  /**
   * The timer's work: end a pause or busy spell whose time has come, and tell Stream when opening
   * hours open or close the store. True when staff should hear of a change.
   */
  tick(now: number): boolean {
    const changed = this.ctx.db.transaction(() => {
      const row = this.row();
      let changed = false;
      if (row.paused && row.paused_until !== null && row.paused_until <= now) {
        this.stmts.unpause.run(now);
        this.audit.record({
          at: now,
          actor: 'system:timer',
          action: 'store.auto_resumed',
          reason: row.pause_reason,
          detail: `pause by ${row.paused_by ?? 'unknown'} ended at ${describeLocalTime(this.clockSettings.timeZone, row.paused_until, now)}`,
        });
        changed = true;
      }
      if (row.busy_extra_minutes > 0 && row.busy_until !== null && row.busy_until <= now) {
        this.stmts.busy.run(0, null, null, null, null, now);
        this.audit.record({
          at: now,
          actor: 'system:timer',
          action: 'store.busy_ended',
          detail: `+${row.busy_extra_minutes} min prep ended`,
        });
        changed = true;
      }
      return this.syncStream(now) || changed;
    })();
    if (changed) this.ctx.bus.publish('store.updated', this.status(now));
    return changed;
  }

  /** After the Stream lane committed an attempt at the status event (sent, retried, given up):
   * staff see whether Stream has it, its attempts and its next try, without asking. */
  deliveryMoved(): void {
    this.ctx.bus.publish('store.updated', this.status());
  }

  /** When the timer must next look: a pause or busy end, an opening-hours change. Whether Stream
   * has the status is no time to wait for: the lane says when an attempt ended (`deliveryMoved`). */
  nextWakeAt(now: number): number | null {
    const row = this.row();
    const times: number[] = [];
    if (row.paused && row.paused_until !== null) times.push(row.paused_until);
    if (row.busy_extra_minutes > 0 && row.busy_until !== null) times.push(row.busy_until);
    const change = this.schedule.nextChange(now);
    if (change !== null) times.push(change);
    return times.length ? Math.min(...times) : null;
  }

  private evaluate(row: ControlsRow, at: number): Availability {
    if (isPauseActive(row, at)) {
      return {
        state: 'paused',
        reopensAt: row.paused_until === null ? null : this.schedule.nextOpening(row.paused_until),
      };
    }
    if (!this.schedule.isOpen(at))
      return { state: 'closed', reopensAt: this.schedule.nextOpening(at) };
    return { state: 'open', reopensAt: null };
  }

  /**
   * Tells Stream when what it should show differs from what it was last told. Stream assumes a
   * location is active until told otherwise, so nothing is sent before the first real change.
   * Call inside the transaction of the change.
   */
  private syncStream(now: number): boolean {
    const row = this.row();
    const a = this.evaluate(row, now);
    const active = a.state === 'open';
    const pausedUntil = active ? null : a.reopensAt;
    const told = row.stream_status ?? 'active';
    if ((told === 'active') === active && row.stream_paused_until === pausedUntil) return false;
    const id = this.ctx.ids('evt');
    const event = locationStatusUpdated(
      this.ctx.config.location.id,
      active,
      pausedUntil ?? undefined,
    );
    this.ctx.outbox.enqueue({ id, lane: 'stream', orderingKey: STORE_STATUS_KEY, event, now });
    this.stmts.streamSent.run(active ? 'active' : 'inactive', pausedUntil, id);
    return true;
  }

  private streamState(row: ControlsRow): StoreStatus['stream'] {
    if (!row.stream_event_id || !row.stream_status) return null;
    const out = this.outbox.event(row.stream_event_id);
    return {
      status: row.stream_status,
      pausedUntil: row.stream_paused_until,
      eventId: row.stream_event_id,
      queuedAt: out?.created_at ?? 0,
      delivery: deliveryOf(out?.state),
      attempts: out?.attempts ?? 0,
      lastError: out?.last_error ?? null,
      outbox: out
        ? {
            eventId: out.id,
            kind: out.kind,
            state: out.state,
            attempts: out.attempts,
            createdAt: out.since,
            nextAttemptAt: out.next_attempt_at,
            sentAt: out.sent_at,
            lastError: out.last_error,
            deadlineAt: null,
          }
        : null,
    };
  }

  private busyMinutes(row: ControlsRow, now: number): number {
    return row.busy_extra_minutes > 0 && (row.busy_until === null || row.busy_until > now)
      ? row.busy_extra_minutes
      : 0;
  }

  private changed(now: number): StoreStatus {
    const status = this.status(now);
    this.ctx.bus.publish('store.updated', status);
    this.onChanged();
    return status;
  }

  private row(): ControlsRow {
    return this.stmts.get.get() as ControlsRow;
  }
}

function isPauseActive(row: ControlsRow, at: number): boolean {
  return row.paused === 1 && (row.paused_until === null || row.paused_until > at);
}

/** The outbox row's state as staff read it. Rows leave the outbox only once delivered (dead ones
 * stay for replay), so a row that is gone was delivered. */
function deliveryOf(state: string | undefined): StreamDelivery {
  if (state === undefined || state === 'sent') return 'delivered';
  if (state === 'dead') return 'failed';
  return 'pending';
}
