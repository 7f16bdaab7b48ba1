// The renderer's Local API client, derived from the contract, against a real connector over
// real HTTP: every call exists, path params, query and body land where the contract says, the
// answers are validated, and errors come back with their code and field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localApi, type CallName } from '../../shared/contract.js';
import {
  createLocalApiClient,
  LocalApiError,
  type LocalApiClient,
} from '../../renderer/src/api/client.js';
import { ServerClock } from '../../renderer/src/api/server-clock.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { sendToStreamListener } from '../support/stream-client.js';

let t: TestConnector;
let api: LocalApiClient;
let clock: ServerClock;

beforeEach(async () => {
  t = await startTestConnector();
  clock = new ServerClock();
  api = createLocalApiClient({
    transport: { kind: 'http', baseUrl: t.localUrl, token: TEST_LOCAL_TOKEN },
    clock,
    language: () => 'en',
    actor: () => 'Maria',
  });
});
afterEach(async () => {
  await t.dispose();
});

async function newOrder(): Promise<string> {
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    t.streamUrl,
    orderCreated(),
  );
  return res.body.order.provider_id;
}

describe('renderer Local API client', () => {
  it('has one method for every call in the contract', () => {
    for (const name of Object.keys(localApi) as CallName[])
      expect(typeof api[name]).toBe('function');
    expect(Object.keys(api).sort()).toEqual(Object.keys(localApi).sort());
  });

  it('fills path params, query and body from one request object, and validates the answer', async () => {
    const id = await newOrder();
    const pending = await api.listOrders({ status: 'pending', limit: 10 });
    expect(pending.orders.map((o) => o.id)).toEqual([id]);
    const accepted = await api.acceptOrder({ id, prepTimeMinutes: 25 });
    expect(accepted.status).toBe('accepted');
    expect(accepted.prepTimeMinutes).toBe(25);
    // The actor header reaches the timeline.
    expect(accepted.timeline.at(-1)?.actor).toBe('staff:Maria');
    expect((await api.listOrders({ status: 'pending' })).orders).toEqual([]);
    const health = await api.getHealth();
    expect(health.location.id).toBe('store-1');
    // Every answer carries a Date header: the clock now has bounds.
    expect(clock.current()).not.toBeNull();
  });

  it('turns refusals into LocalApiError with status, code and field', async () => {
    const id = await newOrder();
    const bad = await api.acceptOrder({ id, prepTimeMinutes: 999 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(LocalApiError);
    expect(bad).toMatchObject({
      status: 400,
      code: 'invalid_request',
      field: 'body.prepTimeMinutes',
    });
    const missing = await api.getOrder({ id: 'ord_nope' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404 });
    await api.rejectOrder({ id, code: 'store_busy' });
    const twice = await api.acceptOrder({ id }).catch((e: unknown) => e);
    expect(twice).toMatchObject({ status: 409, code: 'already_decided' });
  });

  it('reports a wrong token as 401 and a stopped connector as a network error', async () => {
    const stranger = createLocalApiClient({
      transport: { kind: 'http', baseUrl: t.localUrl, token: 'wrong-token-000000000000' },
      clock,
      language: () => 'en',
    });
    await expect(stranger.getHealth()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    await t.stop();
    const down = await api.getHealth().catch((e: unknown) => e);
    expect(down).toBeInstanceOf(LocalApiError);
    expect((down as LocalApiError).isNetwork).toBe(true);
    expect((down as LocalApiError).message).toBe(
      'The connector is not answering. Check that it is running.',
    );
    // The client words its own fault in the screen's language at the moment it fails.
    const spanish = createLocalApiClient({
      transport: { kind: 'http', baseUrl: t.localUrl, token: TEST_LOCAL_TOKEN },
      clock,
      language: () => 'es',
    });
    await expect(spanish.getHealth()).rejects.toMatchObject({
      code: 'network',
      message: 'El conector no responde. Compruebe que esté en marcha.',
    });
  });
});
