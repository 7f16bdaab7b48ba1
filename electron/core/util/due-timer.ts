// One timer armed for the earliest due time of something kept in the database: order deadlines,
// store controls (pause and busy ends, 86 restores, opening hours), POS legs waiting too long.
// Due times live in the database, so after a restart the timer is simply armed again from there
// and whatever fell due while the connector was down runs at once.
//
// It never sleeps longer than `maxSleepMs` while something is due: a wall clock set forward or a
// terminal that slept through the night is caught up on the next wake instead of hours later.
// A failing run (a locked or full database) is tried again in a second rather than lost.
import type { CancelTimer, Clock } from './clock.js';
import type { Logger } from './log.js';

export const MAX_SLEEP_MS = 60_000;
const RETRY_MS = 1000;

export interface DueWork {
  /** The earliest due time (epoch ms), or null when nothing is waiting. */
  nextDueAt(now: number): number | null;
  /** Does whatever has fallen due by `now`. */
  runDue(now: number): void;
}

export class DueTimer {
  private cancel: CancelTimer | null = null;
  /** When the armed timer wakes (the due time, or sooner when capped). */
  private wakeAt: number | null = null;
  /** The due time it was armed for: the wake runs the work once this has come. */
  private dueFor: number | null = null;
  private stopped = true;
  private rearmQueued = false;

  constructor(
    private readonly clock: Clock,
    private readonly work: DueWork,
    private readonly log: Logger,
    /** Names the timer in the log line of a failed run. */
    private readonly name: string,
    private readonly maxSleepMs = MAX_SLEEP_MS,
  ) {}

  /** Arms for the earliest due time; one already past runs on the next turn. */
  start(): void {
    this.stopped = false;
    this.rearm();
  }

  /** Does now, synchronously, whatever has fallen due (at start, before anything is taken in). */
  runDueNow(): void {
    this.work.runDue(this.clock.now());
  }

  /** A new due time: the common case (later than the armed wake) costs no query. */
  dueAt(at: number): void {
    if (this.cancel && this.wakeAt !== null && at >= this.wakeAt) return;
    this.rearm();
  }

  /** Re-read the earliest due time and arm for it. Call after any change that may move it. */
  rearm(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const due = this.work.nextDueAt(now);
    if (due === this.dueFor && this.cancel) return;
    this.arm(due, now);
  }

  /** For callers inside a transaction: look again once it has committed. */
  rearmSoon(): void {
    if (this.stopped || this.rearmQueued) return;
    this.rearmQueued = true;
    queueMicrotask(() => {
      this.rearmQueued = false;
      this.rearm();
    });
  }

  stop(): void {
    this.stopped = true;
    this.arm(null, 0);
  }

  private arm(due: number | null, now: number, wakeAt = due): void {
    this.cancel?.();
    this.cancel = null;
    this.dueFor = due;
    this.wakeAt = wakeAt === null ? null : Math.min(wakeAt, now + this.maxSleepMs);
    if (this.wakeAt !== null)
      this.cancel = this.clock.setTimer(() => this.wake(), Math.max(0, this.wakeAt - now));
  }

  /** Runs the work if its due time has come (a capped sleep wakes early only to look again). */
  private wake(): void {
    const due = this.dueFor;
    this.arm(null, 0);
    if (this.stopped) return;
    const now = this.clock.now();
    if (due !== null && due <= now) {
      try {
        this.work.runDue(now);
      } catch (err) {
        this.log.error(`${this.name} failed; retrying in 1 s`, { err });
        this.arm(due, now, now + RETRY_MS);
        return;
      }
    }
    this.rearm();
  }
}
