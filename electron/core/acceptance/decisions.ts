// Staff decisions and the staff window's expiry, each one `decide()` (decide.ts): a conditional
// UPDATE (`status = 'pending'` and which side of the deadline we are on) plus the outbox row for
// Stream and the POS leg, in one transaction.
// Because better-sqlite3 runs each transaction to completion on one thread, and the deadline
// splits time in two (staff win strictly before it, the expiry at or after it), a decision and
// the expiry can never both win, even in the same millisecond.
import type { RejectCode } from '../../../shared/domain.js';
import type { OrderDetail } from '../../../shared/order.js';
import type { Actor, CoreContext } from '../context.js';
import { ApiError, notFound } from '../util/errors.js';
import {
  orderProblem,
  staffRejectValidation,
  TIMEOUT_REJECT_ERROR,
  TIMEOUT_REJECT_REASON,
  type Answer,
} from '../stream/protocol/index.js';
import { decide, type Decision, type PosLegHooks } from './decide.js';

export interface RejectInput {
  code: RejectCode;
  reason?: string | undefined;
  unavailable?: { type: 'item' | 'modifier'; providerId: string }[] | undefined;
}

/** What a decision tells the rest of the core; given once, at construction (app.ts). */
export interface AcceptanceCollaborators {
  /** The prep time when staff do not give one: the location's plus busy-mode minutes. */
  prepTimeMinutes(): number;
  /** The POS leg, moved inside each decision's transaction (electron/core/pos). */
  posLeg: PosLegHooks;
  /** After the commit of an expiry that left an order missed (orders/missed.ts). */
  onMissed(id: string): void;
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
    this.ensureExists(id);
    const won = this.decide(id, {
      outcome: 'accept',
      prepTimeMinutes: prep,
      note: `prep ${prep} min`,
      ...BY_STAFF,
      actor,
    });
    return this.finish(id, won !== null);
  }

  rejectOrder(id: string, input: RejectInput, actor: Actor): OrderDetail {
    const validation = staffRejectValidation(input.code, input.reason, input.unavailable);
    this.ensureExists(id);
    const won = this.decide(id, {
      outcome: 'reject',
      status: 'rejected',
      validation,
      code: input.code,
      reason: input.reason ?? null,
      ...BY_STAFF,
      actor,
    });
    return this.finish(id, won !== null);
  }

  /** Apply the timeout policy to every pending order whose staff window has ended. */
  expireDue(): string[] {
    const { ctx } = this;
    const expired: string[] = [];
    for (const id of ctx.orders.duePending(ctx.clock.now())) {
      if (this.decide(id, this.timeoutDecision(id)) === null) continue;
      expired.push(id);
      this.announce(id);
      if (ctx.orders.get(id)?.status === 'expired') this.collaborators.onMissed(id);
    }
    if (expired.length) this.collaborators.onDecided();
    return expired;
  }

  /** The one decision transaction (decide.ts), with this service's POS leg. */
  decide(id: string, decision: Decision): Answer | null {
    return decide(this.ctx, this.collaborators.posLeg, id, decision);
  }

  /** After a decision committed: the screens hear of it, the deadline timer looks again. */
  decided(id: string): void {
    this.announce(id);
    this.collaborators.onDecided();
  }

  private timeoutDecision(id: string): Decision {
    const ended = { window: 'ended', tellStream: 'webhook', pos: 'follow' } as const;
    // Auto mode, and the POS never took the order: it is away (A2 `pos_offline`).
    if (this.collaborators.posLeg.awaitsPos(id))
      return {
        outcome: 'reject',
        status: 'rejected',
        validation: staffRejectValidation('pos_offline', undefined),
        code: 'pos_offline',
        actor: 'system:pos-offline',
        reason: 'the POS did not take the order before the deadline',
        ...ended,
      };
    if (this.ctx.config.acceptance.onTimeout === 'accept')
      return {
        outcome: 'accept',
        prepTimeMinutes: this.collaborators.prepTimeMinutes(),
        actor: 'system:timeout',
        note: 'staff window ended: accepted by policy',
        ...ended,
      };
    return {
      outcome: 'reject',
      status: 'expired',
      validation: orderProblem(TIMEOUT_REJECT_ERROR, TIMEOUT_REJECT_REASON),
      code: null,
      actor: 'system:timeout',
      reason: TIMEOUT_REJECT_REASON,
      ...ended,
    };
  }

  private ensureExists(id: string): void {
    if (!this.ctx.orders.get(id)) throw notFound('order', id);
  }

  private finish(id: string, won: boolean): OrderDetail {
    const detail = this.ctx.orders.detail(id)!;
    if (!won) throw tooLate(detail.status, detail.staffDeadlineAt, this.ctx.clock.now());
    this.decided(id);
    return detail;
  }

  private announce(id: string): void {
    const summary = this.ctx.orders.summary(id);
    if (summary) this.ctx.bus.publish('order.updated', summary);
  }
}

/** Staff decide while the window is open; Stream hears it by webhook; the POS leg follows. */
const BY_STAFF = { window: 'open', tellStream: 'webhook', pos: 'follow' } as const;

function tooLate(status: string, deadline: number | null, now: number): ApiError {
  if (status === 'pending' && deadline !== null && now >= deadline)
    return new ApiError(
      409,
      'window_closed',
      'the staff window for this order has ended; the timeout policy applies',
    );
  return new ApiError(409, 'already_decided', `the order is already ${status}`);
}
