// The Local API as other in-store systems see it: token auth, the order list filters, health,
// the catalog, and the push channel announcing every change within 100 ms.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localApi, type CallSpec } from '../../shared/contract.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCanceled, orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { openPushChannel } from '../support/push-client.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';

let t: TestConnector;
beforeEach(async () => {
  t = await startTestConnector();
});
afterEach(async () => {
  await t.dispose();
});

describe('Local API', () => {
  it('serves every call in the contract, and only behind the token; counter-only calls not at all', async () => {
    for (const spec of Object.values(localApi) as CallSpec[]) {
      const path = spec.path.replace(':id', 'ord_x');
      const res = await fetch(t.localUrl + path, { method: spec.method });
      if (!spec.counterOnly) {
        expect(res.status, `${spec.method} ${spec.path}`).toBe(401);
        continue;
      }
      const withToken = await local(t.localUrl, spec.method, path);
      expect(withToken.status, `${spec.method} ${spec.path} is for the bridge only`).toBe(404);
    }
    expect((await fetch(t.localUrl + '/api/events')).status).toBe(401);
  });

  it('lists orders newest first, filtered by status', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await sendToStreamListener<{ order: { provider_id: string } }>(
        t.streamUrl,
        orderCreated(),
      );
      ids.push(res.body.order.provider_id);
      t.clock.advance(1000);
    }
    await local(t.localUrl, 'POST', `/api/orders/${ids[0]}/accept`, {});
    const all = await local<{ orders: { id: string }[] }>(t.localUrl, 'GET', '/api/orders');
    expect(all.body.orders.map((o) => o.id)).toEqual([...ids].reverse());
    const pending = await local<{ orders: { id: string }[] }>(
      t.localUrl,
      'GET',
      '/api/orders?status=pending',
    );
    expect(pending.body.orders.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    const several = await local<{ orders: { id: string }[] }>(
      t.localUrl,
      'GET',
      '/api/orders?status=accepted,pending&limit=2',
    );
    expect(several.body.orders).toHaveLength(2);
    const bad = await local<{ error: { field: string } }>(
      t.localUrl,
      'GET',
      '/api/orders?status=cooking',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toMatch(/^query\.status/);
  });

  it('reports health: counts, catalog state and configuration problems', async () => {
    await sendToStreamListener(t.streamUrl, orderCreated());
    const health = await local<{
      orders: { pending: number; open: number };
      catalog: { loaded: boolean };
      location: { id: string };
    }>(t.localUrl, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.orders).toEqual({ pending: 1, open: 1 });
    expect(health.body.catalog.loaded).toBe(false);
    expect(health.body.location.id).toBe('store-1');
    expect(JSON.stringify(health.body)).not.toContain(TEST_LOCAL_TOKEN);
  });

  it('push channel announces a new order, a decision and a Stream cancel as each happens', async () => {
    // Pushed, not polled: each event is on the open channel with no further request. (How fast
    // is a speed target for `npm run bench`, not an assertion on a shared machine.)
    const push = await openPushChannel(t.localUrl, TEST_LOCAL_TOKEN);
    try {
      const created = await sendToStreamListener<{ order: { provider_id: string } }>(
        t.streamUrl,
        orderCreated(),
      );
      const id = created.body.order.provider_id;
      const first = await push.next('order.created');
      expect((first as { id: string }).id).toBe(id);

      await local(t.localUrl, 'POST', `/api/orders/${id}/accept`, {});
      const updated = (await push.next('order.updated')) as { status: string };
      expect(updated.status).toBe('accepted');

      await sendToStreamListener(t.streamUrl, orderCanceled(id));
      const canceled = (await push.next('order.canceled')) as { id: string; canceledBy: string };
      expect(canceled).toMatchObject({ id, canceledBy: 'stream' });
    } finally {
      push.close();
    }
  });

  it('stops cleanly with a push stream still open', async () => {
    const push = await openPushChannel(t.localUrl, TEST_LOCAL_TOKEN);
    await t.stop();
    await push.closed;
  });
});
