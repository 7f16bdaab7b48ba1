// How this store accepts: the acceptance policy, the one answer for everyone (ingest, the POS
// status, health, the start-up log); nobody else reads `acceptance.mode`. Ingest
// (orders/ingest.ts) asks it for a new order's first status and Stream's first answer, and it
// opens the staff window. Three policies, by `acceptance.mode` (a manager may change it at the
// counter, so it is read per order) and whether a POS (or the printer) can take orders:
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
import type { PosTarget } from '../../../shared/pos.js';
import type { Config } from '../config/schema.js';
import type { DueTimer } from '../util/due-timer.js';
import type { PosGate } from './through-pos.js';

export type AcceptancePolicyKind = 'manual' | 'auto' | 'through-pos';
/** The mode as configured (and as health and the settings screen name it). */
export type AcceptanceMode = Config['acceptance']['mode'];

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
  /** The leg an auto-accepted order waits for: the POS driver's or, failing that, the printer's;
   * null when neither is configured (pos/leg-hooks.ts). */
  decidingTarget: PosTarget | null;
  /** Auto acceptance through the POS: its hold and its wait for the POS's answer. */
  throughPos: PosGate;
  /** The staff-window timer, told of each new pending order's deadline. */
  deadlines: DueTimer;
}

export class AcceptancePolicy {
  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: AcceptancePolicyDeps,
  ) {}

  /** The mode as configured now: manual, or auto (with or without the POS deciding). */
  mode(): AcceptanceMode {
    return this.ctx.config.acceptance.mode;
  }

  /** The policy a new order gets now. */
  kind(): AcceptancePolicyKind {
    if (this.mode() === 'manual') return 'manual';
    return this.deps.decidingTarget !== null ? 'through-pos' : 'auto';
  }

  /** The leg a new order's acceptance waits for now; null unless auto through the POS. */
  waitsFor(): PosTarget | null {
    return this.kind() === 'through-pos' ? this.deps.decidingTarget : null;
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
    const { throughPos } = this.deps;
    const waiting = throughPos.waiting(orderId);
    if (waiting) return waiting;
    return this.kind() === 'through-pos'
      ? throughPos.wait(orderId, stored)
      : Promise.resolve(stored);
  }
}
