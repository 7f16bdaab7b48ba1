// What `/api/health` reports: enough for staff and IT to see at a glance what is wrong. `status`
// is `ok` only when nothing is: every problem is named (shared/health.ts), with since when and
// what to do, and the Orders screen shows the same list as a banner.
import type { Health } from '../../../shared/contract.js';
import {
  CLOCK_SKEW_PROBLEM_MS,
  UNDELIVERED_PROBLEM_AFTER_MS,
  type HealthProblem,
} from '../../../shared/health.js';
import type { PrinterStatus } from '../../../shared/pos.js';
import type { CatalogStore } from '../catalog/catalog.js';
import type { CoreContext } from '../context.js';
import { OutboxQueries } from '../outbox/queries.js';
import type { PosHealthSummary } from '../pos/service.js';
import { isStorageError } from '../util/errors.js';

export const APP_VERSION = '0.1.0';

/** An event this young is simply on its way. */
const STREAM_GRACE_MS = 3_000;

type Problem = Omit<HealthProblem, 'since' | 'count'> & {
  since?: number | null;
  count?: number | null;
};

/** What health reads from other parts of the core; given once, at construction (app.ts). */
export interface HealthSources {
  /** How this store accepts (acceptance/policy.ts). */
  acceptanceMode(): Health['acceptanceMode'];
  /** The POS leg's counts (electron/core/pos). */
  pos(): PosHealthSummary;
  /** The kitchen printer's last reading (electron/core/pos). */
  printer(): PrinterStatus | null;
  /** Stream's clock minus ours, from the Date of its last answer; null before one. */
  streamClockSkewMs(): number | null;
  /** Problems other parts of the core report (storage …). */
  extraProblems: readonly (() => HealthProblem[])[];
}

export class HealthReporter {
  private readonly startedAt: number;
  private readonly stmts;
  private readonly outbox: OutboxQueries;
  /** When each problem without a stored time was first seen, so it can say "since". */
  private readonly firstSeen = new Map<string, number>();
  /** Problems reported last time, to log each appearing and clearing once. */
  private lastCodes = new Set<string>();
  constructor(
    private readonly ctx: CoreContext,
    private readonly catalog: CatalogStore,
    private readonly sources: HealthSources,
  ) {
    this.startedAt = ctx.clock.now();
    const db = ctx.db;
    this.outbox = new OutboxQueries(db);
    this.stmts = {
      lastContact: db.prepare(`SELECT value FROM kv WHERE key = 'stream.lastContactAt'`),
    };
  }

  report(): Health {
    const { config, clock } = this.ctx;
    const now = clock.now();
    // On a damaged database health still answers: the storage problem says why counts are 0.
    const out = readOr(() => this.outbox.streamBacklog(), {
      pending: 0,
      oldestPendingSince: null,
      dead: 0,
      oldestDeadAt: null,
    });
    const { pending, dead } = out;
    const last = readOr(
      () => this.stmts.lastContact.get() as { value: string } | undefined,
      undefined,
    );
    const lastContactAt = last ? Number(last.value) : null;
    const current = this.catalog.current();
    const streamAuth = {
      bearer: !!config.stream.inboundToken,
      signature: !!config.stream.webhookSecret,
    };
    const pos = this.sources.pos();
    const found: Problem[] = [
      ...this.setupProblems(streamAuth),
      ...this.streamProblems(now, pending, out.oldestPendingSince, lastContactAt),
    ];
    if (dead > 0)
      found.push({
        code: 'dead_letters',
        area: 'stream',
        message: `${dead} event(s) to Stream failed for good`,
        action:
          'Open Health → Messages to Stream, fix the cause Stream gave, then replay each one.',
        since: out.oldestDeadAt,
        count: dead,
      });
    if (pos.notInPos > 0)
      found.push({
        code: 'pos_not_in_pos',
        area: 'pos',
        message: `${pos.notInPos} order(s) not in the POS`,
        action: 'Retry them, or type them into the POS and mark them entered by hand.',
        count: pos.notInPos,
      });
    if (pos.voidsFailed > 0)
      found.push({
        code: 'pos_void_failed',
        area: 'pos',
        message: `${pos.voidsFailed} canceled order(s) could not be voided in the POS`,
        action: 'Void them in the POS by hand.',
        count: pos.voidsFailed,
      });
    const printer = this.sources.printer();
    if (printer && printer.problems.length > 0)
      found.push({
        code: 'printer_trouble',
        area: 'printer',
        message: `Kitchen printer: ${printer.problems.join(', ')}`,
        action:
          'Check the kitchen printer (power, paper, cover, cable); tickets wait until it is back.',
      });
    const skew = this.sources.streamClockSkewMs();
    if (skew !== null && Math.abs(skew) > CLOCK_SKEW_PROBLEM_MS)
      found.push({
        code: 'clock_skew',
        area: 'clock',
        message: `This computer's clock is ${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? 'behind' : 'ahead of'} Stream's`,
        action:
          'Turn on automatic time (NTP) in the operating system: countdowns and deadlines depend on it.',
        count: Math.round(skew / 1000),
      });
    // Storage first: the banner's "what to do" is the first problem's, and this one stops orders.
    const problems = this.finish(now, [
      ...this.sources.extraProblems.flatMap((source) => source()),
      ...found,
    ]);
    return {
      status: problems.length ? 'degraded' : 'ok',
      version: APP_VERSION,
      startedAt: this.startedAt,
      location: { id: config.location.id, name: config.location.name },
      acceptanceMode: this.sources.acceptanceMode(),
      streamAuth,
      orders: readOr(() => this.ctx.orders.openCounts(), { pending: 0, open: 0 }),
      catalog: {
        loaded: !!current,
        loadedAt: current?.loadedAt ?? null,
        objects: current?.index.objectCount ?? 0,
      },
      outbox: { pending, dead, lastStreamContactAt: lastContactAt },
      pos,
      problems,
    };
  }

  private setupProblems(streamAuth: { bearer: boolean; signature: boolean }): Problem[] {
    const { stream } = this.ctx.config;
    const found: Problem[] = [];
    if (!streamAuth.bearer && !streamAuth.signature)
      found.push({
        code: 'stream_listener_open',
        area: 'setup',
        message:
          'The Stream listener has no inbound token or webhook secret: it refuses every order',
        action: 'IT: set stream.inboundToken and/or stream.webhookSecret.',
      });
    if (!stream.apiUrl || !stream.partnerSlug)
      found.push({
        code: 'stream_not_configured',
        area: 'setup',
        message: 'stream.apiUrl / stream.partnerSlug not set: decisions cannot reach Stream',
        action: 'IT: set stream.apiUrl and stream.partnerSlug.',
      });
    else if (!stream.webhookSecret)
      found.push({
        code: 'stream_unsigned',
        area: 'setup',
        message:
          'stream.webhookSecret not set: events to Stream cannot be signed, so none are sent',
        action: 'IT: set stream.webhookSecret.',
      });
    return found;
  }

  /** Stream is not getting our answers: named three ways, from the most to the least specific. */
  private streamProblems(
    now: number,
    pending: number,
    oldest: number | null,
    lastContactAt: number | null,
  ): Problem[] {
    // Every send waits a few milliseconds: only an event that has waited a while is news.
    if (pending === 0 || oldest === null || now - oldest < STREAM_GRACE_MS) return [];
    const found: Problem[] = [];
    const maxAgeMs = this.ctx.config.health.streamContactMaxAgeSeconds * 1000;
    if (lastContactAt === null || lastContactAt < this.startedAt)
      found.push({
        code: 'stream_never_reached',
        area: 'stream',
        message: 'Stream has not been reached since the connector started',
        action:
          'Check the internet connection and stream.apiUrl. Answers are kept and sent when Stream is reachable.',
        since: this.startedAt,
        count: pending,
      });
    else if (now - lastContactAt > maxAgeMs)
      found.push({
        code: 'stream_contact_old',
        area: 'stream',
        message: 'No answer from Stream for a while',
        action:
          'Check the internet connection. Answers are kept and sent when Stream answers again.',
        since: lastContactAt,
        count: pending,
      });
    if (now - oldest > UNDELIVERED_PROBLEM_AFTER_MS)
      found.push({
        code: 'stream_undelivered',
        area: 'stream',
        message: `Stream is not getting our answers: ${pending} event(s) waiting`,
        action:
          'Stream cancels an order whose accept it does not get within 60 s: check such orders on the delivery app before cooking them.',
        since: oldest,
        count: pending,
      });
    return found;
  }

  /** Fills in since-when for problems that carry none, and logs each appearing and clearing. */
  private finish(now: number, found: Problem[]): HealthProblem[] {
    const codes = new Set(found.map((p) => p.code));
    for (const code of this.firstSeen.keys()) if (!codes.has(code)) this.firstSeen.delete(code);
    const problems = found.map((p) => {
      if (!this.firstSeen.has(p.code)) this.firstSeen.set(p.code, p.since ?? now);
      return { ...p, since: p.since ?? this.firstSeen.get(p.code)!, count: p.count ?? null };
    });
    for (const p of problems)
      if (!this.lastCodes.has(p.code))
        this.ctx.log.warn('health: problem', { code: p.code, problem: p.message, since: p.since });
    for (const code of this.lastCodes)
      if (!codes.has(code)) this.ctx.log.info('health: problem cleared', { code });
    this.lastCodes = codes;
    return problems;
  }
}

/** A read that fails with a storage fault gives `fallback`; any other error is a bug and throws. */
function readOr<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch (err) {
    if (isStorageError(err)) return fallback;
    throw err;
  }
}
