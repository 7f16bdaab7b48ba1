// `npm run serve:chain` as a newcomer runs it, its own process: real nats-server, a gateway and
// two stores. An order sent to the gateway for each store lands on that store's board (and only
// there), a cashier's accept reaches the demo's Stream cloud, and Ctrl+C (SIGTERM) stops
// everything it started, NATS included.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { orderCreated } from '../support/orders.js';
import { scratchDir } from '../support/scratch.js';
import { until } from '../support/until.js';

const DEV = {
  secret: 'dev-only-webhook-secret-change-me',
  token: 'dev-only-inbound-token-change-me',
};

let demo: ChildProcess;
let out = '';
const boards: Record<string, { url: string; token: string }> = {};
let gatewayUrl = '';
let natsPort = 0;

beforeAll(async () => {
  demo = spawn(
    process.execPath,
    ['--import', 'tsx', 'gateway/demo.ts', '--any-port', '--data-dir', scratchDir('chain-demo-')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  demo.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  demo.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await until('the demo is up', () => out.includes('Ctrl+C stops'), 60_000);
  gatewayUrl = /Stream endpoint \(gateway\): (\S+)/.exec(out)![1]!;
  for (const [name, id] of [
    ['Main St', 'store-a'],
    ['Station Rd', 'store-b'],
  ] as const) {
    const m = new RegExp(`${name} board: (http://[^/]+)/#token=(\\S+)`).exec(out)!;
    boards[id] = { url: m[1]!, token: m[2]! };
  }
  natsPort = Number(/nats:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1] ?? 0);
}, 90_000);

afterAll(() => {
  if (demo.exitCode === null) demo.kill('SIGKILL');
});

type Listed = { orders: { id: string }[] };

describe('the chain demo', () => {
  it('routes an order through the gateway to each store, and only to it', async () => {
    for (const id of ['store-a', 'store-b']) {
      const res = await sendToStreamListener<{ order: { provider_id: string } }>(
        gatewayUrl,
        orderCreated({ locationId: id }),
        DEV,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const orderId = res.body.order.provider_id;
      for (const [other, board] of Object.entries(boards)) {
        const listed = await local<Listed>(board.url, 'GET', '/api/orders', undefined, board.token);
        expect(listed.body.orders.some((o) => o.id === orderId)).toBe(other === id);
      }
    }
  });

  it("a cashier's accept reaches the demo's Stream cloud", async () => {
    const board = boards['store-b']!;
    const listed = await local<Listed>(board.url, 'GET', '/api/orders', undefined, board.token);
    const id = listed.body.orders[0]!.id;
    const accepted = await local(board.url, 'POST', `/api/orders/${id}/accept`, {}, board.token);
    expect(accepted.status).toBe(200);
    await until('Stream has the accept', () => /\[fake Stream\] ✓ order\.accepted/.test(out));
  });

  it('onboards the merchant as Stream does, with a connect code from a counter', async () => {
    const board = boards['store-a']!;
    const res = await fetch(`${board.url}/api/stream/connect-code`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.token}`, 'x-manager-pin': '1234' },
    });
    const { code } = (await res.json()) as { code: string };
    expect(res.status).toBe(200);
    // The code from store-a's counter onboards the merchant; its token reaches store-b too.
    const printed = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        [
          '--import',
          'tsx',
          'test/support/simulate.ts',
          '--onboard',
          '--url',
          gatewayUrl,
          '--location',
          'store-b',
          '--code',
          code,
        ],
        { timeout: 60_000 },
        (_err, stdout, stderr) => resolve(stdout + stderr),
      ),
    );
    expect(printed).toMatch(/^200\s+authorize page\s+sign-in form/m);
    expect(printed).toMatch(/^302\s+sign in with the connect code/m);
    expect(printed).toMatch(/^201\s+request token\s+merchant demo-merchant-1/m);
    expect(printed).toMatch(/^200\s+get locations\s+.*"provider_id":"store-a"/m);
    expect(printed).toMatch(/^200\s+get catalog\s+\{/m);
    const placed = /^200\s+order with the access token\s+.*"provider_id":"(\w+)"/m.exec(printed);
    expect(placed, printed).not.toBeNull();
    const b = boards['store-b']!;
    const listed = await local<Listed>(b.url, 'GET', '/api/orders', undefined, b.token);
    expect(listed.body.orders.map((o) => o.id)).toContain(placed![1]);
  });

  it('stops everything on SIGTERM, NATS included', async () => {
    const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
    demo.kill('SIGTERM');
    expect(await exited).toBe(0);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(natsPort, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    expect(open).toBe(false);
  });
});
