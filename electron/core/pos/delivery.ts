// The delivery worker of one POS lane (`pos`: the HTTP or folder driver; `printer`: the kitchen
// printer). It runs the same loop as the Stream lane's worker (outbox/lane-worker.ts: claims,
// per-order FIFO through OutboxRepository, one transaction per turn, wake-ups) and the same
// schedule.ts (full-jitter backoff, the fast phase for rows an auto-accepted order waits on);
// what it sends, and what an answer means for the order's POS leg, are its own.
//
// Exactly once into the POS: a row is claimed (`sending`, committed) before its attempt, and is
// `sent` only once the POS said so. A crash in between leaves it `sending`; the next start tries
// it again with the same order: the HTTP driver's Idempotency-Key and the folder driver's file
// name (both the order id) make the repeat harmless. A printer cannot tell, so a ticket whose
// print was cut short is printed again marked "POSSIBLE DUPLICATE" (README "POS drivers").
//
// Each turn is one transaction: the results that came back since the last turn (outbox row, leg,
// timeline), then the claims of the rows that start now.
import type { PosOrder, PosTarget } from '../../../shared/pos.js';
import type { CoreContext } from '../context.js';
import { LaneWorker, type Finished } from '../outbox/lane-worker.js';
import { OutboxRepository, type OutboxRow } from '../outbox/repository.js';
import { backoffDelay, budgetExhausted, type RetryPolicy } from '../outbox/schedule.js';
import type { DriverResult, PosDriver } from './driver.js';
import { KIND, LANE_OF, type PosLegRepository } from './legs.js';
import type { VoidBody } from './queue.js';

export interface PosLaneOptions {
  /** Attempts at once (a printer prints one ticket at a time). */
  concurrency: number;
  retry: RetryPolicy;
  /** Jitter source in [0, 1). */
  random: () => number;
  /** Failed attempts before a leg is flagged "not in POS". */
  notInPosAfterFailures: number;
}

/** What the rest of the connector hears once a turn has committed. */
export interface LaneEvents {
  legChanged(orderId: string, target: PosTarget): void;
  /** Newly flagged "not in POS", or a void that failed for good. */
  attention(orderId: string, target: PosTarget): void;
  /** The POS has the order (auto acceptance listens), or refused it for good. */
  injected(orderId: string, target: PosTarget, posOrderId: string | null): void;
  refused(orderId: string, target: PosTarget, error: string): void;
}

type Outcome = DriverResult | { ok: 'skipped'; detail: string };

type Effect =
  | { kind: 'changed' | 'attention'; orderId: string }
  | { kind: 'injected'; orderId: string; posOrderId: string | null }
  | { kind: 'refused'; orderId: string; error: string };

export class PosLaneWorker extends LaneWorker<Outcome, Effect> {
  protected readonly memory = {
    /** Failed attempts in a row: the next success means the POS is back. */
    failuresInARow: 0,
  };

  constructor(
    private readonly ctx: CoreContext,
    private readonly legs: PosLegRepository,
    readonly target: PosTarget,
    readonly driver: PosDriver,
    private readonly events: LaneEvents,
    private readonly options: PosLaneOptions,
  ) {
    super({
      db: ctx.db,
      clock: ctx.clock,
      log: ctx.log,
      repository: new OutboxRepository(ctx.db, LANE_OF[target]),
      concurrency: options.concurrency,
      // No slot kept for decisions: dueHeads hands them out first anyway.
      decisionSlots: 0,
      logs: {
        attemptFailed: 'pos: attempt failed unexpectedly',
        recordFailed: `pos: could not record ${target} delivery results`,
      },
    });
  }

  protected recover(now: number): void {
    const recovered = this.ctx.db.transaction(() => {
      this.legs.markInterruptedUncertain(this.target, now);
      return this.repository.recoverInterrupted(now);
    })();
    if (recovered)
      this.ctx.log.info(`pos: retrying ${this.target} attempts cut short by the last stop`, {
        recovered,
      });
  }

  /** The POS has no Retry-After for the whole lane (a row's own waits in its backoff). */
  protected sendableFrom(): number {
    return 0;
  }

  protected attempt(row: OutboxRow): Promise<Outcome> {
    const orderId = row.ordering_key;
    switch (row.kind) {
      case KIND.inject:
      case KIND.ticket: {
        const leg = this.legs.get(orderId, this.target);
        const banner = this.target === 'printer' && leg?.uncertain ? 'POSSIBLE DUPLICATE' : null;
        return this.driver.inject(JSON.parse(row.body) as PosOrder, { banner });
      }
      case KIND.reprint:
        return this.driver.inject(JSON.parse(row.body) as PosOrder, { banner: 'REPRINT' });
      case KIND.void:
      case KIND.canceledSlip: {
        const leg = this.legs.get(orderId, this.target);
        if (leg?.state !== 'sent')
          return Promise.resolve({
            ok: 'skipped',
            detail: `nothing to void: the order is ${leg?.state ?? 'not'} in the ${this.target}`,
          });
        const body = JSON.parse(row.body) as VoidBody;
        return this.driver.void({
          order: body.order,
          posOrderId: leg.pos_order_id,
          reason: body.reason,
          at: body.at,
        });
      }
      default:
        return Promise.resolve({
          ok: false,
          retryable: false,
          error: `unknown ${this.target} message ${row.kind}`,
        });
    }
  }

  protected internalError(error: string): Outcome {
    return { ok: false, retryable: true, error };
  }

  /** One attempt's result in the database (inside the turn's transaction). */
  protected record({ row, outcome }: Finished<Outcome>, now: number, effects: Effect[]): void {
    const orderId = row.ordering_key;
    const { target } = this;
    const isInject = row.kind === KIND.inject || row.kind === KIND.ticket;
    const isVoid = row.kind === KIND.void || row.kind === KIND.canceledSlip;
    const timeline = (kind: string, detail: string | null): void =>
      this.ctx.orders.addTimeline(
        orderId,
        now,
        `${target}.${kind}`,
        this.target === 'printer' ? 'printer' : 'pos',
        detail,
      );

    if (outcome.ok === 'skipped') {
      // Lanes without HTTP record success as 200; the detail says what happened.
      this.repository.markSent(row.id, now, 200, outcome.detail);
      this.legs.update(orderId, target, { void_state: 'skipped', void_error: outcome.detail }, now);
      timeline('void_skipped', outcome.detail);
      effects.push({ kind: 'changed', orderId });
      return;
    }
    if (!outcome.ok && outcome.aborted) {
      // Cut short by a stop: not the POS's failure, but it may have the order all the same.
      this.repository.markRetry(row.id, now, {
        status: null,
        error: 'attempt interrupted by a stop',
        response: null,
      });
      if (isInject && outcome.uncertain) this.legs.update(orderId, target, { uncertain: 1 }, now);
      return;
    }
    if (isInject) this.legs.update(orderId, target, { last_attempt_at: now }, now);

    if (outcome.ok) {
      this.repository.markSent(row.id, now, 200, outcome.detail);
      if (this.memory.failuresInARow > 0) this.repository.pullForward(now); // the POS is back: no more waiting
      this.memory.failuresInARow = 0;
      if (isInject) {
        this.legs.update(
          orderId,
          target,
          {
            state: 'sent',
            pos_order_id: outcome.posOrderId,
            sent_at: now,
            attention_since: null,
            uncertain: 0,
            last_error: null,
          },
          now,
        );
        timeline(
          target === 'printer' ? 'printed' : 'sent',
          outcome.posOrderId ? `POS reference ${outcome.posOrderId}` : outcome.detail,
        );
        effects.push({ kind: 'injected', orderId, posOrderId: outcome.posOrderId });
      } else if (isVoid) {
        this.legs.update(
          orderId,
          target,
          { void_state: 'sent', voided_at: now, void_error: null },
          now,
        );
        timeline(target === 'printer' ? 'canceled_slip_printed' : 'voided', outcome.detail);
      } else timeline('reprinted', outcome.detail);
      effects.push({ kind: 'changed', orderId });
      return;
    }

    this.memory.failuresInARow++;
    const record = { status: null, error: outcome.error, response: null };
    // `row` is as claimed: its attempt count does not include the attempt that just failed.
    const history = {
      urgency: row.urgency,
      attempts: row.attempts + 1,
      budgetStart: row.retry_from ?? row.created_at,
    };
    const forGood = !outcome.retryable || budgetExhausted(this.options.retry, history, now);
    if (!forGood) {
      let delay = backoffDelay(this.options.retry, history, now, this.options.random);
      if (outcome.retryAfterMs !== undefined)
        delay = Math.max(delay, Math.min(outcome.retryAfterMs, this.options.retry.maxRetryAfterMs));
      this.repository.markRetry(row.id, now + delay, record);
    } else this.repository.markDead(row.id, record);

    if (isInject) {
      const leg = this.legs.get(orderId, target);
      if (!leg) return;
      const failures = leg.failures + 1;
      const flagNow =
        leg.attention_since === null && (forGood || failures >= this.options.notInPosAfterFailures);
      this.legs.update(
        orderId,
        target,
        {
          failures,
          last_error: outcome.error,
          ...(outcome.uncertain ? { uncertain: 1 } : {}),
          ...(forGood ? { state: 'failed' as const } : {}),
          ...(flagNow ? { attention_since: now } : {}),
        },
        now,
      );
      if (forGood) {
        timeline('failed', outcome.error);
        effects.push({ kind: 'refused', orderId, error: outcome.error });
      }
      if (flagNow) {
        timeline('not_in_pos', `after ${failures} failed attempt(s): ${outcome.error}`);
        effects.push({ kind: 'attention', orderId });
      }
    } else if (isVoid) {
      this.legs.update(
        orderId,
        target,
        forGood
          ? { void_state: 'failed', void_error: outcome.error }
          : { void_error: outcome.error },
        now,
      );
      if (forGood) {
        timeline('void_failed', outcome.error);
        effects.push({ kind: 'attention', orderId });
      }
    } else if (forGood) timeline('reprint_failed', outcome.error);
    effects.push({ kind: 'changed', orderId });
  }

  protected announce(effects: readonly Effect[]): void {
    const changed = new Set<string>();
    for (const e of effects) {
      try {
        if (e.kind === 'changed') changed.add(e.orderId);
        else if (e.kind === 'attention') this.events.attention(e.orderId, this.target);
        else if (e.kind === 'injected') this.events.injected(e.orderId, this.target, e.posOrderId);
        else if (e.kind === 'refused') this.events.refused(e.orderId, this.target, e.error);
      } catch (err) {
        this.ctx.log.error('pos: a listener failed', { err });
      }
    }
    for (const orderId of changed) this.events.legChanged(orderId, this.target);
  }

  protected abortAll(): void {
    this.driver.abortAll();
  }

  protected close(): void {
    this.driver.close();
  }
}
