// The in-store form sends one client key per draft with every try, in Debian's Chromium against a
// real connector: the first try reaches the connector (the order is taken) but its answer is
// cut off on the way back, the form says the order was not confirmed, and the cashier's second
// tap gets the same order back, not a second one. The next draft has a new key.
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { local } from '../support/stream-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)('an in-store order retried after a lost answer', () => {
  const counter = useCounter();

  async function addFreeItem(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name: '+ Item not on the menu' }).click();
    const free = page.getByRole('dialog', { name: 'Item not on the menu' });
    await free.getByLabel('What is it').fill(name);
    await free.getByLabel(/Price each/).fill('4.50');
    await free.getByRole('button', { name: /^Add/ }).click();
    await free.waitFor({ state: 'detached' });
    // Paid or not is chosen for every order (a started-over draft asks again).
    await page.getByRole('button', { name: 'Paid', exact: true }).click();
  }

  it('is taken once: the retry carries the same client key and gets the first order back', async () => {
    const page = await counter.browser.newPage({ viewport: { width: 1024, height: 768 } });
    const keys: string[] = [];
    let cut = 0;
    await page.route('**/api/in-store-orders', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { clientKey?: string };
      keys.push(body.clientKey ?? '(none)');
      if (cut++ === 0) {
        // The connector takes the order; the answer never reaches the page.
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await page.getByRole('button', { name: /New order/ }).click();
    await addFreeItem(page, 'Soup of the day');

    const send = page.getByRole('button', { name: /^Send order/ });
    await send.click();
    const error = page.locator('.form-error[role="alert"]');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      'The order may already be taken: tap Send order again',
    );
    expect(await page.getByTestId('order-taken').count()).toBe(0);
    const afterFirst = await local<{ orders: { id: string }[] }>(
      counter.app.localUrl,
      'GET',
      '/api/orders',
    );
    expect(afterFirst.body.orders).toHaveLength(1); // the connector did take it

    await send.click();
    const taken = page.getByTestId('order-taken');
    await taken.waitFor();
    expect(await taken.getAttribute('data-order-id')).toBe(afterFirst.body.orders[0]!.id);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^draft-[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const afterRetry = await local<{ orders: { id: string }[] }>(
      counter.app.localUrl,
      'GET',
      '/api/orders',
    );
    expect(afterRetry.body.orders).toHaveLength(1);

    // The next order is a new draft with a key of its own.
    await addFreeItem(page, 'Bread roll');
    await send.click();
    await expect
      .poll(
        async () =>
          (await local<{ orders: unknown[] }>(counter.app.localUrl, 'GET', '/api/orders')).body
            .orders.length,
      )
      .toBe(2);
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
    await page.close();
  }, 60_000);

  it('a draft changed after a lost answer is not taken a second time: the form says the first one is on the board', async () => {
    const page = await counter.browser.newPage({ viewport: { width: 1366, height: 768 } });
    let cut = false;
    await page.route('**/api/in-store-orders', async (route) => {
      if (cut) return route.continue();
      cut = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const before = (await local<{ orders: unknown[] }>(counter.app.localUrl, 'GET', '/api/orders'))
      .body.orders.length;
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await page.getByRole('button', { name: /New order/ }).click();
    await addFreeItem(page, 'Lemonade');
    const send = page.getByRole('button', { name: /^Send order/ });
    await send.click();
    const error = page.locator('.form-error[role="alert"]');
    await error.waitFor();
    await addFreeItem(page, 'Cookie'); // the cashier adds to the draft before trying again
    await send.click();
    await expect
      .poll(() => error.textContent())
      .toContain('This order was already taken before your change');
    const after = (await local<{ orders: unknown[] }>(counter.app.localUrl, 'GET', '/api/orders'))
      .body.orders.length;
    expect(after).toBe(before + 1);
    await page.close();
  }, 60_000);
});
