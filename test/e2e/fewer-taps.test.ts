// Fewer taps per order, in Debian's Chromium against a real connector: the counter's flow setting
// sends an accepted order straight to Ready with one tap (no "Start preparing"); a "sold out"
// reject 86es the ticked item in the same go (the manager PIN asked after the reject has gone);
// and an order number is found in history whatever days are picked.
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/order.js';
import type { AvailabilityState } from '../../shared/store.js';
import { largeFries } from '../support/orders.js';
import { api } from '../support/manager-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { loadDevCatalog } from './support/seed.js';
import { sendOrder } from './support/stream.js';

const missing = browserMissingReason();
const PIN = '24681357';

describe.skipIf(missing !== null)('fewer taps', () => {
  const counter = useCounter(
    { acceptance: { staffWindowSeconds: 55 } },
    ({ app }) => loadDevCatalog(app, PIN),
    { withStream: true },
  );

  const openBoard = () => counter.openBoard();
  const getOrder = async (id: string) =>
    (await api<OrderDetail>(counter.app.localUrl, 'GET', `/api/orders/${id}`)).body;

  it('with the flow setting, one tap takes an accepted order straight to Ready; Stream hears it', async () => {
    const page = await openBoard();
    await page.getByRole('button', { name: /^Health/ }).click();
    await page.getByTestId('skip-preparing').check();
    await page.getByRole('button', { name: /^Orders/ }).click();
    const id = await sendOrder(counter.app.streamUrl, {
      source: 'doordash',
      fulfillmentType: 'pickup',
    });
    await page
      .locator(`[data-testid="pending-card"][data-order-id="${id}"]`)
      .getByRole('button', { name: /^Accept/ })
      .click();
    const row = page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`);
    await row.getByRole('button', { name: 'Mark ready' }).click();
    await row.getByRole('button', { name: 'Picked up' }).waitFor();
    const order = await getOrder(id);
    expect(order.status).toBe('ready');
    expect(order.timeline.map((e) => e.kind)).not.toContain('preparing');
    await counter.stream.waitFor(() =>
      counter.stream.effects.some(
        (e) => JSON.stringify(e.json).includes(id) && JSON.stringify(e.json).includes('ready'),
      ),
    );
    // The setting stays on this counter after a reload.
    await page.reload();
    await page.getByRole('button', { name: /^Health/ }).click();
    expect(await page.getByTestId('skip-preparing').isChecked()).toBe(true);
    await page.getByTestId('skip-preparing').uncheck();
    await page.close();
  });

  it('a sold-out reject 86es the ticked item for the rest of today, with the manager PIN', async () => {
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, { source: 'uber', dspOrderNumber: 'U-8686' });
    await page
      .locator(`[data-testid="pending-card"][data-order-id="${id}"]`)
      .getByRole('button', { name: /^Reject/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /Reject/ });
    await dialog.getByRole('button', { name: /Item sold out/ }).click();
    await dialog.getByRole('checkbox', { name: 'Cheeseburger' }).check();
    const also = dialog.getByRole('checkbox', { name: /Also mark it sold out \(86\)/ });
    expect(await also.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Reject order' }).click();
    // The reject went first: Stream's answer never waits for the PIN.
    await expect.poll(async () => (await getOrder(id)).status).toBe('rejected');
    const pad = page.getByRole('dialog', { name: 'Manager PIN' });
    await pad.getByLabel('Manager PIN').fill(PIN);
    await pad.getByRole('button', { name: 'OK' }).click();
    await pad.waitFor({ state: 'detached' });
    const state = (
      await api<AvailabilityState>(counter.app.localUrl, 'GET', '/api/catalog/availability')
    ).body;
    const out = state.unavailable.find((u) => u.providerId === 'fam-cheeseburger');
    expect(out).toBeDefined();
    await page.getByText(/86'd for the rest of today/).waitFor();
    await page.close();
  });

  it('finds an order by its number in history whatever days are picked', async () => {
    const page = await openBoard();
    // Fries only: the cheeseburger is 86'd since the test before, and the store refuses it.
    await sendOrder(counter.app.streamUrl, {
      source: 'grubhub',
      dspOrderNumber: 'GH-4321',
      lineItems: [largeFries()],
    });
    await page.getByRole('button', { name: /^History/ }).click();
    await page.getByRole('button', { name: 'Yesterday' }).click();
    const search = page.getByTestId('history-search');
    await search.fill('GH-4321');
    const status = page.getByTestId('history-status');
    await status.getByText(/1 order · an order number is looked up on every date/).waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(1);
    // Other words keep to the picked days: today's order is not yesterday's.
    await search.fill('Jane Doe');
    await page.getByTestId('history-empty').waitFor();
    await page.close();
  });
});
