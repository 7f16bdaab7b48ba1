// The screen keeps the store's clock, not the counter PC's, in Debian's Chromium against a real
// connector: the store runs on America/Los_Angeles while the browser sits in Pacific/Auckland
// (21 hours ahead in December, so every hour and most days differ). The top bar's clock, a
// pause's end ("tomorrow" on the store's calendar), an order's timeline and the cancel banner
// all read the store's time; a time read from the PC's zone would fail every one of them.
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { api, setupPin } from '../support/manager-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { sendOrder } from './support/stream.js';

const missing = browserMissingReason();
const STORE_ZONE = 'America/Los_Angeles';
const PC_ZONE = 'Pacific/Auckland';
const PIN = '24681357';

/** What the screen should say: the same Intl options as format.ts, in the store's zone. */
const storeClock = (at: number, seconds = false): string =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: STORE_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  }).format(at);
const pcClock = (at: number): string =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: PC_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);

describe.skipIf(missing !== null)("the store's clock on a PC in another zone", () => {
  const counter = useCounter(
    { location: { timezone: STORE_ZONE }, acceptance: { staffWindowSeconds: 55 } },
    ({ app }) => setupPin(app, PIN),
  );

  async function openBoard(width = 1920, height = 1080): Promise<Page> {
    const context = await counter.browser.newContext({
      viewport: { width, height },
      timezoneId: PC_ZONE,
      locale: 'en-US',
    });
    const page = await context.newPage();
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    // The browser really is in the other zone.
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      PC_ZONE,
    );
    return page;
  }

  it('shows the time in the top bar, a pause end and an order timeline on the store clock', async () => {
    const page = await openBoard();
    const clock = page.locator('.topbar__clock');
    // Within the minute the test reads it (retry across a minute boundary).
    await expect
      .poll(async () => [storeClock(Date.now()), storeClock(Date.now() - 60_000)])
      .toContain(await clock.textContent());
    expect(await clock.textContent()).not.toBe(pcClock(Date.now()));

    // Paused for a day: it reopens "tomorrow" at the same store time.
    const paused = await api<{ reopensAt: number }>(
      counter.app.localUrl,
      'POST',
      '/api/store/pause',
      {
        body: { minutes: 24 * 60, reason: 'Too busy' },
        pin: PIN,
      },
    );
    expect(paused.status).toBe(200);
    const reopensAt = paused.body.reopensAt;
    const pill = page.getByTestId('paused-pill');
    await pill.waitFor();
    expect(await pill.innerText()).toBe(`PAUSED until tomorrow ${storeClock(reopensAt)}`);
    expect(
      (await api(counter.app.localUrl, 'POST', '/api/store/resume', { pin: PIN })).status,
    ).toBe(200);
    await pill.waitFor({ state: 'detached' });

    const id = await sendOrder(counter.app.streamUrl, { dspOrderNumber: 'U-4040' });
    const card = page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: /^Details/ }).click();
    const detail = page.getByTestId('order-detail');
    await detail.waitFor();
    const order = (
      await api<{ receivedAt: number }>(counter.app.localUrl, 'GET', `/api/orders/${id}`)
    ).body;
    expect(await detail.innerText()).toContain(storeClock(order.receivedAt, true));
    await page.screenshot({ path: 'test-results/screens/store-clock-detail-1920x1080.png' });
    await page.context().close();
  });
});
