// How a new order from Stream starts: the acceptance policy. Ingest (orders/ingest.ts) asks it for
// a new order's first status and Stream's first answer, and it opens the staff window. Three
// policies, by `acceptance.mode` (a manager may change it at the counter, so it is read per
// order) and whether a POS (or the printer) can take orders:
// - manual: pending, with the staff window and Stream's decision window; staff decide.
// - auto: accepted at once (no POS to wait for).
// - auto through the POS: pending until the POS has it (through-pos.ts); the injection is queued
//   in the same transaction, and Stream's request waits a short budget for the POS's answer.
// An order the checks refused is rejected under every policy. Every later change of status goes
// through `decide()` (decide.ts).
import type { CoreContext } from '../context.js';
import {
  acceptLaterAnswer,
  acceptNowAnswer,
  describeValidation,
  mergeValidations,
  rejectAnswer,
  STREAM_DECISION_WINDOW_MS,
  type Answer,
  type PosValidation,
} from '../stream/protocol/index.js';
import type { DueTimer } from '../util/due-timer.js';
import type { PosGate } from './through-pos.js';

export type AcceptancePolicyKind = 'manual' | 'auto' | 'through-pos';

/** A new order's first status, as stored with it (orders/new-row.ts) and told to Stream. */
export interface FirstStatus {
  status: 'pending' | 'accepted' | 'rejected';
  answer: Answer;
  prepTimeMinutes: number | null;
  decidedBy: string | null;
  rejectReason: string | null;
  /** The staff window (pending only). */
  staffDeadlineAt: number | null;
  /** Stream's own decision window (pending only). */
  streamDeadlineAt: number | null;
  /** The timeline entry the status gets beside "received"; none while pending. */
  entry: { kind: 'accepted' | 'rejected'; actor: string; note: string | null } | null;
}

export interface AcceptancePolicyDeps {
  /** The prep time given to Stream for a new order: the location's plus busy-mode minutes. */
  prepTimeMinutes: () => number;
  /** Auto acceptance through the POS: its hold, its answer and whether it applies. */
  throughPos: PosGate;
  /** The staff-window timer, told of each new pending order's deadline. */
  deadlines: DueTimer;
}

export class AcceptancePolicy {
  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: AcceptancePolicyDeps,
  ) {}

  /** The policy a new order gets now. */
  kind(): AcceptancePolicyKind {
    if (this.ctx.config.acceptance.mode === 'manual') return 'manual';
    return this.deps.throughPos.active ? 'through-pos' : 'auto';
  }

  /** Inside ingest's transaction: the first status of the new order `id`, refused by the checks
   * when they found `problems`. */
  firstStatus(id: string, problems: readonly PosValidation[], now: number): FirstStatus {
    if (problems.length) {
      const validation = mergeValidations(problems);
      const reason = describeValidation(validation);
      return {
        status: 'rejected',
        answer: rejectAnswer(validation),
        prepTimeMinutes: null,
        decidedBy: 'system:validation',
        rejectReason: reason,
        staffDeadlineAt: null,
        streamDeadlineAt: null,
        entry: { kind: 'rejected', actor: 'system:validation', note: reason },
      };
    }
    const prep = this.deps.prepTimeMinutes();
    if (this.kind() === 'auto')
      return {
        status: 'accepted',
        answer: acceptNowAnswer(id, prep),
        prepTimeMinutes: prep,
        decidedBy: 'system:auto-accept',
        rejectReason: null,
        staffDeadlineAt: null,
        streamDeadlineAt: null,
        entry: { kind: 'accepted', actor: 'system:auto-accept', note: `prep ${prep} min` },
      };
    return {
      status: 'pending',
      answer: acceptLaterAnswer(id, prep),
      prepTimeMinutes: prep,
      decidedBy: null,
      rejectReason: null,
      staffDeadlineAt: now + this.ctx.config.acceptance.staffWindowSeconds * 1000,
      streamDeadlineAt: now + STREAM_DECISION_WINDOW_MS,
      entry: null,
    };
  }

  /** Inside ingest's transaction, once the row and its timeline are written: through the POS,
   * the injection the pending order waits for is queued. */
  opened(id: string, first: FirstStatus, now: number): void {
    if (first.status === 'pending' && this.kind() === 'through-pos')
      this.deps.throughPos.hold(id, now);
  }

  /** After the commit: the staff-window timer arms for a new pending order. */
  committed(first: Pick<FirstStatus, 'staffDeadlineAt'>): void {
    if (first.staffDeadlineAt !== null) this.deps.deadlines.dueAt(first.staffDeadlineAt);
  }

  /** After the commit: the answer Stream's request gets. Through the POS it waits up to the
   * budget for the POS (a repeat of a request still waiting gets the same answer). */
  answer(orderId: string, stored: Answer): Promise<Answer> {
    return this.deps.throughPos.answer(orderId, stored);
  }
}
