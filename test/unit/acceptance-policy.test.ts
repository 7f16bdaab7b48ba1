// The acceptance policy alone (electron/core/acceptance/policy.ts): the one answer to "how does
// this store accept", for every mode and edge. Real parts: a SQLite file, the real POS legs and
// auto acceptance through the POS, real ingest and store controls, a ManualClock; no POS lane
// runs, so a POS that never answers is exactly what "the POS is down" looks like to the policy.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAcceptance, type Acceptance } from '../../electron/core/acceptance/index.js';
import { CatalogStore } from '../../electron/core/catalog/catalog.js';
import type { CoreContext } from '../../electron/core/context.js';
import { openDatabase } from '../../electron/core/db/connection.js';
import { GroupCommit } from '../../electron/core/db/group-commit.js';
import { EventBus } from '../../electron/core/events/bus.js';
import { AuditLog } from '../../electron/core/manager/audit-log.js';
import { OrderIngest } from '../../electron/core/orders/ingest.js';
import { OrderRepository } from '../../electron/core/orders/repository.js';
import { OutboxWriter } from '../../electron/core/outbox/enqueue.js';
import { createPosLegs, type PosLegs } from '../../electron/core/pos/leg-hooks.js';
import { createStore, type Store } from '../../electron/core/store/index.js';
import {
  STREAM_DECISION_WINDOW_MS,
  type OrderCreatedObject,
} from '../../electron/core/stream/protocol/index.js';
import { ManualClock } from '../../electron/core/util/clock.js';
import { createIdGenerator } from '../../electron/core/util/ids.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { testConfig } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { scratchDir } from '../support/scratch.js';

const PREP = 17;
const BUDGET_MS = 3_000;

interface Scene {
  ctx: CoreContext;
  clock: ManualClock;
  acceptance: Acceptance;
  posLegs: PosLegs;
  store: Store;
  /** Sends a new order from Stream through real ingest; resolves with Stream's answer. */
  send(): Promise<{ orderId: string; answer: { status: number; body: unknown } }>;
}

/** A store with the given acceptance and POS configuration, built as app.ts builds it. */
function scene(config: Record<string, unknown>): Scene {
  const dataDir = scratchDir('connector-policy-');
  const cfg = testConfig(dataDir, {
    pos: { autoAcceptBudgetMs: BUDGET_MS },
    ...config,
  });
  const db = openDatabase(path.join(dataDir, 'connector.db'));
  const clock = new ManualClock();
  const ctx: CoreContext = {
    config: cfg,
    db,
    orders: new OrderRepository(db),
    outbox: new OutboxWriter(db),
    bus: new EventBus(),
    clock,
    ids: createIdGenerator(() => clock.now()),
    log: silentLogger,
  };
  const catalog = new CatalogStore(db, cfg.location.id);
  const store = createStore(ctx, catalog, new AuditLog(db, cfg.location.timezone));
  const posLegs = createPosLegs(ctx);
  const acceptance = createAcceptance(ctx, {
    prepTimeMinutes: () => PREP,
    posLegs,
    onMissed: () => {},
  });
  const ingest = new OrderIngest(ctx, new GroupCommit(db), store.checks, acceptance.policy);
  return {
    ctx,
    clock,
    acceptance,
    posLegs,
    store,
    async send() {
      const body = orderCreated() as { object: OrderCreatedObject };
      const result = await ingest.ingest(Buffer.from(JSON.stringify(body)), body.object);
      return { orderId: result.orderId, answer: result.answer };
    },
  };
}

const posDriver = { driver: 'http', url: 'http://127.0.0.1:9/orders' };
const acceptLater = (id: string) => ({
  status: 200,
  body: { order: { provider_id: id, prep_time_minutes: PREP, async_acceptance: true } },
});
const acceptNow = (id: string) => ({
  status: 200,
  body: { order: { provider_id: id, prep_time_minutes: PREP } },
});

describe('the acceptance policy', () => {
  it('manual: pending with the staff window and Stream’s window; staff decide', async () => {
    const s = scene({ acceptance: { mode: 'manual', staffWindowSeconds: 40 }, pos: posDriver });
    const { policy } = s.acceptance;
    expect([policy.mode(), policy.kind(), policy.waitsFor()]).toEqual(['manual', 'manual', null]);

    const now = s.clock.now();
    const first = policy.firstStatus('ord-1', [], now);
    expect(first).toEqual({
      status: 'pending',
      answer: acceptLater('ord-1'),
      prepTimeMinutes: PREP,
      decidedBy: null,
      rejectReason: null,
      staffDeadlineAt: now + 40_000,
      streamDeadlineAt: now + STREAM_DECISION_WINDOW_MS,
      entry: null,
    });

    // Through ingest: stored pending, nothing queued for the POS even though one is configured,
    // and Stream hears "async" at once (no wait for a POS).
    const { orderId, answer } = await s.send();
    expect(answer).toMatchObject({ status: 200, body: { order: { async_acceptance: true } } });
    expect(s.ctx.orders.get(orderId)).toMatchObject({ status: 'pending' });
    expect(s.posLegs.legs.forOrder(orderId)).toEqual([]);
  });

  it('auto without a POS or printer: accepted at once, with the prep time', async () => {
    const s = scene({ acceptance: { mode: 'auto' } });
    const { policy } = s.acceptance;
    expect([policy.mode(), policy.kind(), policy.waitsFor()]).toEqual(['auto', 'auto', null]);
    expect(policy.firstStatus('ord-1', [], s.clock.now())).toEqual({
      status: 'accepted',
      answer: acceptNow('ord-1'),
      prepTimeMinutes: PREP,
      decidedBy: 'system:auto-accept',
      rejectReason: null,
      staffDeadlineAt: null,
      streamDeadlineAt: null,
      entry: { kind: 'accepted', actor: 'system:auto-accept', note: `prep ${PREP} min` },
    });

    const { orderId, answer } = await s.send();
    expect(answer).toEqual(acceptNow(orderId));
    expect(s.ctx.orders.get(orderId)).toMatchObject({
      status: 'accepted',
      staff_deadline_at: null,
    });
  });

  it('auto through the POS: pending until the POS takes it, answered in the budget', async () => {
    const s = scene({ acceptance: { mode: 'auto' }, pos: posDriver });
    const { policy, throughPos } = s.acceptance;
    expect([policy.mode(), policy.kind(), policy.waitsFor()]).toEqual([
      'auto',
      'through-pos',
      'pos',
    ]);
    const first = policy.firstStatus('ord-1', [], s.clock.now());
    expect(first).toMatchObject({ status: 'pending', answer: acceptLater('ord-1') });

    const sent = s.send();
    // Inside ingest's transaction the injection was queued, marked as the deciding leg.
    const orderId = await until(() => firstOrderId(s));
    expect(s.posLegs.legs.decidingTarget(orderId)).toBe('pos');
    throughPos.taken(orderId, 'pos', 'POS-77');
    // Stream's request, still waiting, gets the decision as its synchronous answer.
    expect((await sent).answer).toEqual(acceptNow(orderId));
    expect(s.ctx.orders.get(orderId)).toMatchObject({ status: 'accepted' });
  });

  it('auto through the POS with the POS down: "async" after the budget, pos_offline at the deadline', async () => {
    const s = scene({ acceptance: { mode: 'auto', staffWindowSeconds: 30 }, pos: posDriver });
    const sent = s.send();
    const orderId = await until(() => firstOrderId(s));
    s.clock.advance(BUDGET_MS);
    const { answer } = await sent;
    expect(answer).toEqual(acceptLater(orderId));
    expect(s.ctx.orders.get(orderId)).toMatchObject({ status: 'pending' });

    // Nobody took it: the staff window ends and the expiry rejects it as pos_offline.
    s.acceptance.deadlines.start();
    s.clock.advance(30_000);
    expect(s.ctx.orders.get(orderId)).toMatchObject({
      status: 'rejected',
      reject_code: 'pos_offline',
    });
    s.acceptance.deadlines.stop();
  });

  it('auto with only the kitchen printer: the printer decides', () => {
    const s = scene({
      acceptance: { mode: 'auto' },
      printer: { enabled: true, host: '127.0.0.1', statusCheckSeconds: 0 },
    });
    const { policy } = s.acceptance;
    expect([policy.kind(), policy.waitsFor()]).toEqual(['through-pos', 'printer']);
  });

  it('follows a manager’s change of mode from the next order on', async () => {
    const s = scene({ acceptance: { mode: 'auto' }, pos: posDriver });
    const { policy } = s.acceptance;
    expect(policy.waitsFor()).toBe('pos');
    s.ctx.config.acceptance.mode = 'manual'; // what RuntimeSettings does at the counter
    expect([policy.mode(), policy.kind(), policy.waitsFor()]).toEqual(['manual', 'manual', null]);
    const { orderId, answer } = await s.send();
    expect(answer).toEqual(acceptLater(orderId));
    expect(s.posLegs.legs.forOrder(orderId)).toEqual([]);
  });

  it.each([
    ['manual', {}],
    ['auto', {}],
    ['auto', posDriver],
  ] as const)(
    'store paused (%s, POS %j): rejected with the reason, no window, under every mode',
    async (mode, pos) => {
      const s = scene({ acceptance: { mode }, pos });
      s.store.controls.pause({ minutes: 30, reason: 'kitchen fire drill' }, 'manager', true);
      const { orderId, answer } = await s.send();
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('store_unavailable');
      const row = s.ctx.orders.get(orderId)!;
      expect(row).toMatchObject({
        status: 'rejected',
        decided_by: 'system:validation',
        staff_deadline_at: null,
      });
      expect(row.reject_reason).toMatch(/paused/i);
      expect(s.posLegs.legs.forOrder(orderId)).toEqual([]);
    },
  );
});

function firstOrderId(s: Scene): string | undefined {
  const row = s.ctx.db.prepare(`SELECT id FROM orders ORDER BY rowid LIMIT 1`).get() as
    { id: string } | undefined;
  return row?.id;
}

/** Waits (on the event loop, never on time) until ingest's group commit has written the row. */
async function until<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 1000; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('the order was never written');
}
