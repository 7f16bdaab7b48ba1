// The cashier UI's rules that do not need a browser: the server clock estimate, when alerts
// sound, how orders fall into lanes, and the next step for an order in progress.
import { describe, expect, it, vi } from 'vitest';
import type { OrderSummary } from '../../shared/order.js';
import { ServerClock } from '../../renderer/src/api/server-clock.js';
import {
  alertPicture,
  MIN_GAP_MS,
  REPEAT_MS,
  soundDue,
} from '../../renderer/src/features/alerts/alert-policy.js';
import { URGENT_WITHIN_MS } from '../../renderer/src/ui/urgency.js';
import { lanesOf, LiveOrders } from '../../renderer/src/features/orders/live-orders.js';
import { nextStep } from '../../renderer/src/features/orders/next-step.js';
import { newestLegs } from '../../renderer/src/features/orders/pos-legs.js';
import type { PosLeg } from '../../shared/pos.js';
import type { StoreStatus } from '../../shared/store.js';
import { LiveStoreStatus } from '../../renderer/src/app/live-store-status.js';
import { unavailableChoices } from '../../renderer/src/features/orders/modifier-tree.js';

const T0 = Date.UTC(2026, 10, 23, 15, 0, 0);

function order(fields: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id: 'ord_1',
    origin: 'stream',
    source: 'uber',
    brand: null,
    dspOrderNumber: '#1',
    fulfillmentType: 'delivery',
    status: 'pending',
    isFuture: false,
    requestedFor: null,
    unpaid: false,
    customerName: 'Jane',
    itemCount: 2,
    totalCents: 1999,
    currency: 'USD',
    prepTimeMinutes: 15,
    receivedAt: T0,
    staffDeadlineAt: T0 + 45_000,
    streamDeadlineAt: T0 + 60_000,
    streamStatus: null,
    deliveryStatus: null,
    updatedAt: T0,
    missed: null,
    delivery: null,
    ...fields,
  };
}

describe('ServerClock', () => {
  it('narrows the offset from whole-second Date headers down to the overlap of their bounds', () => {
    let client = 1_000_000;
    const clock = new ServerClock(() => client);
    // Server is 5_300 ms ahead. Response 1: sent at 1_000_000, answered at 1_000_040.
    clock.observeDateHeader(
      new Date(Math.floor((1_000_020 + 5_300) / 1000) * 1000).toUTCString(),
      1_000_000,
      1_000_040,
    );
    const first = clock.current()!;
    expect(first.high - first.low).toBeLessThanOrEqual(1_040);
    expect(first.low).toBeLessThanOrEqual(5_300);
    expect(first.high).toBeGreaterThanOrEqual(5_300);
    // Response 2, 700 ms later in the second, narrows it further.
    client = 1_000_740;
    clock.observeDateHeader(
      new Date(Math.floor((1_000_720 + 5_300) / 1000) * 1000).toUTCString(),
      1_000_700,
      1_000_740,
    );
    const second = clock.current()!;
    expect(second.high - second.low).toBeLessThan(first.high - first.low);
    expect(Math.abs(clock.offset() - 5_300)).toBeLessThan(500);
    expect(clock.now()).toBe(client + clock.offset());
  });

  it('uses server stamps as a lower bound and starts over when the server clock jumps', () => {
    const clock = new ServerClock(() => 2_000_000);
    expect(clock.offset()).toBe(0);
    clock.observeServerStamp(2_003_000, 2_000_000);
    expect(clock.offset()).toBe(3_000);
    // A Date header saying the server is now 60 s behind contradicts the stamp: newest wins.
    clock.observeDateHeader(new Date(1_940_000).toUTCString(), 1_999_990, 2_000_000);
    expect(clock.offset()).toBeLessThan(-59_000);
    expect(clock.offset()).toBeGreaterThan(-61_000);
  });
});

describe('alert policy', () => {
  const now = T0 + 5_000;
  it('rings for an unacknowledged pending order, at once when it is fresh, then every few seconds', () => {
    const picture = alertPicture([order()], new Set(), new Set(), 0, now);
    expect(picture).toEqual({ ringing: ['ord_1'], urgent: [], fresh: ['ord_1'], cancels: 0 });
    expect(soundDue(picture, { 'new-order': now - 1_500, any: now - 1_500 }, now)).toBe(
      'new-order',
    );
    const announced = alertPicture([order()], new Set(), new Set(['ord_1']), 0, now);
    expect(soundDue(announced, { 'new-order': now - 1_500, any: now - 1_500 }, now)).toBeNull();
    expect(
      soundDue(
        announced,
        { 'new-order': now - REPEAT_MS['new-order'], any: now - REPEAT_MS['new-order'] },
        now,
      ),
    ).toBe('new-order');
  });

  it('is quiet once acknowledged, but sounds the urgent tone in the last seconds anyway', () => {
    const acknowledged = new Set(['ord_1']);
    const calm = alertPicture([order()], acknowledged, new Set(['ord_1']), 0, now);
    expect(soundDue(calm, {}, now)).toBeNull();
    const late = T0 + 45_000 - URGENT_WITHIN_MS + 1;
    const urgent = alertPicture([order()], acknowledged, new Set(['ord_1']), 0, late);
    expect(urgent.urgent).toEqual(['ord_1']);
    expect(soundDue(urgent, {}, late)).toBe('urgent');
    expect(soundDue(urgent, { urgent: late - 1_000, any: late - 1_000 }, late)).toBeNull();
  });

  it('ignores orders whose window is over, and never starts two sounds too close together', () => {
    expect(alertPicture([order()], new Set(), new Set(), 0, T0 + 45_000).ringing).toEqual([]);
    const cancels = alertPicture([], new Set(), new Set(), 1, now);
    expect(soundDue(cancels, {}, now)).toBe('cancel');
    expect(soundDue(cancels, { any: now - MIN_GAP_MS + 1 }, now)).toBeNull();
    expect(soundDue(cancels, { cancel: now - 2_000, any: now - 2_000 }, now)).toBeNull();
  });
});

describe('orders store and lanes', () => {
  it('sorts pending by deadline, keeps future accepted orders apart, and shows only today in done', () => {
    const lanes = lanesOf(
      [
        order({ id: 'late', staffDeadlineAt: T0 + 40_000 }),
        order({ id: 'soon', staffDeadlineAt: T0 + 10_000 }),
        order({ id: 'cooking', status: 'preparing' }),
        order({
          id: 'later',
          status: 'accepted',
          isFuture: true,
          requestedFor: new Date(T0 + 3_600_000).toISOString(),
        }),
        order({ id: 'done', status: 'completed', updatedAt: T0 }),
        order({ id: 'yesterday', status: 'canceled', updatedAt: T0 - 86_400_000 }),
      ],
      T0 + 1_000,
    );
    expect(lanes.pending.map((o) => o.id)).toEqual(['soon', 'late']);
    expect(lanes.inProgress.map((o) => o.id)).toEqual(['cooking']);
    expect(lanes.scheduled.map((o) => o.id)).toEqual(['later']);
    expect(lanes.done.map((o) => o.id)).toEqual(['done']);
  });

  it('sorts 300 orders into lanes with a fixed number of calendar lookups, not one per order', () => {
    // The board sorts on every push; a calendar lookup per order (an Intl call each) froze a
    // page with 285 orders of the day for tens of seconds. Count the formatter calls instead.
    const many = Array.from({ length: 300 }, (_, i) =>
      order({ id: `o${i}`, status: i % 2 ? 'completed' : 'preparing', updatedAt: T0 - i * 1000 }),
    );
    const parts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const options = vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions');
    try {
      const lanes = lanesOf(many, T0 + 1_000);
      expect(lanes.done).toHaveLength(150);
      expect(parts.mock.calls.length + options.mock.calls.length).toBeLessThan(40);
    } finally {
      parts.mockRestore();
      options.mockRestore();
    }
  });

  it('keeps an order pushed while the reload was on its way, and drops what the reload left out', () => {
    const orders = new LiveOrders();
    orders.upsert(order({ id: 'old', updatedAt: T0 }));
    const since = orders.beginReload();
    // The list is read now (without the new order); the push for it lands before the answer.
    orders.upsert(order({ id: 'new', updatedAt: T0 + 5 }));
    orders.load([order({ id: 'other', updatedAt: T0 })], since);
    expect(
      orders
        .all()
        .map((o) => o.id)
        .sort(),
    ).toEqual(['new', 'other']);
    // The next reload that leaves it out (the order is gone from the board) drops it.
    orders.load([order({ id: 'other', updatedAt: T0 })], orders.beginReload());
    expect(orders.all().map((o) => o.id)).toEqual(['other']);
  });

  it('keeps the newer version of an order when a reload races a push event', () => {
    const orders = new LiveOrders();
    orders.upsert(order({ status: 'accepted', updatedAt: T0 + 10 }));
    orders.load([order({ status: 'pending', updatedAt: T0 })]);
    expect(orders.get('ord_1')?.status).toBe('accepted');
    orders.upsert(order({ status: 'pending', updatedAt: T0 + 5 }));
    expect(orders.get('ord_1')?.status).toBe('accepted');
    orders.upsert(order({ status: 'preparing', updatedAt: T0 + 20 }));
    expect(orders.get('ord_1')?.status).toBe('preparing');
  });
});

describe('live status on the screen', () => {
  it('keeps the newer status whichever channel brings it last', () => {
    const live = new LiveStoreStatus();
    const status = (revision: number, delivery: 'pending' | 'delivered') =>
      ({ revision, stream: { delivery } }) as unknown as StoreStatus;
    live.offer(status(10, 'delivered')); // the push: Stream confirmed the pause
    live.offer(status(9, 'pending')); // the pause's own answer, arriving after it
    expect(live.get()?.stream?.delivery).toBe('delivered');
    live.offer(status(11, 'pending'));
    expect(live.get()?.revision).toBe(11);
    // A reload (the push channel reopened, maybe after a restart) replaces whatever is shown.
    live.set(status(3, 'pending'));
    expect(live.get()?.revision).toBe(3);
  });
});

describe('POS legs on the order detail', () => {
  const leg = (fields: Partial<PosLeg>): PosLeg => ({
    orderId: 'ord_1',
    dspOrderNumber: '#1',
    target: 'pos',
    driver: 'http',
    state: 'queued',
    posOrderId: null,
    queuedAt: T0,
    sentAt: null,
    failures: 0,
    lastError: null,
    lastAttemptAt: null,
    notInPos: false,
    attentionSince: null,
    voidState: null,
    voidError: null,
    voidedAt: null,
    manualBy: null,
    revision: 0,
    ...fields,
  });

  it('keeps the newest copy of each leg whatever order the answer and the push arrive in', () => {
    const sent = leg({ state: 'sent', posOrderId: 'P-1', revision: 4 });
    const queued = leg({ state: 'queued', revision: 3 });
    const printer = leg({ target: 'printer', state: 'sent', revision: 1 });
    // Try again: the push said `sent` before the call's answer (`queued`) came back.
    let legs = newestLegs([leg({ state: 'failed', revision: 2 }), printer], [sent], 'ord_1');
    legs = newestLegs(legs, [queued, printer], 'ord_1');
    expect(legs.find((l) => l.target === 'pos')).toEqual(sent);
    expect(legs.find((l) => l.target === 'printer')).toEqual(printer);
    // The other way round, the newer copy still wins.
    expect(newestLegs([queued], [sent], 'ord_1')).toEqual([sent]);
  });

  it("drops another order's legs when the detail moves to a new order", () => {
    const other = leg({ orderId: 'ord_2', target: 'printer', revision: 9 });
    expect(newestLegs([other], [leg({ revision: 0 })], 'ord_1')).toEqual([leg({ revision: 0 })]);
    expect(newestLegs([leg({})], [other], 'ord_1')).toEqual([leg({})]);
  });
});

describe('next step and sold-out choices', () => {
  it('offers the one next status that fits the fulfillment type', () => {
    expect(nextStep({ status: 'accepted', fulfillmentType: 'pickup' }, 'en')?.status).toBe(
      'preparing',
    );
    expect(nextStep({ status: 'preparing', fulfillmentType: 'pickup' }, 'en')?.status).toBe(
      'ready',
    );
    expect(
      nextStep({ status: 'ready', fulfillmentType: 'merchant_managed_delivery' }, 'en')?.status,
    ).toBe('out_for_delivery');
    expect(nextStep({ status: 'ready', fulfillmentType: 'delivery' }, 'en')).toEqual({
      status: 'completed',
      label: 'Handed to driver',
    });
    expect(
      nextStep({ status: 'out_for_delivery', fulfillmentType: 'merchant_managed_delivery' }, 'en')
        ?.status,
    ).toBe('completed');
    expect(nextStep({ status: 'pending', fulfillmentType: 'pickup' }, 'en')).toBeNull();
  });

  it('goes from accepted straight to ready under the skip-preparing flow, and no other step changes', () => {
    expect(nextStep({ status: 'accepted', fulfillmentType: 'pickup' }, 'en', true)).toEqual({
      status: 'ready',
      label: 'Mark ready',
    });
    expect(nextStep({ status: 'preparing', fulfillmentType: 'pickup' }, 'en', true)?.status).toBe(
      'ready',
    );
    expect(nextStep({ status: 'ready', fulfillmentType: 'pickup' }, 'en', true)?.status).toBe(
      'completed',
    );
  });

  it('lists items and every level of modifiers once, with their depth', () => {
    const mod = (providerId: string, modifiers: unknown[] = []) => ({
      providerId,
      name: providerId,
      quantity: 1,
      priceCents: 0,
      modifiers,
    });
    const choices = unavailableChoices([
      {
        providerId: 'pizza',
        name: 'Pizza',
        quantity: 1,
        priceCents: 100,
        specialInstructions: null,
        customerId: null,
        modifiers: [mod('half', [mod('pep', [mod('extra')])])],
      } as never,
      {
        providerId: 'pizza',
        name: 'Pizza',
        quantity: 1,
        priceCents: 100,
        specialInstructions: null,
        customerId: null,
        modifiers: [mod('extra')],
      } as never,
    ]);
    expect(choices.map((c) => `${c.type}:${c.providerId}:${c.depth}`)).toEqual([
      'item:pizza:0',
      'modifier:half:1',
      'modifier:pep:2',
      'modifier:extra:3',
    ]);
  });
});
