// No spelling of a path reaches a Local API handler without the token, and neither listener
// answers to a Host name that is not this machine's (DNS rebinding). The spellings are the ones
// an attacker tries against a check that compares URL strings: percent-encoding, case, doubled
// or dotted segments, encoded slashes, trailing dots, overlong UTF-8, double encoding.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localApi, type CallSpec } from '../../shared/contract.js';
import type { Handlers } from '../../electron/core/api/handlers.js';
import { EventBus } from '../../electron/core/events/bus.js';
import { allowedHostNames } from '../../electron/core/http/host-check.js';
import { buildLocalServer } from '../../electron/core/http/local-server.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { sendToStreamListener } from '../support/stream-client.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';

interface RawAnswer {
  status: number;
  body: string;
}

function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, headers: { connection: 'close', ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
        // The push channel never ends by itself: its status is enough.
        if (res.headers['content-type']?.startsWith('text/event-stream')) {
          resolve({ status: res.statusCode!, body: '' });
          req.destroy();
        }
      },
    );
    // The HTTP parser itself may refuse a path by closing the socket: no handler ran.
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' ? resolve({ status: 0, body: 'connection closed' }) : reject(err),
    );
    req.end();
  });
}

const enc = (c: string): string => '%' + c.charCodeAt(0).toString(16).padStart(2, '0');

/** Every way of writing `path` that a naive prefix or string check would not recognise. */
export function spellings(path: string): string[] {
  const rest = path.slice('/api'.length); // "/orders/ord_x"
  const out = new Set<string>([
    `/%61pi${rest}`,
    `/a%70i${rest}`,
    `/ap%69${rest}`,
    `/%61%70%69${rest}`,
    `/%41%50%49${rest}`,
    `/API${rest}`,
    `/Api${rest}`,
    `//api${rest}`,
    `/api/${rest}`,
    `/./api${rest}`,
    `/api/.${rest}`,
    `/x/../api${rest}`,
    `/api/x/..${rest}`,
    `/%2e/api${rest}`,
    `/x/%2e%2e/api${rest}`,
    `%2Fapi${rest}`,
    `/api%2F${rest.slice(1)}`,
    `/api%2f${rest.slice(1)}`,
    `/api%5C${rest.slice(1)}`,
    `/api.${rest}`,
    `/api${rest}.`,
    `/api${rest}/.`,
    `/api${rest}..`,
    `/%C1%A1pi${rest}`,
    `/%E0%81%A1pi${rest}`,
    `/api%C0%AF${rest.slice(1)}`,
    `/%2561pi${rest}`,
    `/api;x${rest}`,
    `/api${rest};x`,
    `/api${rest}%00`,
    `/api${rest}?token=${TEST_LOCAL_TOKEN}`,
    `/api${rest}#x`,
  ]);
  // Each letter of the path, percent-encoded on its own (lower and upper case hex).
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (!/[a-z]/i.test(c)) continue;
    out.add(path.slice(0, i) + enc(c) + path.slice(i + 1));
    out.add(path.slice(0, i) + enc(c).toUpperCase() + path.slice(i + 1));
  }
  out.add(path.replace(/[a-z]/g, enc));
  return [...out];
}

const families = [
  // Counter-only calls have no HTTP route at all (the integration test checks they answer 404).
  ...Object.values(localApi)
    .filter((spec: CallSpec) => !spec.counterOnly)
    .map((spec) => ({
      method: spec.method,
      path: spec.path.replace(':id', 'ord_x'),
    })),
  { method: 'GET', path: '/api/events' },
];

describe('Local API authorization is decided on the route', () => {
  const called: string[] = [];
  let subscribed = 0;
  let port = 0;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    // Every handler records that it ran; the push channel records a subscriber.
    const handlers = new Proxy(
      {},
      {
        get: (_t, name) => async () => {
          called.push(String(name));
          return {};
        },
      },
    ) as Handlers;
    const bus = new EventBus();
    const subscribe = bus.subscribe.bind(bus);
    bus.subscribe = (listener) => {
      subscribed++;
      return subscribe(listener);
    };
    const app = buildLocalServer({
      token: TEST_LOCAL_TOKEN,
      allowedHosts: allowedHostNames('127.0.0.1', []),
      handlers,
      bus,
      log: silentLogger,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
    close = () => app.close();
  });
  afterAll(() => close());

  beforeEach(() => {
    called.length = 0;
    subscribed = 0;
  });

  it('the canonical path with the token gets past the check (the recorder works)', async () => {
    const auth = { authorization: `Bearer ${TEST_LOCAL_TOKEN}` };
    for (const { method, path } of families) {
      const res = await raw(port, method, path, auth);
      // 400: the route ran and refused the empty input; otherwise its handler ran.
      expect([200, 400], `${method} ${path}`).toContain(res.status);
    }
    expect(called).toContain('listOrders');
    expect(subscribed).toBe(1);
  });

  it('no spelling of any route family reaches a handler without the token', async () => {
    let tried = 0;
    for (const { method, path } of families) {
      for (const spelled of spellings(path)) {
        // The push channel takes `?token=` by design (EventSource sends no headers).
        if (path === '/api/events' && spelled.includes('?token=')) continue;
        const res = await raw(port, method, spelled);
        tried++;
        expect([0, 400, 401, 404], `${method} ${spelled} → ${res.status} ${res.body}`).toContain(
          res.status,
        );
        expect(called, `${method} ${spelled} ran a handler`).toEqual([]);
        expect(subscribed, `${method} ${spelled} opened the push channel`).toBe(0);
      }
    }
    expect(tried).toBeGreaterThan(families.length * 30);
  });

  it('a wrong token or a query token outside the push channel is refused', async () => {
    for (const { method, path } of families) {
      const wrong = await raw(port, method, path, { authorization: 'Bearer nope-nope-nope-nope' });
      expect(wrong.status, `${method} ${path}`).toBe(401);
    }
    const query = await raw(port, 'GET', `/api/orders?token=${TEST_LOCAL_TOKEN}`);
    expect(query.status).toBe(401);
    expect(called).toEqual([]);
  });

  it('refuses a foreign Host with 421 even with the token, and takes loopback names', async () => {
    const auth = { authorization: `Bearer ${TEST_LOCAL_TOKEN}` };
    for (const host of [
      'attacker.example',
      'attacker.example:' + port,
      'localhost.evil',
      '127.0.0.1.nip.io',
    ]) {
      const res = await raw(port, 'GET', '/api/orders', { ...auth, host });
      expect(res.status, `Host: ${host}`).toBe(421);
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe(
        'misdirected_request',
      );
    }
    expect(called).toEqual([]);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      const res = await raw(port, 'GET', '/api/orders', { ...auth, host });
      expect(res.status, `Host: ${host}`).toBe(200);
    }
  });
});

describe('the real connector', () => {
  let t: TestConnector;
  beforeAll(async () => {
    t = await startTestConnector({ config: { local: { allowedHosts: ['counter-1.lan'] } } });
  });
  afterAll(() => t.dispose());
  const portOf = (url: string): number => Number(new URL(url).port);

  it('answers 401 to the percent-encoded paths that used to leak orders', async () => {
    await sendToStreamListener(t.streamUrl, orderCreated());
    for (const path of ['/%61pi/orders', '/a%70i/orders', '/ap%69/history', '/%61%70%69/events'])
      expect((await raw(portOf(t.localUrl), 'GET', path)).status, path).toBe(401);
    for (const path of ['/%61pi/store/pause', '/%61pi/manager/pin'])
      expect((await raw(portOf(t.localUrl), 'POST', path)).status, path).toBe(401);
  });

  it('the Stream listener refuses a rebound Host before authentication, storing nothing', async () => {
    const before = t.connector.ctx.orders.openCounts().open;
    const res = await fetch(t.streamUrl + '/healthz', { headers: { host: 'attacker.example' } });
    // fetch may not let a Host header through: fall back to a raw request.
    const status =
      res.status === 421
        ? 421
        : (await raw(portOf(t.streamUrl), 'GET', '/healthz', { host: 'attacker.example' })).status;
    expect(status).toBe(421);
    const post = await raw(portOf(t.streamUrl), 'POST', '/stream/orders', {
      host: 'attacker.example',
    });
    expect(post.status).toBe(421);
    expect(t.connector.ctx.orders.openCounts().open).toBe(before);
    expect((await raw(portOf(t.streamUrl), 'GET', '/healthz')).status).toBe(200);
  });

  it('a configured LAN name is taken on the Local API', async () => {
    const res = await raw(portOf(t.localUrl), 'GET', '/api/health', {
      host: 'counter-1.lan',
      authorization: `Bearer ${TEST_LOCAL_TOKEN}`,
    });
    expect(res.status).toBe(200);
  });
});
