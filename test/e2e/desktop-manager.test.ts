// The desktop app as the shell runs it (support/desktop.ts: the built UI from a plain static
// origin, the real preload over a stand-in ipcRenderer, the real main-process IPC against a real
// connector), for what the counter does besides Stream orders: an in-store phone order, the
// history CSV saved through the bridge's `saveFile`, pausing the store with the manager PIN.
// Each scenario checks what the fake Stream (or the shell's save) received, not only the screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserMissingReason } from './support/browser.js';
import { useDesktopCounter } from './support/desktop.js';
import { loadDevCatalog } from './support/seed.js';

const missing = browserMissingReason();
const MANAGER_PIN = '2468';

describe.skipIf(missing !== null)('desktop mode: the counter beside Stream orders', () => {
  // Replacing the catalog is a manager call: the PIN is set first (with the setup code).
  const counter = useDesktopCounter({}, ({ app }) => loadDevCatalog(app, MANAGER_PIN));
  /** The in-store order the first scenario takes; the CSV must have it. */
  let takenId: string | null = null;

  it('takes an in-store phone order: Stream receives it as an in-store order.created', async () => {
    const desktop = await counter.open();
    try {
      const { page } = desktop;
      await page.getByRole('button', { name: /New order/ }).click();
      await page.getByTestId('menu-item').first().waitFor();
      await page.getByRole('button', { name: '+ Item not on the menu' }).click();
      const free = page.getByRole('dialog', { name: 'Item not on the menu' });
      await free.getByLabel('What is it').fill('Birthday cake');
      await free.getByLabel(/Price each/).fill('24.50');
      await free.getByRole('button', { name: /^Add/ }).click();
      await free.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Paid', exact: true }).click();
      await page.getByLabel(/Customer name/).fill('Ana Ruiz');
      await page.getByLabel(/^Phone/).fill('555-0100');
      await page.getByTestId('send-order').click();
      const taken = page.getByTestId('order-taken');
      await taken.waitFor();
      const id = (await taken.getAttribute('data-order-id'))!;
      takenId = id;
      await counter.stream.waitFor(() => counter.heardByStream(id).length > 0);
      expect(JSON.parse(counter.heardByStream(id)[0]!)).toMatchObject({
        event: 'order.created',
        data: {
          order: {
            provider_id: id,
            customer: { name: 'Ana Ruiz', phone: '555-0100' },
            line_items: [{ name: 'Birthday cake', quantity: 1, price_amount: 2450 }],
          },
        },
      });
      expect(counter.app.connector.ctx.orders.detail(id)).toMatchObject({
        origin: 'in_store',
        source: 'phone',
      });
      expect(desktop.bridgeCalls).toContain('createInStoreOrder');
      expect(desktop.ownOriginApi).toEqual([]);
    } finally {
      await desktop.close();
    }
  });

  it('saves the history as CSV through the bridge: the shell writes exactly the export', async () => {
    expect(takenId, 'the in-store scenario runs first').not.toBeNull();
    const desktop = await counter.open();
    try {
      const { page } = desktop;
      await page.getByRole('button', { name: /^History/ }).click();
      await page.locator(`[data-testid="history-row"][data-order-id="${takenId}"]`).waitFor();
      await page.getByRole('button', { name: 'Export CSV' }).click();
      await expect.poll(() => desktop.saves.length).toBe(1);
      const [save] = desktop.saves;
      // Named after the store-local days it holds (the range picked).
      expect(path.basename(save!.suggestedPath)).toMatch(
        /^orders-\d{4}-\d{2}-\d{2}(_\d{4}-\d{2}-\d{2})?\.csv$/,
      );
      await expect.poll(() => readFileSync(save!.path, 'utf8').length).toBeGreaterThan(0);
      const csv = readFileSync(save!.path, 'utf8').trim().split(/\r?\n/);
      expect(csv[0]).toContain('order_number');
      expect(csv.filter((line) => line.includes('Ana Ruiz'))).toHaveLength(1);
      // The same file the Local API exports for the same (unfiltered) search.
      const exported = await counter.app.connector.handlers.exportHistory({}, { actor: 'test' });
      expect(readFileSync(save!.path, 'utf8')).toBe(exported.file.content);
      expect(desktop.bridgeCalls).toContain('exportHistory');
      expect(desktop.ownOriginApi).toEqual([]);
    } finally {
      await desktop.close();
    }
  });

  it('pauses the store with the manager PIN: Stream hears location.status.updated', async () => {
    const desktop = await counter.open();
    try {
      const { page } = desktop;
      await page.getByRole('button', { name: /^Store/ }).click();
      await page.getByTestId('store-state').getByText(/OPEN/).waitFor();
      await page.getByRole('button', { name: '30 min', exact: true }).click();
      const pad = page.getByRole('dialog', { name: 'Manager PIN' });
      await pad.getByLabel('Manager PIN').fill('1111');
      await pad.getByRole('button', { name: 'OK' }).click();
      await pad.getByRole('alert').waitFor();
      expect(counter.heardByStream('location.status.updated')).toEqual([]);
      await pad.getByLabel('Manager PIN').fill(MANAGER_PIN);
      await pad.getByRole('button', { name: 'OK' }).click();
      await pad.waitFor({ state: 'detached' });
      await page
        .getByTestId('store-state')
        .getByText(/PAUSED until/)
        .waitFor();
      await counter.stream.waitFor(
        () => counter.heardByStream('location.status.updated').length > 0,
      );
      const paused = JSON.parse(counter.heardByStream('location.status.updated')[0]!) as {
        object: { paused_until?: number };
      };
      expect(paused).toMatchObject({
        type: 'location.status.updated',
        object: { location_id: 'store-1', status: 'inactive' },
      });
      expect(typeof paused.object.paused_until).toBe('number');
      expect(desktop.bridgeCalls).toContain('pauseStore');
      expect(desktop.ownOriginApi).toEqual([]);
    } finally {
      await desktop.close();
    }
  });
});
