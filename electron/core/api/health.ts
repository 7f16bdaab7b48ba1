// What `/api/health` reports: enough for staff and IT to see at a glance what is wrong.
import type { Health } from '../../../shared/contract.js';
import type { CatalogStore } from '../catalog/catalog.js';
import type { CoreContext } from '../context.js';
import type { PosHealthSummary } from '../pos/service.js';

export const APP_VERSION = '0.1.0';

export class HealthReporter {
  private readonly startedAt: number;
  private readonly outboxCounts;
  private readonly lastContact;
  /** The POS leg's counts (electron/core/pos), wired by app.ts. */
  pos: (() => PosHealthSummary) | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly catalog: CatalogStore,
  ) {
    this.startedAt = ctx.clock.now();
    this.outboxCounts = ctx.db.prepare(
      // An event being sent right now is still backlog until Stream has answered 2xx.
      `SELECT CASE state WHEN 'dead' THEN 'dead' ELSE 'pending' END AS state, COUNT(*) AS n
         FROM outbox WHERE lane = 'stream' AND state IN ('pending','sending','dead') GROUP BY 1`,
    );
    this.lastContact = ctx.db.prepare(`SELECT value FROM kv WHERE key = 'stream.lastContactAt'`);
  }

  report(): Health {
    const { config } = this.ctx;
    const counts = this.outboxCounts.all() as { state: string; n: number }[];
    const pending = counts.find((c) => c.state === 'pending')?.n ?? 0;
    const dead = counts.find((c) => c.state === 'dead')?.n ?? 0;
    const last = this.lastContact.get() as { value: string } | undefined;
    const current = this.catalog.current();
    const streamAuth = {
      bearer: !!config.stream.inboundToken,
      signature: !!config.stream.webhookSecret,
    };
    const problems: string[] = [];
    if (!streamAuth.bearer && !streamAuth.signature)
      problems.push(
        'Stream listener has no inbound token or webhook secret: it refuses every order',
      );
    if (!config.stream.apiUrl || !config.stream.partnerSlug)
      problems.push('stream.apiUrl / stream.partnerSlug not set: decisions cannot reach Stream');
    else if (!config.stream.webhookSecret)
      problems.push(
        'stream.webhookSecret not set: events to Stream cannot be signed, so none are sent',
      );
    if (dead > 0) problems.push(`${dead} event(s) to Stream failed for good and need a replay`);
    const pos = this.pos?.() ?? {
      driver: config.pos.driver,
      printerEnabled: config.printer.enabled,
      queued: 0,
      notInPos: 0,
      voidsFailed: 0,
    };
    if (pos.notInPos > 0)
      problems.push(`${pos.notInPos} order(s) not in the POS: retry, or mark them entered by hand`);
    if (pos.voidsFailed > 0)
      problems.push(
        `${pos.voidsFailed} canceled order(s) could not be voided in the POS: void them by hand`,
      );
    return {
      status: problems.length ? 'degraded' : 'ok',
      version: APP_VERSION,
      startedAt: this.startedAt,
      location: { id: config.location.id, name: config.location.name },
      acceptanceMode: config.acceptance.mode,
      streamAuth,
      orders: this.ctx.orders.openCounts(),
      catalog: {
        loaded: !!current,
        loadedAt: current?.loadedAt ?? null,
        objects: current?.index.objects ?? 0,
      },
      outbox: { pending, dead, lastStreamContactAt: last ? Number(last.value) : null },
      pos,
      problems,
    };
  }
}
