// A log IT can read (issue 14): one JSON line per order event and manager action, with the order
// id where there is one, written only once the change is committed, never with a secret in it.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/util/log.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { api, setupPin, TEST_PIN } from '../support/manager-client.js';
import { orderCreated } from '../support/orders.js';
import { TEST_INBOUND_TOKEN, TEST_LOCAL_TOKEN, TEST_WEBHOOK_SECRET } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

type Line = { level: string; msg: string; orderId?: string; by?: string; [k: string]: unknown };

let t: TestConnector | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('connector.log', () => {
  it('has a line for each decision, status change, expiry, missed order, pause and PIN failure', async () => {
    const raw: string[] = [];
    const log = createLogger({
      secrets: [TEST_WEBHOOK_SECRET, TEST_INBOUND_TOKEN, TEST_LOCAL_TOKEN, TEST_PIN],
      sink: (l) => raw.push(l),
    });
    t = await startTestConnector({ log });
    await setupPin(t);
    const newOrder = async (): Promise<string> =>
      (await sendToStreamListener<{ order: { provider_id: string } }>(t!.streamUrl, orderCreated()))
        .body.order.provider_id;
    const accepted = await newOrder();
    const missed = await newOrder();
    await local(t.localUrl, 'POST', `/api/orders/${accepted}/accept`, {});
    await local(t.localUrl, 'POST', `/api/orders/${accepted}/status`, { status: 'preparing' });
    t.clock.advance(45_000);
    await api(t.localUrl, 'POST', '/api/store/pause', { body: { minutes: 30 }, pin: '0000' });
    await api(t.localUrl, 'POST', '/api/store/pause', { body: { minutes: 30 }, pin: TEST_PIN });
    await settle();
    const lines = raw.map((l) => JSON.parse(l) as Line);
    const about = (id: string) => lines.filter((l) => l.orderId === id).map((l) => l.msg);
    expect(about(accepted)).toEqual(
      expect.arrayContaining(['order received', 'order accepted', 'order preparing']),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'order accepted', orderId: accepted, by: 'staff' }),
    );
    expect(about(missed)).toEqual(
      expect.arrayContaining(['order received', 'order expired', 'order missed']),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'order expired', by: 'system:timeout', level: 'warn' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'manager.pin.wrong', level: 'warn' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'store.paused', managerPin: true }),
    );
    for (const secret of [TEST_WEBHOOK_SECRET, TEST_INBOUND_TOKEN, TEST_LOCAL_TOKEN, TEST_PIN])
      expect(raw.join('\n')).not.toContain(secret);
  });

  it('writes no line for a change that was rolled back', async () => {
    const raw: string[] = [];
    t = await startTestConnector({ log: createLogger({ secrets: [], sink: (l) => raw.push(l) }) });
    const { ctx } = t.connector;
    const id = (
      await sendToStreamListener<{ order: { provider_id: string } }>(t.streamUrl, orderCreated())
    ).body.order.provider_id;
    expect(() =>
      ctx.db.transaction(() => {
        ctx.orders.addTimeline(id, ctx.clock.now(), 'accepted', 'staff:ghost', null);
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    await settle();
    expect(raw.join('\n')).not.toContain('staff:ghost');
  });
});
