// A store's vital signs, read from its real state at the moment they are asked for: the relay's
// heartbeat (the fleet view) and the connector's own /metrics both read them here, so the two
// never disagree. Every figure comes from what was recorded (orders, outbox delivery rows, the
// POS driver's own check, the printer watch's last reading, storage faults), never from a claim.
import type { Db } from '../db/connection.js';
import type { StorageHealth } from '../db/storage-health.js';
import type { HealthReporter } from '../api/health.js';
import type { MissedOrders } from '../orders/missed.js';
import { laneBacklog, type LaneBacklog } from '../outbox/stats.js';
import type { PosService } from '../pos/service.js';
import type { Clock } from '../util/clock.js';

export interface StoreVitals {
  at: number;
  /** Orders waiting for a staff decision. */
  pending: number;
  /** Orders missed since the business day began (orders/missed.ts). */
  missedToday: number;
  outbox: LaneBacklog[];
  /** The POS driver's own check, asked now; null without a POS driver. */
  posUp: boolean | null;
  /** The printer watch's last reading is clean; null without a printer or before a reading. */
  printerUp: boolean | null;
  /** The database takes writes and passes its check (db/storage-health.ts). */
  storageUp: boolean;
  /** Stream's last 2xx to one of our events; null before the first. */
  streamLastContactAt: number | null;
}

export interface StoreVitalsDeps {
  db: Db;
  clock: Clock;
  health: HealthReporter;
  missed: MissedOrders;
  pos: PosService;
  storage: StorageHealth;
}

export async function readStoreVitals(deps: StoreVitalsDeps): Promise<StoreVitals> {
  const now = deps.clock.now();
  const report = deps.health.report();
  const posCheck = deps.pos.driver ? await deps.pos.driver.health().catch(() => null) : undefined;
  const printer = deps.pos.printerLatest();
  return {
    at: now,
    pending: report.orders.pending,
    missedToday: deps.missed.summary().today,
    outbox: laneBacklog(deps.db, now),
    // A check that threw is a POS that is not up; no driver at all is "not known" (null).
    posUp: posCheck === undefined ? null : (posCheck?.reachable ?? false),
    printerUp: printer ? printer.reachable && printer.problems.length === 0 : null,
    storageUp: deps.storage.problems().length === 0,
    streamLastContactAt: report.outbox.lastStreamContactAt,
  };
}
