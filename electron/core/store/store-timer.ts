// One timer for every store control: pause and busy ends, 86 restores, opening-hours changes. It
// sleeps at most a minute at a time and re-reads what is due from the database on every wake, so a
// changed wall clock or a terminal that slept through the night catches up within a minute, and a
// restart simply arms it again from the stored times.
import type { CancelTimer, Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';

export const MAX_SLEEP_MS = 60_000;

export class StoreTimer {
  private cancel: CancelTimer | null = null;
  private armedFor: number | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly nextWakeAt: (now: number) => number | null,
    private readonly tick: (now: number) => void,
    private readonly log: Logger,
  ) {}

  /** Re-read the next due time and arm for it. Cheap: call after any change. */
  rearm(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const due = this.nextWakeAt(now);
    const at = Math.min(due ?? Infinity, now + MAX_SLEEP_MS);
    if (this.cancel && this.armedFor !== null && this.armedFor <= at) return;
    this.cancel?.();
    this.armedFor = at;
    this.cancel = this.clock.setTimer(() => this.fire(), Math.max(0, at - now));
  }

  /** Do now whatever has fallen due (used at start, before anything is taken in). */
  runDue(): void {
    this.tick(this.clock.now());
  }

  private fire(): void {
    this.cancel = null;
    this.armedFor = null;
    try {
      this.tick(this.clock.now());
    } catch (err) {
      // A locked database: look again shortly rather than lose a restore.
      this.log.error('store timer failed; retrying in 1 s', { err });
      this.armedFor = this.clock.now() + 1000;
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
