// When an outbox event is tried again, and when we stop trying. Pure functions of the attempt
// history and an injected random source, so the policy is tested without any network or waiting.
//
// - Full jitter (AWS, "Exponential Backoff and Jitter"): wait random(0, min(cap, base·2^n)), so
//   a thousand events that failed together do not come back in lock-step.
// - Decisions (accept / reject of an async order) race Stream's 60-second window: while young
//   they retry fast (sub-second to 2 s), then join the slow tail like every other event.
// - The slow tail grows to 15 minutes between tries and gives up after 24 hours: the row goes to
//   `dead`, staff see it, and a replay starts a fresh budget.
import { STREAM_DECISION_WINDOW_MS } from '../stream/protocol/index.js';

export interface RetryPolicy {
  /** A decision retries fast while it is younger than this. */
  decisionFastPhaseMs: number;
  decisionBaseMs: number;
  decisionCapMs: number;
  baseMs: number;
  capMs: number;
  /** No more tries once this long has passed since the event was written (or replayed). */
  giveUpAfterMs: number;
  /** A Retry-After longer than this is treated as this (a typo must not park events for days). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  decisionFastPhaseMs: STREAM_DECISION_WINDOW_MS,
  decisionBaseMs: 250,
  decisionCapMs: 2_000,
  baseMs: 1_000,
  capMs: 15 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  maxRetryAfterMs: 60 * 60_000,
};

export interface AttemptHistory {
  urgency: 'decision' | 'normal';
  /** Attempts made so far, including the one that just failed (≥ 1). */
  attempts: number;
  /** When the retry budget started: the row's creation, or its last replay. */
  budgetStart: number;
}

/** How long to wait before the next try after a failure. */
export function backoffDelay(
  policy: RetryPolicy,
  history: AttemptHistory,
  now: number,
  random: () => number,
): number {
  const fast =
    history.urgency === 'decision' && now - history.budgetStart < policy.decisionFastPhaseMs;
  const base = fast ? policy.decisionBaseMs : policy.baseMs;
  const cap = fast ? policy.decisionCapMs : policy.capMs;
  // 2^n overflows to Infinity long before it matters; min() with the cap keeps it finite.
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, history.attempts - 1));
  return Math.floor(random() * ceiling);
}

export function budgetExhausted(
  policy: RetryPolicy,
  history: AttemptHistory,
  now: number,
): boolean {
  return now - history.budgetStart >= policy.giveUpAfterMs;
}

/** What one attempt's result means for the event. */
export type Verdict =
  | { kind: 'sent' }
  | {
      kind: 'retry';
      reason: string;
      /** Stream asked us to wait (429 / 503 with Retry-After): the whole endpoint waits. */
      retryAfterMs?: number;
      /** The failure says the endpoint is down (5xx, timeout, refused), not this event. */
      endpointDown: boolean;
    }
  | { kind: 'dead'; reason: string };

/** `Retry-After` as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or
 * unreadable. A date in the past means "now". */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date names its weekday and month; anything without letters is not one (Date.parse
  // would take "-5" for a year).
  const at = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
