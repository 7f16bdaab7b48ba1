// The gateway's Prometheus series. Stores behind NAT cannot be scraped, so their figures come
// from the heartbeats in the registry and are exported here, one series per store.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Fleet } from './fleet.js';
import type { RouteOutcome } from './server.js';
import type { WithdrawalEvent, Withdrawals } from './withdrawals.js';

export interface GatewayMetrics {
  registry: Registry;
  observe(outcome: RouteOutcome, ms: number): void;
  withdrawal(event: WithdrawalEvent): void;
}

export function gatewayMetrics(
  fleet: Pick<Fleet, 'all'> & Partial<Pick<Fleet, 'refused'>>,
  withdrawals: Pick<Withdrawals, 'pending'> = { pending: 0 },
): GatewayMetrics {
  const registry = new Registry();
  const withdrawalEvents = new Counter({
    name: 'stream_gateway_withdrawals_total',
    help: 'Orders refused pos_offline after their store was asked: recorded (or record_failed) for the store, then its answer (withdrawn, already, not_here)',
    labelNames: ['event'],
    registers: [registry],
  });
  new Gauge({
    name: 'stream_gateway_withdrawals_pending',
    help: 'Refused orders whose store has not confirmed the withdrawal yet (seen by this replica)',
    registers: [registry],
    collect() {
      this.set(withdrawals.pending);
    },
  });
  const requests = new Counter({
    name: 'stream_gateway_requests_total',
    help: 'Stream requests routed to stores, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'stream_gateway_routing_seconds',
    help: 'Time from a Stream request to the store answer (or the offline answer)',
    labelNames: ['outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'stream_gateway_stores',
    help: 'Registered stores by state (online: fresh heartbeat and answering)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const all = fleet.all();
      const online = all.filter((s) => s.online).length;
      this.set({ state: 'online' }, online);
      this.set({ state: 'offline' }, all.length - online);
      this.set({ state: 'refused' }, fleet.refused?.().length ?? 0);
    },
  });
  new Gauge({
    name: 'stream_gateway_store_refused',
    help: 'A store refused because it claims a merchant the gateway storeMerchants list does not bind it to (bound="": not listed); its orders are not routed',
    labelNames: ['location', 'claimed_merchant', 'bound_merchant'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of fleet.refused?.() ?? [])
        this.set(
          {
            location: r.locationId,
            claimed_merchant: r.claimedMerchant,
            bound_merchant: r.boundMerchant ?? '',
          },
          1,
        );
    },
  });
  const perStore = (
    name: string,
    help: string,
    read: Parameters<typeof storeGauge>[3],
    extra: string[] = [],
  ) => storeGauge(registry, name, help, read, extra, fleet);
  perStore('stream_store_up', 'The store answers and heartbeats (1) or not (0)', (s) => [
    [{}, s.online ? 1 : 0],
  ]);
  perStore('stream_store_pending_orders', 'Orders waiting for a staff decision', (s) => [
    [{}, s.record.heartbeat.pending],
  ]);
  perStore('stream_store_missed_orders_today', 'Orders missed today', (s) => [
    [{}, s.record.heartbeat.missedToday],
  ]);
  perStore(
    'stream_store_outbox_depth',
    'Messages waiting per outbox lane',
    (s) => s.record.heartbeat.outbox.map((o) => [{ lane: o.lane }, o.depth]),
    ['lane'],
  );
  perStore(
    'stream_store_outbox_oldest_age_seconds',
    'Age of the oldest waiting message per lane',
    (s) => s.record.heartbeat.outbox.map((o) => [{ lane: o.lane }, o.oldestAgeMs / 1000]),
    ['lane'],
  );
  perStore('stream_store_storage_up', 'The store database is writable', (s) => [
    [{}, s.record.heartbeat.storageUp ? 1 : 0],
  ]);
  // Absent when the store does not know (no POS driver, no printer or no reading yet).
  perStore('stream_store_pos_up', 'The store’s POS driver check passes', (s) =>
    known(s.record.heartbeat.posUp),
  );
  perStore('stream_store_printer_up', 'The store’s kitchen printer reads clean', (s) =>
    known(s.record.heartbeat.printerUp),
  );
  perStore(
    'stream_store_stream_last_contact_age_seconds',
    'Seconds since Stream last took one of the store’s events, at its last heartbeat (+Inf: never)',
    (s) => {
      const { at, streamLastContactAt } = s.record.heartbeat;
      return [
        [
          {},
          streamLastContactAt === null ? Infinity : Math.max(0, at - streamLastContactAt) / 1000,
        ],
      ];
    },
  );
  perStore('stream_store_heartbeat_timestamp_seconds', 'Time of the last heartbeat', (s) => [
    [{}, s.record.heartbeat.at / 1000],
  ]);
  perStore(
    'stream_store_build_info',
    'Build version of each store',
    (s) => [[{ version: s.record.version }, 1]],
    ['version'],
  );
  return {
    registry,
    observe(outcome, ms) {
      requests.inc({ outcome });
      latency.observe({ outcome }, ms / 1000);
    },
    withdrawal(event) {
      withdrawalEvents.inc({ event });
    },
  };
}

type StoreView = ReturnType<Fleet['all']>[number];

const known = (up: boolean | null): [Record<string, string>, number][] =>
  up === null ? [] : [[{}, up ? 1 : 0]];

function storeGauge(
  registry: Registry,
  name: string,
  help: string,
  read: (s: StoreView) => [Record<string, string>, number][],
  extraLabels: string[],
  fleet: Pick<Fleet, 'all'>,
): void {
  new Gauge({
    name,
    help,
    labelNames: ['location', 'merchant', ...extraLabels],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of fleet.all())
        for (const [labels, value] of read(s))
          this.set(
            { location: s.record.locationId, merchant: s.record.merchantId, ...labels },
            value,
          );
    },
  });
}
