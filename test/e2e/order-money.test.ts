// An order's money on its details, in Debian's Chromium against a real connector, from a Stream
// order with a discount and tax the platform withholds: every amount in plain words, what the
// store collects apart from what the customer paid the platform, in English and in Spanish.
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { sendOrder } from './support/stream.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)("an order's money on its details", () => {
  let id: string;
  // Cheeseburger with 2 extra patties (899 + 500) and large fries (449): subtotal 1848 cents,
  // tax 8 % = 148, delivery fee 199, tip 300 (test/support/orders.ts).
  const counter = useCounter({ acceptance: { staffWindowSeconds: 55 } }, async ({ app }) => {
    id = await sendOrder(app.streamUrl, {
      dspOrderNumber: 'U-8800',
      discounts: [{ name: '10% off', amount: 185 }],
      taxWithheldCents: 48,
    });
  });

  async function openDetail(locale: string): Promise<Page> {
    const page = await counter.browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await page.goto(counter.app.boardUrl);
    await page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('money').waitFor();
    return page;
  }

  const row = async (page: Page, testId: string) =>
    (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ').trim();

  it('says what the store collects and what the customer paid the platform', async () => {
    const page = await openDetail('en-US');
    expect(await row(page, 'money-subtotal')).toBe('Items (subtotal) $18.48');
    expect(await row(page, 'money-discount')).toBe('Discount: 10% off −$1.85');
    expect(await row(page, 'money-tax')).toBe('Tax $1.48');
    expect(await row(page, 'money-tax-withheld')).toBe('Tax the platform pays itself −$0.48');
    // 1848 − 185 + 148 − 48
    expect(await row(page, 'money-store')).toBe('The store collects $17.63');
    expect(await row(page, 'money-fee')).toBe('Delivery fee $1.99');
    expect(await row(page, 'money-tip')).toBe('Driver tip $3.00');
    // 1848 − 185 + 148 + 199 + 300
    expect(await row(page, 'money-customer')).toBe('The customer paid the platform $23.10');
    await page.getByTestId('money').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/money-en-1366x768.png' });
    await page.close();
  });

  it('says it in Spanish', async () => {
    const page = await openDetail('es-MX');
    expect(await row(page, 'money-store')).toMatch(/^La tienda cobra \$\s?17\.63$/);
    expect(await row(page, 'money-customer')).toMatch(
      /^El cliente pagó a la plataforma \$\s?23\.10$/,
    );
    expect(await row(page, 'money-discount')).toMatch(/^Descuento: 10% off −\$\s?1\.85$/);
    await page.getByTestId('money').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/money-es-1366x768.png' });
    await page.close();
  });
});
