// The delivery loop of one outbox lane, whatever the lane delivers: the Stream lane (stream/lane/)
// and the POS and printer lanes (pos/delivery.ts) each extend LaneWorker. The lane says what an
// attempt sends and what its answer means (the abstract hooks); this loop decides when attempts
// start and when their results are written.
//
// - One attempt per claim: a row is claimed (`sending`, committed) before its attempt starts, so
//   no turn claims it again; a crash mid-attempt leaves it `sending`, and the lane puts it back at
//   the next start.
// - Per-key FIFO: only a key's head is ever due (OutboxRepository.dueHeads), and a head stays
//   `sending` until its result is recorded, so the key's next row waits for it.
// - At most `concurrency` attempts at once, `decisionSlots` of them kept for decisions.
// - Each turn is one transaction: the results of every attempt that finished since the last turn,
//   then the claims of the rows that start now. With synchronous=FULL a commit costs an fsync, so
//   this is what lets a backlog drain at the speed of the network rather than of the disk. What
//   the lane announces waits for that commit: nobody hears of a result that was rolled back.
// - Wake-ups: a poke (a row was written, an attempt came back) queues one turn; at most one timer
//   waits for the next row to fall due.
import type { Db } from '../db/connection.js';
import type { CancelTimer, Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';
import type { OutboxRepository, OutboxRow } from './repository.js';

/** An attempt that came back, waiting for the next turn to record it. */
export interface Finished<Outcome> {
  row: OutboxRow;
  outcome: Outcome;
}

/** What the loop needs besides the lane's hooks. */
export interface LaneSetup {
  db: Db;
  clock: Clock;
  log: Logger;
  /** The lane's rows. */
  repository: OutboxRepository;
  /** Attempts in flight at once. */
  concurrency: number;
  /** Slots only decisions may use, so a backlog hanging on a slow endpoint cannot hold them up. */
  decisionSlots: number;
  /** Log lines, in the lane's words. */
  logs: { attemptFailed: string; recordFailed: string };
}

/** What the worker is doing, for tests, benchmarks and diagnostics. */
export interface LaneActivity {
  /** Attempts started and not yet recorded. */
  inFlight: number;
  /** A turn is queued. */
  tickQueued: boolean;
  /** The timed wake-up, if one is armed. */
  nextWakeAt: number | null;
}

/** How long to wait before trying again when the database itself refused a write. */
const STORAGE_RETRY_MS = 1_000;

/** A lane's worker extends this and fills in the hooks: what an attempt sends (`attempt`), what
 * its answer means (`record`, `announce`). `News` is what the lane tells the rest of the
 * connector once a turn has committed. */
export abstract class LaneWorker<Outcome, News> {
  readonly repository: OutboxRepository;
  /** Attempts started and not yet recorded, by row id. */
  private readonly inFlight = new Map<string, { normal: boolean; done: Promise<void> }>();
  /** Attempts that came back, waiting for the next turn to record them. */
  private finished: Finished<Outcome>[] = [];
  private running = false;
  private tickQueued = false;
  private wake: { at: number; cancel: CancelTimer } | null = null;

  constructor(private readonly loop: LaneSetup) {
    this.repository = loop.repository;
  }

  /** What the lane keeps in memory across turns and changes in `record` (a failure streak, a
   * pause): flat fields only. A turn whose transaction is rolled back puts them back as they were,
   * so that its results, recorded again at the next turn, find memory and database agreeing. */
  protected abstract readonly memory: object;

  /** Once at start, before the first turn: put back the rows the last stop or crash left
   * `sending` (and whatever else the lane knows about them). */
  protected abstract recover(now: number): void;
  /** Nothing starts before this time (Stream's Retry-After); null while nothing can start at all
   * (no endpoint configured). */
  protected abstract sendableFrom(): number | null;
  /** Send one claimed row. */
  protected abstract attempt(row: OutboxRow): Promise<Outcome>;
  /** What an attempt that threw instead of answering (a bug of ours) counts as: a failure that is
   * tried again, for `reason`. */
  protected abstract internalError(reason: string): Outcome;
  /** One result into the database, inside the turn's transaction; what to tell goes in `news`. */
  protected abstract record(finished: Finished<Outcome>, now: number, news: News[]): void;
  /** The turn's news, once it has committed. */
  protected abstract announce(news: readonly News[]): void;
  /** stop(): cut every open attempt short; each comes back as interrupted. */
  protected abstract abortAll(): void;
  /** stop(), once the last results are recorded. */
  protected abstract close(): void;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.recover(this.loop.clock.now());
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
    this.abortAll();
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
    this.turn(false);
    this.close();
  }

  /** For tests, benchmarks and diagnostics: attempts under way, a queued turn, the next timed
   * wake-up. */
  activity(): LaneActivity {
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
    if (this.loop.db.inTransaction) return this.poke();
    this.turn(true);
  }

  /** Record what came back, then (unless stopping) claim and start what is due: one commit. */
  private turn(startMore: boolean): void {
    const now = this.loop.clock.now();
    const done = this.finished;
    this.finished = [];
    const news: News[] = [];
    const memoryBefore = { ...this.memory };
    let claimed: OutboxRow[];
    try {
      claimed = this.loop.db.transaction(() => {
        for (const f of done) this.record(f, now, news);
        return startMore ? this.claimDue(now, done) : [];
      })();
    } catch (err) {
      // The disk refused the write (full, I/O error): nothing was recorded; try again shortly.
      this.finished = [...done, ...this.finished];
      Object.assign(this.memory, memoryBefore);
      this.loop.log.error(this.loop.logs.recordFailed, { err });
      if (this.running) this.armAt(now + STORAGE_RETRY_MS);
      return;
    }
    for (const f of done) this.inFlight.delete(f.row.id);
    this.announce(news);
    for (const row of claimed) this.launch(row);
    if (startMore) this.armNext(now);
  }

  /** Claims due heads for the free slots; `done` are still counted in flight until recorded. */
  private claimDue(now: number, done: readonly Finished<Outcome>[]): OutboxRow[] {
    const from = this.sendableFrom();
    if (from === null || now < from) return [];
    const finishing = new Set(done.map((f) => f.row.id));
    let busy = 0;
    let normalBusy = 0;
    for (const [id, f] of this.inFlight) {
      if (finishing.has(id)) continue;
      busy++;
      if (f.normal) normalBusy++;
    }
    const free = this.loop.concurrency - busy;
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

  /** Attempts at once that are not decisions; never zero, or a lane of one could send nothing. */
  private normalLimit(): number {
    return Math.max(1, this.loop.concurrency - this.loop.decisionSlots);
  }

  private launch(row: OutboxRow): void {
    const failed = (err: unknown): Outcome => {
      this.loop.log.error(this.loop.logs.attemptFailed, { id: row.id, err });
      return this.internalError(`internal error: ${(err as Error).message}`);
    };
    let attempt: Promise<Outcome>;
    try {
      attempt = this.attempt(row).catch(failed);
    } catch (err) {
      // Thrown before the attempt's first await (a POS attempt reads the leg first): the same
      // failure as a rejection. Uncaught, it would escape the event loop and leave this row, and
      // the turn's later claims, `sending` with nothing in flight until the next start.
      attempt = Promise.resolve(failed(err));
    }
    const done = attempt.then((outcome) => {
      this.finished.push({ row, outcome });
      this.poke();
    });
    this.inFlight.set(row.id, { normal: row.urgency !== 'decision', done });
  }

  /** Wake for the next row that could start; a finishing attempt pokes for the rest. */
  private armNext(now: number): void {
    const from = this.sendableFrom();
    if (from === null) return;
    if (now < from) return this.armAt(from);
    if (this.inFlight.size >= this.loop.concurrency) return;
    let normalBusy = 0;
    for (const f of this.inFlight.values()) if (f.normal) normalBusy++;
    // With every normal slot taken, only a decision could start at that wake-up.
    const next = this.repository.nextDueAt(normalBusy >= this.normalLimit());
    if (next !== null) this.armAt(Math.max(next, now + 1));
  }

  /** One timer at most: an earlier wake-up replaces a later one, never the other way round. */
  private armAt(at: number): void {
    if (this.wake && this.wake.at <= at) return;
    this.wake?.cancel();
    const cancel = this.loop.clock.setTimer(
      () => {
        this.wake = null;
        this.poke();
      },
      Math.max(0, at - this.loop.clock.now()),
    );
    this.wake = { at, cancel };
  }
}
