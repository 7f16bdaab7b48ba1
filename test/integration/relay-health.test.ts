// A chain store's health says whether Stream's orders can reach it through the gateway at all
// (real connector, real nats-server, real gateway). A NATS server that is not there when the
// connector starts does not hold the connector up: it serves its counter, its health names the
// fault (relay_unreachable), and it connects by itself once the server is up; a drop later is
// named again.
import { createServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Health } from '../../shared/contract.js';
import type { RunningGateway } from '../../gateway/gateway.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { relayConfig, startTestGateway } from '../support/gateway.js';
import { freePort } from '../../electron/core/util/free-port.js';
import { startNats, type NatsNode } from '../support/nats.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';

let store: TestConnector | undefined;
let nats: NatsNode | undefined;
let gateway: RunningGateway | undefined;

afterAll(async () => {
  await store?.dispose();
  await gateway?.stop();
  await nats?.stop();
});

async function health(t: TestConnector): Promise<Health> {
  const res = await fetch(`${t.localUrl}/api/health`, {
    headers: { authorization: `Bearer ${TEST_LOCAL_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Health;
}

const codes = async (t: TestConnector): Promise<string[]> =>
  (await health(t)).problems.map((p) => p.code);

describe('a chain store whose NATS server is not there', () => {
  it('starts anyway, says the relay is down, and connects by itself when the server comes up', async () => {
    const port = await freePort();
    const url = `nats://127.0.0.1:${port}`;
    // Before: start() waited for the server for ever, and the outbox worker never started.
    store = await startTestConnector({ config: relayConfig(url, 'store-1') });
    // A start-up is not news: nothing is said within the grace.
    expect(await codes(store)).not.toContain('relay_unreachable');
    store.clock.advance(2_500);
    const down = (await health(store)).problems.find((p) => p.code === 'relay_unreachable');
    expect(down).toMatchObject({
      area: 'stream',
      message: "Not connected to the chain's gateway: Stream's orders cannot reach this store",
    });
    expect(down!.action).toContain('relay.url');
    // Down since the connector started, on its own clock.
    expect(down!.since).toBe(store.clock.now() - 2_500);
    expect((await health(store)).status).toBe('degraded');

    nats = await startNats({ stores: ['store-1'], port });
    gateway = await startTestGateway(nats.url);
    await expect
      .poll(() => gateway!.fleet.get('store-1')?.online ?? false, { timeout: 30_000 })
      .toBe(true);
    expect(await codes(store)).not.toContain('relay_unreachable');

    // A drop later is named again once it has lasted past the grace.
    await gateway.stop();
    gateway = undefined;
    await nats.stop();
    // The drop is seen when NATS says so; the store's clock moves on while the test waits.
    await expect
      .poll(
        () => {
          store!.clock.advance(500);
          return codes(store!);
        },
        { timeout: 15_000 },
      )
      .toContain('relay_unreachable');
  });
});

describe('a chain store whose NATS server takes the connection and never answers', () => {
  it('starts without waiting for it, and stopping ends the try still in flight', async () => {
    const sockets: Socket[] = [];
    const closed: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.on('close', () => closed.push(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const t = await startTestConnector({
        config: relayConfig(`nats://127.0.0.1:${port}`, 'store-9'),
      });
      // The connector is up while its one try still hangs on the silent server.
      expect(sockets.length).toBe(1);
      expect(closed.length).toBe(0);
      expect((await health(t)).status).toBeDefined();
      await t.dispose();
      await expect.poll(() => closed.length, { timeout: 15_000 }).toBe(sockets.length);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('a chain store whose connection NATS closes for good', () => {
  it('connects again by itself', async () => {
    const node = await startNats({ stores: ['store-5'] });
    const gw = await startTestGateway(node.url);
    const t = await startTestConnector({ config: relayConfig(node.url, 'store-5') });
    try {
      const first = t.connector.relay!.connection!;
      await first.close(); // closed, not reconnecting: what NATS does after refusing a password
      const again = () => {
        const now = t.connector.relay!.connection;
        return now !== null && now !== first && !now.isClosed();
      };
      await expect.poll(again, { timeout: 15_000 }).toBe(true);
      await expect
        .poll(() => gw.fleet.get('store-5')?.online ?? false, { timeout: 15_000 })
        .toBe(true);
    } finally {
      await t.dispose();
      await gw.stop();
      await node.stop();
    }
  });
});
