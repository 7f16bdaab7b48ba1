// The outbox as staff and IT see it through the Local API: what waits for Stream, what Stream
// refused for good, and replaying one event with its own id (so Stream can still de-duplicate).
import type { OutboxEvent } from '../../../shared/outbox.js';
import type { Clock } from '../util/clock.js';
import { ApiError, notFound } from '../util/errors.js';
import type { OutboxRepository, OutboxRow } from './repository.js';

export interface OutboxApiDeps {
  repository: OutboxRepository;
  clock: Clock;
  /** Wake the delivery worker after a replay. */
  poke: () => void;
}

export function toOutboxEvent(row: OutboxRow): OutboxEvent {
  return {
    id: row.id,
    kind: row.kind,
    urgency: row.urgency,
    orderingKey: row.ordering_key,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    sentAt: row.sent_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    lastResponse: row.last_response,
  };
}

export class OutboxApi {
  constructor(private readonly deps: OutboxApiDeps) {}

  list(view: 'backlog' | 'dead', limit: number): { events: OutboxEvent[] } {
    return { events: this.deps.repository.list(view, limit).map(toOutboxEvent) };
  }

  replay(id: string): OutboxEvent {
    const { repository, clock } = this.deps;
    const row = repository.get(id);
    if (!row || row.lane !== repository.lane) throw notFound('outbox event', id);
    if (!repository.replay(id, clock.now()))
      throw new ApiError(
        409,
        'not_replayable',
        `event ${id} is ${row.state}; only dead or waiting events can be replayed`,
      );
    this.deps.poke();
    return toOutboxEvent(repository.get(id)!);
  }
}
