// The demo's Stream cloud (electron/demo): what `npm run serve` starts with the demo config. It
// receives the connector's real events at stream.apiUrl, checks their signatures, answers like
// Stream (so the events are delivered and Health stays ok) and prints one line per event.
import { afterEach, describe, expect, it } from 'vitest';
import type { Health } from '../../shared/contract.js';
import {
  startFakeStreamCloud,
  type FakeStreamCloud,
} from '../../electron/demo/fake-stream-cloud.js';
import { systemClock } from '../../electron/core/util/clock.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { TEST_WEBHOOK_SECRET } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { freePort } from '../../electron/core/util/free-port.js';

let t: TestConnector | undefined;
let cloud: FakeStreamCloud | undefined;
afterEach(async () => {
  await t?.dispose();
  await cloud?.close();
  t = cloud = undefined;
});

describe('the demo Stream cloud', () => {
  it('takes the signed events, prints each, refuses a bad signature', async () => {
    const apiUrl = `http://127.0.0.1:${await freePort()}`;
    const printed: string[] = [];
    cloud = await startFakeStreamCloud(
      { apiUrl, partnerSlug: 'test-pos', webhookSecret: TEST_WEBHOOK_SECRET } as never,
      (line) => printed.push(line),
    );
    t = await startTestConnector({
      clock: systemClock as never,
      config: { stream: { apiUrl } },
    });
    const id = (
      await sendToStreamListener<{ order: { provider_id: string } }>(t.streamUrl, orderCreated())
    ).body.order.provider_id;
    await local(t.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    await expect
      .poll(() => printed.find((l) => l.includes(`order.accepted ${id}`)), { timeout: 5_000 })
      .toMatch(/✓ order\.accepted .* \(signature ok, key evt_/);
    await expect
      .poll(
        async () => (await local<Health>(t!.localUrl, 'GET', '/api/health')).body.outbox.pending,
      )
      .toBe(0);

    const forged = await fetch(`${apiUrl}/pos/test-pos/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stream-webhook-signature': 'bad' },
      body: '{"type":"order.accepted"}',
    });
    expect(forged.status).toBe(401);
    expect(printed.at(-1)).toContain('bad signature');
  });
});
