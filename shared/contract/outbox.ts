// Events on their way to Stream: list them, replay one that failed.
import { z } from 'zod';
import { OutboxEvent, OutboxListQuery } from '../outbox.js';
import { call } from './call.js';

export const outboxCalls = {
  listOutboxEvents: call({
    method: 'GET',
    path: '/api/outbox',
    query: OutboxListQuery,
    response: z.object({ events: z.array(OutboxEvent) }),
  }),
  /** Send one event again now, with the same id (Idempotency-Key) and a fresh retry budget. */
  replayOutboxEvent: call({
    method: 'POST',
    path: '/api/outbox/:id/replay',
    params: z.object({ id: z.string().min(1).max(64) }),
    response: OutboxEvent,
  }),
} as const;
