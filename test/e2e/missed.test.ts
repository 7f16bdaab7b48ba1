// Missed orders in the real browser (issue 14): with Stream unreachable and a 10-second staff
// window, an order nobody answers stays on the Orders screen in the Missed group, red, with what
// Stream was told; it is still there after a reload and after the connector restarts; one tap on
// "Seen" takes it away and puts who saw it on the timeline; connector.log has the line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/order.js';
import { local } from '../support/stream-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { sendOrder } from './support/stream.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)('missed orders in Chromium', () => {
  // Nothing listens at the Stream URL (the test default): Stream is unreachable.
  const counter = useCounter({ acceptance: { staffWindowSeconds: 10 } }, undefined, {
    realLog: true,
  });

  const openBoard = () => counter.openBoard({ viewport: { width: 1024, height: 768 } });

  it('an unanswered order stays marked missed, through a reload and a restart, until Seen', async () => {
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, { source: 'uber', dspOrderNumber: 'U-404' });
    await page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`).waitFor();
    const row = page.locator(`[data-testid="missed-order"][data-order-id="${id}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('Not accepted by staff in time');
    expect(await page.getByTestId('missed-today').getAttribute('title')).toBe('1 missed today');
    await expect
      .poll(() => page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`).count())
      .toBe(0);

    await page.reload();
    await row.waitFor();
    await counter.app.restart();
    await page.reload();
    await page.locator('.app[data-connection="open"]').waitFor();
    await row.waitFor();

    await page.getByRole('button', { name: 'Seen: Uber Eats U-404' }).click();
    await row.waitFor({ state: 'detached' });
    const detail = (await local<OrderDetail>(counter.app.localUrl, 'GET', `/api/orders/${id}`))
      .body;
    expect(detail.missed?.seenAt).not.toBeNull();
    expect(detail.timeline.map((e) => e.kind)).toContain('missed.seen');
    // The count is of the day, not of what is unseen.
    expect(await page.getByTestId('missed-today').getAttribute('title')).toBe('1 missed today');

    const log = readFileSync(
      path.join(counter.app.config.dataDir, 'logs', 'connector.log'),
      'utf8',
    ).split('\n');
    const missedLine = log.find((l) => l.includes('"order missed"') && l.includes(id));
    expect(missedLine).toBeDefined();
    expect(JSON.parse(missedLine!)).toMatchObject({ orderId: id, reason: 'expired' });
    await page.close();
  }, 60_000);
});
