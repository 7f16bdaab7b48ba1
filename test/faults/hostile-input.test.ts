// Hostile and broken requests on the Stream listener: oversized bodies, lying Content-Length,
// 10,000 fuzzed order bodies (all signed, so they reach validation), and 200 clients dribbling
// one byte a second. Every bad request gets a 4xx, nothing bad is stored, the process stays up,
// and real orders sent at the same time still succeed.
import fc from 'fast-check';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { TEST_INBOUND_TOKEN } from '../support/secrets.js';
import { sendToStreamListener, sign } from '../support/stream-client.js';

let t: TestConnector;
beforeAll(async () => {
  t = await startTestConnector({ config: { stream: { requestTimeoutSeconds: 2 } } });
});
afterAll(async () => {
  await t.dispose();
});

const orderCount = () =>
  (t.connector.ctx.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
/** Orders taken in; a well-formed order refused by validation (say, an empty cart) is kept as
 * `rejected` with its 400 answer, so managers can see what was refused and why. */
const takenCount = () =>
  (
    t.connector.ctx.db
      .prepare(`SELECT COUNT(*) AS n FROM orders WHERE answer_status = 200`)
      .get() as { n: number }
  ).n;

/** Sends raw bytes and returns the status line's code (0 if the server closed without answering). */
function rawRequest(head: string, body: Buffer | string, endAfter = true): Promise<number> {
  const url = new URL(t.streamUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let data = '';
    socket.on('data', (c) => (data += c.toString()));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.on('error', () => undefined);
    socket.write(head);
    socket.write(body);
    if (endAfter) socket.end();
  });
}

const headers = (length: number, sig: string) =>
  `POST /stream/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${TEST_INBOUND_TOKEN}\r\n` +
  `X-Stream-Signature: ${sig}\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;

describe('oversized and lying bodies', () => {
  it('10 MB body → 413 without reading it all; the server keeps serving', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 'a');
    const res = await fetch(`${t.streamUrl}/stream/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TEST_INBOUND_TOKEN}`,
        'x-stream-signature': sign(big),
      },
      body: big,
    }).catch(() => null);
    // Fastify answers 413 from the Content-Length; the client may see the answer or a reset.
    if (res) expect(res.status).toBe(413);
    expect((await sendToStreamListener(t.streamUrl, orderCreated())).status).toBe(200);
  });

  it('a body shorter than its Content-Length → 400; longer → the rest is not read as this order', async () => {
    const body = JSON.stringify(orderCreated());
    const short = await rawRequest(headers(body.length + 50, sign(body)), body);
    expect(short).toBe(400);
    const truncated = body.slice(0, 100);
    const long = await rawRequest(headers(truncated.length, sign(truncated)), body);
    expect([400, 401]).toContain(long);
    expect(orderCount()).toBe(1); // only the good order from the previous test
  });
});

describe('fuzzed bodies', () => {
  type Order = { type: string; object: Record<string, unknown> };
  const valid = () => orderCreated() as Order;
  // Each mutation breaks the schema by construction, so every answer must be a 4xx.
  const mutation: fc.Arbitrary<(o: Order) => string> = fc.oneof(
    fc.constantFrom('location_id', 'fulfillment_type', 'line_items').map((k) => (o: Order) => {
      delete o.object[k];
      return JSON.stringify(o);
    }),
    fc
      .tuple(
        fc.constantFrom('location_id', 'fulfillment_type', 'line_items', 'subtotal', 'unpaid'),
        fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.integer()), fc.object()),
      )
      .map(([k, v]) => (o: Order) => {
        // Values the schema allows (a whole amount in range, or null for an optional field) are
        // swapped for ones it does not, so every body stays invalid.
        if (
          k === 'subtotal' &&
          (v === null || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e8))
        )
          v = 'not money';
        if (k === 'unpaid' && (v === null || typeof v === 'boolean')) v = 'yes';
        if (k === 'location_id' && typeof v === 'string') v = 42;
        o.object[k] = v;
        return JSON.stringify(o);
      }),
    fc
      .string()
      .filter(
        (s) =>
          ![
            'delivery',
            'merchant_managed_delivery',
            'pickup',
            'curbside',
            'drive_thru',
            'dine_in',
          ].includes(s),
      )
      .map((s) => (o: Order) => {
        o.object.fulfillment_type = s;
        return JSON.stringify(o);
      }),
    fc.integer({ min: -5, max: 0 }).map((q) => (o: Order) => {
      (o.object.line_items as { quantity: number }[])[0]!.quantity = q;
      return JSON.stringify(o);
    }),
    fc.string().map((type) => (o: Order) => JSON.stringify({ ...o, type: `x.${type}` })),
    fc.integer({ min: 1, max: 400 }).map((cut) => (o: Order) => {
      const text = JSON.stringify(o);
      return text.slice(0, Math.min(cut, text.length - 1));
    }),
    fc
      .json()
      .filter((j) => !j.includes('"type"'))
      .map((j) => () => j),
    fc
      .constantFrom('__proto__', 'constructor')
      .map(
        (key) => (o: Order) =>
          JSON.stringify(o).replace('"object":', `"${key}":{"prototype":{"x":1}},"object":`),
      ),
    fc
      .integer({ min: 50, max: 3000 })
      .map(
        (depth) => () =>
          `{"type":"order.created","object":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      ),
    fc.string({ minLength: 1 }).map((s) => (o: Order) => {
      o.object.line_items = [{ name: s, quantity: 1, price_amount: 1.5 }];
      return JSON.stringify(o);
    }),
  );

  it('10,000 fuzzed bodies each get a 4xx, none is taken in, and real orders keep succeeding', async () => {
    const before = takenCount();
    const bodies = fc
      .sample(mutation, { numRuns: 10_000, seed: 20261123 })
      .map((mutate) => mutate(valid()));
    const statuses = new Map<number, number>();
    const accepted: string[] = [];
    let realOk = 0;
    const realSent = 40;
    const real = (async () => {
      for (let i = 0; i < realSent; i++)
        if ((await sendToStreamListener(t.streamUrl, orderCreated())).status === 200) realOk++;
    })();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const res = await sendToStreamListener(t.streamUrl, body);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status < 400 || res.status >= 500)
            accepted.push(`${res.status}: ${body.slice(0, 300)}`);
        }
      }),
    );
    await real;
    expect(accepted).toEqual([]);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
    expect(realOk).toBe(realSent);
    expect(takenCount()).toBe(before + realSent);
    expect((await fetch(`${t.streamUrl}/healthz`)).status).toBe(200);
  }, 120_000);
});

describe('slow clients', () => {
  it('200 connections sending one byte a second are cut by the request timeout while real orders get through', async () => {
    const url = new URL(t.streamUrl);
    const closedAt: number[] = [];
    const started = Date.now();
    const sockets = Array.from({ length: 200 }, () => {
      const s = net.connect(Number(url.port), url.hostname);
      s.on('error', () => undefined);
      s.on('close', () => closedAt.push(Date.now() - started));
      return s;
    });
    const request = `POST /stream/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    let i = 0;
    const drip = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write(request[i % request.length]!);
      i++;
    }, 1000);
    try {
      for (let n = 0; n < 5; n++)
        expect((await sendToStreamListener(t.streamUrl, orderCreated())).status).toBe(200);
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (closedAt.length === sockets.length) {
            clearInterval(check);
            resolve();
          }
        }, 100);
      });
    } finally {
      clearInterval(drip);
      for (const s of sockets) s.destroy();
    }
    // requestTimeoutSeconds is 2 here: every dribbling socket is gone within a few seconds.
    expect(Math.max(...closedAt)).toBeLessThan(6_000);
    expect((await sendToStreamListener(t.streamUrl, orderCreated())).status).toBe(200);
  }, 30_000);
});
