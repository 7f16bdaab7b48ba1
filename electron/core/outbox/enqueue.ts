// Writing an outbox row. Call it inside the same transaction as the state change that caused the
// message, so the change and the message commit together or not at all.
import type { Db } from '../db/connection.js';
import type { OutgoingEvent } from '../stream/protocol/index.js';

export type Lane = 'stream' | 'pos' | 'printer';

export interface EnqueueInput {
  id: string;
  lane: Lane;
  /** Events with the same key are delivered one at a time, in the order they were written. */
  orderingKey: string;
  event: OutgoingEvent;
  now: number;
}

export class OutboxWriter {
  private readonly insert;
  private readonly listeners = new Set<(lane: Lane) => void>();
  constructor(db: Db) {
    this.insert =
      db.prepare(`INSERT INTO outbox (id, lane, ordering_key, kind, urgency, body, state, next_attempt_at, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`);
  }

  enqueue(input: EnqueueInput): void {
    this.insert.run(
      input.id,
      input.lane,
      input.orderingKey,
      input.event.kind,
      input.event.urgency,
      input.event.body,
      input.now,
      input.now,
    );
    // Delivery workers look for work on their next turn, after this transaction has committed.
    for (const listener of this.listeners) listener(input.lane);
  }

  /** Be told when a row is written (the delivery worker's poke). */
  onEnqueued(listener: (lane: Lane) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
