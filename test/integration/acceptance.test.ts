// The acceptance window: staff decisions, the expiry policy, the race between the two, and a
// restart in the middle of a window. Time is a ManualClock, so nothing here sleeps.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { ManualClock } from '../../electron/core/util/clock.js';

type Answer = { order: { provider_id: string } };
type Detail = {
  status: string;
  decidedBy: string | null;
  prepTimeMinutes: number | null;
  timeline: { kind: string; actor: string }[];
};
type OutboxRow = { id: string; kind: string; body: string; ordering_key: string; urgency: string };

let t: TestConnector | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

async function newOrder(conn: TestConnector): Promise<string> {
  const res = await sendToStreamListener<Answer>(conn.streamUrl, orderCreated());
  expect(res.status).toBe(200);
  return res.body.order.provider_id;
}

const outbox = (conn: TestConnector, orderId: string) =>
  conn.connector.ctx.db
    .prepare(
      'SELECT id, kind, body, ordering_key, urgency FROM outbox WHERE ordering_key = ? ORDER BY seq',
    )
    .all(orderId) as OutboxRow[];

describe('staff decisions', () => {
  it('accept writes the order.accepted event in the same transaction, with the chosen prep time', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    const res = await local<Detail>(t.localUrl, 'POST', `/api/orders/${id}/accept`, {
      prepTimeMinutes: 25,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('accepted');
    expect(res.body.prepTimeMinutes).toBe(25);
    const events = outbox(t, id);
    expect(events).toHaveLength(1);
    expect(events[0]!.urgency).toBe('decision');
    expect(JSON.parse(events[0]!.body)).toEqual({
      type: 'order.accepted',
      object: { provider_id: id, location_id: 'store-1', prep_time_minutes: 25 },
    });
  });

  it('reject maps the staff reason to posValidation, with out-of-stock ids as stockValidation', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    const res = await local<Detail>(t.localUrl, 'POST', `/api/orders/${id}/reject`, {
      code: 'items_unavailable',
      reason: 'Out of bacon',
      unavailable: [{ type: 'modifier', providerId: 'mod-bacon' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
    const body = JSON.parse(outbox(t, id)[0]!.body) as {
      type: string;
      object: { posValidation: unknown };
    };
    expect(body.type).toBe('order.rejected');
    expect(body.object.posValidation).toEqual({
      orderValidation: [{ order_error: 'invalid_cart', order_error_reason: 'Out of bacon' }],
      stockValidation: [{ type: 'modifier', provider_id: 'mod-bacon', quantity: 0 }],
    });
  });

  it('a second decision is refused with 409 and writes nothing', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    await local(t.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    const again = await local<{ error: { code: string } }>(
      t.localUrl,
      'POST',
      `/api/orders/${id}/reject`,
      { code: 'store_busy' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_decided');
    expect(outbox(t, id)).toHaveLength(1);
  });

  it('bad input names the field; unknown order is 404; no token is 401', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    const bad = await local<{ error: { field: string } }>(
      t.localUrl,
      'POST',
      `/api/orders/${id}/accept`,
      { prepTimeMinutes: 0 },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.prepTimeMinutes');
    const badCode = await local<{ error: { field: string } }>(
      t.localUrl,
      'POST',
      `/api/orders/${id}/reject`,
      { code: 'bored' },
    );
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.field).toBe('body.code');
    expect((await local(t.localUrl, 'POST', '/api/orders/ord_missing/accept', {})).status).toBe(
      404,
    );
    expect((await local(t.localUrl, 'GET', '/api/orders', undefined, 'wrong-token')).status).toBe(
      401,
    );
  });
});

describe('the staff window', () => {
  it('expires at the stored deadline with the reject policy: one order.rejected, no decision after', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    t.clock.advance(44_999);
    expect((await local<Detail>(t.localUrl, 'GET', `/api/orders/${id}`)).body.status).toBe(
      'pending',
    );
    t.clock.advance(1);
    const detail = (await local<Detail>(t.localUrl, 'GET', `/api/orders/${id}`)).body;
    expect(detail.status).toBe('expired');
    expect(detail.decidedBy).toBe('system:timeout');
    const events = outbox(t, id);
    expect(events.map((e) => e.kind)).toEqual(['order.rejected']);
    const rejected = JSON.parse(events[0]!.body) as {
      object: { posValidation: { orderValidation: { order_error: string }[] } };
    };
    expect(rejected.object.posValidation.orderValidation[0]!.order_error).toBe('store_unavailable');
    const late = await local<{ error: { code: string } }>(
      t.localUrl,
      'POST',
      `/api/orders/${id}/accept`,
      {},
    );
    expect(late.status).toBe(409);
    expect(outbox(t, id)).toHaveLength(1);
  });

  it('expires into an accept with the accept policy', async () => {
    t = await startTestConnector({
      config: { acceptance: { onTimeout: 'accept', staffWindowSeconds: 30 } },
    });
    const id = await newOrder(t);
    t.clock.advance(30_000);
    const detail = (await local<Detail>(t.localUrl, 'GET', `/api/orders/${id}`)).body;
    expect(detail.status).toBe('accepted');
    expect(detail.decidedBy).toBe('system:timeout');
    expect(outbox(t, id).map((e) => e.kind)).toEqual(['order.accepted']);
  });

  it('at the deadline millisecond the expiry wins and a staff accept gets 409 window_closed, even before the timer ran', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    // Move the clock onto the deadline without firing timers: the request arrives first.
    const row = t.connector.ctx.db
      .prepare('SELECT staff_deadline_at AS d FROM orders WHERE id = ?')
      .get(id) as { d: number };
    t.clock.moveTo(row.d);
    const accept = await local<{ error: { code: string } }>(
      t.localUrl,
      'POST',
      `/api/orders/${id}/accept`,
      {},
    );
    expect(accept.status).toBe(409);
    expect(accept.body.error.code).toBe('window_closed');
    t.clock.advance(0);
    expect((await local<Detail>(t.localUrl, 'GET', `/api/orders/${id}`)).body.status).toBe(
      'expired',
    );
    expect(outbox(t, id)).toHaveLength(1);
  });

  it('one millisecond before the deadline the staff decision wins and the expiry finds nothing', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    t.clock.advance(44_999);
    expect((await local(t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    t.clock.advance(10_000);
    expect((await local<Detail>(t.localUrl, 'GET', `/api/orders/${id}`)).body.status).toBe(
      'accepted',
    );
    expect(outbox(t, id).map((e) => e.kind)).toEqual(['order.accepted']);
  });

  it('decision versus expiry in any order around the deadline: exactly one winner and one event (1,000 runs)', async () => {
    t = await startTestConnector();
    const conn = t;
    const { handlers, acceptance } = conn.connector;
    const base = conn.clock.now();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -2, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        fc.boolean(),
        async (offset, timerLateness, staffFirstOnTie, accept) => {
          const id = await newOrder(conn);
          const deadline = conn.connector.ctx.orders.get(id)!.staff_deadline_at!;
          const staffAt = deadline + offset;
          const expireAt = deadline + timerLateness;
          const staff = (): string => {
            conn.clock.moveTo(staffAt);
            try {
              const detail = accept
                ? handlers.acceptOrder({ id, prepTimeMinutes: undefined }, { actor: 'staff' })
                : handlers.rejectOrder(
                    { id, code: 'store_busy', reason: undefined, unavailable: undefined },
                    { actor: 'staff' },
                  );
              return (detail as { status: string }).status;
            } catch (err) {
              return (err as { code: string }).code;
            }
          };
          const expire = (): void => {
            conn.clock.moveTo(expireAt);
            acceptance.expireDue();
          };
          // Run both in time order; on the same millisecond either may get the thread first.
          let staffResult: string;
          if (staffAt < expireAt || (staffAt === expireAt && staffFirstOnTie)) {
            staffResult = staff();
            expire();
          } else {
            expire();
            staffResult = staff();
          }
          const final = conn.connector.ctx.orders.get(id)!.status;
          const events = outbox(conn, id);
          expect(events).toHaveLength(1);
          if (staffAt < deadline) {
            // Strictly before the deadline staff always win; from the deadline on, the expiry does.
            expect(final).toBe(accept ? 'accepted' : 'rejected');
          } else {
            expect(final).toBe('expired');
            expect(['window_closed', 'already_decided']).toContain(staffResult);
          }
          expect(events[0]!.kind).toBe(final === 'accepted' ? 'order.accepted' : 'order.rejected');
          conn.clock.moveTo(base);
        },
      ),
      { numRuns: 1000 },
    );
    // A thousand orders through real SQLite: about 10 s alone, three times that on a busy machine.
  }, 120_000);
});

describe('restart in the middle of a window', () => {
  it('keeps the deadline measured from the stored receive time', async () => {
    const clock = new ManualClock();
    t = await startTestConnector({ clock });
    const { dataDir } = t;
    const id = await newOrder(t);
    clock.advance(30_000);
    await t.stop();
    // Down for 10 s: 40 s of the 45-s window are gone when it comes back.
    clock.advance(10_000);
    const again = await startTestConnector({ dataDir, clock });
    t = again;
    expect((await local<Detail>(again.localUrl, 'GET', `/api/orders/${id}`)).body.status).toBe(
      'pending',
    );
    clock.advance(4_999);
    expect((await local<Detail>(again.localUrl, 'GET', `/api/orders/${id}`)).body.status).toBe(
      'pending',
    );
    clock.advance(1);
    expect((await local<Detail>(again.localUrl, 'GET', `/api/orders/${id}`)).body.status).toBe(
      'expired',
    );
  });

  it('expires at start-up an order whose window ended while the connector was down', async () => {
    const clock = new ManualClock();
    t = await startTestConnector({ clock });
    const { dataDir } = t;
    const id = await newOrder(t);
    await t.stop();
    clock.advance(120_000);
    t = await startTestConnector({ dataDir, clock });
    expect((await local<Detail>(t.localUrl, 'GET', `/api/orders/${id}`)).body.status).toBe(
      'expired',
    );
    expect(outbox(t, id)).toHaveLength(1);
  });
});

describe('status after acceptance', () => {
  it('moves forward only, writes order.status.updated in the seed shape, and ignores a repeated tap', async () => {
    t = await startTestConnector();
    const id = await newOrder(t);
    expect(
      (await local(t.localUrl, 'POST', `/api/orders/${id}/status`, { status: 'preparing' })).status,
    ).toBe(409);
    await local(t.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    for (const status of ['preparing', 'ready', 'ready', 'completed'])
      expect((await local(t.localUrl, 'POST', `/api/orders/${id}/status`, { status })).status).toBe(
        200,
      );
    const back = await local<{ error: { code: string } }>(
      t.localUrl,
      'POST',
      `/api/orders/${id}/status`,
      { status: 'preparing' },
    );
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('invalid_transition');
    const bodies = outbox(t, id).map((e) => JSON.parse(e.body) as unknown);
    expect(bodies.slice(1)).toEqual([
      { event: 'order.status.updated', data: { order: { provider_id: id, status: 'preparing' } } },
      {
        event: 'order.status.updated',
        data: { order: { provider_id: id, status: 'ready_for_pickup' } },
      },
      { event: 'order.status.updated', data: { order: { provider_id: id, status: 'completed' } } },
    ]);
  });
});
