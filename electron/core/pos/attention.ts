// The time half of "not in POS": a leg still on its way `pos.notInPosAfterSeconds` after it was
// queued is flagged even if no attempt has failed yet (a POS that takes connections and never
// answers, a folder nobody empties). The failure-count half is in delivery.ts. One timer, armed
// for the oldest unflagged leg, like the acceptance deadline timer.
import type { PosTarget } from '../../../shared/pos.js';
import type { CoreContext } from '../context.js';
import type { CancelTimer } from '../util/clock.js';
import type { PosLegRepository } from './legs.js';

export class AttentionTimer {
  private cancel: CancelTimer | null = null;
  private armedFor: number | null = null;
  private stopped = true;
  private rearmQueued = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly legs: PosLegRepository,
    private readonly afterMs: number,
    private readonly onFlagged: (legs: { order_id: string; target: PosTarget }[]) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.rearm();
  }

  /** A leg was queued or settled: look again once the caller's transaction has committed. */
  rearmSoon(): void {
    if (this.stopped || this.rearmQueued) return;
    this.rearmQueued = true;
    setImmediate(() => {
      this.rearmQueued = false;
      this.rearm();
    });
  }

  rearm(): void {
    if (this.stopped) return;
    const oldest = this.legs.oldestUnflagged();
    const at = oldest === null ? null : oldest + this.afterMs;
    if (at === this.armedFor && this.cancel) return;
    this.cancel?.();
    this.cancel = null;
    this.armedFor = at;
    if (at === null) return;
    this.cancel = this.ctx.clock.setTimer(
      () => this.fire(),
      Math.max(0, at - this.ctx.clock.now()),
    );
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    this.armedFor = null;
  }

  private fire(): void {
    this.cancel = null;
    this.armedFor = null;
    const { db, clock, orders, log } = this.ctx;
    const now = clock.now();
    let flagged: { order_id: string; target: PosTarget }[] = [];
    try {
      flagged = db.transaction(() => {
        const due = this.legs.flagWaitingSince(now - this.afterMs, now);
        for (const leg of due)
          orders.addTimeline(
            leg.order_id,
            now,
            `${leg.target}.not_in_pos`,
            'system',
            `not in the ${leg.target} after ${Math.round(this.afterMs / 1000)} s`,
          );
        return due;
      })();
    } catch (err) {
      log.error('pos: flagging legs that waited too long failed; retrying in 1 s', { err });
      this.cancel = clock.setTimer(() => this.fire(), 1000);
      return;
    }
    if (flagged.length) this.onFlagged(flagged);
    this.rearm();
  }
}
