// Whether Stream confirmed the store's status, as staff see it: the `location.status.updated` row in
// the outbox is delivered by the real outbox worker to a real HTTP endpoint standing in for Stream,
// and `GET /api/store` (and the `store.updated` push) report pending → delivered, or failed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../shared/store.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { api, recordPush, setupPin, TEST_PIN } from '../support/manager-client.js';

interface Received {
  path: string;
  body: unknown;
}

let t: TestConnector;
let stream: http.Server;
const received: Received[] = [];
/** What the stand-in Stream answers, one status per request, in order. */
const answers: number[] = [];

beforeEach(async () => {
  received.length = 0;
  answers.length = 0;
  stream = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(text) as unknown });
      res.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => stream.listen(0, '127.0.0.1', resolve));
  const { port } = stream.address() as AddressInfo;
  t = await startTestConnector({
    config: { stream: { apiUrl: `http://127.0.0.1:${port}`, partnerSlug: 'test-pos' } },
  });
  await setupPin(t);
});
afterEach(async () => {
  await t.dispose();
  await new Promise((resolve) => stream.close(resolve));
});

const store = async (): Promise<StoreStatus> =>
  (await api<StoreStatus>(t.localUrl, 'GET', '/api/store')).body;

/** Waits for the worker's real HTTP round trip to be recorded in the outbox row: real network I/O,
 * which no clock drives, so it is polled (bounded) rather than slept for. */
async function outboxSettled(id: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  const stateOf = () =>
    (
      t.connector.ctx.db.prepare('SELECT state FROM outbox WHERE id = ?').get(id) as {
        state: string;
      }
    ).state;
  while (stateOf() === 'pending' || stateOf() === 'sending') {
    if (Date.now() > deadline) throw new Error(`outbox row ${id} still ${stateOf()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Stream confirmation of the store status', () => {
  it('shows pending until Stream answers, then delivered; a refused status shows failed', async () => {
    const push = recordPush(t.connector.ctx.bus);
    const paused = await api<StoreStatus>(t.localUrl, 'POST', '/api/store/pause', {
      body: { minutes: 30 },
      pin: TEST_PIN,
    });
    const sent = paused.body.stream!;
    expect(sent).toMatchObject({
      status: 'inactive',
      delivery: 'pending',
      queuedAt: t.clock.now(),
    });
    // While Stream has not answered, the store timer's next due time is still the pause's end.
    const controls = t.connector.store.controls;
    const pauseEnds = t.clock.now() + 30 * 60_000;
    expect(controls.nextWakeAt(t.clock.now())).toBe(pauseEnds);

    await outboxSettled(sent.eventId);
    expect(received).toEqual([
      {
        path: '/pos/test-pos/webhook',
        body: {
          type: 'location.status.updated',
          object: {
            location_id: 'store-1',
            status: 'inactive',
            paused_until: t.clock.now() + 30 * 60_000,
          },
        },
      },
    ]);
    expect((await store()).stream).toMatchObject({
      eventId: sent.eventId,
      delivery: 'delivered',
      attempts: 1,
      lastError: null,
    });
    // Staff are told as soon as the lane recorded Stream's answer, with no clock moved and
    // without asking; the store timer keeps no poll for it, only the pause's own end.
    expect(push.of('store.updated').at(-1)?.stream).toMatchObject({ delivery: 'delivered' });
    expect(controls.nextWakeAt(t.clock.now())).toBe(pauseEnds);

    answers.push(400);
    const resumed = await api<StoreStatus>(t.localUrl, 'POST', '/api/store/resume', {
      body: {},
      pin: TEST_PIN,
    });
    expect(resumed.body.stream).toMatchObject({ status: 'active', delivery: 'pending' });
    await outboxSettled(resumed.body.stream!.eventId);
    expect((await store()).stream).toMatchObject({
      status: 'active',
      delivery: 'failed',
      lastError: expect.stringContaining('400') as string,
    });
    expect(push.of('store.updated').at(-1)?.stream).toMatchObject({ delivery: 'failed' });
    expect(controls.nextWakeAt(t.clock.now())).toBeNull();
  });
});
