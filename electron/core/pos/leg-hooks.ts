// The POS leg as acceptance, lifecycle and in-store orders move it, built before them from the
// config alone (which targets exist), so the composition root can hand these hooks to each at
// construction and give the POS lanes (pos/service.ts) the same legs and queue afterwards.
import type { PosTarget } from '../../../shared/pos.js';
import type { PosLegHooks } from '../acceptance/decide.js';
import type { CoreContext } from '../context.js';
import { PosLegRepository } from './legs.js';
import { PosQueue } from './queue.js';

export interface PosLegs {
  legs: PosLegRepository;
  queue: PosQueue;
  /** The leg an auto-accepted order waits for: the POS driver, else the printer; null: none. */
  decidingTarget: PosTarget | null;
  /** Each called inside the caller's transaction. */
  hooks: PosLegHooks;
}

export function createPosLegs(ctx: CoreContext): PosLegs {
  const { pos, printer } = ctx.config;
  const legs = new PosLegRepository(ctx.db);
  const queue = new PosQueue(ctx, legs, {
    pos: pos.driver === 'none' ? null : pos.driver,
    printer: printer.enabled,
  });
  const hooks: PosLegHooks = {
    // An order was accepted (staff, the timeout policy, in-store): into the POS, onto the printer.
    afterAccept: (row, now) => {
      queue.queueOrder(row.id, now);
    },
    // Rejected (staff, or the deadline with the POS still away) or canceled: take back or void.
    afterReject: (orderId, now, reason) => queue.withdraw(orderId, reason, now),
    settleDeciding: (orderId, target, outcome, now) =>
      legs.update(
        orderId,
        target,
        outcome === 'taken'
          ? { decides_acceptance: 0 }
          : // It never got into the POS: the leg is settled, not something staff must chase.
            { decides_acceptance: 0, state: 'withdrawn', attention_since: null },
        now,
      ),
    awaitsPos: (orderId) => legs.decidingTarget(orderId) !== null,
  };
  const decidingTarget = pos.driver !== 'none' ? 'pos' : printer.enabled ? 'printer' : null;
  return { legs, queue, decidingTarget, hooks };
}
