// Auto acceptance through the POS (`acceptance.mode = auto` with a POS driver or, failing that,
// the printer; the policy, policy.ts, says when it applies): the order is accepted when the POS has taken it. The POS lanes report "taken" /
// "refused" here; the decision itself is acceptance's one `decide()` (decide.ts).
// - Ingest stores the order `pending` with its deadline (the policy: policy.ts) and, in the same
//   transaction, queues the POS injection (fast retries). The stored answer is `async_acceptance`: right for a retry of
//   Stream's request after a crash.
// - After the commit, Stream's request waits up to `pos.autoAcceptBudgetMs` for the POS. If it
//   answers in time, the order is accepted (or, refused by the POS, rejected) and Stream gets that
//   as the synchronous answer: 200 accept, or 400 `posValidation`; no webhook is needed. A
//   repeat of the request while it waits gets the same answer.
// - Otherwise Stream gets `async_acceptance: true`, and the decision goes by webhook when the POS
//   answers: `order.accepted`, or `order.rejected`.
// - At the deadline, an order the POS still has not taken is rejected with `pos_offline`
//   (decisions.ts asks `awaitsPos`), and its injection withdrawn or voided.
import type { PosTarget } from '../../../shared/pos.js';
import type { CoreContext } from '../context.js';
import type { OrderRow } from '../orders/rows.js';
import type { PosLegs } from '../pos/leg-hooks.js';
import type { PosLegRepository } from '../pos/legs.js';
import type { PosQueue } from '../pos/queue.js';
import { orderProblem, type Answer } from '../stream/protocol/index.js';
import type { CancelTimer } from '../util/clock.js';
import type { AcceptanceService } from './decisions.js';

/** What the acceptance policy (policy.ts) asks of the POS when it decides that a new order waits
 * for the POS; whether it does is the policy's answer, not the gate's. */
export interface PosGate {
  /** Inside ingest's transaction, after the order row is written: queue the injection. */
  hold(orderId: string, now: number): void;
  /** A Stream request for this order still waiting for the POS: its answer-to-be, else null. */
  waiting(orderId: string): Promise<Answer> | null;
  /** After the commit: the answer Stream gets (waits up to the budget for the POS). */
  wait(orderId: string, stored: Answer): Promise<Answer>;
}

export type PosAnswer = { ok: true; posOrderId: string | null } | { ok: false; error: string };

/** What the POS lanes report about the leg an auto-accepted order waits for (pos/service.ts). */
export interface PosOutcomes {
  /** The leg got there (or staff entered it by hand). */
  taken(orderId: string, target: PosTarget, posOrderId: string | null): void;
  /** The POS refused the order for good. */
  refused(orderId: string, target: PosTarget, error: string): void;
}

interface Waiter {
  promise: Promise<Answer>;
  resolve: (answer: Answer) => void;
  cancel: CancelTimer;
}

export class PosAcceptance implements PosGate, PosOutcomes {
  private readonly waiters = new Map<string, Waiter>();
  private readonly legs: PosLegRepository;
  private readonly queue: PosQueue;
  /** The leg an auto-accepted order waits for; null: accepted without waiting. */
  private readonly decidingTarget: PosTarget | null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly acceptance: AcceptanceService,
    posLegs: PosLegs,
    private readonly budgetMs: number,
  ) {
    this.legs = posLegs.legs;
    this.queue = posLegs.queue;
    this.decidingTarget = posLegs.decidingTarget;
  }

  hold(orderId: string, now: number): void {
    this.queue.queueOrder(orderId, now, { only: this.decidingTarget!, decides: true });
    this.ctx.orders.addTimeline(
      orderId,
      now,
      'pos.waiting',
      'system:auto-accept',
      `accepted once the ${this.decidingTarget} takes it`,
    );
  }

  waiting(orderId: string): Promise<Answer> | null {
    return this.waiters.get(orderId)?.promise ?? null;
  }

  wait(orderId: string, stored: Answer): Promise<Answer> {
    const waiting = this.waiters.get(orderId);
    if (waiting) return waiting.promise;
    const row = this.ctx.orders.get(orderId);
    if (!row || row.status !== 'pending' || this.legs.decidingTarget(orderId) === null)
      return Promise.resolve(row ? storedAnswer(row) : stored);
    const left = row.received_at + this.budgetMs - this.ctx.clock.now();
    if (left <= 0) return Promise.resolve(storedAnswer(row));
    let resolve!: (answer: Answer) => void;
    const promise = new Promise<Answer>((r) => (resolve = r));
    const cancel = this.ctx.clock.setTimer(() => {
      // The budget is over: Stream hears "async", and the decision goes by webhook.
      this.waiters.delete(orderId);
      const current = this.ctx.orders.get(orderId);
      resolve(current ? storedAnswer(current) : stored);
    }, left);
    this.waiters.set(orderId, { promise, resolve, cancel });
    return promise;
  }

  taken(orderId: string, target: PosTarget, posOrderId: string | null): void {
    this.posAnswered(orderId, target, { ok: true, posOrderId });
  }

  refused(orderId: string, target: PosTarget, error: string): void {
    this.posAnswered(orderId, target, { ok: false, error });
  }

  /** The deciding leg got there (or was refused for good): accept (or reject) the order. */
  private posAnswered(orderId: string, target: PosTarget, result: PosAnswer): void {
    const { ctx } = this;
    if (this.legs.decidingTarget(orderId) !== target) return;
    const row = ctx.orders.get(orderId);
    const now = ctx.clock.now();
    if (!row || row.status !== 'pending') {
      ctx.db.transaction(() => this.legs.update(orderId, target, { decides_acceptance: 0 }, now))();
      return;
    }
    // A Stream request still waiting on this order gets the decision as its answer; otherwise
    // Stream was told "async" and hears the decision by webhook.
    const waiter = this.waiters.get(orderId);
    const prep = row.prep_time_minutes ?? ctx.config.location.prepTimeMinutes;
    const how = { window: 'open', tellStream: waiter ? 'answer' : 'webhook', pos: target } as const;
    // The deadline may come first: then the expiry rejects it and voids the injection.
    const decided = this.acceptance.decide(
      orderId,
      result.ok
        ? {
            outcome: 'accept',
            prepTimeMinutes: prep,
            actor: 'system:auto-accept',
            note: `the ${target} took it${result.posOrderId ? ` (${result.posOrderId})` : ''}; prep ${prep} min`,
            ...how,
          }
        : {
            outcome: 'reject',
            status: 'rejected',
            validation: orderProblem(
              'invalid_cart',
              `The POS refused the order: ${result.error}`.slice(0, 500),
            ),
            code: 'invalid_order',
            actor: 'system:pos',
            reason: null,
            ...how,
          },
    );
    if (!decided) return;
    if (waiter) {
      waiter.cancel();
      this.waiters.delete(orderId);
      waiter.resolve(decided);
    }
    this.acceptance.decided(orderId);
  }

  /** Deciding legs that settled while their order stayed pending (a stop fell in between). */
  reconcile(): void {
    for (const leg of this.legs.undecided()) {
      if (leg.state === 'failed')
        this.posAnswered(leg.order_id, leg.target, {
          ok: false,
          error: leg.last_error ?? 'refused',
        });
      else
        this.posAnswered(leg.order_id, leg.target, {
          ok: true,
          posOrderId: this.legs.get(leg.order_id, leg.target)?.pos_order_id ?? null,
        });
    }
  }

  /** Stop: requests still waiting get the stored ("async") answer now. */
  stop(): void {
    for (const [orderId, waiter] of this.waiters) {
      waiter.cancel();
      const row = this.ctx.orders.get(orderId);
      if (row) waiter.resolve(storedAnswer(row));
    }
    this.waiters.clear();
  }
}

function storedAnswer(row: OrderRow): Answer {
  return { status: row.answer_status, body: JSON.parse(row.answer_body) as unknown };
}
