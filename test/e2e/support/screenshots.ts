// Takes screenshots of every screen at the counter's usual sizes, with realistic orders, so a
// person can look at them: `npx tsx test/e2e/support/screenshots.ts [outDir]`
// (default test-results/screens). Builds the UI, starts a real connector, plays Stream.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { local } from '../../support/stream-client.js';
import { launchChromium } from './browser.js';
import { counterScreens } from './screens-counter.js';
import { startE2eConnector } from './connector.js';
import { bigOrderItems, sendCancel, sendOrder, sendUpdate } from './stream.js';
import { buildUi } from './ui-build.js';

const outDir = path.resolve(process.argv[2] ?? 'test-results/screens');
mkdirSync(outDir, { recursive: true });

const ui = await buildUi();
const app = await startE2eConnector(ui.dir, { acceptance: { staffWindowSeconds: 55 } });
const browser = await launchChromium({ soundAllowed: true });
try {
  const s = app.streamUrl;
  const inProgress = [
    await sendOrder(s, { source: 'doordash', dspOrderNumber: 'D-2231', fulfillmentType: 'pickup' }),
    await sendOrder(s, {
      source: 'grubhub',
      dspOrderNumber: 'GH-88',
      fulfillmentType: 'merchant_managed_delivery',
    }),
    await sendOrder(s, { source: 'uber', dspOrderNumber: 'U-5120', fulfillmentType: 'delivery' }),
    await sendOrder(s, {
      source: 'uber',
      dspOrderNumber: 'U-5121',
      fulfillmentType: 'curbside',
      future: true,
    }),
  ];
  for (const id of inProgress)
    await local(app.localUrl, 'POST', `/api/orders/${id}/accept`, { prepTimeMinutes: 20 });
  await local(app.localUrl, 'POST', `/api/orders/${inProgress[0]}/status`, { status: 'preparing' });
  await local(app.localUrl, 'POST', `/api/orders/${inProgress[1]}/status`, { status: 'ready' });
  await sendUpdate(s, inProgress[2]!, {
    delivery_status: 'driver_arriving',
    driver_details: { name: 'Sam Rivera' },
  });
  const done = await sendOrder(s, {
    source: 'doordash',
    dspOrderNumber: 'D-2200',
    fulfillmentType: 'pickup',
  });
  await local(app.localUrl, 'POST', `/api/orders/${done}/reject`, { code: 'store_busy' });

  const pending = [
    await sendOrder(s, {
      source: 'uber',
      dspOrderNumber: 'U-5133',
      fulfillmentType: 'delivery',
      lineItems: bigOrderItems(),
    }),
    await sendOrder(s, {
      source: 'doordash',
      dspOrderNumber: 'D-2240',
      fulfillmentType: 'drive_thru',
      unpaid: true,
    }),
    await sendOrder(s, {
      source: 'grubhub',
      dspOrderNumber: 'GH-91',
      fulfillmentType: 'pickup',
      future: true,
    }),
  ];

  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(app.boardUrl);
    await page.getByTestId('pending-card').first().waitFor();
    await page.screenshot({ path: path.join(outDir, `board-${width}x${height}.png`) });
    await page.close();
  }

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(app.boardUrl);
  await page.getByTestId('pending-card').first().waitFor();
  await page.getByRole('button', { name: 'Details' }).first().click();
  await page.getByTestId('order-detail').waitFor();
  await page.screenshot({ path: path.join(outDir, 'detail-1366x768.png') });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Reject' }).first().click();
  await page.getByRole('button', { name: /Item sold out/ }).click();
  await page.screenshot({ path: path.join(outDir, 'reject-1366x768.png') });
  await page.keyboard.press('Escape');
  await sendCancel(s, inProgress[0]!);
  await page.getByTestId('cancel-banner').waitFor();
  await page.screenshot({ path: path.join(outDir, 'cancel-1366x768.png') });
  await page.getByRole('button', { name: /Done & canceled/ }).click();
  await page.screenshot({ path: path.join(outDir, 'done-1366x768.png') });
  await page.getByRole('button', { name: /^Scheduled/ }).click();
  await page.screenshot({ path: path.join(outDir, 'scheduled-1366x768.png') });
  await page.getByRole('button', { name: /^Health/ }).click();
  await page.getByTestId('health-status').waitFor();
  await page.screenshot({ path: path.join(outDir, 'health-1366x768.png') });
  await page.close();

  // New in-store order and history (screens-counter.ts).
  await counterScreens(browser, app, outDir);

  // A plain browser tab: sound blocked until a tap, and the connection lost.
  const blocked = await (
    await launchChromium()
  ).newPage({ viewport: { width: 1024, height: 768 } });
  await blocked.goto(app.boardUrl);
  await blocked.getByTestId('pending-card').first().waitFor();
  await app.stop();
  await blocked.getByTestId('connection-banner').waitFor();
  await blocked.screenshot({ path: path.join(outDir, 'offline-1024x768.png') });
  await blocked.context().browser()?.close();
  console.log(`screenshots in ${outDir} (pending: ${pending.length})`);
} finally {
  await browser.close();
  await app.dispose();
  ui.remove();
}
