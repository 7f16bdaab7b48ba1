// The one decision transaction, for every way an order is decided while pending: staff (accept,
// reject), the end of the staff window (the timeout policy, `pos_offline`) and auto acceptance
// through the POS (the POS took it or refused it). It changes the status only while the order is
// pending and on the decision's side of the deadline, writes the timeline entry, tells Stream (an
// outbox row for the webhook, or the stored answer a waiting request gets) and moves the POS leg,
// all in one transaction: a decision is whole or it did not happen.
import type { RejectCode } from '../../../shared/domain.js';
import type { PosTarget } from '../../../shared/pos.js';
import type { Actor, CoreContext } from '../context.js';
import type { OrderRow } from '../orders/rows.js';
import {
  acceptNowAnswer,
  describeValidation,
  orderAccepted,
  orderRejected,
  rejectAnswer,
  type Answer,
  type PosValidation,
} from '../stream/protocol/index.js';

/** What a decision asks of the POS leg, inside its transaction (pos/leg-hooks.ts). */
export interface PosLegHooks {
  /** Accepted: into the POS and onto the printer (legs it does not have yet). */
  afterAccept: (row: OrderRow, now: number) => void;
  /** Rejected or expired: a leg that never left is taken back, one that may have is voided. */
  afterReject: (id: string, now: number, reason: string) => void;
  /** The leg that decides an auto-accepted order reported: it decides no more; refused, it is
   * settled (the order never got into the POS: nothing for staff to chase). */
  settleDeciding: (
    id: string,
    target: PosTarget,
    outcome: 'taken' | 'refused',
    now: number,
  ) => void;
  /** True while an auto-accepted order waits for the POS: at the deadline it is `pos_offline`. */
  awaitsPos: (id: string) => boolean;
}

interface DecisionBase {
  actor: Actor;
  /** Staff and the POS win strictly before the deadline, the expiry at or after it. */
  window: 'open' | 'ended';
  /** `webhook`: an outbox row for Stream; `answer`: the stored answer (a request still waits). */
  tellStream: 'webhook' | 'answer';
  /** `follow`: the POS leg follows the decision; a target: that leg reported and decided it. */
  pos: 'follow' | PosTarget;
}

export type Decision = DecisionBase &
  (
    | { outcome: 'accept'; prepTimeMinutes: number; note: string }
    | {
        outcome: 'reject';
        status: 'rejected' | 'expired';
        validation: PosValidation;
        code: RejectCode | null;
        /** Kept as the reject reason (null: the validation's own words). */
        reason: string | null;
      }
  );

/** Decide a pending order; returns the answer Stream gets for it, or null when the order was
 * no longer pending on that side of the deadline (someone else decided first). */
export function decide(
  ctx: CoreContext,
  posLeg: PosLegHooks,
  id: string,
  decision: Decision,
): Answer | null {
  return ctx.db.transaction((): Answer | null => {
    const now = ctx.clock.now();
    const window =
      decision.window === 'open'
        ? `AND staff_deadline_at > ${now}`
        : `AND staff_deadline_at <= ${now}`;
    const common = { decided_at: now, decided_by: decision.actor, updated_at: now };
    if (decision.outcome === 'accept') {
      const prep = decision.prepTimeMinutes;
      const set = { status: 'accepted' as const, prep_time_minutes: prep, ...common };
      if (!ctx.orders.transition(id, ['pending'], set, window)) return null;
      const row = ctx.orders.get(id)!;
      ctx.orders.addTimeline(id, now, 'accepted', decision.actor, decision.note);
      const answer = acceptNowAnswer(id, prep);
      tellStream(ctx, row, decision, orderAccepted(id, row.location_id, prep), answer, now);
      if (decision.pos !== 'follow') posLeg.settleDeciding(id, decision.pos, 'taken', now);
      // The other legs (the kitchen printer beside a POS) follow the acceptance.
      posLeg.afterAccept(row, now);
      return answer;
    }
    const { status, validation } = decision;
    const text = describeValidation(validation);
    const set = {
      status,
      reject_code: decision.code,
      reject_reason: decision.reason ?? text,
      ...common,
    };
    if (!ctx.orders.transition(id, ['pending'], set, window)) return null;
    const row = ctx.orders.get(id)!;
    ctx.orders.addTimeline(id, now, status, decision.actor, text);
    // Nobody answered: the order stays on the screen, with what Stream was told, until seen.
    if (status === 'expired') ctx.orders.markMissed(id, now, 'expired', text);
    const answer = rejectAnswer(validation);
    tellStream(ctx, row, decision, orderRejected(id, row.location_id, validation), answer, now);
    if (decision.pos === 'follow') posLeg.afterReject(id, now, decision.reason ?? text);
    else posLeg.settleDeciding(id, decision.pos, 'refused', now);
    return answer;
  })();
}

function tellStream(
  ctx: CoreContext,
  row: OrderRow,
  decision: Decision,
  event: ReturnType<typeof orderAccepted>,
  answer: Answer,
  now: number,
): void {
  if (decision.tellStream === 'webhook')
    ctx.outbox.enqueue({ id: ctx.ids('evt'), lane: 'stream', orderingKey: row.id, event, now });
  else
    ctx.orders.update(row.id, {
      answer_status: answer.status,
      answer_body: JSON.stringify(answer.body),
      updated_at: now,
    });
}
