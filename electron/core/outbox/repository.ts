// Every SQL statement about delivering outbox rows. A row moves pending → sending → sent | pending
// (retry) | dead, or withdrawn (final: queries.ts `withdrawStreamEvents`); `sending` left behind by a crash goes back to pending at the next start.
//
// Per-key order: only the head of an ordering key (its oldest row still pending or sending) may
// be tried, so an order's later event never overtakes an earlier one and at most one per key is
// in flight. A dead row no longer holds its key: Stream refused it for good, and the order's
// later events (ready, completed …) must not wait forever behind it; a replay sends it again.
import type { Db } from '../db/connection.js';
import type { Lane } from './enqueue.js';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'dead' | 'withdrawn';

export interface OutboxRow {
  seq: number;
  id: string;
  lane: Lane;
  ordering_key: string;
  kind: string;
  urgency: 'decision' | 'normal';
  body: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  sent_at: number | null;
  last_status: number | null;
  last_error: string | null;
  last_response: string | null;
  last_attempt_at: number | null;
  retry_from: number | null;
}

export interface AttemptRecord {
  status: number | null;
  error: string | null;
  response: string | null;
}

/** What we keep of Stream's answer: enough to read, never megabytes. */
const KEPT_ANSWER_CHARS = 2000;
const keep = (text: string | null): string | null =>
  text === null ? null : text.slice(0, KEPT_ANSWER_CHARS);

const HEAD = `NOT EXISTS (SELECT 1 FROM outbox p WHERE p.lane = o.lane AND p.ordering_key = o.ordering_key
  AND p.state IN ('pending', 'sending') AND p.seq < o.seq)`;

export class OutboxRepository {
  private readonly stmts;

  constructor(
    private readonly db: Db,
    readonly lane: Lane,
  ) {
    this.stmts = {
      recover:
        db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = MIN(next_attempt_at, @now),
          last_error = 'attempt interrupted by a stop or crash' WHERE lane = @lane AND state = 'sending'`),
      // Decisions first: a new accept must not queue behind a backlog of status updates.
      dueHeads: db.prepare(`SELECT * FROM outbox o WHERE o.lane = @lane AND o.state = 'pending'
          AND o.next_attempt_at <= @now AND ${HEAD}
          ORDER BY o.urgency = 'decision' DESC, o.next_attempt_at, o.seq LIMIT @limit`),
      nextDue: db.prepare(`SELECT MIN(o.next_attempt_at) AS at FROM outbox o
          WHERE o.lane = @lane AND o.state = 'pending' AND ${HEAD}
          AND (@decisionsOnly = 0 OR o.urgency = 'decision')`),
      claim:
        db.prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1, last_attempt_at = @now
          WHERE id = @id AND state = 'pending'`),
      sent: db.prepare(`UPDATE outbox SET state = 'sent', sent_at = @now, last_status = @status,
          last_error = NULL, last_response = @response WHERE id = @id AND state = 'sending'`),
      retry:
        db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = @next, last_status = @status,
          last_error = @error, last_response = @response WHERE id = @id AND state = 'sending'`),
      dead: db.prepare(`UPDATE outbox SET state = 'dead', last_status = @status, last_error = @error,
          last_response = @response WHERE id = @id AND state = 'sending'`),
      pullForward: db.prepare(`UPDATE outbox SET next_attempt_at = @now
          WHERE lane = @lane AND state = 'pending' AND attempts > 0 AND next_attempt_at > @now`),
      replay: db.prepare(`UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = @now,
          retry_from = @now WHERE id = @id AND lane = @lane AND state IN ('pending', 'dead')`),
      byId: db.prepare(`SELECT * FROM outbox WHERE id = ?`),
      backlog:
        db.prepare(`SELECT * FROM outbox WHERE lane = @lane AND state IN ('pending', 'sending')
          ORDER BY seq LIMIT @limit`),
      deadRows: db.prepare(
        `SELECT * FROM outbox WHERE lane = @lane AND state = 'dead' ORDER BY seq DESC LIMIT @limit`,
      ),
      lastContact: db.prepare(`INSERT INTO kv (key, value) VALUES ('stream.lastContactAt', @value)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
    };
  }

  /** Rows a crash (or a stop) left in `sending` are tried again, with the same id. */
  recoverInterrupted(now: number): number {
    return this.stmts.recover.run({ lane: this.lane, now }).changes;
  }

  dueHeads(now: number, limit: number): OutboxRow[] {
    return this.stmts.dueHeads.all({ lane: this.lane, now, limit }) as OutboxRow[];
  }

  /** When the earliest waiting head (or decision head) falls due; null when nothing waits. */
  nextDueAt(decisionsOnly = false): number | null {
    const row = this.stmts.nextDue.get({ lane: this.lane, decisionsOnly: decisionsOnly ? 1 : 0 });
    return (row as { at: number | null }).at;
  }

  /** pending → sending; false when someone else moved the row first. */
  claim(id: string, now: number): boolean {
    return this.stmts.claim.run({ id, now }).changes === 1;
  }

  markSent(id: string, now: number, status: number, response: string | null): void {
    this.db.transaction(() => {
      this.stmts.sent.run({ id, now, status, response: keep(response) });
      // Only an answer from Stream is contact with Stream (the POS and printer lanes reuse this).
      if (this.lane === 'stream') this.stmts.lastContact.run({ value: String(now) });
    })();
  }

  markRetry(id: string, next: number, record: AttemptRecord): void {
    this.stmts.retry.run({ id, next, ...record, response: keep(record.response) });
  }

  markDead(id: string, record: AttemptRecord): void {
    this.stmts.dead.run({ id, ...record, response: keep(record.response) });
  }

  /** Stream is back after an outage: everything waiting out a backoff goes now. */
  pullForward(now: number): number {
    return this.stmts.pullForward.run({ lane: this.lane, now }).changes;
  }

  /** Send a dead (or waiting) row again now, with the same id and a fresh retry budget. */
  replay(id: string, now: number): boolean {
    return this.stmts.replay.run({ id, lane: this.lane, now }).changes === 1;
  }

  get(id: string): OutboxRow | undefined {
    return this.stmts.byId.get(id) as OutboxRow | undefined;
  }

  list(view: 'backlog' | 'dead', limit: number): OutboxRow[] {
    const stmt = view === 'backlog' ? this.stmts.backlog : this.stmts.deadRows;
    return stmt.all({ lane: this.lane, limit }) as OutboxRow[];
  }
}
