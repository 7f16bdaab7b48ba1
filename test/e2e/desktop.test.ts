// The desktop app as the shell runs it, without Electron's binary: the built board from a plain
// static origin (no Local API there), `window.connector` built by the real preload over a
// stand-in ipcRenderer, answered by the real main-process IPC against a real connector
// (support/desktop.ts). The board must do everything over the bridge and never fetch its own
// origin's `/api/`.
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeStream } from '../support/fake-stream.js';
import { browserMissingReason, launchChromium } from './support/browser.js';
import { startE2eConnector, type E2eConnector } from './support/connector.js';
import { openDesktopPage, serveStatic } from './support/desktop.js';
import { sendOrder } from './support/stream.js';
import { buildUi, type BuiltUi } from './support/ui-build.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)('desktop mode: the board over the bridge', () => {
  let ui: BuiltUi;
  let app: E2eConnector;
  let stream: FakeStream;
  let browser: Browser;
  let site: { origin: string; close(): Promise<void> };

  beforeAll(async () => {
    ui = await buildUi();
    stream = await FakeStream.start();
    app = await startE2eConnector(ui.dir, { stream: { apiUrl: stream.url } });
    site = await serveStatic(ui.dir);
    browser = await launchChromium({ soundAllowed: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await app?.dispose();
    await stream?.close();
    ui?.remove();
  });

  const heardByStream = (id: string) =>
    stream.effects.map((e) => JSON.stringify(e.json)).filter((json) => json.includes(id));

  it('shows a waiting order and a new one, accepts by a click (Stream hears order.accepted), and never fetches its own /api/', async () => {
    const waiting = await sendOrder(app.streamUrl, { source: 'uber', dspOrderNumber: 'U-7001' });
    const desktop = await openDesktopPage(browser, app.connector, site.origin);
    try {
      const { page } = desktop;
      const card = (id: string) =>
        page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`);
      await card(waiting).waitFor();
      const arriving = await sendOrder(app.streamUrl, {
        source: 'doordash',
        dspOrderNumber: 'D-7002',
        fulfillmentType: 'pickup',
      });
      const shown = card(arriving);
      await shown.waitFor();
      await expect.poll(() => shown.getByTestId('prep-value').textContent()).toContain('15');
      await shown.getByRole('button', { name: /More prep time/ }).click();
      await expect.poll(() => shown.getByTestId('prep-value').textContent()).toContain('20');
      await page.screenshot({ path: 'test-results/desktop-board-1366x768.png' });
      await shown.getByRole('button', { name: 'Accept' }).click();
      await page.locator(`[data-testid="progress-card"][data-order-id="${arriving}"]`).waitFor();
      await stream.waitFor(() => heardByStream(arriving).some((e) => e.includes('order.accepted')));
      expect(
        stream.effects.find((e) => JSON.stringify(e.json).includes(arriving))?.json,
      ).toMatchObject({
        type: 'order.accepted',
        object: { provider_id: arriving, prep_time_minutes: 20 },
      });
      expect(app.connector.ctx.orders.detail(arriving)?.prepTimeMinutes).toBe(20);
      expect(desktop.bridgeCalls).toContain('listOrders');
      expect(desktop.bridgeCalls).toContain('acceptOrder');
      expect(desktop.ownOriginApi).toEqual([]);
    } finally {
      await desktop.close();
    }
  });
});
