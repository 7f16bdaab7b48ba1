// A chain store whose NATS server is away, in Debian's Chromium against a real connector: the
// counter still opens, the Orders screen says in words that no delivery order can come in and
// what to do, and the banner goes once a real nats-server is up and the relay has connected by
// itself. Screenshots (1024×768, English and Spanish) go to test-results/chain-relay.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayConfig } from '../support/gateway.js';
import { freePort } from '../../electron/core/util/free-port.js';
import { startNats, type NatsNode } from '../support/nats.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';

const missing = browserMissingReason();
const SHOTS = path.resolve('test-results/chain-relay');
const VIEWPORT = { width: 1024, height: 768 };

describe.skipIf(missing !== null)('a chain store with its relay down', () => {
  let port = 0;
  let nats: NatsNode | undefined;
  beforeAll(async () => {
    port = await freePort();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await nats?.stop();
  });
  const counter = useCounter(() => relayConfig(`nats://127.0.0.1:${port}`, 'store-1'));

  it('says no delivery order can come in, in words, and clears once the relay connects', async () => {
    const page = await counter.openBoard({ viewport: VIEWPORT, locale: 'en-US' });
    const banner = page.getByTestId('health-banner');
    await banner
      .getByText("Not connected to the chain's gateway: NO DELIVERY ORDERS CAN COME IN")
      .waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain('Take orders on the delivery tablets meanwhile');
    await page.screenshot({ path: path.join(SHOTS, 'relay-down-1024-en.png') });

    const es = await counter.openBoard({ viewport: VIEWPORT, locale: 'es-ES' });
    await es
      .getByTestId('health-banner')
      .getByText('Sin conexión con el servidor de la cadena', { exact: false })
      .waitFor({ timeout: 20_000 });
    await es.screenshot({ path: path.join(SHOTS, 'relay-down-1024-es.png') });
    await es.close();

    nats = await startNats({ stores: ['store-1'], port });
    await banner
      .getByText("Not connected to the chain's gateway", { exact: false })
      .waitFor({ state: 'detached', timeout: 60_000 });
    await page.close();
  });
});
