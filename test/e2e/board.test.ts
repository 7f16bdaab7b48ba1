// The cashier's day on the real thing: Debian's Chromium driven by Playwright against a real
// connector (headless mode serving the built UI), with orders sent through the signed Stream
// listener. Every wait is on the page or the server, never a fixed sleep.
import type { Browser, Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/order.js';
import { setupPin } from '../support/manager-client.js';
import { local } from '../support/stream-client.js';
import { browserMissingReason, launchChromium } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { bigOrderItems, sendCancel, sendOrder } from './support/stream.js';

const missing = browserMissingReason();
const MANAGER_PIN = '1357';

describe.skipIf(missing !== null)('cashier board in Chromium', () => {
  // With a fake Stream cloud (real clock). The counter's browser allows sound without a tap, as
  // the desktop shell does; one test checks the plain-browser case separately.
  const counter = useCounter({}, ({ app }) => setupPin(app, MANAGER_PIN), { withStream: true });

  async function openBoard(
    b: Browser = counter.browser,
    viewport = { width: 1366, height: 768 },
  ): Promise<Page> {
    const page = await b.newPage({ viewport });
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    return page;
  }

  const card = (page: Page, id: string) =>
    page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`);
  const getOrder = async (id: string) =>
    (await local<OrderDetail>(counter.app.localUrl, 'GET', `/api/orders/${id}`)).body;

  it('shows an order sent through the Stream listener as it arrives, with a running countdown', async () => {
    // Pushed to the open board with no reload or poll (how fast is measured in `npm run bench`).
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, {
      source: 'uber',
      dspOrderNumber: 'U-1001',
      fulfillmentType: 'delivery',
      unpaid: true,
    });
    await card(page, id).waitFor();

    const shown = card(page, id);
    await expect.poll(() => shown.textContent()).toContain('U-1001');
    const text = (await shown.textContent()) ?? '';
    expect(text).toContain('Uber Eats');
    expect(text).toContain('Delivery');
    // What to cook is on the card itself: the first item, its note, and what did not fit.
    expect(text).toContain('1× Cheeseburger');
    expect(text).toContain('Cut in half please');
    expect(text).toContain('+1 more item');
    expect(text).toContain('UNPAID');
    expect(text).toMatch(/\$\d+\.\d\d/);

    const timer = shown.getByRole('timer');
    expect(await timer.getAttribute('aria-label')).toMatch(/^\d+ seconds left to accept$/);
    expect(await shown.locator('circle.countdown__arc').count()).toBe(1);
    const first = Number(await timer.getAttribute('data-seconds-left'));
    expect(first).toBeGreaterThan(40);
    expect(first).toBeLessThanOrEqual(45);
    // The countdown runs: wait until the page shows a smaller number.
    await page.waitForFunction(
      ([orderId, start]) =>
        Number(
          document
            .querySelector(`[data-order-id="${orderId}"] [role="timer"]`)
            ?.getAttribute('data-seconds-left'),
        ) < start,
      [id, first] as const,
      { timeout: 3_000 },
    );
    // The title carries the count, for a window that is behind others.
    await expect.poll(() => page.title()).toMatch(/\(\d+\)/);
    await page.close();
  });

  /** What Stream applied for one order, as wire text, in order. */
  const heardByStream = (id: string) =>
    counter.stream.effects.map((e) => JSON.stringify(e.json)).filter((json) => json.includes(id));

  it('accepts from the board with the chosen prep time, then moves the order through its steps; Stream hears each', async () => {
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, {
      source: 'doordash',
      dspOrderNumber: 'D-2002',
      fulfillmentType: 'pickup',
    });
    const shown = card(page, id);
    await shown.waitFor();
    await expect.poll(() => shown.getByTestId('prep-value').textContent()).toContain('15');
    await shown.getByRole('button', { name: /More prep time/ }).click();
    await expect.poll(() => shown.getByTestId('prep-value').textContent()).toContain('20');
    await shown.getByRole('button', { name: 'Accept' }).click();

    const progress = page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`);
    await progress.waitFor();
    const accepted = await getOrder(id);
    expect(accepted.status).toBe('accepted');
    expect(accepted.prepTimeMinutes).toBe(20);
    // The fake Stream cloud receives `order.accepted` with the prep time, signed.
    await counter.stream.waitFor(() => heardByStream(id).some((e) => e.includes('order.accepted')));
    expect(
      counter.stream.effects.find((e) => JSON.stringify(e.json).includes(id))?.json,
    ).toMatchObject({
      type: 'order.accepted',
      object: { provider_id: id, location_id: 'store-1', prep_time_minutes: 20 },
    });
    expect(counter.stream.requests.every((r) => r.signatureValid)).toBe(true);

    await progress.getByRole('button', { name: 'Start preparing' }).click();
    await progress.getByRole('button', { name: 'Mark ready' }).waitFor();
    expect((await getOrder(id)).status).toBe('preparing');
    await progress.getByRole('button', { name: 'Mark ready' }).click();
    await progress.getByRole('button', { name: 'Picked up' }).waitFor();
    expect((await getOrder(id)).status).toBe('ready');
    await counter.stream.waitFor(() =>
      heardByStream(id).some((e) => e.includes('ready_for_pickup')),
    );
    expect(
      heardByStream(id).map((e) =>
        ['order.accepted', 'preparing', 'ready_for_pickup'].find((k) => e.includes(k)),
      ),
    ).toEqual(['order.accepted', 'preparing', 'ready_for_pickup']);
    await page.close();
  });

  it('rejects with a reason picked in the dialog', async () => {
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, {
      source: 'grubhub',
      dspOrderNumber: 'GH-303',
    });
    const shown = card(page, id);
    await shown.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: /Reject Grubhub GH-303/ });
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Reject order' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: /Too busy/ }).click();
    await dialog.getByRole('textbox').fill('Two drivers off sick');
    await dialog.getByRole('button', { name: 'Reject order' }).click();
    await shown.waitFor({ state: 'detached' });

    const rejected = await getOrder(id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejectCode).toBe('store_busy');
    expect(rejected.rejectReason).toBe('Two drivers off sick');
    await page.close();
  });

  it('accepts the most urgent order with the A key', async () => {
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, { dspOrderNumber: 'K-404' });
    await card(page, id).waitFor();
    // Other tests' orders may still wait; the most urgent is the first card, so select ours.
    await card(page, id).locator('.pending-card__title').click();
    await page.keyboard.press('a');
    await card(page, id).waitFor({ state: 'detached' });
    const accepted = await getOrder(id);
    expect(accepted.status).toBe('accepted');
    expect(accepted.prepTimeMinutes).toBe(15);
    await page.close();
  });

  it('opens the detail with the full modifier tree, notes, customer and timeline', async () => {
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, {
      dspOrderNumber: 'BIG-1',
      lineItems: bigOrderItems(),
      specialInstructions: 'Leave at the door. Peanut allergy!',
    });
    await card(page, id).getByRole('button', { name: 'Details' }).click();
    const detail = page.getByTestId('order-detail');
    await detail.waitFor();
    const text = (await detail.textContent()) ?? '';
    for (const expected of [
      'Cheeseburger',
      'Extra Patty',
      'Half & Half',
      'Left: Pepperoni',
      'Extra',
      'Right: Mushroom',
      'Cut in half please',
      'Leave at the door',
      'Jane Doe',
      '+15551234567',
      '742 Evergreen Terrace',
      'received',
    ])
      expect(text).toContain(expected);
    // The order note names an allergy: flagged in words, as on the card and the kitchen ticket.
    expect(await detail.locator('.instructions--order').innerText()).toMatch(
      /ALLERGY\s+Leave at the door\. Peanut allergy!/,
    );
    expect(await detail.locator('.instructions--item .card-note__flag').count()).toBe(0);
    // Three levels deep: Half & Half → Left: Pepperoni → Extra.
    expect(
      await detail
        .locator('.modifiers .modifiers .modifiers')
        .getByText('Extra', { exact: true })
        .count(),
    ).toBe(1);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await page.close();
  });

  it('shows a cancellation from Stream as a banner until someone confirms it', async () => {
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, { source: 'uber', dspOrderNumber: 'C-505' });
    await card(page, id).waitFor();
    await local(counter.app.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    await sendCancel(counter.app.streamUrl, id);
    const banner = page.locator(`[data-testid="cancel-banner"][data-order-id="${id}"]`);
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/ORDER CANCELED.*C-505/);
    expect((await getOrder(id)).status).toBe('canceled');
    await banner.getByRole('button', { name: 'Got it' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.close();
  });

  it('cancels an accepted order from its details with a reason, without alarming this screen', async () => {
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, { dspOrderNumber: 'X-707' });
    await card(page, id).waitFor();
    await local(counter.app.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    const progress = page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`);
    await progress.getByRole('button', { name: /details/ }).click();
    const detail = page.getByTestId('order-detail');
    await detail.getByRole('button', { name: 'Cancel order…' }).click();
    expect(await detail.getByRole('button', { name: 'Cancel the order' }).isDisabled()).toBe(true);
    await detail.getByRole('button', { name: 'Customer asked' }).click();
    await detail.getByRole('button', { name: 'Cancel the order' }).click();
    // Canceling an accepted order is a manager action: the keypad asks for the PIN.
    const pad = page.getByRole('dialog', { name: 'Manager PIN' });
    await pad.getByLabel('Manager PIN').fill(MANAGER_PIN);
    await pad.getByRole('button', { name: 'OK' }).click();
    await page.locator('#detail-title').getByText('Canceled', { exact: true }).waitFor();
    const canceled = await getOrder(id);
    expect(canceled.status).toBe('canceled');
    expect(canceled.timeline.some((t) => t.detail?.includes('Customer asked'))).toBe(true);
    expect(await page.locator(`[data-testid="cancel-banner"][data-order-id="${id}"]`).count()).toBe(
      0,
    );
    await page.close();
  });

  it('asks for a tap when the browser blocks sound, and the tap turns sound on', async () => {
    const plain = await launchChromium();
    try {
      const page = await openBoard(plain);
      const banner = page.getByTestId('sound-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('tap here to turn on order alerts');
      await banner.click();
      await banner.waitFor({ state: 'detached' });
    } finally {
      await plain.close();
    }
  });

  it('shows "connection lost" while the connector is down, and catches up when it returns', async () => {
    const page = await openBoard(counter.browser, { width: 1024, height: 768 });
    const banner = page.getByTestId('connection-banner');
    expect(await banner.count()).toBe(0);
    await counter.app.stop();
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Connection lost');

    await counter.app.restart();
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    // Orders that arrive after the reconnect show up as usual.
    const id = await sendOrder(counter.app.streamUrl, { dspOrderNumber: 'R-606' });
    await card(page, id).waitFor();
    await page.close();
  });
});
