// The POS leg in the order detail, in Debian's Chromium against a real connector with a fake
// store POS (HTTP JSON driver) and a simulated ESC/POS kitchen printer: an order the POS refused
// shows "NOT IN THE POS" with the POS's words (and a banner over every screen), Try again puts
// it in (with the POS's check number), the ticket reprints marked REPRINT, and "entered by
// hand" settles another one; paper running out between orders shows over every screen.
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PosLeg } from '../../shared/pos.js';
import { PrinterSim } from '../support/escpos-decoder.js';
import { FakePos, posAnswer } from '../support/fake-pos.js';
import { local } from '../support/stream-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { sendOrder } from './support/stream.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)('POS leg in the order detail', () => {
  let pos: FakePos;
  let printer: PrinterSim;
  /** While true the POS refuses every order (a 400 is not retried by itself). */
  let refusing = true;

  // Registered before the counter's hooks: started before it, closed after it.
  beforeAll(async () => {
    pos = await FakePos.start();
    pos.behave((r) =>
      refusing && r.kind === 'inject' ? posAnswer(400, '{"error":"unknown item"}') : undefined,
    );
    printer = await PrinterSim.start();
  });
  afterAll(async () => {
    await pos?.close();
    await printer?.close();
  });
  const counter = useCounter(() => ({
    pos: { driver: 'http', url: pos.url, timeoutSeconds: 2 },
    printer: { enabled: true, host: printer.host, port: printer.port, statusCheckSeconds: 1 },
  }));

  async function acceptedOrderDetail(number: string): Promise<{ id: string; page: Page }> {
    const page = await counter.openBoard();
    const id = await sendOrder(counter.app.streamUrl, {
      source: 'doordash',
      dspOrderNumber: number,
    });
    const accepted = await local(counter.app.localUrl, 'POST', `/api/orders/${id}/accept`, {});
    expect(accepted.status).toBe(200);
    await page
      .locator(`[data-testid="progress-card"][data-order-id="${id}"] .progress-card__main`)
      .click();
    await page.getByTestId('pos-legs').waitFor();
    return { id, page };
  }

  const legOf = async (id: string, target: 'pos' | 'printer') =>
    (
      await local<{ legs: PosLeg[] }>(counter.app.localUrl, 'GET', `/api/orders/${id}/pos`)
    ).body.legs.find((l) => l.target === target);

  it('shows an order the POS refused, puts it in with Try again, and reprints its ticket', async () => {
    refusing = true;
    const { id, page } = await acceptedOrderDetail('D-4001');
    const posLeg = page.getByTestId('pos-leg-pos');
    await posLeg.getByText(/NOT IN THE POS/).waitFor();
    await posLeg.getByText(/unknown item/).waitFor();
    await page
      .getByTestId('pos-leg-printer')
      .getByText(/Printed at/)
      .waitFor();
    expect(printer.tickets()).toHaveLength(1);
    // The board shows it too, without anyone opening the order.
    const banner = page.locator(`[data-testid="pos-attention"][data-order-id="${id}"]`);
    await banner.getByText('NOT IN THE POS').waitFor();

    refusing = false;
    await posLeg.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-testid="pos-leg-pos"][data-state="sent"]').waitFor();
    const sent = (await legOf(id, 'pos'))!;
    expect(sent.posOrderId).not.toBeNull();
    await posLeg.getByText(`In the POS as check ${sent.posOrderId}`).waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(pos.orders).toHaveLength(1);

    await page.getByRole('button', { name: 'Reprint kitchen ticket' }).click();
    await expect.poll(() => printer.tickets().length).toBe(2);
    expect(printer.tickets()[1]!.join('\n')).toContain('REPRINT');
    await page.close();
  });

  it('settles an order typed into the POS by hand, with the POS check number', async () => {
    refusing = true;
    const { id, page } = await acceptedOrderDetail('D-4002');
    const posLeg = page.getByTestId('pos-leg-pos');
    await posLeg.getByRole('button', { name: 'Entered by hand…' }).click();
    await posLeg.getByLabel(/POS check number/).fill('A-77');
    await posLeg.getByRole('button', { name: 'Confirm' }).click();
    await page.locator('[data-testid="pos-leg-pos"][data-state="manual"]').waitFor();
    await posLeg.getByText(/by hand .*check A-77/).waitFor();
    expect(await legOf(id, 'pos')).toMatchObject({
      state: 'manual',
      posOrderId: 'A-77',
      notInPos: false,
    });
    expect(await posLeg.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    // The health screen asks the printer on demand (ESC/POS real-time status).
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Health/ }).click();
    const tile = page.getByTestId('pos-health');
    await tile.getByText(/HTTP/).first().waitFor();
    // The paper runs out between orders: the watch sees it and every screen says so.
    printer.state.paperOut = true;
    const banner = page.getByTestId('printer-banner');
    await banner.getByText(/KITCHEN PRINTER: paper out/).waitFor();
    await tile.getByRole('button', { name: 'Check the printer now' }).click();
    await tile.getByText(/paper/i).waitFor();
    // A new roll, and the banner goes once the printer is asked again.
    printer.state.paperOut = false;
    await banner.getByRole('button', { name: 'Check again' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.close();
  });
});
