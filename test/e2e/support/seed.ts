// Orders for the history and new-order tests, made fast through the real entry points: in-store
// orders through the Local API (they are taken at once), Stream orders through the signed
// listener and then accepted or rejected, a few at a time in parallel.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OrderDetail } from '../../../shared/order.js';
import { putCatalog, TEST_PIN, type PinTarget } from '../../support/manager-client.js';
import { local } from '../../support/stream-client.js';
import type { E2eConnector } from './connector.js';
import { bigOrderItems, sendOrder } from './stream.js';

/** Puts config/dev-catalog.json in the connector (burgers, fries with sizes, pizza halves).
 * Replacing the catalog is a manager call: a connector without a PIN gets `pin` first. */
export async function loadDevCatalog(app: PinTarget, pin = TEST_PIN): Promise<void> {
  const catalog: unknown = JSON.parse(
    readFileSync(new URL('../../../config/dev-catalog.json', import.meta.url), 'utf8'),
  );
  await putCatalog(app, catalog, pin);
}

export async function createInStore(
  localUrl: string,
  body: Record<string, unknown>,
): Promise<OrderDetail> {
  // One client key per order, as the counter's form makes one per draft.
  const res = await local<OrderDetail>(localUrl, 'POST', '/api/in-store-orders', {
    clientKey: randomUUID(),
    ...body,
  });
  if (res.status !== 200)
    throw new Error(
      `POST /api/in-store-orders answered ${res.status}: ${JSON.stringify(res.body)}`,
    );
  return res.body;
}

async function inBatches<T>(count: number, batch: number, make: (i: number) => Promise<T>) {
  const out: T[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    out.push(...(await Promise.all(Array.from({ length: size }, (_, k) => make(start + k)))));
  }
  return out;
}

export interface SeededHistory {
  inStore: OrderDetail[];
  /** Stream orders: accepted ones, then rejected ones. */
  accepted: string[];
  rejected: string[];
}

/**
 * `inStore` call-in / walk-in orders (free-text items "Soup of the day #i", customers "Guest i")
 * and `stream` delivery-service orders numbered `H-0001`…, three in four accepted, the rest
 * rejected as too busy; every order taken is then completed.
 */
export async function seedHistory(
  app: { localUrl: string; streamUrl: string },
  counts: { inStore: number; stream: number },
): Promise<SeededHistory> {
  const inStore = await inBatches(counts.inStore, 25, (i) =>
    createInStore(app.localUrl, {
      fulfillmentType: i % 3 === 0 ? 'dine_in' : 'pickup',
      source: i % 2 === 0 ? 'phone' : 'walk_in',
      customer: { name: `Guest ${i}` },
      items: [{ name: `Soup of the day #${i}`, priceCents: 500 + i, quantity: 1 }],
    }),
  );
  const sources = ['uber', 'doordash', 'grubhub'];
  const ids = await inBatches(counts.stream, 20, (i) =>
    sendOrder(app.streamUrl, {
      source: sources[i % sources.length]!,
      dspOrderNumber: `H-${String(i + 1).padStart(4, '0')}`,
      fulfillmentType: 'delivery',
    }),
  );
  // Every fourth is rejected: the three sources each get some of both.
  const accepted = ids.filter((_, i) => i % 4 !== 3);
  const rejected = ids.filter((_, i) => i % 4 === 3);
  await inBatches(accepted.length, 20, (i) =>
    local(app.localUrl, 'POST', `/api/orders/${accepted[i]}/accept`, { prepTimeMinutes: 15 }),
  );
  await inBatches(rejected.length, 20, (i) =>
    local(app.localUrl, 'POST', `/api/orders/${rejected[i]}/reject`, { code: 'store_busy' }),
  );
  // Served and done, as at the end of a day: history holds them, the board is not 300 cards long.
  const served = [...inStore.map((o) => o.id), ...accepted];
  await inBatches(served.length, 25, async (i) => {
    const res = await local(app.localUrl, 'POST', `/api/orders/${served[i]}/status`, {
      status: 'completed',
    });
    if (res.status !== 200) throw new Error(`completing ${served[i]} answered ${res.status}`);
  });
  return { inStore, accepted, rejected };
}

/** One phone order for pickup, taken at once: Marta Quintero's truffle risotto. */
export function takePhoneOrder(localUrl: string): Promise<OrderDetail> {
  return createInStore(localUrl, {
    fulfillmentType: 'pickup',
    source: 'phone',
    customer: { name: 'Marta Quintero' },
    items: [{ name: 'Truffle Risotto', priceCents: 2450, quantity: 1 }],
  });
}

/**
 * A counter in mid-service, for tests that look at every screen: the demo menu, a phone order
 * taken, a delivery order being prepared, a big unpaid one waiting for a decision and a future
 * one. The two waiting orders stay on the board for the connector's whole staff window.
 */
export async function seedCounterScene(app: E2eConnector): Promise<void> {
  await loadDevCatalog(app);
  await takePhoneOrder(app.localUrl);
  const accepted = await sendOrder(app.streamUrl, { source: 'uber', dspOrderNumber: 'U-1' });
  await local(app.localUrl, 'POST', `/api/orders/${accepted}/accept`, {});
  await local(app.localUrl, 'POST', `/api/orders/${accepted}/status`, { status: 'preparing' });
  await sendOrder(app.streamUrl, {
    source: 'doordash',
    dspOrderNumber: 'D-2',
    unpaid: true,
    lineItems: bigOrderItems(),
  });
  await sendOrder(app.streamUrl, { source: 'grubhub', dspOrderNumber: 'G-3', future: true });
}
