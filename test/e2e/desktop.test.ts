// The desktop app as the shell runs it, without Electron's binary: the built board from a plain
// static origin (no Local API there), `window.connector` built by the real preload over a
// stand-in ipcRenderer, answered by the real main-process IPC against a real connector
// (support/desktop.ts). A Stream order's life at the counter: accepted with a changed prep time,
// rejected with a reason, moved to ready, canceled by Stream. Each scenario checks what the fake
// Stream received, and that the board did everything over the bridge, never its own `/api/`.
import { describe, expect, it } from 'vitest';
import { browserMissingReason } from './support/browser.js';
import { useDesktopCounter, type DesktopPage } from './support/desktop.js';
import { sendCancel, sendOrder } from './support/stream.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)('desktop mode: a Stream order over the bridge', () => {
  const counter = useDesktopCounter();

  const pendingCard = (desktop: DesktopPage, id: string) =>
    desktop.page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`);
  const progressCard = (desktop: DesktopPage, id: string) =>
    desktop.page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`);
  /** The one event Stream applied for `id` of this type, once it has arrived. */
  async function streamEvent(id: string, type: string): Promise<unknown> {
    const matching = () =>
      counter.stream.effects.filter(
        (e) => JSON.stringify(e.json).includes(id) && JSON.stringify(e.json).includes(type),
      );
    await counter.stream.waitFor(() => matching().length > 0);
    return matching()[0]!.json;
  }
  function expectBridgeOnly(desktop: DesktopPage, calls: string[]): void {
    for (const name of calls) expect(desktop.bridgeCalls).toContain(name);
    expect(desktop.ownOriginApi).toEqual([]);
  }

  it('shows a waiting order and a new one, accepts by a click (Stream hears order.accepted), and never fetches its own /api/', async () => {
    const { app } = counter;
    const waiting = await sendOrder(app.streamUrl, { source: 'uber', dspOrderNumber: 'U-7001' });
    const desktop = await counter.open();
    try {
      const { page } = desktop;
      await pendingCard(desktop, waiting).waitFor();
      const arriving = await sendOrder(app.streamUrl, {
        source: 'doordash',
        dspOrderNumber: 'D-7002',
        fulfillmentType: 'pickup',
      });
      const shown = pendingCard(desktop, arriving);
      await shown.waitFor();
      await expect.poll(() => shown.getByTestId('prep-value').textContent()).toContain('15');
      await shown.getByRole('button', { name: /More prep time/ }).click();
      await expect.poll(() => shown.getByTestId('prep-value').textContent()).toContain('20');
      await page.screenshot({ path: 'test-results/desktop-board-1366x768.png' });
      await shown.getByRole('button', { name: 'Accept' }).click();
      await progressCard(desktop, arriving).waitFor();
      expect(await streamEvent(arriving, 'order.accepted')).toMatchObject({
        type: 'order.accepted',
        object: { provider_id: arriving, prep_time_minutes: 20 },
      });
      expect(app.connector.ctx.orders.detail(arriving)?.prepTimeMinutes).toBe(20);
      expectBridgeOnly(desktop, ['listOrders', 'acceptOrder']);
    } finally {
      await desktop.close();
    }
  });

  it('rejects with a reason picked in the dialog: Stream hears order.rejected with that reason', async () => {
    const desktop = await counter.open();
    try {
      const { page } = desktop;
      const id = await sendOrder(counter.app.streamUrl, {
        source: 'grubhub',
        dspOrderNumber: 'GH-7303',
      });
      const shown = pendingCard(desktop, id);
      await shown.getByRole('button', { name: 'Reject' }).click();
      const dialog = page.getByRole('dialog', { name: /Reject Grubhub GH-7303/ });
      await dialog.getByRole('button', { name: /Too busy/ }).click();
      await dialog.getByRole('textbox').fill('Two drivers off sick');
      await dialog.getByRole('button', { name: 'Reject order' }).click();
      await shown.waitFor({ state: 'detached' });
      const rejected = (await streamEvent(id, 'order.rejected')) as {
        object: { provider_id: string; posValidation: unknown };
      };
      expect(rejected).toMatchObject({ type: 'order.rejected', object: { provider_id: id } });
      // The reason staff typed is what Stream is told (stock, totals or order validation).
      expect(JSON.stringify(rejected.object.posValidation)).toContain('Two drivers off sick');
      expectBridgeOnly(desktop, ['rejectOrder']);
    } finally {
      await desktop.close();
    }
  });

  it('moves an accepted order to preparing and ready: Stream hears each order.status.updated', async () => {
    const desktop = await counter.open();
    try {
      const id = await sendOrder(counter.app.streamUrl, {
        dspOrderNumber: 'P-7404',
        fulfillmentType: 'pickup',
      });
      await pendingCard(desktop, id).getByRole('button', { name: 'Accept' }).click();
      const progress = progressCard(desktop, id);
      await progress.getByRole('button', { name: 'Start preparing' }).click();
      await progress.getByRole('button', { name: 'Mark ready' }).click();
      await progress.getByRole('button', { name: 'Picked up' }).waitFor();
      const ready = await streamEvent(id, 'ready_for_pickup');
      expect(JSON.stringify(ready)).toContain('order.status.updated');
      expect(
        counter
          .heardByStream(id)
          .map((e) =>
            ['order.accepted', '"preparing"', 'ready_for_pickup'].find((k) => e.includes(k)),
          ),
      ).toEqual(['order.accepted', '"preparing"', 'ready_for_pickup']);
      expect(counter.app.connector.ctx.orders.detail(id)?.status).toBe('ready');
      expectBridgeOnly(desktop, ['acceptOrder', 'setOrderStatus']);
    } finally {
      await desktop.close();
    }
  });

  it('shows a cancel from Stream as an alert and plays the cancel sound', async () => {
    const desktop = await counter.open();
    try {
      const id = await sendOrder(counter.app.streamUrl, {
        source: 'uber',
        dspOrderNumber: 'C-7505',
      });
      await pendingCard(desktop, id).getByRole('button', { name: 'Accept' }).click();
      await progressCard(desktop, id).waitFor();
      await streamEvent(id, 'order.accepted');
      await sendCancel(counter.app.streamUrl, id);
      const banner = desktop.page.locator(`[data-testid="cancel-banner"][data-order-id="${id}"]`);
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/ORDER CANCELED.*C-7505/);
      // The chime keeps 1.4 s between any two sounds (alert-policy.ts MIN_GAP_MS): the new
      // order's may have just played.
      await expect
        .poll(() => desktop.soundsStarted(), { timeout: 5_000 })
        .toContainEqual(expect.stringMatching(/^cancel\b.*\.wav$/));
      // Stream canceled it, so nothing goes back to Stream about it after the accept.
      expect(counter.heardByStream(id).filter((e) => !e.includes('order.accepted'))).toEqual([]);
      expect(counter.app.connector.ctx.orders.detail(id)?.status).toBe('canceled');
      await banner.getByRole('button', { name: 'Got it' }).click();
      await banner.waitFor({ state: 'detached' });
      expect(desktop.ownOriginApi).toEqual([]);
    } finally {
      await desktop.close();
    }
  });
});
