// Screenshot steps for the new-order form and history (called by screenshots.ts): every state a
// cashier or a manager meets there, at the counter's usual sizes.
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { E2eConnector } from './connector.js';
import { createInStore, loadDevCatalog, seedHistory } from './seed.js';

const SIZES = [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const;

async function open(browser: Browser, app: E2eConnector, width: number, height: number) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(app.boardUrl);
  await page.locator('.app[data-connection="open"]').waitFor();
  return page;
}

/** A cheeseburger with options, large fries, a pizza with both halves, and a free-text item. */
async function fillTicket(page: Page): Promise<void> {
  const search = page.getByTestId('menu-search');
  await search.fill('cheese');
  await search.press('Enter');
  const burger = page.getByRole('dialog', { name: 'Cheeseburger' });
  await burger.getByRole('button', { name: /Medium/ }).click();
  await burger.getByRole('button', { name: /Bacon/ }).click();
  await burger.getByLabel('Note for the kitchen').fill('No pickles');
  await burger.getByRole('button', { name: /^Add/ }).click();
  await search.fill('fries');
  await page.getByTestId('menu-item').filter({ hasText: 'Fries' }).click();
  const fries = page.getByRole('dialog', { name: 'Fries' });
  await fries.getByRole('button', { name: /Large/ }).click();
  await fries.getByRole('button', { name: /^Add/ }).click();
  await search.fill('');
}

export async function counterScreens(
  browser: Browser,
  app: E2eConnector,
  outDir: string,
): Promise<void> {
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(outDir, `${name}.png`) });
  await loadDevCatalog(app);
  await seedHistory(app, { inStore: 60, stream: 30 });
  await createInStore(app.localUrl, {
    fulfillmentType: 'pickup',
    source: 'phone',
    customer: { name: 'Marta Quintero' },
    items: [{ name: 'Truffle Risotto', priceCents: 2450, quantity: 1 }],
  });

  for (const [width, height] of SIZES) {
    const page = await open(browser, app, width, height);
    await page.getByRole('button', { name: /New order/ }).click();
    await page.getByTestId('menu-item').first().waitFor();
    await shot(page, `new-order-empty-${width}x${height}`);
    await fillTicket(page);
    await page.getByRole('button', { name: /^Delivery$/ }).click();
    await page.getByTestId('send-order').click();
    await shot(page, `new-order-missing-${width}x${height}`);
    await page.getByTestId('menu-search').fill('pizza');
    await page.getByTestId('menu-item').first().click();
    const pizza = page.getByRole('dialog', { name: 'Pizza' });
    await pizza.getByRole('button', { name: /16 inch/ }).click();
    await pizza.getByRole('button', { name: /Half & Half/ }).click();
    await pizza.getByRole('button', { name: /Left: Pepperoni/ }).click();
    await pizza.getByRole('button', { name: /^Add/ }).click();
    await shot(page, `new-order-choices-${width}x${height}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Pickup$/ }).click();
    await page.getByRole('button', { name: 'Paid', exact: true }).click();
    await page.getByLabel(/Customer name/).fill('Ana Ruiz');
    await page.getByLabel(/^Phone/).fill('555-0100');
    await page.getByTestId('send-order').click();
    await page.getByTestId('order-taken').waitFor();
    await shot(page, `new-order-taken-${width}x${height}`);

    await page.getByRole('button', { name: /^History/ }).click();
    await page.getByTestId('history-row').first().waitFor();
    await shot(page, `history-${width}x${height}`);
    if (width < 1500) {
      await page.getByRole('button', { name: 'Daily totals' }).click();
      await shot(page, `history-totals-${width}x${height}`);
      await page.getByRole('button', { name: 'Orders', exact: true }).click();
    }
    await page.getByTestId('history-search').fill('risotto');
    await page.getByTestId('history-status').getByText('1 order', { exact: true }).waitFor();
    await page.getByTestId('history-row').first().click();
    await page.getByTestId('order-detail').waitFor();
    await shot(page, `history-detail-${width}x${height}`);
    await page.close();
  }
}
