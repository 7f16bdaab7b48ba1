// The delivery worker for the `stream` lane: it picks outbox rows up and POSTs them to Stream's
// webhook endpoint (stream-api.md A4), signed, with the row id as Idempotency-Key on every
// attempt. Nothing is sent from a request handler: code that writes a row pokes the worker, and
// the worker sends once the writing transaction has committed.
//
// Guarantees: at-least-once (a row is `sent` only after a 2xx; a crash mid-attempt leaves it
// `sending`, retried at the next start with the same key); per-key FIFO with at most one in
// flight per key (repository.ts); at most `concurrency` attempts at once; retries per
// schedule.ts; Retry-After pauses the whole endpoint; when Stream comes back after an outage
// the whole backlog is pulled forward instead of each row waiting out its own backoff.
import type { Config } from '../config/schema.js';
import type { Db } from '../db/connection.js';
import type { EventBus } from '../events/bus.js';
import { webhookHeaders, webhookUrl } from '../stream/protocol/index.js';
import type { CancelTimer, Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';
import { HttpPoster, type PostResult } from './http-post.js';
import { AccessTokenCache } from './oauth.js';
import { OutboxRepository, type OutboxRow } from './repository.js';
import {
  backoffDelay,
  budgetExhausted,
  DEFAULT_RETRY_POLICY,
  judgeAnswer,
  type RetryPolicy,
  type Verdict,
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
  concurrency: 4,
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

export class OutboxWorker {
  readonly repository: OutboxRepository;
  private readonly options: OutboxWorkerOptions;
  private readonly poster: HttpPoster;
  private readonly tokens: AccessTokenCache | null;
  private readonly endpoint: { url: URL; secret: string } | null;
  private readonly inFlight = new Map<string, Promise<void>>();
  private normalInFlight = 0;
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
    this.poster = new HttpPoster(deps.clock, this.options.concurrency);
    const { apiUrl, partnerSlug, webhookSecret, clientId, clientSecret } = deps.stream;
    this.endpoint =
      apiUrl && partnerSlug && webhookSecret
        ? { url: webhookUrl(apiUrl, partnerSlug), secret: webhookSecret }
        : null;
    this.tokens =
      apiUrl && clientId && clientSecret
        ? new AccessTokenCache({ apiUrl, clientId, clientSecret }, this.poster, deps.clock, {
            connectTimeoutMs: this.options.connectTimeoutMs,
            totalTimeoutMs: this.options.totalTimeoutMs,
          })
        : null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const recovered = this.repository.recoverInterrupted(this.deps.clock.now());
    if (recovered)
      this.deps.log.info('outbox: retrying attempts cut short by the last stop', { recovered });
    if (!this.endpoint)
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

  /** Stop taking work, cut open attempts short (their rows go back to pending) and wait for them. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.cancel();
    this.wake = null;
    this.poster.abortAll();
    await Promise.all(this.inFlight.values());
    this.poster.close();
  }

  /** For tests and diagnostics: attempts under way, and whether a look for work is queued. */
  activity(): { inFlight: number; tickQueued: boolean; nextWakeAt: number | null } {
    return {
      inFlight: this.inFlight.size,
      tickQueued: this.tickQueued,
      nextWakeAt: this.wake?.at ?? null,
    };
  }

  private tick(): void {
    this.tickQueued = false;
    if (!this.running || !this.endpoint) return;
    // better-sqlite3 transactions are synchronous, so one cannot be open here; if a caller's ever
    // is, its rows are not committed yet and must not be sent.
    if (this.deps.db.inTransaction) return this.poke();
    const now = this.deps.clock.now();
    if (now < this.pausedUntil) return this.armAt(this.pausedUntil);
    const free = this.options.concurrency - this.inFlight.size;
    if (free <= 0) return; // a finishing attempt pokes again
    const normalLimit = Math.max(1, this.options.concurrency - this.options.decisionSlots);
    for (const row of this.repository.dueHeads(now, free)) {
      const normal = row.urgency !== 'decision';
      if (normal && this.normalInFlight >= normalLimit) continue;
      if (!this.repository.claim(row.id, now)) continue;
      if (normal) this.normalInFlight++;
      const attempt = this.attempt(row, this.endpoint)
        .catch((err: unknown) =>
          this.deps.log.error('outbox: attempt failed unexpectedly', { id: row.id, err }),
        )
        .finally(() => {
          this.inFlight.delete(row.id);
          if (normal) this.normalInFlight--;
          this.poke();
        });
      this.inFlight.set(row.id, attempt);
    }
    // Wake for the next row that could start; a finishing attempt pokes for the rest.
    if (this.inFlight.size >= this.options.concurrency) return;
    const next = this.repository.nextDueAt(this.normalInFlight >= normalLimit);
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

  private async attempt(row: OutboxRow, endpoint: { url: URL; secret: string }): Promise<void> {
    const body = Buffer.from(row.body, 'utf8');
    let token: string | undefined;
    let result: PostResult;
    try {
      token = this.tokens ? await this.tokens.token() : undefined;
      result = await this.poster.post(
        endpoint.url,
        webhookHeaders(endpoint.secret, row.id, body, token),
        body,
        {
          connectTimeoutMs: this.options.connectTimeoutMs,
          totalTimeoutMs:
            row.urgency === 'decision'
              ? this.options.decisionTotalTimeoutMs
              : this.options.totalTimeoutMs,
        },
      );
    } catch (err) {
      // Only the token request throws; during stop() it was cut short like any other request.
      result = { ok: false, error: (err as Error).message, aborted: !this.running };
    }
    const now = this.deps.clock.now();
    if (!result.ok && result.aborted) {
      // Cut short by stop(): not Stream's failure. The row is retried at the next start.
      this.repository.markRetry(row.id, now, {
        status: null,
        error: 'attempt interrupted by a stop',
        response: null,
      });
      return;
    }
    let verdict: Verdict;
    if (!result.ok) verdict = { kind: 'retry', reason: result.error, endpointDown: true };
    else if (result.status === 401 && token) {
      // Our token may have expired early or been revoked: fetch a new one for the next try.
      this.tokens?.invalidate();
      verdict = {
        kind: 'retry',
        reason: 'HTTP 401 with our access token; fetching a new one',
        endpointDown: false,
      };
    } else
      verdict = judgeAnswer(
        result.status,
        headerValue(result.headers['retry-after']),
        now,
        this.options.retry,
      );
    this.settle(row, verdict, result, now);
  }

  private settle(row: OutboxRow, verdict: Verdict, result: PostResult, now: number): void {
    const record = {
      status: result.ok ? result.status : null,
      error: verdict.kind === 'sent' ? null : verdict.reason,
      response: result.ok ? result.body : null,
    };
    if (verdict.kind === 'sent') {
      this.repository.markSent(row.id, now, record.status!, record.response);
      if (this.endpointFailures >= this.options.outageAfterFailures) {
        const pulled = this.repository.pullForward(now);
        this.deps.log.info('outbox: Stream answers again; sending the backlog now', { pulled });
      }
      this.endpointFailures = 0;
      return;
    }
    if (verdict.kind === 'dead') return this.bury(row, record);

    this.endpointFailures = verdict.endpointDown ? this.endpointFailures + 1 : 0;
    const history = {
      urgency: row.urgency,
      attempts: row.attempts + 1,
      budgetStart: row.retry_from ?? row.created_at,
    };
    if (budgetExhausted(this.options.retry, history, now))
      return this.bury(row, {
        ...record,
        error: `gave up after ${history.attempts} attempts: ${verdict.reason}`,
      });
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
  }

  private bury(
    row: OutboxRow,
    record: { status: number | null; error: string | null; response: string | null },
  ): void {
    this.repository.markDead(row.id, record);
    this.deps.log.warn('outbox: event failed for good; replay it once the cause is fixed', {
      id: row.id,
      kind: row.kind,
      status: record.status,
      error: record.error,
    });
    this.deps.bus.publish('outbox.dead', {
      id: row.id,
      kind: row.kind,
      orderingKey: row.ordering_key,
      lastStatus: record.status,
      lastError: record.error,
    });
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
