// Orders refused `pos_offline` but taken by the store (issue 17): the gateway stops waiting for a
// store and tells Stream `pos_offline`, yet the store receives the order anyway. Lateness is
// controlled exactly with the relay's hooks (no timing): the store's answer, or the request
// itself, is held until the gateway has answered Stream. The store must withdraw the order (off
// the board, not acceptable, missed with its reason, a timeline entry, the cancel alert) and a
// retry from Stream must hear the same refusal; an order whose withdrawal came first is refused.
// Real nats-server, real gateway replica, real connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kvm } from '@nats-io/kv';
import type { RunningGateway } from '../../gateway/gateway.js';
import { connectNats } from '../../electron/core/relay/connect.js';
import { WITHDRAWAL_BUCKET, withdrawalKey } from '../../electron/core/relay/wire.js';
import type { PushMessage } from '../../shared/contract.js';
import { WITHDRAWN_EVENT_TEXT, WITHDRAWN_TEXT } from '../../electron/core/orders/lifecycle.js';
import type { Delivery } from '../../shared/delivery.js';
import type { OutboxEvent } from '../../shared/outbox.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { startPosRig, type PosRig } from '../support/fake-pos.js';
import { relayConfig, startTestGateway } from '../support/gateway.js';
import { GATEWAY_NATS_USER, startNats, type NatsNode } from '../support/nats.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

let nats: NatsNode;
let gateway: RunningGateway;
let store: TestConnector;

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A promise and its resolver: the gate a hook waits at. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

const keyOf = (order: ReturnType<typeof orderCreated>) =>
  `key:${(order.object as { idempotency_key: string }).idempotency_key}`;

/**
 * A fast cashier: Stream's order reaches the store through the gateway and is accepted while the
 * store's answer is held back, so the gateway answers Stream `pos_offline` (400) first and then
 * withdraws an order the store has already accepted. `afterAccept` runs before the answer goes.
 */
async function acceptWhileAnswerHeld(
  at: TestConnector,
  locationId: string,
  afterAccept: () => Promise<unknown> = async () => undefined,
) {
  const relay = at.connector.relay!;
  const answered = gate();
  let orderId = '';
  let acceptStatus: number | null = null;
  relay.hooks = {
    beforeRespond: async (req) => {
      const sent = JSON.parse(Buffer.from(req.body!, 'base64').toString()) as {
        object: { idempotency_key: string };
      };
      orderId = at.connector.ctx.orders.findByKey(`key:${sent.object.idempotency_key}`)!.id;
      acceptStatus = (await local(at.localUrl, 'POST', `/api/orders/${orderId}/accept`, {})).status;
      await afterAccept();
      await answered.opened;
    },
  };
  const order = orderCreated({ locationId });
  try {
    const refused = await sendToStreamListener(gateway.url, order);
    expect(refused.status).toBe(400);
  } finally {
    answered.open();
    relay.hooks = {};
  }
  return { order, orderId, acceptStatus };
}

beforeAll(async () => {
  nats = await startNats({ stores: ['store-1', 'store-2'] });
  // The wait is short so the test is quick; no assertion depends on it.
  gateway = await startTestGateway(nats.url, { answerTimeoutMs: 800 });
  store = await startTestConnector({ config: relayConfig(nats.url, 'store-1') });
  await until('store registered', () => gateway.fleet.get('store-1')?.online === true);
});

afterAll(async () => {
  await store?.dispose();
  await gateway?.stop();
  await nats?.stop();
});

describe('an order the gateway refused pos_offline while the store took it', () => {
  it('is withdrawn by the store: off the board, missed with its reason, and a retry hears pos_offline', async () => {
    const relay = store.connector.relay!;
    const answered = gate();
    const heldAnswers: number[] = [];
    relay.hooks = {
      // The store has committed the order; its answer leaves only after Stream was answered.
      beforeRespond: async (_req, answer) => {
        heldAnswers.push(answer.status);
        await answered.opened;
      },
    };
    const pushed: PushMessage[] = [];
    const unsubscribe = store.connector.ctx.bus.subscribe((m) => pushed.push(m));
    const order = orderCreated({ locationId: 'store-1' });
    const body = JSON.stringify(order);
    try {
      const refused = await sendToStreamListener(gateway.url, body);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('pos_offline');
      expect(heldAnswers).toEqual([200]); // the store had taken it: the late answer said yes
    } finally {
      answered.open();
      relay.hooks = {};
    }

    const row = () =>
      store.connector.ctx.db
        .prepare('SELECT * FROM orders WHERE idempotency_key = ?')
        .get(keyOf(order)) as
        | { id: string; status: string; missed_reason: string | null; answer_status: number }
        | undefined;
    await until('the store withdrew the order', () => row()?.status === 'canceled');
    const id = row()!.id;
    expect(row()!.missed_reason).toBe('store_unreachable');
    expect(row()!.answer_status).toBe(400);
    await until('the gateway forgot it', () => gateway.withdrawals.pending === 0);

    // Not on the board as pending, and staff cannot accept it (so the POS never gets it).
    const pending = await local<{ orders: { id: string }[] }>(
      store.localUrl,
      'GET',
      '/api/orders?status=pending',
    );
    expect(pending.body.orders.map((o) => o.id)).not.toContain(id);
    const accept = await local(store.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    expect(accept.status).toBe(409);

    // The manager sees it as missed, with why, and the timeline says so.
    const detail = await local<{
      missed: { reason: string } | null;
      timeline: { kind: string; actor: string; detail: string | null }[];
    }>(store.localUrl, 'GET', `/api/orders/${id}`);
    expect(detail.body.missed?.reason).toBe('store_unreachable');
    expect(detail.body.timeline).toContainEqual(
      expect.objectContaining({ kind: 'withdrawn', actor: 'relay', detail: WITHDRAWN_TEXT }),
    );
    const canceled = pushed.find((m) => m.event === 'order.canceled');
    expect(canceled?.data).toMatchObject({ id, canceledBy: 'relay', cancelReason: WITHDRAWN_TEXT });
    expect(pushed.some((m) => m.event === 'order.missed')).toBe(true);
    unsubscribe();

    // Stream retries the same bytes (it never does after a 400, but a replica may have died
    // before Stream heard): the store's answer is now the gateway's refusal.
    await until('store online again', () => gateway.fleet.get('store-1')?.online === true);
    const again = await sendToStreamListener(gateway.url, body);
    expect(again.status).toBe(400);
    expect(again.body).toEqual(refused400Body());
  });

  it('refuses an order whose withdrawal reached the store before the order did', async () => {
    const relay = store.connector.relay!;
    const delivered = gate();
    let held = 0;
    relay.hooks = {
      // A late delivery: the request reaches the store only after the gateway gave up on it
      // and the store has answered the withdrawal ("never had it").
      beforeInject: async () => {
        held++;
        await delivered.opened;
      },
    };
    const order = orderCreated({ locationId: 'store-1' });
    try {
      const refused = await sendToStreamListener(gateway.url, order);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('pos_offline');
      await until('the store confirmed it never had it', () => gateway.withdrawals.pending === 0);
      expect(held).toBe(1);
    } finally {
      delivered.open();
      relay.hooks = {};
    }
    await until('the store online', () => gateway.fleet.get('store-1')?.online === true);
    // Taken in nowhere: no row, nothing on any screen.
    const row = store.connector.ctx.db
      .prepare('SELECT id FROM orders WHERE idempotency_key = ?')
      .get(keyOf(order));
    expect(row).toBeUndefined();
    const metrics = await (await fetch(`${gateway.metricsUrl}/metrics`)).text();
    expect(metrics).toMatch(/stream_gateway_withdrawals_total\{event="not_here"\} 1/);
    expect(metrics).toMatch(/stream_gateway_withdrawals_total\{event="withdrawn"\} 1/);
  });

  it('refuses a retry that reaches this replica right after another one refused the order and died', async () => {
    const order = orderCreated({ locationId: 'store-1' });
    const first = await sendToStreamListener<{ order: { provider_id: string } }>(
      gateway.url,
      order,
    );
    expect(first.status).toBe(200);
    // Another replica (now gone) asked the store, gave up, kept the refusal and told Stream
    // pos_offline, then died before telling the store. This replica has not swept since.
    gateway.withdrawals.stop();
    const nc = await connectNats({ url: nats.url, ...GATEWAY_NATS_USER }, { name: 'dead-replica' });
    try {
      const kv = await new Kvm(nc).open(WITHDRAWAL_BUCKET);
      const withdraw = { locationId: 'store-1', idempotencyKey: keyOf(order), at: Date.now() };
      await kv.put(withdrawalKey('store-1', keyOf(order)), JSON.stringify(withdraw));
      // Stream retries the same bytes here: the store still answers 200 (it has the order), and
      // this replica must answer what Stream was told, and withdraw the order.
      const retry = await sendToStreamListener(gateway.url, order);
      expect(retry.status).toBe(400);
      expect(JSON.stringify(retry.body)).toContain('pos_offline');
      await until(
        'the store withdrew it',
        () => store.connector.ctx.orders.get(first.body.order.provider_id)?.status === 'canceled',
      );
    } finally {
      await nc.close();
      await gateway.withdrawals.start();
    }
  });
});

describe('an order staff accepted before its withdrawal arrived', () => {
  it('is canceled with the cancel alert saying why, not missed', async () => {
    const pushed: PushMessage[] = [];
    const unsubscribe = store.connector.ctx.bus.subscribe((m) => pushed.push(m));
    await until('store online', () => gateway.fleet.get('store-1')?.online === true);
    const { order, acceptStatus } = await acceptWhileAnswerHeld(store, 'store-1');
    expect(acceptStatus).toBe(200);
    const row = () =>
      store.connector.ctx.db
        .prepare('SELECT id, status, missed_reason FROM orders WHERE idempotency_key = ?')
        .get(keyOf(order)) as { id: string; status: string; missed_reason: string | null };
    await until('the store withdrew the accepted order', () => row().status === 'canceled');
    expect(row().missed_reason).toBeNull();
    const canceled = pushed.find((m) => m.event === 'order.canceled');
    expect(canceled?.data).toMatchObject({ id: row().id, canceledBy: 'relay' });
    expect(pushed.some((m) => m.event === 'order.missed')).toBe(false);
    unsubscribe();
  });

  it('closes the queued accept as withdrawn, with the reason: never sent, not stuck, not replayable', async () => {
    // Stream's API here is a closed port, so the cashier's accept waits in the outbox for a retry
    // when the withdrawal arrives, as it does when Stream is slow or unreachable.
    await until('store online', () => gateway.fleet.get('store-1')?.online === true);
    const { orderId, acceptStatus } = await acceptWhileAnswerHeld(store, 'store-1');
    expect(acceptStatus).toBe(200);
    await until(
      'the store withdrew the accepted order',
      () => store.connector.ctx.orders.get(orderId)?.status === 'canceled',
    );

    const acceptRow = () =>
      store.connector.ctx.db
        .prepare(
          `SELECT id, state, attempts, last_error FROM outbox
          WHERE lane = 'stream' AND ordering_key = ? AND kind = 'order.accepted'`,
        )
        .get(orderId) as { id: string; state: string; attempts: number; last_error: string };
    expect(acceptRow()).toMatchObject({ state: 'withdrawn', last_error: WITHDRAWN_EVENT_TEXT });
    // The order's timeline says which answer Stream never got, and why.
    expect(store.connector.ctx.orders.detail(orderId)!.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'stream.withdrawn',
        actor: 'relay',
        detail: `1 answer to Stream ${WITHDRAWN_EVENT_TEXT}`,
      }),
    );

    // Time passes well beyond every retry: nothing more is attempted.
    const attempts = acceptRow().attempts;
    store.clock.advance(30 * 60_000);
    store.connector.streamLane.poke();
    await until('the Stream lane idle', () => {
      const a = store.connector.streamLane.activity();
      return a.inFlight === 0 && !a.tickQueued;
    });
    expect(acceptRow()).toMatchObject({ state: 'withdrawn', attempts });

    // The order detail says it in the delivery list; health and the outbox do not count it.
    const detail = await local<{ deliveries: Delivery[] }>(
      store.localUrl,
      'GET',
      `/api/orders/${orderId}`,
    );
    expect(detail.body.deliveries).toContainEqual(
      expect.objectContaining({
        kind: 'order.accepted',
        state: 'withdrawn',
        lastError: WITHDRAWN_EVENT_TEXT,
      }),
    );
    const ids = async (state: 'backlog' | 'dead') =>
      (
        await local<{ events: OutboxEvent[] }>(store.localUrl, 'GET', `/api/outbox?state=${state}`)
      ).body.events
        .filter((e) => e.orderingKey === orderId)
        .map((e) => e.id);
    expect(await ids('backlog')).toEqual([]);
    expect(await ids('dead')).toEqual([]);
    const health = await local<{ outbox: { pending: number; dead: number } }>(
      store.localUrl,
      'GET',
      '/api/health',
    );
    const backlog = await local<{ events: OutboxEvent[] }>(
      store.localUrl,
      'GET',
      '/api/outbox?state=backlog',
    );
    expect(health.body.outbox.pending).toBe(backlog.body.events.length);
    const replay = await local(store.localUrl, 'POST', `/api/outbox/${acceptRow().id}/replay`, {});
    expect(replay.status).toBeGreaterThanOrEqual(400);
    expect(acceptRow().state).toBe('withdrawn');
  });
});

describe('an accepted order the POS already had when its withdrawal arrived', () => {
  let rig: PosRig;
  beforeAll(async () => {
    rig = await startPosRig({ config: relayConfig(nats.url, 'store-2') });
    await until('store-2 registered', () => gateway.fleet.get('store-2')?.online === true);
  });
  afterAll(async () => {
    await rig?.dispose();
  });

  it('voids the POS leg as a cancel does, and closes the queued accept', async () => {
    const { orderId } = await acceptWhileAnswerHeld(rig.t, 'store-2', () =>
      rig.drive(() => rig.pos.orders.length === 1),
    );
    await until(
      'the store withdrew it',
      () => rig.t.connector.ctx.orders.get(orderId)?.status === 'canceled',
    );
    await rig.drive(() => rig.pos.voids.length === 1);
    expect(rig.pos.voids[0]!.posOrderId).toBe(rig.pos.orders[0]!.posOrderId);
    const accept = rig.t.connector.ctx.db
      .prepare(
        `SELECT state, last_error FROM outbox WHERE lane = 'stream' AND ordering_key = ? AND kind = 'order.accepted'`,
      )
      .get(orderId) as { state: string; last_error: string } | undefined;
    // With a POS that decides acceptance the accept is written once the POS took the order.
    expect(accept).toMatchObject({ state: 'withdrawn', last_error: WITHDRAWN_EVENT_TEXT });
  });
});

function refused400Body(): unknown {
  return {
    posValidation: {
      orderValidation: [
        {
          order_error: 'pos_offline',
          order_error_reason: 'The store is offline (its connector did not answer)',
        },
      ],
    },
  };
}
