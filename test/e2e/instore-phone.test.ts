// A phone order as a cashier takes it, in Debian's Chromium against a real connector at 1024×768:
// the caller's number brings back their name and last address (with its apartment line) from
// this store's own past orders, the store's usual delivery fee is filled in and guarded, paid or
// not paid yet is chosen, the live totals and the connector's own totals include the fee, the
// half-filled form stays put while a Stream order's alert comes in, and the order's details show
// the unit line and the fee. The same form in Spanish. Screenshots go to
// test-results/screens-phone for a person to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/order.js';
import { JO_PARK_DELIVERY } from '../support/instore-orders.js';
import { local } from '../support/stream-client.js';
import { axeViolations } from './support/axe.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { createInStore, loadDevCatalog } from './support/seed.js';
import { sendOrder } from './support/stream.js';

const missing = browserMissingReason();
const SHOTS = path.resolve('test-results/screens-phone');

describe.skipIf(missing !== null)('a phone order with look-up, fee and payment in Chromium', () => {
  const counter = useCounter(
    {
      instore: { taxRatePercent: 10, deliveryFeeCents: 350, maxDeliveryFeeCents: 2_000 },
      acceptance: { staffWindowSeconds: 55 },
    },
    async ({ app }) => {
      mkdirSync(SHOTS, { recursive: true });
      await loadDevCatalog(app);
      // Jo Park called last week and had it delivered to a flat.
      await createInStore(app.localUrl, {
        ...JO_PARK_DELIVERY,
        items: [{ name: 'Lemonade', priceCents: 300, quantity: 1 }],
      });
    },
  );

  async function openForm(locale: string): Promise<Page> {
    // A page of its own context: the accessibility scan needs one.
    const context = await counter.browser.newContext({
      viewport: { width: 1024, height: 768 },
      locale,
    });
    const page = await context.newPage();
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await page.getByRole('button', { name: /New order|Nuevo pedido/ }).click();
    await page.getByTestId('menu-item').first().waitFor();
    return page;
  }

  async function addSoup(page: Page, what: RegExp, price: RegExp, add: RegExp): Promise<void> {
    await page.getByRole('button', { name: what }).click();
    const free = page.getByRole('dialog');
    await free.getByLabel(/What is it|Qué es/).fill('Soup of the day');
    await free.getByLabel(price).fill('10.00');
    await free.getByRole('button', { name: add }).click();
    await free.waitFor({ state: 'detached' });
  }

  it('fills the caller from a past order, guards the fee, and sends it unpaid with the fee', async () => {
    const page = await openForm('en-US');
    await addSoup(page, /Item not on the menu/, /Price each/, /^Add/);
    await page.getByRole('button', { name: /^Delivery$/ }).click();
    const fee = page.getByLabel(/Delivery fee/);
    // The store's usual fee, filled in and counted in the live total (1000 + 100 tax + 350).
    expect(await fee.inputValue()).toBe('3.50');
    expect(await page.getByTestId('live-fee').textContent()).toBe('$3.50');
    expect(await page.getByTestId('live-total').textContent()).toBe('$14.50');

    // A few digits offer nobody; the whole number offers Jo with the flat.
    const phone = page.getByLabel(/^Phone/);
    await phone.fill('555-22');
    expect(await page.getByTestId('past-customers').count()).toBe(0);
    await phone.fill('555 222 3333');
    const offer = page.getByTestId('past-customer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('Jo Park');
    expect(await offer.textContent()).toContain('12 Elm St, Apt 4B, Springfield, IL 62704');
    await page.screenshot({ path: path.join(SHOTS, 'lookup-en-1024x768.png') });
    expect(await axeViolations(page, 'phone order')).toEqual([]);

    // A Stream order arrives mid-call: its alert comes, the half-taken order stays.
    const streamOrder = await sendOrder(counter.app.streamUrl, { dspOrderNumber: 'U-777' });
    await page.getByTestId('new-order-strip').first().waitFor();
    expect(await phone.inputValue()).toBe('555 222 3333');
    expect(await page.getByTestId('ticket-line').count()).toBe(1);
    await offer.waitFor();

    await page.getByRole('button', { name: 'Use Jo Park’s name and address' }).click();
    expect(await page.getByTestId('past-customers').count()).toBe(0);
    expect(await page.getByLabel(/Customer name/).inputValue()).toBe('Jo Park');
    expect(await page.getByLabel('Street and number').inputValue()).toBe('12 Elm St');
    expect(await page.getByLabel(/Apartment, unit, floor/).inputValue()).toBe('Apt 4B');
    expect(await page.getByLabel('Postal code').inputValue()).toBe('62704');

    // Sending without a payment choice, with a fee above the store's most: both named.
    await fee.fill('80');
    await page.getByTestId('send-order').click();
    await page.getByTestId('error-unpaid').getByText('Choose Paid or Not paid yet').waitFor();
    await page
      .getByTestId('error-deliveryFeeCents')
      .getByText('A delivery fee can be at most $20.00')
      .waitFor();
    await fee.fill('-2');
    expect(await page.getByTestId('error-deliveryFeeCents').textContent()).toBe('');
    await page.getByTestId('send-order').click();
    await page
      .getByTestId('error-deliveryFeeCents')
      .getByText(/as an amount/)
      .waitFor();
    // The totals do not pretend: the fee is missing from them, and they say so.
    expect(await page.getByTestId('live-fee').textContent()).toBe('not an amount yet');
    expect(await page.getByTestId('live-total').textContent()).toBe('$11.00 + fee');
    await page.getByTestId('error-unpaid').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'guards-en-1024x768.png') });
    await fee.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'guards-fee-en-1024x768.png') });
    expect(await axeViolations(page, 'phone order')).toEqual([]);
    expect(
      (await local<{ orders: { id: string }[] }>(counter.app.localUrl, 'GET', '/api/orders')).body
        .orders,
    ).toHaveLength(2); // Jo's first order and the Stream order: nothing sent from the form

    await fee.fill('4.00');
    await page.getByRole('button', { name: 'Not paid yet', exact: true }).click();
    await page.getByText('Collect on pickup or at the door').waitFor();
    expect(await page.getByTestId('live-total').textContent()).toBe('$15.00');
    await page.getByTestId('send-order').click();
    const taken = page.getByTestId('order-taken');
    await taken.waitFor();
    expect(await page.getByTestId('taken-fee').textContent()).toBe('$4.00');
    expect(await page.getByTestId('taken-total').textContent()).toBe('$15.00');
    expect(await page.getByTestId('taken-payment').textContent()).toBe(
      'Not paid yet: collect $15.00',
    );
    await page.screenshot({ path: path.join(SHOTS, 'taken-en-1024x768.png') });

    const id = (await taken.getAttribute('data-order-id'))!;
    const order = (await local<OrderDetail>(counter.app.localUrl, 'GET', `/api/orders/${id}`)).body;
    expect(order).toMatchObject({
      unpaid: true,
      subtotalCents: 1000,
      taxCents: 100,
      deliveryFeeCents: 400,
      totalCents: 1500,
      customers: [{ name: 'Jo Park', phone: '555 222 3333' }],
    });
    expect(order.deliveryAddress).toMatchObject({ street: '12 Elm St', unit: 'Apt 4B' });

    // On the board its card says where it goes, apartment included.
    await page.getByRole('button', { name: /^Orders/ }).click();
    const card = page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`);
    expect(await card.getByTestId('card-deliver-to').textContent()).toBe(' 12 Elm St, Apt 4B');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'board-en-1024x768.png') });
    await page.getByRole('button', { name: /New order/ }).click();

    // Its details: the unit line in the address, the fee in what the store collects.
    await taken.getByRole('button', { name: 'Open order' }).click();
    const detail = page.getByTestId('order-detail');
    await detail.waitFor();
    expect(await detail.locator('address').textContent()).toBe(
      '12 Elm St, Apt 4B, Springfield, IL 62704',
    );
    expect(await detail.getByTestId('money-fee').textContent()).toBe('Delivery fee$4.00');
    expect(await detail.getByTestId('money-store').textContent()).toBe('The store collects$15.00');
    expect(await detail.getByTestId('money-customer').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'detail-en-1024x768.png') });
    await page.context().close();
    expect(streamOrder).toBeTruthy();
  }, 90_000);

  it('the same form in Spanish: payment, fee, unit line and the past caller in Spanish words', async () => {
    const page = await openForm('es-MX');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await addSoup(page, /Producto fuera del menú/, /Precio c\/u/, /^Agregar/);
    await page
      .getByRole('button', { name: /^Envío$|^Entrega$|Reparto/ })
      .first()
      .click();
    await page.getByLabel(/^Teléfono/).fill('(555) 222-3333');
    await page.getByTestId('past-customer').waitFor();
    await page.getByRole('button', { name: 'Aún no pagado', exact: true }).click();
    const form = page.locator('form.ticket');
    const text = (await form.innerText()) + (await page.getByTestId('past-customers').innerText());
    for (const words of [
      'Pago',
      'Pagado',
      'Aún no pagado',
      'Se cobra al recoger o en la puerta',
      'Ya llamó antes',
      'Usar',
      'Depto., interior, piso (opcional)',
      'Costo de envío (USD)',
      'Costo de envío',
    ])
      expect(text, words).toContain(words);
    for (const english of ['Not paid', 'Paid', 'Called before', 'Delivery fee', 'Apartment'])
      expect(text, english).not.toContain(english);
    // The offer came into view by itself, clear of the totals (as the cashier sees it).
    await page.screenshot({ path: path.join(SHOTS, 'lookup-es-1024x768.png') });
    await page.getByRole('button', { name: 'Usar el nombre y la dirección de Jo Park' }).click();
    await page.getByTestId('send-order').click();
    await page.getByTestId('order-taken').waitFor();
    expect(await page.getByTestId('taken-payment').textContent()).toBe(
      'Aún no pagado: cobrar $14.50',
    );
    await page.screenshot({ path: path.join(SHOTS, 'taken-es-1024x768.png') });
    await page.context().close();
  }, 90_000);
});
