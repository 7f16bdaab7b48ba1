// The connector's Prometheus series (`GET /metrics` on the Local listener, behind the Local API
// token). Gauges are read from the store's real state at scrape time (store-vitals.ts, and the
// order counts the database keeps in step with the orders table); the one histogram is fed by the
// Stream lane when Stream answered 2xx, after the commit
// that recorded it, so a value here is always backed by delivery state.
import { Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/connection.js';
import type { StoreVitals } from './store-vitals.js';

/** Outbox event kinds that carry a staff (or auto) decision to Stream. */
const DECISION_KINDS: Record<string, string> = {
  'order.accepted': 'accepted',
  'order.rejected': 'rejected',
};

export interface ConnectorMetrics {
  registry: Registry;
  /** The exposition text: the vitals are read once for the whole scrape. */
  render(): Promise<string>;
}

/** The decision-to-Stream latency, fed by the Stream lane (its `onSent`). Built before the lane,
 * and so before the vitals the rest of the metrics read (which read the lane's health). */
export interface DecisionLatency {
  readonly histogram: Histogram;
  /** An outbox event Stream took. */
  sent(event: { kind: string; createdAt: number; sentAt: number }): void;
}

export function decisionLatency(): DecisionLatency {
  const histogram = new Histogram({
    name: 'stream_connector_decision_to_stream_seconds',
    help: 'From a decision (accept / reject) to Stream’s 2xx for it',
    labelNames: ['decision'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120],
    registers: [],
  });
  return {
    histogram,
    sent({ kind, createdAt, sentAt }) {
      const decision = DECISION_KINDS[kind];
      if (decision) histogram.observe({ decision }, Math.max(0, sentAt - createdAt) / 1000);
    },
  };
}

export function connectorMetrics(deps: {
  db: Db;
  version: string;
  vitals: () => Promise<StoreVitals>;
  /** The lane-fed histogram (a fresh one when not given). */
  latency?: DecisionLatency;
}): ConnectorMetrics {
  const registry = new Registry();
  // Kept by triggers in the same transaction as every order write (migration 0013), so a scrape
  // reads a few rows instead of the whole orders table; groups emptied since are left out.
  const ordersByOutcome = deps.db.prepare(
    'SELECT source, outcome, n FROM order_counts WHERE n > 0',
  );
  // One read of the vitals per scrape (render), shared by every gauge (collect runs per metric).
  let scrape: Promise<StoreVitals> | null = null;
  const vitals = (): Promise<StoreVitals> => (scrape ??= deps.vitals());
  const gauge = (
    name: string,
    help: string,
    set: (g: Gauge, v: StoreVitals) => void,
    labelNames: string[] = [],
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        set(this, await vitals());
      },
    });

  new Gauge({
    name: 'stream_connector_orders',
    help: 'Orders kept in the store database, by source (uber, doordash, phone …) and outcome',
    labelNames: ['source', 'outcome'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of ordersByOutcome.all() as { source: string; outcome: string; n: number }[])
        this.set({ source: r.source, outcome: r.outcome }, r.n);
    },
  });
  gauge('stream_connector_pending_orders', 'Orders waiting for a staff decision', (g, v) =>
    g.set(v.pending),
  );
  gauge('stream_connector_missed_orders_today', 'Orders missed since the day began', (g, v) =>
    g.set(v.missedToday),
  );
  gauge(
    'stream_connector_outbox_depth',
    'Messages waiting per outbox lane (a message being sent waits until it is answered)',
    (g, v) => v.outbox.forEach((o) => g.set({ lane: o.lane }, o.depth)),
    ['lane'],
  );
  gauge(
    'stream_connector_outbox_oldest_age_seconds',
    'Age of the oldest waiting message per outbox lane',
    (g, v) => v.outbox.forEach((o) => g.set({ lane: o.lane }, o.oldestAgeMs / 1000)),
    ['lane'],
  );
  // Absent (not 0) when not known: no POS driver, no printer or no reading yet.
  const upOrAbsent = (g: Gauge, up: boolean | null): void => {
    if (up === null) g.remove();
    else g.set(up ? 1 : 0);
  };
  gauge('stream_connector_pos_up', 'The POS driver’s own check passes (1) or not (0)', (g, v) =>
    upOrAbsent(g, v.posUp),
  );
  gauge('stream_connector_printer_up', 'The kitchen printer’s last reading is clean', (g, v) =>
    upOrAbsent(g, v.printerUp),
  );
  gauge('stream_connector_storage_up', 'The database takes writes and passes its check', (g, v) =>
    g.set(v.storageUp ? 1 : 0),
  );
  gauge(
    'stream_connector_stream_last_contact_age_seconds',
    'Seconds since Stream last answered 2xx to one of our events (+Inf: never)',
    (g, v) =>
      g.set(
        v.streamLastContactAt === null
          ? Infinity
          : Math.max(0, v.at - v.streamLastContactAt) / 1000,
      ),
  );
  new Gauge({
    name: 'stream_connector_build_info',
    help: 'The connector build running, as a label',
    labelNames: ['version'],
    registers: [registry],
  }).set({ version: deps.version }, 1);
  registry.registerMetric((deps.latency ?? decisionLatency()).histogram);
  return {
    registry,
    async render() {
      scrape = deps.vitals();
      try {
        return await registry.metrics();
      } finally {
        scrape = null;
      }
    },
  };
}
