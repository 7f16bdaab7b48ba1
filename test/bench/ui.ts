// The cashier's screen in Debian's Chromium: how long from Stream's POST to the order's card on
// the board (50 orders), and how long the History screen takes to show its first rows with a
// year of orders (100,000) in the database.
import type { Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { createConnector } from '../../electron/core/app.js';
import { systemClock } from '../../electron/core/util/clock.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { browserMissingReason, launchChromium } from '../e2e/support/browser.js';
import { buildUi } from '../e2e/support/ui-build.js';
import { tempDataDir, testConfig } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { seedYearOfOrders } from './scale.js';
import { percentile, type Row } from './table.js';

const ORDERS = 50;

async function openBoard(page: Page, localUrl: string): Promise<void> {
  await page.goto(`${localUrl}/#token=${TEST_LOCAL_TOKEN}`);
  await page.locator('.app[data-connection="open"]').waitFor();
}

async function serve(dataDir: string, uiDir: string) {
  const config = testConfig(dataDir, {
    acceptance: { staffWindowSeconds: 55 },
    backup: { intervalMinutes: 0 },
  });
  const connector = createConnector(config, { clock: systemClock, log: silentLogger, uiDir });
  const urls = await connector.start();
  return { connector, ...urls };
}

export async function runUiBench(): Promise<Row[]> {
  const missing = browserMissingReason();
  if (missing) throw new Error(`UI benchmark needs Chromium: ${missing}`);
  const ui = await buildUi();
  const browser = await launchChromium();
  const dirs = [tempDataDir(), tempDataDir()];
  try {
    // Arrival to screen: one order at a time, each accepted once seen so the board stays short.
    const live = await serve(dirs[0]!, ui.dir);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openBoard(page, live.localUrl);
    const latencies: number[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const number = `B-${7000 + i}`;
      const started = performance.now();
      const seen = page.waitForFunction((n) => document.body.innerText.includes(n), number, {
        polling: 'raf',
      });
      const res = await sendToStreamListener<{ order: { provider_id: string } }>(
        live.streamUrl,
        orderCreated({ dspOrderNumber: number }),
      );
      await seen;
      latencies.push(performance.now() - started);
      await local(live.localUrl, 'POST', `/api/orders/${res.body.order.provider_id}/accept`, {});
    }
    await page.close();
    await live.connector.stop();
    latencies.sort((a, b) => a - b);

    // History with a year of orders.
    seedYearOfOrders(dirs[1]!, Date.now());
    const big = await serve(dirs[1]!, ui.dir);
    const renders: number[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await openBoard(p, big.localUrl);
      const started = performance.now();
      await p.getByRole('button', { name: /^History/ }).click();
      await p.getByTestId('history-row').first().waitFor();
      renders.push(performance.now() - started);
      await p.close();
    }
    await big.connector.stop();
    renders.sort((a, b) => a - b);

    const p95 = percentile(latencies, 95);
    return [
      {
        figure: `arrival to screen (Stream POST → card visible), ${ORDERS} orders, p50`,
        value: percentile(latencies, 50),
        unit: 'ms',
      },
      {
        figure: 'arrival to screen, p95',
        value: p95,
        unit: 'ms',
        target: '< 200 ms',
        met: p95 < 200,
      },
      {
        figure: 'History screen, first rows with 100,000 orders (median of 5)',
        value: percentile(renders, 50),
        unit: 'ms',
        target: '< 1000 ms',
        met: percentile(renders, 50) < 1000,
      },
    ];
  } finally {
    await browser.close();
    ui.remove();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
