// The POS lanes as one unit for the composition root (app.ts): the drivers chosen in config, one
// delivery worker per lane, the "not in POS" flag, and what staff can do (retry, mark entered by
// hand, reprint, read the printer, import the catalog). The legs and their hooks are built first
// (leg-hooks.ts); what the deciding leg of an auto-accepted order gets to is reported to
// acceptance (`PosOutcomes`), which decides, and whether acceptance waits for the POS is the
// acceptance policy's answer (acceptance/policy.ts), never read from config here.
import type {
  ImportCatalogResult,
  PosLeg,
  PosStatus,
  PosTarget,
  PrinterStatus,
} from '../../../shared/pos.js';
import type { CatalogStore } from '../catalog/catalog.js';
import type { Actor, CoreContext } from '../context.js';
import type { RetryPolicy } from '../outbox/schedule.js';
import { STREAM_DECISION_WINDOW_MS } from '../stream/protocol/index.js';
import { ApiError, notFound } from '../util/errors.js';
import { attentionTimer } from './attention.js';
import type { DueTimer } from '../util/due-timer.js';
import { PrinterWatch } from './printer-watch.js';
import type { AcceptancePolicy } from '../acceptance/policy.js';
import type { PosOutcomes } from '../acceptance/through-pos.js';
import { checkCatalog, storeCatalog } from '../catalog/import.js';
import { PosLaneWorker, type LaneEvents } from './delivery.js';
import type { DriverResult, PosDriver } from './driver.js';
import { redact } from '../util/log.js';
import { EscPosPrinterDriver } from './drivers/escpos-printer.js';
import { HttpJsonDriver } from './drivers/http-json.js';
import { WatchedFolderDriver } from './drivers/watched-folder.js';
import type { PosLegs } from './leg-hooks.js';
import { INJECT_KIND, LANE_OF, type PosLegRepository, toPosLeg } from './legs.js';
import type { PosQueue } from './queue.js';

export interface PosOptions {
  retry: RetryPolicy;
  random: () => number;
  /** Attempts at once on the POS lane (the printer lane always prints one at a time). */
  concurrency: number;
  connectTimeoutMs: number;
  printerStatusTimeoutMs: number;
  /** How often the folder driver looks for result files besides file events. */
  folderPollMs: number;
}

/** The POS is on the counter or in the back office: retries start at a second and stay under a
 * minute; an order the POS refuses, or that waited a day, goes to `failed` for staff. */
export const DEFAULT_POS_OPTIONS: PosOptions = {
  retry: {
    decisionFastPhaseMs: STREAM_DECISION_WINDOW_MS,
    decisionBaseMs: 250,
    decisionCapMs: 2_000,
    baseMs: 1_000,
    capMs: 60_000,
    giveUpAfterMs: 24 * 60 * 60_000,
    maxRetryAfterMs: 10 * 60_000,
  },
  random: Math.random,
  concurrency: 4,
  connectTimeoutMs: 3_000,
  printerStatusTimeoutMs: 2_000,
  folderPollMs: 250,
};

/** What the POS lanes are given of acceptance (acceptance/), at construction. */
export interface PosAcceptanceLink {
  /** Where the deciding leg's "taken" / "refused" goes: auto acceptance through the POS. */
  outcomes: PosOutcomes;
  /** How this store accepts: which leg, if any, a new order's acceptance waits for. */
  policy: Pick<AcceptancePolicy, 'waitsFor'>;
}

export interface PosHealthSummary {
  driver: PosStatus['driver'];
  printerEnabled: boolean;
  queued: number;
  notInPos: number;
  voidsFailed: number;
}

export class PosService {
  readonly legs: PosLegRepository;
  readonly queue: PosQueue;
  private readonly outcomes: PosOutcomes;
  private readonly policy: PosAcceptanceLink['policy'];
  readonly workers: Partial<Record<PosTarget, PosLaneWorker>> = {};
  readonly driver: PosDriver | null;
  readonly printer: EscPosPrinterDriver | null;
  private readonly attentionTimer: DueTimer;
  private readonly printerWatch: PrinterWatch | null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: CoreContext,
    private readonly catalog: CatalogStore,
    posLegs: PosLegs,
    acceptance: PosAcceptanceLink,
    options: Partial<PosOptions> = {},
  ) {
    const opts = { ...DEFAULT_POS_OPTIONS, ...options };
    const { config, clock } = ctx;
    this.legs = posLegs.legs;
    this.queue = posLegs.queue;
    this.outcomes = acceptance.outcomes;
    this.policy = acceptance.policy;
    this.driver = buildDriver(ctx, opts);
    this.printer = config.printer.enabled
      ? new EscPosPrinterDriver(
          {
            host: config.printer.host!,
            port: config.printer.port,
            columns: config.printer.columns,
            timeZone: config.location.timezone,
            connectTimeoutMs: opts.connectTimeoutMs,
            statusTimeoutMs: opts.printerStatusTimeoutMs,
            timeoutMs: config.pos.timeoutSeconds * 1000,
          },
          clock,
        )
      : null;
    this.attentionTimer = attentionTimer(
      ctx,
      this.legs,
      config.pos.notInPosAfterSeconds * 1000,
      (flagged) => {
        for (const leg of flagged) this.announceAttention(leg.order_id, leg.target);
      },
    );
    const events: LaneEvents = {
      legChanged: (orderId, target) => {
        this.publishLeg(orderId, target);
        this.attentionTimer.rearmSoon();
      },
      attention: (orderId, target) => this.announceAttention(orderId, target),
      injected: (orderId, target, posOrderId) => this.outcomes.taken(orderId, target, posOrderId),
      refused: (orderId, target, error) => this.outcomes.refused(orderId, target, error),
    };
    const lane = (driver: PosDriver, target: PosTarget, concurrency: number) =>
      new PosLaneWorker(ctx, this.legs, target, driver, events, {
        concurrency,
        retry: opts.retry,
        random: opts.random,
        notInPosAfterFailures: config.pos.notInPosAfterFailures,
      });
    if (this.driver) this.workers.pos = lane(this.driver, 'pos', opts.concurrency);
    if (this.printer) this.workers.printer = lane(this.printer, 'printer', 1);
    const printer = this.printer;
    const printerLane = this.workers.printer;
    this.printerWatch =
      printer && printerLane
        ? new PrinterWatch(ctx, config.printer.statusCheckSeconds * 1000, {
            read: () => printer.status(),
            printing: () => printerLane.activity().inFlight > 0,
          })
        : null;
    // Nothing is sent from inside a transaction: writers poke the worker, which sends after commit.
    this.unsubscribe = ctx.outbox.onEnqueued((written) => {
      if (written === 'pos') this.workers.pos?.poke();
      if (written === 'printer') this.workers.printer?.poke();
      if (written !== 'stream') this.attentionTimer.rearmSoon();
    });
  }

  start(): void {
    for (const worker of Object.values(this.workers)) worker.start();
    this.attentionTimer.start();
    this.printerWatch?.start();
    const { config, log } = this.ctx;
    if (this.driver || this.printer)
      log.info('pos: delivering orders', {
        driver: config.pos.driver,
        printer: this.printer?.address ?? null,
      });
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    this.attentionTimer.stop();
    await this.printerWatch?.stop();
    // Each worker cuts its attempts short and closes its driver.
    await Promise.all(Object.values(this.workers).map((w) => w.stop()));
  }

  // Local API. ---------------------------------------------------------------------------------

  async status(): Promise<PosStatus> {
    const { config } = this.ctx;
    return {
      driver: config.pos.driver,
      printer: {
        enabled: this.printer !== null,
        address: this.printer?.address ?? null,
        lastStatus: this.printerWatch?.latest() ?? null,
      },
      acceptanceWaitsFor: this.policy.waitsFor(),
      health: this.driver ? await this.driver.health() : null,
      queued: this.legs.counts().queued,
      attention: this.legs.needingAttention().map(toPosLeg),
    };
  }

  orderLegs(orderId: string): { legs: PosLeg[] } {
    if (!this.ctx.orders.get(orderId)) throw notFound('order', orderId);
    return { legs: this.legs.forOrder(orderId).map(toPosLeg) };
  }

  /** Staff: try again now, with the same order (same Idempotency-Key) and a fresh retry budget. */
  retry(orderId: string, target: PosTarget, actor: Actor): { legs: PosLeg[] } {
    const { ctx } = this;
    const worker = this.workers[target];
    const leg = this.legOf(orderId, target);
    if (!worker) throw new ApiError(409, 'not_configured', `no ${target} is configured`);
    if (leg.state !== 'queued' && leg.state !== 'failed')
      throw new ApiError(
        409,
        'not_retryable',
        `the order is ${leg.state} in the ${target}; nothing to retry`,
      );
    const row = this.idleLaneRow(orderId, target);
    if (!row) throw notFound(`${target} message for order`, orderId);
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      worker.repository.replay(row.id, now);
      this.legs.update(orderId, target, { state: 'queued' }, now);
      ctx.orders.addTimeline(orderId, now, `${target}.retry`, actor, null);
    })();
    worker.poke();
    this.publishLeg(orderId, target);
    return this.orderLegs(orderId);
  }

  /** Staff typed the order into the POS themselves: stop trying, keep their reference. */
  enteredByHand(
    orderId: string,
    target: PosTarget,
    posOrderId: string | undefined,
    actor: Actor,
  ): { legs: PosLeg[] } {
    const { ctx } = this;
    const leg = this.legOf(orderId, target);
    if (leg.state !== 'queued' && leg.state !== 'failed')
      throw new ApiError(409, 'not_pending', `the order is ${leg.state} in the ${target} already`);
    const row = this.idleLaneRow(orderId, target);
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      if (row?.state === 'pending') this.legs.drop(row.id, `entered by hand by ${actor}`);
      this.legs.update(
        orderId,
        target,
        {
          state: 'manual',
          pos_order_id: posOrderId ?? null,
          manual_by: actor,
          attention_since: null,
        },
        now,
      );
      ctx.orders.addTimeline(
        orderId,
        now,
        `${target}.entered_by_hand`,
        actor,
        posOrderId ? `POS reference ${posOrderId}` : null,
      );
    })();
    this.publishLeg(orderId, target);
    this.attentionTimer.rearmSoon();
    // An auto-accepted order waiting for this leg: the store has it now.
    this.outcomes.taken(orderId, target, posOrderId ?? null);
    return this.orderLegs(orderId);
  }

  reprint(orderId: string, actor: Actor): { legs: PosLeg[] } {
    const now = this.ctx.clock.now();
    this.ctx.db.transaction(() => this.queue.reprint(orderId, now, actor))();
    return this.orderLegs(orderId);
  }

  async printerStatus(): Promise<PrinterStatus> {
    if (!this.printer)
      throw new ApiError(
        409,
        'printer_disabled',
        'no kitchen printer is configured (printer.enabled)',
      );
    const status = await this.printer.status();
    this.printerWatch?.observe(status);
    return status;
  }

  async importCatalog(
    input: { source: 'pos' } | { source: 'file'; fileName?: string | undefined; catalog: unknown },
  ): Promise<ImportCatalogResult> {
    const deps = { catalog: this.catalog, bus: this.ctx.bus, now: () => this.ctx.clock.now() };
    if (input.source === 'file')
      return storeCatalog(deps, checkCatalog(input.catalog), `file:${input.fileName ?? 'upload'}`);
    if (!this.driver?.fetchCatalog)
      throw new ApiError(
        409,
        'not_supported',
        'the configured POS driver cannot give its catalog (pos.driver)',
      );
    let json: unknown;
    try {
      json = await this.driver.fetchCatalog();
    } catch (err) {
      throw new ApiError(502, 'pos_unavailable', (err as Error).message);
    }
    return storeCatalog(deps, checkCatalog(json, 'pos catalog'), `pos:${this.driver.name}`);
  }

  /** The kitchen printer watch's last reading; null without a printer or before the first. */
  printerLatest(): PrinterStatus | null {
    return this.printerWatch?.latest() ?? null;
  }

  health(): PosHealthSummary {
    const counts = this.legs.counts();
    return {
      driver: this.ctx.config.pos.driver,
      printerEnabled: this.printer !== null,
      queued: counts.queued,
      notInPos: counts.notInPos,
      voidsFailed: counts.voidsFailed,
    };
  }

  private legOf(orderId: string, target: PosTarget) {
    if (!this.ctx.orders.get(orderId)) throw notFound('order', orderId);
    const leg = this.legs.get(orderId, target);
    if (!leg) throw new ApiError(404, 'not_found', `order ${orderId} has no ${target} leg`);
    return leg;
  }

  /** The leg's injection row in its lane (null: none), refused while an attempt is on its way:
   * staff wait for that attempt's outcome before retrying or taking the order over by hand. */
  private idleLaneRow(orderId: string, target: PosTarget) {
    const row = this.legs.laneRow(LANE_OF[target], orderId, INJECT_KIND[target]);
    if (row?.state === 'sending')
      throw new ApiError(
        409,
        'attempt_in_flight',
        'an attempt is on its way right now; wait for its outcome',
      );
    return row;
  }

  private publishLeg(orderId: string, target: PosTarget): void {
    const leg = this.legs.get(orderId, target);
    if (leg) this.ctx.bus.publish('pos.updated', toPosLeg(leg));
  }

  /** The loud one: staff must see it (an order not in the POS, a void that did not get there). */
  private announceAttention(orderId: string, target: PosTarget): void {
    const row = this.legs.get(orderId, target);
    if (!row) return;
    const leg = toPosLeg(row);
    if (!leg.notInPos && leg.voidState !== 'failed') return; // settled in the meantime
    this.ctx.log.warn(`pos: order needs attention in the ${target}`, {
      orderId,
      state: leg.state,
      voidState: leg.voidState,
      error: leg.voidError ?? leg.lastError,
    });
    this.ctx.bus.publish('pos.attention', leg);
  }
}

function buildDriver(ctx: CoreContext, opts: PosOptions): PosDriver | null {
  const { pos } = ctx.config;
  switch (pos.driver) {
    case 'http':
      // A POS that echoes its key ("invalid API key <v>") must not put it in a stored error.
      return scrubbed(
        new HttpJsonDriver(
          {
            url: pos.url!,
            authHeader: pos.authHeader,
            connectTimeoutMs: opts.connectTimeoutMs,
            timeoutMs: pos.timeoutSeconds * 1000,
            maxSockets: opts.concurrency,
          },
          ctx.clock,
        ),
        [pos.authHeader],
      );
    case 'folder':
      return new WatchedFolderDriver(
        { dropDir: pos.dropDir!, timeoutMs: pos.timeoutSeconds * 1000, pollMs: opts.folderPollMs },
        ctx.clock,
      );
    case 'none':
      return null;
  }
}

/** The driver with every secret removed from what it reports (errors, details, health). */
function scrubbed(driver: PosDriver, secrets: readonly (string | undefined)[]): PosDriver {
  const clean = (text: string): string => redact(text, secrets);
  const result = (r: DriverResult): DriverResult =>
    r.ok ? { ...r, detail: clean(r.detail) } : { ...r, error: clean(r.error) };
  const fetchCatalog = driver.fetchCatalog?.bind(driver);
  return {
    name: driver.name,
    inject: async (order, options) => result(await driver.inject(order, options)),
    void: async (request) => result(await driver.void(request)),
    health: async () => {
      const h = await driver.health();
      return { ...h, detail: clean(h.detail) };
    },
    ...(fetchCatalog && {
      fetchCatalog: () =>
        fetchCatalog().catch((err: unknown) => {
          throw err instanceof Error ? new Error(clean(err.message)) : err;
        }),
    }),
    abortAll: () => driver.abortAll(),
    close: () => driver.close(),
  };
}
