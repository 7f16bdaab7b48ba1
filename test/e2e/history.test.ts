// Order history in Debian's Chromium against a real connector holding a few hundred orders
// (seeded through the Local API and the signed Stream listener): search by number and by item,
// pages loaded while scrolling a windowed list, daily totals per source, and the CSV download.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../shared/order.js';
import { local } from '../support/stream-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { createInStore, loadDevCatalog, seedHistory, type SeededHistory } from './support/seed.js';

const missing = browserMissingReason();
const IN_STORE = 240;
const STREAM = 60;

describe.skipIf(missing !== null)('order history in Chromium', () => {
  let seeded: SeededHistory;
  let risotto: string;
  const counter = useCounter({}, async ({ app }) => {
    await loadDevCatalog(app);
    seeded = await seedHistory(app, { inStore: IN_STORE, stream: STREAM });
    risotto = (
      await createInStore(app.localUrl, {
        fulfillmentType: 'pickup',
        source: 'phone',
        customer: { name: 'Marta Quintero' },
        items: [
          { name: 'Truffle Risotto', priceCents: 2450, quantity: 1 },
          { catalogId: 'fam-cheeseburger', quantity: 1, modifiers: [{ catalogId: 'mod-medium' }] },
        ],
      })
    ).id;
  });

  async function openHistory(): Promise<Page> {
    const page = await counter.openBoard();
    await page.getByRole('button', { name: /^History/ }).click();
    await page.getByTestId('history-row').first().waitFor();
    return page;
  }

  const rows = (page: Page) => page.getByTestId('history-row');

  it('finds an order by its number and by an item, and opens its details', async () => {
    const page = await openHistory();
    const search = page.getByTestId('history-search');
    await search.fill('H-0042');
    // An order number is looked up on every date, and the status line says so.
    await page
      .getByTestId('history-status')
      .getByText(/^1 order · an order number is looked up on every date$/)
      .waitFor();
    expect(await rows(page).count()).toBe(1);
    await expect(rows(page).first().textContent()).resolves.toContain('H-0042');

    await search.fill('risotto');
    await page.locator(`[data-testid="history-row"][data-order-id="${risotto}"]`).waitFor();
    expect(await rows(page).count()).toBe(1);
    await rows(page).first().click();
    const detail = page.getByTestId('order-detail');
    await detail.getByText('Truffle Risotto').waitFor();
    await detail.getByText('Marta Quintero').waitFor();
    await page.keyboard.press('Escape');

    await search.fill('no such order anywhere');
    await page.getByTestId('history-empty').waitFor();
    await page.close();
  });

  it('loads the next pages while scrolling, with only the visible rows in the page', async () => {
    const page = await openHistory();
    const total = IN_STORE + STREAM + 1;
    const all = (
      await local<{ orders: OrderSummary[] }>(counter.app.localUrl, 'GET', '/api/history?limit=500')
    ).body.orders;
    expect(all).toHaveLength(total);
    const status = page.getByTestId('history-status');
    await status.getByText('200 orders so far: scroll for more').waitFor();
    expect(await rows(page).count()).toBeLessThan(40);

    // Scroll to the end, as a thumb on the scroll bar would: the next page loads by itself.
    const list = page.locator('.vlist');
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await status.getByText(`${total} orders`, { exact: true }).waitFor();
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const oldest = all[all.length - 1]!.id;
    await page.locator(`[data-testid="history-row"][data-order-id="${oldest}"]`).waitFor();
    expect(await rows(page).count()).toBeLessThan(40);

    // The keyboard walks rows too: End, then Home goes back to the newest.
    await page.locator(`[data-order-id="${oldest}"]`).focus();
    await page.keyboard.press('Home');
    const newest = page.locator(`[data-testid="history-row"][data-order-id="${all[0]!.id}"]`);
    await newest.waitFor();
    expect(await newest.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it('shows the daily totals per source and downloads the search as CSV', async () => {
    const page = await openHistory();
    // Below 1500 px wide the totals share the place of the list: one switch away.
    await page.getByRole('button', { name: 'Daily totals' }).click();
    const table = page.getByTestId('daily-totals');
    const rowOf = async (label: string) =>
      (await table.getByTestId('totals-row').filter({ hasText: label }).first().innerText())
        .split(/\t|\n/)
        .map((cell) => cell.trim())
        .filter(Boolean);
    await table.getByText('Phone').first().waitFor();
    // The range's rows come first: Phone has half the seeded in-store orders plus the risotto.
    expect(await rowOf('Phone')).toEqual([
      'Phone',
      String(IN_STORE / 2 + 1),
      expect.any(String),
      '0',
      '0',
    ]);
    const taken = IN_STORE + 1 + seeded.accepted.length;
    expect(await rowOf('All sources')).toEqual([
      'All sources',
      String(taken),
      expect.any(String),
      '0',
      String(seeded.rejected.length),
    ]);

    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    await page.getByLabel('Source').selectOption('uber');
    await page.getByTestId('history-status').getByText('20 orders', { exact: true }).waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    // Named after the store-local days it holds (the range picked: last 7 days).
    expect(download.suggestedFilename()).toMatch(
      /^orders-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toContain('order_number');
    expect(csv).toHaveLength(1 + 20);
    expect(csv.slice(1).every((line) => line.includes(',uber,'))).toBe(true);
    await page.close();
  });

  // Last: it adds orders, which the counts above do not expect.
  it('follows new orders by itself at the top of the list, and offers them to staff scrolled down', async () => {
    const page = await openHistory();
    const walkIn = (name: string) =>
      createInStore(counter.app.localUrl, {
        fulfillmentType: 'pickup',
        source: 'walk_in',
        customer: { name },
        items: [{ name: 'Lemonade', priceCents: 300, quantity: 1 }],
      });
    const row = (id: string) => page.locator(`[data-testid="history-row"][data-order-id="${id}"]`);

    // At the top: the new order shows up with no click.
    const first = await walkIn('Nora Ortiz');
    await row(first.id).waitFor();
    expect(await rows(page).first().getAttribute('data-order-id')).toBe(first.id);

    // Scrolled down: the rows stay put and the refresh button offers what changed.
    const list = page.locator('.vlist');
    await list.evaluate((el) => el.scrollTo({ top: 2000 }));
    const second = await walkIn('Omar Paz');
    const offer = page.getByTestId('history-refresh');
    await offer.getByText('Show 1 new or changed').waitFor();
    expect(await row(second.id).count()).toBe(0);
    expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
    await offer.click();
    await row(second.id).waitFor();
    await offer.getByText('Refresh', { exact: true }).waitFor();
    await page.close();
  });
});
