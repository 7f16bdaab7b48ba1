// The retry policy as pure functions: full-jitter bounds, the decisions' fast phase, the cap,
// giving up, what each HTTP answer means, and Retry-After in both of its forms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM_LANE_OPTIONS } from '../../electron/core/stream/lane/worker.js';
import {
  backoffDelay,
  budgetExhausted,
  DEFAULT_RETRY_POLICY as policy,
  parseRetryAfter,
} from '../../electron/core/outbox/schedule.js';
import { judgeAnswer } from '../../electron/core/stream/lane/verdict.js';

const NOW = Date.UTC(2026, 0, 1);

describe('backoff', () => {
  it('is full jitter: anywhere in [0, min(cap, base·2^(n-1))), never more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attempts, r) => {
          const delay = backoffDelay(
            policy,
            { urgency: 'normal', attempts, budgetStart: NOW - 3_600_000 },
            NOW,
            () => r,
          );
          const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempts - 1));
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(ceiling);
          expect(delay).toBe(Math.floor(r * ceiling));
        },
      ),
    );
  });

  it('grows to a 15-minute cap for ordinary events', () => {
    const max = (attempts: number) =>
      backoffDelay(policy, { urgency: 'normal', attempts, budgetStart: NOW }, NOW, () => 0.999_999);
    expect(max(1)).toBe(999);
    expect(max(4)).toBe(7_999);
    expect(max(30)).toBe(899_999);
  });

  it('retries a young decision within 2 s, and an old one on the slow tail', () => {
    const young = { urgency: 'decision' as const, attempts: 30, budgetStart: NOW - 10_000 };
    expect(backoffDelay(policy, young, NOW, () => 0.999_999)).toBeLessThan(2_000);
    expect(backoffDelay(policy, { ...young, attempts: 1 }, NOW, () => 0.999_999)).toBeLessThan(250);
    const old = { ...young, budgetStart: NOW - 61_000 };
    expect(backoffDelay(policy, old, NOW, () => 0.999_999)).toBe(899_999);
  });

  it('lands a decision made at second 40 before second 60 even if three tries each hang to the timeout', () => {
    // Worst case by arithmetic: every try takes the whole decision timeout and every wait is at
    // its cap (the integration test shows the same against a real hanging server).
    let elapsed = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      elapsed += DEFAULT_STREAM_LANE_OPTIONS.decisionTotalTimeoutMs;
      elapsed += backoffDelay(
        policy,
        { urgency: 'decision', attempts: attempt, budgetStart: NOW },
        NOW + elapsed,
        () => 0.999_999,
      );
    }
    expect(40_000 + elapsed).toBeLessThan(60_000);
  });

  it('gives up 24 hours after the event was written or last replayed', () => {
    const history = {
      urgency: 'normal' as const,
      attempts: 150,
      budgetStart: NOW - 24 * 3_600_000 + 1,
    };
    expect(budgetExhausted(policy, history, NOW)).toBe(false);
    expect(budgetExhausted(policy, history, NOW + 1)).toBe(true);
  });
});

describe('what an answer means', () => {
  const judge = (status: number, retryAfter?: string) =>
    judgeAnswer(status, retryAfter, NOW, policy);

  it.each([200, 201, 202, 204, 299])('%i: sent', (status) =>
    expect(judge(status).kind).toBe('sent'),
  );

  it.each([301, 302, 307, 308])(
    '%i: a failed attempt (redirects are not followed), retried',
    (status) => expect(judge(status)).toMatchObject({ kind: 'retry', endpointDown: false }),
  );

  it.each([400, 401, 403, 404, 410, 413, 422])('%i: dead at once', (status) =>
    expect(judge(status).kind).toBe('dead'),
  );

  it.each([408, 409, 425, 429])('%i: retried', (status) =>
    expect(judge(status).kind).toBe('retry'),
  );

  it.each([500, 502, 503, 504])('%i: retried, and counts toward an outage', (status) =>
    expect(judge(status)).toMatchObject({ kind: 'retry', endpointDown: true }),
  );

  it('429 and 503 carry their Retry-After; other statuses ignore it', () => {
    expect(judge(429, '120')).toMatchObject({ kind: 'retry', retryAfterMs: 120_000 });
    expect(judge(503, '7')).toMatchObject({ kind: 'retry', retryAfterMs: 7_000 });
    expect(judge(500, '7')).not.toHaveProperty('retryAfterMs');
    expect(judge(429, '999999')).toMatchObject({ retryAfterMs: policy.maxRetryAfterMs });
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP-dates; a past date is now; garbage is ignored', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter(new Date(NOW - 90_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});
