// The loud alerts stay above every dialog, in Debian's Chromium against a real connector. A modal
// <dialog> makes the page behind it inert and dims it, so a banner in the page could be neither
// read nor tapped: with the item chooser of a half-taken phone order open, a new Stream order's
// strip shows above the dialog (it is the element under its own centre), its Show button works
// and the phone order is still there afterwards; over an order's details, a cancellation's banner
// shows and its Got it works without closing the details.
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { local } from '../support/stream-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { loadDevCatalog } from './support/seed.js';
import { sendCancel, sendOrder } from './support/stream.js';

const missing = browserMissingReason();

/** Whether the element is what a tap at its centre lands on (nothing covers it). */
function onTop(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  }, testId);
}

describe.skipIf(missing !== null)('alerts above dialogs', () => {
  const counter = useCounter({ acceptance: { staffWindowSeconds: 55 } }, ({ app }) =>
    loadDevCatalog(app),
  );

  it('a new order shows over the item chooser; Show goes to the board and the phone order is kept', async () => {
    const page = await counter.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await page.getByRole('button', { name: /New order/ }).click();
    await page.getByTestId('menu-item').first().waitFor();
    await page.getByLabel(/Customer name/).fill('Ana Ruiz');
    await page.getByTestId('menu-search').fill('cheese');
    await page.getByTestId('menu-search').press('Enter');
    const chooser = page.getByRole('dialog', { name: 'Cheeseburger' });
    await chooser.waitFor();

    const id = await sendOrder(counter.app.streamUrl, { source: 'uber', dspOrderNumber: 'U-7001' });
    const strip = page.getByTestId('alert-dock').getByTestId('new-order-strip');
    await strip.waitFor();
    // Inside the dialog (the only part of the page that is not inert), and nothing covers it.
    expect(await strip.evaluate((el) => el.closest('dialog[open]') !== null)).toBe(true);
    expect(await onTop(page, 'new-order-strip')).toBe(true);
    // One strip on the page: the page's own banner area leaves it to the dialog.
    expect(await page.getByTestId('new-order-strip').count()).toBe(1);
    await page.screenshot({ path: 'test-results/screens/alert-over-chooser-1024x768.png' });

    await strip.getByRole('button', { name: 'Show' }).click();
    await chooser.waitFor({ state: 'detached' });
    await page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`).waitFor();
    // The half-taken phone order is where it was.
    await page.getByRole('button', { name: /New order/ }).click();
    expect(await page.getByLabel(/Customer name/).inputValue()).toBe('Ana Ruiz');
    await page.close();
  });

  it("a cancellation shows over an order's details; Got it works and the details stay open", async () => {
    const page = await counter.openBoard();
    const open = await sendOrder(counter.app.streamUrl, {
      source: 'doordash',
      dspOrderNumber: 'D-7002',
    });
    const doomed = await sendOrder(counter.app.streamUrl, {
      source: 'grubhub',
      dspOrderNumber: 'GH-7003',
    });
    for (const id of [open, doomed])
      expect(
        (
          await local(counter.app.localUrl, 'POST', `/api/orders/${id}/accept`, {
            prepTimeMinutes: 15,
          })
        ).status,
      ).toBe(200);
    const row = page.locator(`[data-testid="progress-card"][data-order-id="${open}"]`);
    await row.locator('.progress-card__main').click();
    const detail = page.getByTestId('order-detail');
    await detail.waitFor();

    await sendCancel(counter.app.streamUrl, doomed);
    const banner = page.getByTestId('alert-dock').getByTestId('cancel-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-order-id')).toBe(doomed);
    expect(await onTop(page, 'cancel-banner')).toBe(true);
    await page.screenshot({ path: 'test-results/screens/cancel-over-detail-1366x768.png' });
    await banner.getByRole('button', { name: /Got it/ }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await detail.isVisible()).toBe(true);
    // Closed, the page's own banner area is back (and empty: the cancel was confirmed).
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    expect(await page.getByTestId('cancel-banner').count()).toBe(0);
    await page.close();
  });
});
