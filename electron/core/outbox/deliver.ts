// The delivery worker for the `stream` lane: it picks outbox rows up and sends them to Stream
// (attempt.ts). Nothing is sent from a request handler: code that writes a row pokes the worker,
// and the worker sends once the writing transaction has committed.
//
// Guarantees: at-least-once (a row is `sent` only after a 2xx; a crash mid-attempt leaves it
// `sending`, retried at the next start with the same key); per-key FIFO with at most one in
// flight per key (repository.ts); at most `concurrency` attempts at once, one slot kept for
// decisions; retries per schedule.ts; Retry-After pauses the whole endpoint; when Stream comes
// back after an outage the backlog is pulled forward instead of each row waiting out its backoff.
//
// Each turn is one transaction: the results of every attempt that finished since the last turn,
// then the claims of the rows that start now. With synchronous=FULL a commit costs an fsync, so
// this is what lets a backlog drain at the speed of the network rather than of the disk.
import type { OutboxDeadAlert } from '../../../shared/outbox.js';
import type { Config } from '../config/schema.js';
import type { Db } from '../db/connection.js';
import type { EventBus } from '../events/bus.js';
import type { CancelTimer, Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';
import { StreamSender, type AttemptOutcome } from './attempt.js';
import { OutboxRepository, type AttemptRecord, type OutboxRow } from './repository.js';
import {
  backoffDelay,
  budgetExhausted,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
} from './schedule.js';

export interface OutboxWorkerOptions {
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

export const DEFAULT_OUTBOX_OPTIONS: OutboxWorkerOptions = {
  concurrency: 8,
  decisionSlots: 1,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  decisionTotalTimeoutMs: 5_000,
  outageAfterFailures: 3,
  retry: DEFAULT_RETRY_POLICY,
  random: Math.random,
};

export interface OutboxWorkerDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  stream: Config['stream'];
  bus: EventBus;
}

interface Finished {
  row: OutboxRow;
  outcome: AttemptOutcome;
}

/** How long to wait before trying again when the database itself refused a write. */
const STORAGE_RETRY_MS = 1_000;

export class OutboxWorker {
  readonly repository: OutboxRepository;
  private readonly options: OutboxWorkerOptions;
  private readonly sender: StreamSender;
  /** Attempts started and not yet recorded, by row id. */
  private readonly inFlight = new Map<string, { normal: boolean; done: Promise<void> }>();
  /** Attempts that came back, waiting for the next turn to record them. */
  private finished: Finished[] = [];
  private running = false;
  private tickQueued = false;
  private wake: { at: number; cancel: CancelTimer } | null = null;
  /** Retry-After from Stream: nothing is sent before this time. */
  private pausedUntil = 0;
  private endpointFailures = 0;

  constructor(
    private readonly deps: OutboxWorkerDeps,
    options: Partial<OutboxWorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_OUTBOX_OPTIONS, ...options };
    this.repository = new OutboxRepository(deps.db, 'stream');
    this.sender = new StreamSender(
      deps.stream,
      deps.clock,
      { ...this.options, maxSockets: this.options.concurrency },
      this.options.retry,
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const recovered = this.repository.recoverInterrupted(this.deps.clock.now());
    if (recovered)
      this.deps.log.info('outbox: retrying attempts cut short by the last stop', { recovered });
    if (!this.sender.configured)
      this.deps.log.warn(
        'outbox: stream.apiUrl, stream.partnerSlug or stream.webhookSecret not set; events wait',
      );
    this.poke();
  }

  /** Look for work soon (after the caller's transaction has committed). Cheap; coalesced. */
  poke(): void {
    if (!this.running || this.tickQueued) return;
    this.tickQueued = true;
    setImmediate(() => this.tick());
  }

  /** Stop taking work, cut open attempts short (their rows go back to pending), record them. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.cancel();
    this.wake = null;
    this.sender.abortAll();
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
    this.turn(false);
    this.sender.close();
  }

  /** For tests and diagnostics: attempts under way, a queued turn, the next timed wake-up. */
  activity(): { inFlight: number; tickQueued: boolean; nextWakeAt: number | null } {
    return {
      inFlight: this.inFlight.size,
      tickQueued: this.tickQueued,
      nextWakeAt: this.wake?.at ?? null,
    };
  }

  private tick(): void {
    this.tickQueued = false;
    if (!this.running) return;
    // better-sqlite3 transactions are synchronous, so one cannot be open here; if a caller's ever
    // is, its rows are not committed yet and must not be sent.
    if (this.deps.db.inTransaction) return this.poke();
    this.turn(true);
  }

  /** Record what came back, then (unless stopping) claim and start what is due: one commit. */
  private turn(startMore: boolean): void {
    const now = this.deps.clock.now();
    const done = this.finished;
    this.finished = [];
    const alerts: OutboxDeadAlert[] = [];
    let claimed: OutboxRow[];
    try {
      claimed = this.deps.db.transaction(() => {
        for (const f of done) this.record(f, now, alerts);
        return startMore ? this.claimDue(now, done) : [];
      })();
    } catch (err) {
      // The disk refused the write (full, I/O error): nothing was recorded; try again shortly.
      this.finished = [...done, ...this.finished];
      this.deps.log.error('outbox: could not record delivery results', { err });
      if (this.running) this.armAt(now + STORAGE_RETRY_MS);
      return;
    }
    for (const f of done) this.inFlight.delete(f.row.id);
    for (const alert of alerts) this.deps.bus.publish('outbox.dead', alert);
    for (const row of claimed) this.launch(row);
    if (startMore) this.armNext(now);
  }

  /** Claims due heads for the free slots; `done` are still counted in flight until recorded. */
  private claimDue(now: number, done: readonly Finished[]): OutboxRow[] {
    if (!this.sender.configured || now < this.pausedUntil) return [];
    const finishing = new Set(done.map((f) => f.row.id));
    let busy = 0;
    let normalBusy = 0;
    for (const [id, f] of this.inFlight) {
      if (finishing.has(id)) continue;
      busy++;
      if (f.normal) normalBusy++;
    }
    const free = this.options.concurrency - busy;
    if (free <= 0) return [];
    const normalLimit = this.normalLimit();
    const claimed: OutboxRow[] = [];
    for (const row of this.repository.dueHeads(now, free)) {
      const normal = row.urgency !== 'decision';
      if (normal && normalBusy >= normalLimit) continue;
      if (!this.repository.claim(row.id, now)) continue;
      if (normal) normalBusy++;
      claimed.push(row);
    }
    return claimed;
  }

  private normalLimit(): number {
    return Math.max(1, this.options.concurrency - this.options.decisionSlots);
  }

  private launch(row: OutboxRow): void {
    const normal = row.urgency !== 'decision';
    const done = this.sender
      .send(row, () => this.deps.clock.now())
      .catch((err: unknown): AttemptOutcome => {
        this.deps.log.error('outbox: attempt failed unexpectedly', { id: row.id, err });
        const reason = `internal error: ${(err as Error).message}`;
        return {
          verdict: { kind: 'retry', reason, endpointDown: false },
          record: { status: null, error: reason, response: null },
        };
      })
      .then((outcome) => {
        this.finished.push({ row, outcome });
        this.poke();
      });
    this.inFlight.set(row.id, { normal, done });
  }

  /** Wake for the next row that could start; a finishing attempt pokes for the rest. */
  private armNext(now: number): void {
    if (!this.sender.configured) return;
    if (now < this.pausedUntil) return this.armAt(this.pausedUntil);
    if (this.inFlight.size >= this.options.concurrency) return;
    let normalBusy = 0;
    for (const f of this.inFlight.values()) if (f.normal) normalBusy++;
    const next = this.repository.nextDueAt(normalBusy >= this.normalLimit());
    if (next !== null) this.armAt(Math.max(next, now + 1));
  }

  private armAt(at: number): void {
    if (this.wake && this.wake.at <= at) return;
    this.wake?.cancel();
    const cancel = this.deps.clock.setTimer(
      () => {
        this.wake = null;
        this.poke();
      },
      Math.max(0, at - this.deps.clock.now()),
    );
    this.wake = { at, cancel };
  }

  /** One attempt's result in the database (inside the turn's transaction). */
  private record({ row, outcome }: Finished, now: number, alerts: OutboxDeadAlert[]): void {
    const { verdict, record } = outcome;
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
        if (this.endpointFailures >= this.options.outageAfterFailures) {
          const pulled = this.repository.pullForward(now);
          this.deps.log.info('outbox: Stream answers again; sending the backlog now', { pulled });
        }
        this.endpointFailures = 0;
        return;
      case 'dead':
        return this.bury(row, record, alerts);
      case 'retry': {
        this.endpointFailures = verdict.endpointDown ? this.endpointFailures + 1 : 0;
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
          this.pausedUntil = Math.max(this.pausedUntil, now + verdict.retryAfterMs);
        }
        this.repository.markRetry(row.id, now + delay, record);
        this.deps.log.debug('outbox: will retry', {
          id: row.id,
          kind: row.kind,
          reason: verdict.reason,
          delay,
        });
        return;
      }
    }
  }

  private bury(row: OutboxRow, record: AttemptRecord, alerts: OutboxDeadAlert[]): void {
    this.repository.markDead(row.id, record);
    this.deps.log.warn('outbox: event failed for good; replay it once the cause is fixed', {
      id: row.id,
      kind: row.kind,
      status: record.status,
      error: record.error,
    });
    alerts.push({
      id: row.id,
      kind: row.kind,
      orderingKey: row.ordering_key,
      lastStatus: record.status,
      lastError: record.error,
    });
  }
}
