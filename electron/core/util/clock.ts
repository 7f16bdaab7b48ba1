// Time is injected so deadline and retry logic can be tested without sleeping.

export type CancelTimer = () => void;

export interface Clock {
  /** Wall time in epoch milliseconds. */
  now(): number;
  /** Run `fn` once `ms` from now. */
  setTimer(fn: () => void, ms: number): CancelTimer;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    // Node caps timers at 2^31-1 ms; longer waits re-arm so a far deadline is not fired at once.
    const MAX = 2_147_483_647;
    let handle: NodeJS.Timeout;
    const arm = (left: number): void => {
      handle = setTimeout(
        () => (left > MAX ? arm(left - MAX) : fn()),
        Math.min(Math.max(0, left), MAX),
      );
      handle.unref?.();
    };
    arm(ms);
    return () => clearTimeout(handle);
  },
};

/** A clock that only moves when a test tells it to. Timers fire in due order during `advance`. */
export class ManualClock implements Clock {
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;
  constructor(private current = Date.UTC(2026, 10, 23, 12, 0, 0)) {}

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): CancelTimer {
    const timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Set the time without firing anything that fell due: models a request that is handled on a
   * boundary before the timer's callback gets its turn. */
  moveTo(at: number): void {
    this.current = at;
  }

  /** Move time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}
