// Taking a call-in order at the counter, in Debian's Chromium against a real connector: the
// menu search, a modifier group's rule, sizes, a free-text item, live totals in cents, the
// connector's own totals after sending, the order on the board and in the core; and a refusal
// from the connector shown next to the field it names.
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/order.js';
import { local } from '../support/stream-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { loadDevCatalog } from './support/seed.js';

const missing = browserMissingReason();
const TAX_RATE_PERCENT = 8.875;

describe.skipIf(missing !== null)('new in-store order in Chromium', () => {
  const counter = useCounter({ instore: { taxRatePercent: TAX_RATE_PERCENT } }, ({ app }) =>
    loadDevCatalog(app),
  );

  async function openForm(): Promise<Page> {
    const page = await counter.openBoard();
    await page.getByRole('button', { name: /New order/ }).click();
    await page.getByTestId('menu-item').first().waitFor();
    return page;
  }

  it('takes a call-in order with modifiers, a size and a free-text item; the board and the core have it', async () => {
    const page = await openForm();
    const search = page.getByTestId('menu-search');
    const chooser = page.getByRole('dialog', { name: 'Cheeseburger' });

    // Enter on the search opens the first match; Doneness must be chosen (min 1, max 1).
    await search.fill('cheese');
    await search.press('Enter');
    await chooser.waitFor();
    await chooser.getByRole('button', { name: /^Add/ }).click();
    await chooser.getByRole('alert').getByText('Still to choose: Doneness (choose one)').waitFor();
    expect(await page.getByTestId('ticket-line').count()).toBe(0);
    await chooser.getByRole('button', { name: /Medium/ }).click();
    await chooser.getByRole('button', { name: /Well Done/ }).click(); // single choice: swaps
    await chooser.getByRole('button', { name: /Bacon/ }).click();
    expect(await chooser.getByRole('button', { name: /Medium/ }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await chooser.getByRole('button', { name: /^Add Cheeseburger · \$10\.49/ }).click();
    await chooser.waitFor({ state: 'detached' });

    await search.fill('fries');
    await page.getByTestId('menu-item').filter({ hasText: 'Fries' }).click();
    const fries = page.getByRole('dialog', { name: 'Fries' });
    await fries.getByRole('button', { name: /Large/ }).click();
    await fries.getByRole('button', { name: /^Add/ }).click();
    await fries.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: '+ Item not on the menu' }).click();
    const free = page.getByRole('dialog', { name: 'Item not on the menu' });
    await free.getByLabel('What is it').fill('Birthday candle');
    await free.getByLabel(/Price each/).fill('0.50');
    await free.getByRole('button', { name: /^Add/ }).click();
    await free.waitFor({ state: 'detached' });

    // 899 + 150 (bacon) + 449 (large fries) + 50 = 1548 cents, live.
    expect(await page.getByTestId('ticket-line').count()).toBe(3);
    expect(await page.getByTestId('live-subtotal').textContent()).toBe('$15.48');
    // The form prices with the connector's rate and rounding (8.875 % of 1548 = 137.385 → 137),
    // before anything was sent: what the cashier reads out is what the order will say.
    await expect.poll(() => page.getByTestId('live-tax').textContent()).toBe('$1.37');

    // Paid or not is the cashier's choice every time: none is picked until then.
    await page.getByRole('button', { name: 'Paid', exact: true }).click();
    await page.getByLabel(/Customer name/).fill('Ana Ruiz');
    const phone = page.getByLabel(/^Phone/);
    await phone.fill('555-0100');
    // Enter in a field moves on (no half-taken order is sent); Ctrl+Enter sends.
    await phone.press('Enter');
    expect(await phone.evaluate((el) => el === document.activeElement)).toBe(false);
    expect(await page.getByTestId('order-taken').count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    const taken = page.getByTestId('order-taken');
    await taken.waitFor();
    const id = (await taken.getAttribute('data-order-id'))!;
    // The connector's own totals: tax 8.875 % of 1548 = 137.385 → 137 cents.
    expect(await page.getByTestId('taken-tax').textContent()).toBe('$1.37');
    expect(await page.getByTestId('taken-total').textContent()).toBe('$16.85');
    expect(await page.getByTestId('ticket-line').count()).toBe(0);

    const order = (await local<OrderDetail>(counter.app.localUrl, 'GET', `/api/orders/${id}`)).body;
    expect(order.origin).toBe('in_store');
    expect(order.source).toBe('phone');
    expect(order.status).toBe('accepted');
    expect(order.customers[0]).toMatchObject({ name: 'Ana Ruiz', phone: '555-0100' });
    expect(order.lineItems.map((li) => [li.providerId, li.name, li.quantity])).toEqual([
      ['fam-cheeseburger', 'Cheeseburger', 1],
      ['fam-fries|item-fries-large', 'Fries (Large)', 1],
      [null, 'Birthday candle', 1],
    ]);
    expect(order.lineItems[0]!.modifiers.map((m) => m.providerId)).toEqual([
      'mod-well-done',
      'mod-bacon',
    ]);
    expect([order.subtotalCents, order.taxCents, order.totalCents]).toEqual([1548, 137, 1685]);

    await page.getByRole('button', { name: /^Orders/ }).click();
    await page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`).waitFor();
    await page.close();
  });

  it('shows the connector refusing a field next to that field, and clears it once changed', async () => {
    const page = await openForm();
    await page.getByRole('button', { name: '+ Item not on the menu' }).click();
    const free = page.getByRole('dialog', { name: 'Item not on the menu' });
    await free.getByLabel('What is it').fill('Catering tray');
    await free.getByLabel(/Price each/).fill('45');
    await free.getByRole('button', { name: /^Add/ }).click();

    // Delivery without an address: the form itself names every missing field.
    await page.getByRole('button', { name: /^Delivery$/ }).click();
    await page.getByTestId('send-order').click();
    await page
      .getByTestId('error-deliveryAddress.street')
      .getByText('Needed for delivery')
      .waitFor();
    await page.getByRole('button', { name: /^Pickup$/ }).click();

    // A phone of two digits passes the form; the connector refuses `body.customer.phone`.
    await page.getByRole('button', { name: 'Paid', exact: true }).click();
    await page.getByLabel(/Customer name/).fill('Bo');
    const phone = page.getByLabel(/^Phone/);
    await phone.fill('12');
    const before = (await local<{ orders: unknown[] }>(counter.app.localUrl, 'GET', '/api/orders'))
      .body;
    await page.getByTestId('send-order').click();
    const error = page.getByTestId('error-customer.phone');
    await error.getByText(/3 characters/).waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.evaluate((el) => el === document.activeElement)).toBe(true);
    const after = (await local<{ orders: unknown[] }>(counter.app.localUrl, 'GET', '/api/orders'))
      .body;
    expect(after.orders.length).toBe(before.orders.length);

    await phone.fill('555-0199');
    expect(await error.textContent()).toBe('');
    await page.getByTestId('send-order').click();
    await page.getByTestId('order-taken').waitFor();
    await page.close();
  });
});
