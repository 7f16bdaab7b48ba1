// An axe accessibility scan (@axe-core/playwright, WCAG 2.1 A and AA rules) of every screen of
// the cashier UI with real content, in Debian's Chromium against a real connector: no serious
// or critical violation anywhere, the red board too (cards in their last 15 seconds, the urgent
// strip, the Missed group). A failure lists each rule with the elements it found.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { seedCounterScene } from './support/seed.js';
import { sendOrder } from './support/stream.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)('accessibility of every screen', () => {
  // A long staff window: the pending order stays on the board for the whole scan.
  const counter = useCounter({ acceptance: { staffWindowSeconds: 55 } }, ({ app }) =>
    seedCounterScene(app),
  );

  // Eleven axe scans take about 25 s on a loaded 2-core machine: more than the default budget.
  it(
    'finds no serious or critical violation on any screen or dialog',
    { timeout: 90_000 },
    async () => {
      // AxeBuilder needs a page from an explicit browser context.
      const context = await counter.browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(counter.app.boardUrl);
      await page.locator('.app[data-connection="open"]').waitFor();
      await page.getByTestId('pending-card').first().waitFor();
      const found: string[] = [];
      found.push(...(await axeViolations(page, 'board')));

      await page.getByRole('button', { name: 'Details' }).first().click();
      await page.getByTestId('order-detail').waitFor();
      found.push(...(await axeViolations(page, 'order detail')));
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Reject' }).first().click();
      await page.getByRole('button', { name: /Item sold out/ }).click();
      found.push(...(await axeViolations(page, 'reject dialog')));
      await page.keyboard.press('Escape');

      for (const [tab, ready] of [
        [/^Scheduled/, null],
        [/^Done & canceled/, null],
        [/^Store/, 'store-state'],
        [/^Health/, 'health-status'],
      ] as const) {
        await page.getByRole('button', { name: tab }).click();
        if (ready) await page.getByTestId(ready).waitFor();
        found.push(...(await axeViolations(page, String(tab))));
      }

      await page.getByRole('button', { name: /New order/ }).click();
      await page.getByTestId('menu-item').first().waitFor();
      await page.getByTestId('menu-search').fill('pizza');
      await page.getByTestId('menu-item').first().click();
      const pizza = page.getByRole('dialog', { name: 'Pizza' });
      await pizza.getByRole('button', { name: /Half & Half/ }).click();
      await pizza.getByRole('button', { name: /^Add/ }).click();
      found.push(...(await axeViolations(page, 'item chooser with problems')));
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Delivery$/ }).click();
      await page.getByTestId('send-order').click();
      found.push(...(await axeViolations(page, 'new order with missing fields')));

      await page.getByRole('button', { name: /^History/ }).click();
      await page.getByTestId('history-row').first().waitFor();
      found.push(...(await axeViolations(page, 'history')));
      await page.getByRole('button', { name: 'Daily totals' }).click();
      await page.getByTestId('daily-totals').waitFor();
      found.push(...(await axeViolations(page, 'daily totals')));
      await context.close();

      expect(found).toEqual([]);
    },
  );
});

describe.skipIf(missing !== null)('accessibility of the red board', () => {
  // A 20-second staff window: each new card is in its urgent last 15 seconds 5 seconds after it
  // arrives, and missed 15 seconds later (nothing listens at the test's Stream URL).
  const counter = useCounter({ acceptance: { staffWindowSeconds: 20 } });

  it('finds no serious or critical violation with urgent cards, the urgent strip, and Missed', async () => {
    const context = await counter.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    const found: string[] = [];
    for (const [i, source] of ['uber', 'doordash', 'grubhub'].entries())
      await sendOrder(counter.app.streamUrl, {
        source,
        dspOrderNumber: `RED-${i + 1}`,
        unpaid: i === 1,
        specialInstructions: i === 2 ? 'Peanut allergy' : undefined,
      });
    await page.locator('.countdown--urgent').nth(2).waitFor({ timeout: 15_000 });
    found.push(...(await axeViolations(page, 'urgent cards')));
    // Off the board, the urgent strip calls the cashier back.
    await page.getByRole('button', { name: /^Done & canceled/ }).click();
    await page.locator('.strip--urgent').waitFor();
    found.push(...(await axeViolations(page, 'urgent strip')));
    await page.getByRole('button', { name: /^Orders/ }).click();
    // Missed: the deadline passed with nobody answering.
    await page.getByTestId('missed-order').nth(2).waitFor({ timeout: 25_000 });
    found.push(...(await axeViolations(page, 'missed')));
    await context.close();
    expect(found).toEqual([]);
  }, 60_000);
});
