// Waiting in a test double (fake Stream, fake POS, printer simulator) until something has happened:
// the condition is re-checked each time the double emits `event`, so no polling and no sleeps.
// The limit is wall time on purpose: it only bounds a test that would otherwise hang.
import type { EventEmitter } from 'node:events';

export interface WaitForEvent {
  emitter: EventEmitter;
  /** Emitted whenever the double's state changes. */
  event: string;
  /** Names the double in the error, e.g. `fake POS`. */
  who: string;
  /** What the double has seen so far, for the error, e.g. `3 requests`. */
  seen: () => string;
}

/** Resolves once `condition` holds, re-checked on every `event`; rejects after `ms`. */
export function waitForEvent(
  { emitter, event, who, seen }: WaitForEvent,
  condition: () => boolean,
  ms: number,
): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!condition()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${who}: condition not met within ${ms} ms (${seen()})`));
    }, ms);
    const cleanup = (): void => {
      clearTimeout(timer);
      emitter.off(event, check);
    };
    emitter.on(event, check);
  });
}
