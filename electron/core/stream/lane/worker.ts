// The delivery worker for the `stream` lane: it picks outbox rows up and sends them to Stream
// (sender.ts). Nothing is sent from a request handler: code that writes a row pokes the worker,
// and the worker sends once the writing transaction has committed.
//
// Guarantees: at-least-once (a row is `sent` only after a 2xx; a crash mid-attempt leaves it
// `sending`, retried at the next start with the same key); per-key FIFO with at most one in
// flight per key (outbox/repository.ts); at most `concurrency` attempts at once, one slot kept for
// decisions; retries per outbox/schedule.ts and verdict.ts; Retry-After pauses the whole endpoint; when Stream comes
// back after an outage the backlog is pulled forward instead of each row waiting out its backoff.
//
// The loop (claims, one transaction per turn, wake-ups) is outbox/lane-worker.ts, shared with the POS
// lanes; what is Stream's is here: what an attempt sends, and what Stream's answer means.
import type { OutboxDeadAlert } from '../../../../shared/outbox.js';
import type { Config } from '../../config/schema.js';
import type { Db } from '../../db/connection.js';
import type { EventBus } from '../../events/bus.js';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import { StreamSender, type AttemptOutcome } from './sender.js';
import { LaneWorker, type Finished } from '../../outbox/lane-worker.js';
import { OutboxRepository, type AttemptRecord, type OutboxRow } from '../../outbox/repository.js';
import {
  backoffDelay,
  budgetExhausted,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
} from '../../outbox/schedule.js';

export interface StreamLaneOptions {
  /** Attempts in flight at once (and open sockets to Stream). */
  concurrency: number;
  /** Slots only decisions may use, so a backlog hanging on a slow Stream cannot hold them up. */
  decisionSlots: number;
  connectTimeoutMs: number;
  /** Whole-attempt limit for ordinary events. */
  totalTimeoutMs: number;
  /** Whole-attempt limit for decisions: a hanging Stream must not eat the 60-second window. */
  decisionTotalTimeoutMs: number;
  /** Consecutive endpoint failures (5xx, timeouts, refused) that count as an outage. */
  outageAfterFailures: number;
  retry: RetryPolicy;
  /** Jitter source in [0, 1). */
  random: () => number;
}

export const DEFAULT_STREAM_LANE_OPTIONS: StreamLaneOptions = {
  concurrency: 8,
  decisionSlots: 1,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  decisionTotalTimeoutMs: 5_000,
  outageAfterFailures: 3,
  retry: DEFAULT_RETRY_POLICY,
  random: Math.random,
};

export interface StreamLaneDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  stream: Config['stream'];
  bus: EventBus;
  /** After a turn committed: the ordering keys (order ids, `location`) whose events moved, so
   * screens can show whether Stream has them. */
  onDelivery?: (orderingKey: string) => void;
  /** After a turn committed: each event Stream took (2xx), with when it was written and taken
   * (metrics: decision-to-Stream latency from delivery state). */
  onSent?: (sent: { kind: string; createdAt: number; sentAt: number }) => void;
}

/** Failures of one event are logged at attempts 1, 2, 4, 8 …: the log shows an outage without
 * a line per retry. */
const logThisFailure = (attempt: number): boolean => (attempt & (attempt - 1)) === 0;

export class StreamLaneWorker extends LaneWorker<AttemptOutcome, OutboxDeadAlert> {
  private readonly options: StreamLaneOptions;
  private readonly sender: StreamSender;
  /** Keys whose rows changed in the turn being recorded (announced after its commit). */
  private moved = new Set<string>();
  /** Events Stream took in the turn being recorded, by event id (a turn whose commit failed is
   * recorded again: the same event must not be reported twice). Reported after the commit. */
  private sent = new Map<string, { kind: string; createdAt: number; sentAt: number }>();
  protected readonly memory = {
    /** Retry-After from Stream: nothing is sent before this time. */
    pausedUntil: 0,
    /** Endpoint failures in a row (5xx, timeouts, refused): an outage from outageAfterFailures. */
    endpointFailures: 0,
  };

  constructor(
    private readonly deps: StreamLaneDeps,
    options: Partial<StreamLaneOptions> = {},
  ) {
    const opts = { ...DEFAULT_STREAM_LANE_OPTIONS, ...options };
    super({
      db: deps.db,
      clock: deps.clock,
      log: deps.log,
      repository: new OutboxRepository(deps.db, 'stream'),
      concurrency: opts.concurrency,
      decisionSlots: opts.decisionSlots,
      logs: {
        attemptFailed: 'outbox: attempt failed unexpectedly',
        recordFailed: 'outbox: could not record delivery results',
      },
    });
    this.options = opts;
    this.sender = new StreamSender(
      deps.stream,
      deps.clock,
      { ...opts, maxSockets: opts.concurrency },
      opts.retry,
    );
  }

  /** Stream's clock minus ours, from its last answer; null before one. */
  clockSkewMs(): number | null {
    return this.sender.clockSkewMs;
  }

  protected recover(now: number): void {
    const recovered = this.repository.recoverInterrupted(now);
    if (recovered)
      this.deps.log.info('outbox: retrying attempts cut short by the last stop', { recovered });
    if (!this.sender.configured)
      this.deps.log.warn(
        'outbox: stream.apiUrl, stream.partnerSlug or stream.webhookSecret not set; events wait',
      );
  }

  protected sendableFrom(): number | null {
    return this.sender.configured ? this.memory.pausedUntil : null;
  }

  protected attempt(row: OutboxRow): Promise<AttemptOutcome> {
    return this.sender.send(row, () => this.deps.clock.now());
  }

  protected internalError(reason: string): AttemptOutcome {
    return {
      verdict: { kind: 'retry', reason, endpointDown: false },
      record: { status: null, error: reason, response: null },
    };
  }

  protected announce(alerts: readonly OutboxDeadAlert[]): void {
    for (const alert of alerts) this.deps.bus.publish('outbox.dead', alert);
    const moved = this.moved;
    this.moved = new Set();
    for (const key of moved) this.deps.onDelivery?.(key);
    const sent = this.sent;
    this.sent = new Map();
    for (const s of sent.values()) this.deps.onSent?.(s);
  }

  protected abortAll(): void {
    this.sender.abortAll();
  }

  protected close(): void {
    this.sender.close();
  }

  /** One attempt's result in the database (inside the turn's transaction). */
  protected record(
    { row, outcome }: Finished<AttemptOutcome>,
    now: number,
    alerts: OutboxDeadAlert[],
  ): void {
    const { verdict, record } = outcome;
    if (verdict.kind !== 'aborted') this.moved.add(row.ordering_key);
    switch (verdict.kind) {
      case 'aborted':
        // Cut short by stop(): not Stream's failure. The row is retried at the next start.
        this.repository.markRetry(row.id, now, {
          ...record,
          error: 'attempt interrupted by a stop',
        });
        return;
      case 'sent':
        this.repository.markSent(row.id, now, record.status ?? 200, record.response);
        this.sent.set(row.id, { kind: row.kind, createdAt: row.created_at, sentAt: now });
        if (row.attempts > 0)
          this.deps.log.info('outbox: delivered to Stream after failures', {
            eventId: row.id,
            kind: row.kind,
            orderId: row.ordering_key,
            attempts: row.attempts + 1,
          });
        if (this.memory.endpointFailures >= this.options.outageAfterFailures) {
          const pulled = this.repository.pullForward(now);
          this.deps.log.info('outbox: Stream answers again; sending the backlog now', { pulled });
        }
        this.memory.endpointFailures = 0;
        return;
      case 'dead':
        return this.bury(row, record, alerts);
      case 'retry': {
        this.memory.endpointFailures = verdict.endpointDown ? this.memory.endpointFailures + 1 : 0;
        const history = {
          urgency: row.urgency,
          attempts: row.attempts + 1,
          budgetStart: row.retry_from ?? row.created_at,
        };
        if (budgetExhausted(this.options.retry, history, now)) {
          const error = `gave up after ${history.attempts} attempts: ${verdict.reason}`;
          return this.bury(row, { ...record, error }, alerts);
        }
        let delay = backoffDelay(this.options.retry, history, now, this.options.random);
        if (verdict.retryAfterMs !== undefined) {
          delay = Math.max(delay, verdict.retryAfterMs);
          this.memory.pausedUntil = Math.max(this.memory.pausedUntil, now + verdict.retryAfterMs);
        }
        this.repository.markRetry(row.id, now + delay, record);
        const fields = {
          eventId: row.id,
          kind: row.kind,
          orderId: row.ordering_key,
          attempt: history.attempts,
          reason: verdict.reason,
          nextTryInMs: delay,
        };
        if (logThisFailure(history.attempts))
          this.deps.log.warn('outbox: delivery to Stream failed; will retry', fields);
        else this.deps.log.debug('outbox: will retry', fields);
        return;
      }
    }
  }

  private bury(row: OutboxRow, record: AttemptRecord, alerts: OutboxDeadAlert[]): void {
    this.repository.markDead(row.id, record);
    this.deps.log.error(
      'outbox: event failed for good (dead letter); replay it once the cause is fixed',
      {
        eventId: row.id,
        orderId: row.ordering_key,
        kind: row.kind,
        status: record.status,
        error: record.error,
      },
    );
    alerts.push({
      id: row.id,
      kind: row.kind,
      orderingKey: row.ordering_key,
      lastStatus: record.status,
      lastError: record.error,
    });
  }
}
