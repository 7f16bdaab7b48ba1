// The one due-time timer behind order deadlines, store controls and POS legs waiting too long:
// armed for the earliest due time, never asleep longer than a minute while something is due (a
// wall clock set forward is caught up), a failed run tried again in a second, and nothing after
// stop.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/util/clock.js';
import { DueTimer, MAX_SLEEP_MS } from '../../electron/core/util/due-timer.js';
import { silentLogger } from '../../electron/core/util/log.js';

function setup(dueAt: number | null) {
  const clock = new ManualClock();
  const state = { dueAt, runs: [] as number[], reads: 0, failNext: false };
  const timer = new DueTimer(
    clock,
    {
      nextDueAt: () => {
        state.reads++;
        return state.dueAt;
      },
      runDue: (now) => {
        if (state.failNext) {
          state.failNext = false;
          throw new Error('database is locked');
        }
        state.runs.push(now);
        if (state.dueAt !== null && state.dueAt <= now) state.dueAt = null;
      },
    },
    silentLogger,
    'test timer',
  );
  return { clock, state, timer };
}

describe('the due-time timer', () => {
  it('runs once at the due time and then sleeps with nothing armed', () => {
    const { clock, state, timer } = setup(null);
    state.dueAt = clock.now() + 5000;
    timer.start();
    clock.advance(4999);
    expect(state.runs).toEqual([]);
    clock.advance(1);
    expect(state.runs).toEqual([state.runs[0]]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('wakes at least once a minute while something is due, to catch a clock set forward', () => {
    const { clock, state, timer } = setup(null);
    state.dueAt = clock.now() + 3 * 3_600_000;
    timer.start();
    const reads = state.reads;
    // A timer measures elapsed time, not the wall clock: were it armed for three hours, a wall
    // clock set forward would leave it asleep. Capped, it looks again within the minute.
    clock.advance(MAX_SLEEP_MS);
    expect(state.reads).toBeGreaterThan(reads);
    expect(state.runs).toEqual([]);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('a new due time later than the armed one costs no query; an earlier one re-arms', () => {
    const { clock, state, timer } = setup(null);
    state.dueAt = clock.now() + 10_000;
    timer.start();
    const reads = state.reads;
    timer.dueAt(clock.now() + 20_000);
    expect(state.reads).toBe(reads);
    state.dueAt = clock.now() + 2000;
    timer.dueAt(state.dueAt);
    expect(state.reads).toBe(reads + 1);
    clock.advance(2000);
    expect(state.runs).toHaveLength(1);
  });

  it('a failed run is tried again a second later instead of being lost', () => {
    const { clock, state, timer } = setup(null);
    state.dueAt = clock.now() + 1000;
    state.failNext = true;
    timer.start();
    clock.advance(1000);
    expect(state.runs).toEqual([]);
    clock.advance(1000);
    expect(state.runs).toHaveLength(1);
  });

  it('does nothing before start or after stop', () => {
    const { clock, state, timer } = setup(null);
    state.dueAt = clock.now() + 1000;
    timer.rearm();
    clock.advance(5000);
    expect(state.runs).toEqual([]);
    timer.start();
    timer.stop();
    clock.advance(5000);
    expect(state.runs).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('rearmSoon looks again once the current synchronous work (a transaction) is done', async () => {
    const { clock, state, timer } = setup(null);
    timer.start();
    state.dueAt = clock.now() + 1000;
    timer.rearmSoon();
    timer.rearmSoon();
    expect(clock.pendingTimers()).toBe(0);
    await Promise.resolve();
    expect(clock.pendingTimers()).toBe(1);
  });
});
