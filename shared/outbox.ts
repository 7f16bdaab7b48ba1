// Wire shapes of the outbox in the Local API: events waiting for Stream, events Stream refused
// for good, and the alert raised when one is given up on. Times are epoch milliseconds.
import { z } from 'zod';

/** `withdrawn`: final, never sent — Stream had failed the order before it could be (chains: the
 * gateway answered `pos_offline`); `last_error` says so. */
export const OutboxState = z.enum(['pending', 'sending', 'sent', 'dead', 'withdrawn']);

export const OutboxEvent = z.object({
  /** The event id, sent as Idempotency-Key on every attempt (a replay keeps it). */
  id: z.string(),
  kind: z.string(),
  urgency: z.enum(['decision', 'normal']),
  /** Events with the same key (an order id) are delivered one at a time, in order. */
  orderingKey: z.string(),
  state: OutboxState,
  attempts: z.number().int(),
  createdAt: z.number().int(),
  nextAttemptAt: z.number().int(),
  lastAttemptAt: z.number().int().nullable(),
  sentAt: z.number().int().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /** The start of Stream's last answer, as received. */
  lastResponse: z.string().nullable(),
});
export type OutboxEvent = z.infer<typeof OutboxEvent>;

export const OutboxListQuery = z.object({
  /** `backlog`: waiting or being sent, oldest first; `dead`: given up on, newest first. */
  state: z.enum(['backlog', 'dead']).default('backlog'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Push event: an event to Stream failed for good and needs a replay once the cause is fixed. */
export const OutboxDeadAlert = z.object({
  id: z.string(),
  kind: z.string(),
  orderingKey: z.string(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxDeadAlert = z.infer<typeof OutboxDeadAlert>;
