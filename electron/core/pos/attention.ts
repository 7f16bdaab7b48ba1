// The time half of "not in POS": a leg still on its way `pos.notInPosAfterSeconds` after it was
// queued is flagged even if no attempt has failed yet (a POS that takes connections and never
// answers, a folder nobody empties). The failure-count half is in delivery.ts. The timer is the
// shared due-time timer (util/due-timer.ts), armed for the oldest unflagged leg.
import type { PosTarget } from '../../../shared/pos.js';
import type { CoreContext } from '../context.js';
import { DueTimer } from '../util/due-timer.js';
import type { PosLegRepository } from './legs.js';

export type FlaggedLeg = { order_id: string; target: PosTarget };

export function attentionTimer(
  ctx: CoreContext,
  legs: PosLegRepository,
  afterMs: number,
  onFlagged: (legs: FlaggedLeg[]) => void,
): DueTimer {
  const flagDue = (now: number): FlaggedLeg[] =>
    ctx.db.transaction(() => {
      const due = legs.flagWaitingSince(now - afterMs, now);
      for (const leg of due)
        ctx.orders.addTimeline(
          leg.order_id,
          now,
          `${leg.target}.not_in_pos`,
          'system',
          `not in the ${leg.target} after ${Math.round(afterMs / 1000)} s`,
        );
      return due;
    })();
  return new DueTimer(
    ctx.clock,
    {
      nextDueAt: () => {
        const oldest = legs.oldestUnflagged();
        return oldest === null ? null : oldest + afterMs;
      },
      runDue: (now) => {
        const flagged = flagDue(now);
        if (flagged.length) onFlagged(flagged);
      },
    },
    ctx.log,
    'pos: flagging legs that waited too long',
  );
}
