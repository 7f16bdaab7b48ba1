// The connector with a year of orders (100,000) in its database: start time, resident memory,
// and history queries over them, against the real connector as a child process.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/connection.js';
import { OrderRepository, type NewOrderRow } from '../../electron/core/orders/repository.js';
import {
  normalizeOrderCreated,
  type OrderCreatedObject,
} from '../../electron/core/stream/protocol/index.js';
import { startChildConnector, writeChildConfig } from '../support/child-connector.js';
import { tempDataDir } from '../support/connector.js';
import { cheeseburger, halfAndHalfPizza, largeFries, orderCreated } from '../support/orders.js';
import { FULL_ORDER_COUNT } from '../support/order-counts.js';
import { local } from '../support/stream-client.js';
import { percentile, type Row } from './table.js';

const ORDERS = 100_000;
const YEAR_MS = 365 * 86_400_000;
const SOURCES = ['uber', 'doordash', 'grubhub', 'flipdish'];
const STATUSES = [
  'completed',
  'completed',
  'completed',
  'canceled',
  'rejected',
  'expired',
] as const;

/** A year of finished orders, written straight into the database in large transactions. */
export function seedYearOfOrders(dataDir: string, now: number): void {
  const db = openDatabase(path.join(dataDir, 'connector.db'));
  const repo = new OrderRepository(db);
  const menus = [[cheeseburger(), largeFries()], [halfAndHalfPizza()], [cheeseburger(3)]];
  const insertMany = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const source = SOURCES[i % SOURCES.length]!;
      const wire = orderCreated({
        source,
        dspOrderNumber: `#${100000 + i}`,
        lineItems: menus[i % menus.length],
      });
      const object = wire.object as OrderCreatedObject;
      const n = normalizeOrderCreated(object, 'USD');
      const at = now - YEAR_MS + Math.floor((i / ORDERS) * YEAR_MS);
      const raw = Buffer.from(JSON.stringify(wire));
      const row: NewOrderRow = {
        id: `ord_seed${String(i).padStart(8, '0')}`,
        idempotency_key: `key:${object.idempotency_key}`,
        body_sha256: String(i),
        raw_body: raw,
        payload_generation: 2,
        origin: 'stream',
        source,
        brand: source,
        dsp_order_id: n.dspOrderId,
        dsp_order_number: n.dspOrderNumber,
        location_id: 'store-1',
        fulfillment_type: n.fulfillmentType,
        status: STATUSES[i % STATUSES.length]!,
        is_future: 0,
        requested_for: null,
        unpaid: 0,
        customer_name: i % 7 === 0 ? 'Marta Kowalski' : 'Jane Doe',
        item_count: n.lineItems.length,
        total_cents: n.totalCents,
        currency: 'USD',
        normalized: JSON.stringify(n),
        prep_time_minutes: 15,
        received_at: at,
        staff_deadline_at: null,
        stream_deadline_at: null,
        decided_at: at + 10_000,
        decided_by: 'staff',
        reject_code: null,
        reject_reason: null,
        answer_status: 200,
        answer_body: '{}',
        updated_at: at + 10_000,
      };
      repo.insert(row);
      repo.addTimeline(row.id, at, 'received', 'stream');
    }
  });
  for (let i = 0; i < ORDERS; i += 5_000) insertMany(i, Math.min(ORDERS, i + 5_000));
  db.close();
}

async function scrapeMetrics(localUrl: string): Promise<void> {
  const res = await local<string>(localUrl, 'GET', '/metrics');
  if (res.status !== 200 || !String(res.body).includes('stream_connector_orders'))
    throw new Error(`scale bench: /metrics answered ${res.status}`);
}

/** `/metrics` with a year of orders against the same scrape of a connector with none (the
 * baseline, same run): a scrape must not grow with the orders kept. And the orders series'
 * read (the counts kept by migration 0013) against the full count it replaced, same file. */
async function metricsScrapeRows(dir: string, full: { p50: number; p99: number }): Promise<Row[]> {
  const emptyDir = tempDataDir();
  try {
    const child = await startChildConnector(
      writeChildConfig(emptyDir, {
        location: { id: 'store-1', name: 'Bench', timezone: 'America/New_York' },
        backup: { intervalMinutes: 0 },
      }),
    );
    const empty = await timed(100, () => scrapeMetrics(child.localUrl));
    await child.stop();
    const db = openDatabase(path.join(dir, 'connector.db'));
    const counts = db.prepare('SELECT source, outcome, n FROM order_counts WHERE n > 0');
    const scan = db.prepare(FULL_ORDER_COUNT);
    const kept = await timed(50, async () => counts.all());
    const scanned = await timed(20, async () => scan.all());
    db.close();
    return [
      {
        figure: '/metrics scrape with 100,000 orders, p50 (baseline: the same scrape, no orders)',
        value: full.p50,
        unit: 'ms',
        baseline: empty.p50,
        ratio: full.p50 / empty.p50,
      },
      {
        figure: '/metrics scrape with 100,000 orders, p99',
        value: full.p99,
        unit: 'ms',
        target: '< 2× no orders',
        baseline: empty.p99,
        ratio: full.p99 / empty.p99,
        met: full.p99 / empty.p99 < 2,
      },
      {
        figure: `stream_connector_orders read at 100,000 orders, p50 (baseline: the full count it replaced, ${(scanned.p50 / kept.p50).toFixed(0)}× slower)`,
        value: kept.p50,
        unit: 'ms',
        baseline: scanned.p50,
        ratio: kept.p50 / scanned.p50,
      },
    ];
  } finally {
    rmSync(emptyDir, { recursive: true, force: true });
  }
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(/(\d+)/.exec(line)![1]) / 1024;
}

async function timed(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

export async function runScaleBench(): Promise<Row[]> {
  const dir = tempDataDir();
  try {
    const seeding = performance.now();
    seedYearOfOrders(dir, Date.now());
    const seedSeconds = (performance.now() - seeding) / 1000;
    const configFile = writeChildConfig(dir, {
      location: { id: 'store-1', name: 'Bench', timezone: 'America/New_York' },
      backup: { intervalMinutes: 0 },
    });
    const starts: number[] = [];
    let child = await startChildConnector(configFile);
    await child.stop();
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      child = await startChildConnector(configFile);
      starts.push(performance.now() - started);
      if (i < 2) await child.stop();
    }
    starts.sort((a, b) => a - b);
    const pid = child.process.pid!;
    const rssIdle = rssMiB(pid);
    const get = (url: string) => local(child.localUrl, 'GET', url);
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const newest = await timed(30, () => get('/api/history?limit=100'));
    const byNumber = await timed(30, () => get('/api/history?q=%23150000'));
    const byItem = await timed(30, () => get('/api/history?q=pepperoni%20marta&limit=100'));
    const month = await timed(30, () =>
      get(`/api/history?from=${monthAgo}&to=${today}&source=uber&limit=100`),
    );
    const totals = await timed(10, () => get(`/api/history/totals?from=${monthAgo}&to=${today}`));
    const rssAfter = rssMiB(pid);
    const scrape = await timed(100, () => scrapeMetrics(child.localUrl));
    await child.stop();
    const metricsRows = await metricsScrapeRows(dir, scrape);
    const row = (
      figure: string,
      value: number,
      unit: string,
      target?: string,
      met?: boolean,
    ): Row => ({
      figure,
      value,
      unit,
      ...(target ? { target } : {}),
      ...(met === undefined ? {} : { met }),
    });
    return [
      row(`seed ${ORDERS.toLocaleString('en-US')} orders (one year)`, seedSeconds, 's'),
      row(
        'start time with 100,000 orders (median of 3, under tsx)',
        percentile(starts, 50),
        'ms',
        '< 3000 ms',
        percentile(starts, 50) < 3000,
      ),
      row(
        'resident memory after start, 100,000 orders',
        rssIdle,
        'MiB',
        '< 200 MiB',
        rssIdle < 200,
      ),
      row(
        'resident memory after the history queries',
        rssAfter,
        'MiB',
        '< 250 MiB',
        rssAfter < 250,
      ),
      row('history: newest 100 (p50)', newest.p50, 'ms', '< 50 ms', newest.p50 < 50),
      row(
        'history: by order number over 100,000 (p50)',
        byNumber.p50,
        'ms',
        '< 100 ms',
        byNumber.p50 < 100,
      ),
      row(
        'history: item + customer words over 100,000 (p50)',
        byItem.p50,
        'ms',
        '< 150 ms',
        byItem.p50 < 150,
      ),
      row('history: last 30 days, one source (p99)', month.p99, 'ms', '< 100 ms', month.p99 < 100),
      row(
        'history: daily totals for 30 days (p50)',
        totals.p50,
        'ms',
        '< 200 ms',
        totals.p50 < 200,
      ),
      ...metricsRows,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
