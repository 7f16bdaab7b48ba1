// One timer for the earliest pending deadline. Deadlines live in the database (measured from
// the stored receive time), so after a restart the timer is simply armed again from there: an
// order whose window ended while the connector was down is expired at once.
import type { Clock, CancelTimer } from '../util/clock.js';
import type { Logger } from '../util/log.js';

export class DeadlineTimer {
  private cancel: CancelTimer | null = null;
  private armedFor: number | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly nextDeadline: () => number | null,
    private readonly expireDue: () => void,
    private readonly log: Logger,
  ) {}

  /** A new pending order: windows are all the same length, so a new deadline is almost never
   * earlier than the armed one, and the common case costs no query. */
  added(deadline: number): void {
    if (this.cancel && this.armedFor !== null && deadline >= this.armedFor) return;
    this.rearm();
  }

  /** Re-read the earliest deadline and arm for it. Call after any change that may move it. */
  rearm(): void {
    if (this.stopped) return;
    const next = this.nextDeadline();
    if (next === this.armedFor && this.cancel) return;
    this.cancel?.();
    this.cancel = null;
    this.armedFor = next;
    if (next === null) return;
    this.cancel = this.clock.setTimer(() => this.fire(), Math.max(0, next - this.clock.now()));
  }

  private fire(): void {
    this.cancel = null;
    this.armedFor = null;
    try {
      this.expireDue();
    } catch (err) {
      // A locked or full database: try again shortly rather than losing the deadline.
      this.log.error('expiring pending orders failed; retrying in 1 s', { err });
      this.cancel = this.clock.setTimer(() => this.fire(), 1000);
      return;
    }
    this.rearm();
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
  }
}
