// What the rest of the core needs to know about outbox rows, asked here: SQL on the `outbox`
// table lives in outbox/ only (the writer in enqueue.ts, the workers' claims in repository.ts,
// and these reads). Orders show the delivery of their answers, the store shows whether Stream
// has its status, health and metrics count the backlog, and the POS lanes look up and withdraw
// their own rows. Callers run these inside their own transactions.
import type { Db } from '../db/connection.js';
import type { Lane } from './enqueue.js';
import type { OutboxState } from './repository.js';

/** When a row started waiting: its first write, or its last replay (a replay starts the "not
 * received" clock again, and a fresh retry budget: stream/lane/worker.ts `budgetStart`). Every
 * "oldest waiting" (health, metrics, heartbeats) and every row's shown age read this one column. */
export function waitingSince(table?: string): string {
  const of = table ? `${table}.` : '';
  return `COALESCE(${of}retry_from, ${of}created_at)`;
}

/** One outbox row about an order as staff see it (shared/delivery.ts), as SQL JSON over the row
 * `o` and the order `orders`. A decision's deadline is Stream's window for the order; a replay
 * starts the "not received" clock again. */
export const DELIVERY_JSON = `json_object('eventId', o.id, 'kind', o.kind, 'state', o.state,
  'attempts', o.attempts, 'createdAt', ${waitingSince('o')}, 'nextAttemptAt', o.next_attempt_at,
  'sentAt', o.sent_at, 'lastError', o.last_error, 'deadlineAt',
  CASE WHEN o.kind IN ('order.accepted', 'order.rejected') THEN orders.stream_deadline_at END)`;

/** A column for queries over `orders`: the card's delivery, the order's oldest event Stream does
 * not have yet, else its newest. */
export const LAST_STREAM_DELIVERY = `(SELECT ${DELIVERY_JSON} FROM outbox o
  WHERE o.lane = 'stream' AND o.ordering_key = orders.id
  ORDER BY o.state = 'sent', CASE WHEN o.state = 'sent' THEN -o.seq ELSE o.seq END LIMIT 1)`;

/** Every Stream event about one order (`?`), oldest first, as DELIVERY_JSON in column `d`. */
export const STREAM_DELIVERIES_OF_ORDER = `SELECT ${DELIVERY_JSON} AS d FROM outbox o
  JOIN orders ON orders.id = o.ordering_key
  WHERE o.lane = 'stream' AND o.ordering_key = ? ORDER BY o.seq`;

/** The orders (`ordering_key`) with a row of `@kind` on `@lane` being sent right now. */
export const SENDING_ORDER_KEYS = `SELECT ordering_key FROM outbox
  WHERE lane = @lane AND kind = @kind AND state = 'sending'`;

export interface OutboxEventRow {
  id: string;
  kind: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  created_at: number;
  next_attempt_at: number;
  sent_at: number | null;
  /** When the "not received" clock started: the first write, or the last replay. */
  since: number;
}

/** The Stream lane as health reports it. An event being sent is backlog until Stream answered. */
export interface StreamBacklog {
  pending: number;
  oldestPendingSince: number | null;
  dead: number;
  oldestDeadAt: number | null;
}

export class OutboxQueries {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      event: db.prepare(`SELECT id, kind, state, attempts, last_error, created_at, next_attempt_at,
          sent_at, ${waitingSince()} AS since FROM outbox WHERE id = ?`),
      newestOf: db.prepare(`SELECT id, state, attempts FROM outbox
          WHERE lane = @lane AND ordering_key = @key AND kind = @kind ORDER BY seq DESC LIMIT 1`),
      drop: db.prepare(`UPDATE outbox SET state = 'dead', last_error = @why
          WHERE id = @id AND state = 'pending'`),
      withdrawStream: db.prepare(`UPDATE outbox SET state = 'withdrawn', last_error = @why
          WHERE lane = 'stream' AND ordering_key = @key AND state IN ('pending', 'sending', 'dead')`),
      streamBacklog: db.prepare(`SELECT
          COALESCE(SUM(state IN ('pending', 'sending')), 0) AS pending,
          MIN(CASE WHEN state IN ('pending', 'sending') THEN ${waitingSince()} END) AS oldestPendingSince,
          COALESCE(SUM(state = 'dead'), 0) AS dead,
          MIN(CASE WHEN state = 'dead' THEN COALESCE(last_attempt_at, created_at) END) AS oldestDeadAt
        FROM outbox WHERE lane = 'stream' AND state IN ('pending', 'sending', 'dead')`),
    };
  }

  /** One row by its event id; undefined once it is gone. */
  event(id: string): OutboxEventRow | undefined {
    return this.stmts.event.get(id) as OutboxEventRow | undefined;
  }

  /** The newest row of this kind for one ordering key on a lane. */
  newestOf(
    lane: Lane,
    key: string,
    kind: string,
  ): Pick<OutboxEventRow, 'id' | 'state' | 'attempts'> | undefined {
    return this.stmts.newestOf.get({ lane, key, kind }) as
      Pick<OutboxEventRow, 'id' | 'state' | 'attempts'> | undefined;
  }

  /** Take a waiting row out of delivery (it stays, `dead` with the reason); false if it was not
   * waiting any more. */
  dropPending(id: string, why: string): boolean {
    return this.stmts.drop.run({ id, why }).changes === 1;
  }

  /** Close every Stream event about one order that Stream does not have yet: final, with the
   * reason, never sent or replayed (the worker's outcome of an attempt in flight finds the row no
   * longer `sending` and changes nothing). How many were closed. */
  withdrawStreamEvents(orderId: string, why: string): number {
    return this.stmts.withdrawStream.run({ key: orderId, why }).changes;
  }

  streamBacklog(): StreamBacklog {
    return this.stmts.streamBacklog.get() as StreamBacklog;
  }
}
