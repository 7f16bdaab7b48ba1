// Staff decisions and the staff window's expiry. Each is one transaction: a conditional UPDATE
// (`status = 'pending'` and which side of the deadline we are on) plus the outbox row for Stream.
// Because better-sqlite3 runs each transaction to completion on one thread, and the deadline
// splits time in two (staff win strictly before it, the expiry at or after it), a decision and
// the expiry can never both win, even in the same millisecond.
import type { RejectCode } from '../../../shared/domain.js';
import type { OrderDetail } from '../../../shared/order.js';
import type { Actor, CoreContext } from '../context.js';
import type { OrderRow } from '../orders/rows.js';
import { ApiError, notFound } from '../util/errors.js';
import {
  describeValidation,
  orderAccepted,
  orderProblem,
  orderRejected,
  staffRejectValidation,
  TIMEOUT_REJECT_ERROR,
  TIMEOUT_REJECT_REASON,
  type PosValidation,
} from '../stream/protocol/index.js';

export interface RejectInput {
  code: RejectCode;
  reason?: string | undefined;
  unavailable?: { type: 'item' | 'modifier'; providerId: string }[] | undefined;
}

/** What a decision tells the rest of the core; given once, at construction (app.ts). */
export interface AcceptanceCollaborators {
  /** The prep time when staff do not give one: the location's plus busy-mode minutes. */
  prepTimeMinutes(): number;
  /** Inside each accept's transaction: the POS leg queues the order (electron/core/pos). */
  afterAccept(row: OrderRow, now: number): void;
  /** Inside each reject's and expiry's transaction: the POS leg takes the order back or voids it. */
  afterReject(id: string, now: number, reason: string): void;
  /** After the commit of an expiry that left an order missed (orders/missed.ts). */
  onMissed(id: string): void;
  /** True while an auto-accepted order waits for the POS: at the deadline it is `pos_offline`. */
  awaitsPos(id: string): boolean;
  /** A decision was made: the deadline timer looks again. */
  onDecided(): void;
}

export class AcceptanceService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly collaborators: AcceptanceCollaborators,
  ) {}

  acceptOrder(id: string, prepTimeMinutes: number | undefined, actor: Actor): OrderDetail {
    const prep = prepTimeMinutes ?? this.collaborators.prepTimeMinutes();
    const won = this.decide(id, actor, () => this.writeAccept(id, prep, actor, `prep ${prep} min`));
    return this.finish(id, won);
  }

  rejectOrder(id: string, input: RejectInput, actor: Actor): OrderDetail {
    const validation = staffRejectValidation(input.code, input.reason, input.unavailable);
    const won = this.decide(id, actor, () =>
      this.writeReject(id, 'rejected', validation, input.code, actor, input.reason ?? null),
    );
    return this.finish(id, won);
  }

  /** Apply the timeout policy to every pending order whose staff window has ended. */
  expireDue(): string[] {
    const { ctx } = this;
    const now = ctx.clock.now();
    const expired: string[] = [];
    for (const id of ctx.orders.duePending(now)) {
      const won = ctx.db.transaction(() => {
        // Auto mode, and the POS never took the order: it is away (A2 `pos_offline`).
        if (this.collaborators.awaitsPos(id))
          return this.writeReject(
            id,
            'rejected',
            staffRejectValidation('pos_offline', undefined),
            'pos_offline',
            'system:pos-offline',
            'the POS did not take the order before the deadline',
            `AND staff_deadline_at <= ${now}`,
          );
        if (ctx.config.acceptance.onTimeout === 'accept') {
          return this.writeAccept(
            id,
            this.collaborators.prepTimeMinutes(),
            'system:timeout',
            'staff window ended: accepted by policy',
            `AND staff_deadline_at <= ${now}`,
          );
        }
        return this.writeReject(
          id,
          'expired',
          orderProblem(TIMEOUT_REJECT_ERROR, TIMEOUT_REJECT_REASON),
          null,
          'system:timeout',
          TIMEOUT_REJECT_REASON,
          `AND staff_deadline_at <= ${now}`,
        );
      })();
      if (won) {
        expired.push(id);
        this.announce(id);
        if (ctx.orders.get(id)?.status === 'expired') this.collaborators.onMissed(id);
      }
    }
    if (expired.length) this.collaborators.onDecided();
    return expired;
  }

  private decide(id: string, _actor: Actor, write: () => boolean): boolean {
    const row = this.ctx.orders.get(id);
    if (!row) throw notFound('order', id);
    return this.ctx.db.transaction(write)();
  }

  private finish(id: string, won: boolean): OrderDetail {
    const detail = this.ctx.orders.detail(id)!;
    if (!won) throw tooLate(detail.status, detail.staffDeadlineAt, this.ctx.clock.now());
    this.announce(id);
    this.collaborators.onDecided();
    return detail;
  }

  private writeAccept(
    id: string,
    prep: number,
    actor: Actor,
    note: string,
    deadlineClause?: string,
  ): boolean {
    const { ctx } = this;
    const now = ctx.clock.now();
    const won = ctx.orders.transition(
      id,
      ['pending'],
      {
        status: 'accepted',
        prep_time_minutes: prep,
        decided_at: now,
        decided_by: actor,
        updated_at: now,
      },
      deadlineClause ?? `AND staff_deadline_at > ${now}`,
    );
    if (!won) return false;
    const row = ctx.orders.get(id)!;
    ctx.orders.addTimeline(id, now, 'accepted', actor, note);
    this.enqueueDecision(row, orderAccepted(id, row.location_id, prep), now);
    this.collaborators.afterAccept(row, now);
    return true;
  }

  private writeReject(
    id: string,
    status: 'rejected' | 'expired',
    validation: PosValidation,
    code: RejectCode | null,
    actor: Actor,
    reason: string | null,
    deadlineClause?: string,
  ): boolean {
    const { ctx } = this;
    const now = ctx.clock.now();
    const text = describeValidation(validation);
    const won = ctx.orders.transition(
      id,
      ['pending'],
      {
        status,
        decided_at: now,
        decided_by: actor,
        reject_code: code,
        reject_reason: reason ?? text,
        updated_at: now,
      },
      deadlineClause ?? `AND staff_deadline_at > ${now}`,
    );
    if (!won) return false;
    const row = ctx.orders.get(id)!;
    ctx.orders.addTimeline(id, now, status, actor, text);
    // Nobody answered: the order stays on the screen, with what Stream was told, until seen.
    if (status === 'expired') ctx.orders.markMissed(id, now, 'expired', text);
    this.enqueueDecision(row, orderRejected(id, row.location_id, validation), now);
    this.collaborators.afterReject(id, now, reason ?? text);
    return true;
  }

  private enqueueDecision(
    row: OrderRow,
    event: ReturnType<typeof orderAccepted>,
    now: number,
  ): void {
    this.ctx.outbox.enqueue({
      id: this.ctx.ids('evt'),
      lane: 'stream',
      orderingKey: row.id,
      event,
      now,
    });
  }

  private announce(id: string): void {
    const summary = this.ctx.orders.summary(id);
    if (summary) this.ctx.bus.publish('order.updated', summary);
  }
}

function tooLate(status: string, deadline: number | null, now: number): ApiError {
  if (status === 'pending' && deadline !== null && now >= deadline)
    return new ApiError(
      409,
      'window_closed',
      'the staff window for this order has ended; the timeout policy applies',
    );
  return new ApiError(409, 'already_decided', `the order is already ${status}`);
}
