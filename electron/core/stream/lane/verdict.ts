// What Stream's answer to one webhook delivery means for the event (stream-api.md A4, B4): sent,
// retry (and whether the whole endpoint is down or asked us to wait), or dead.
import { parseRetryAfter, type RetryPolicy, type Verdict } from '../../outbox/schedule.js';

/** 4xx answers that a later try can fix (Standard Webhooks; RFC 9110 / 8470). */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

export function judgeAnswer(
  status: number,
  retryAfter: string | undefined,
  now: number,
  policy: RetryPolicy,
): Verdict {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status >= 300 && status < 400)
    return {
      kind: 'retry',
      reason: `HTTP ${status}: redirects are not followed`,
      endpointDown: false,
    };
  if (status === 429 || status === 503) {
    const wait = parseRetryAfter(retryAfter, now);
    return {
      kind: 'retry',
      reason: `HTTP ${status}${wait === undefined ? '' : ` (Retry-After ${Math.round(wait / 1000)} s)`}`,
      ...(wait === undefined ? {} : { retryAfterMs: Math.min(wait, policy.maxRetryAfterMs) }),
      endpointDown: status === 503,
    };
  }
  if (status >= 400 && status < 500 && !RETRYABLE_4XX.has(status))
    return {
      kind: 'dead',
      reason: `HTTP ${status}: Stream refused the event; retrying cannot fix it`,
    };
  return { kind: 'retry', reason: `HTTP ${status}`, endpointDown: status >= 500 };
}
