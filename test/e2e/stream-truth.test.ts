// The counter never says "fine" when it isn't (issue 14), in Debian's Chromium against a real
// connector and a fake Stream cloud on loopback: each staff answer shows its delivery state
// (sent ✓ / sending / NOT received in time, with the red "Stream has probably canceled"
// warning), health problems appear on the Orders screen and clear when Stream answers again,
// connector.log has the failed sends, and the "tap to turn on sound" prompt covers the board
// after every reload. Screenshots (English and Spanish, 1024×768 and 1366×768) go to
// test-results/issue14 for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import type { Health } from '../../shared/contract.js';
import { answer } from '../support/fake-stream.js';
import { local } from '../support/stream-client.js';
import { browserMissingReason, launchChromium } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { sendOrder } from './support/stream.js';

const missing = browserMissingReason();
const SHOTS = path.resolve('test-results/issue14');
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
];

describe.skipIf(missing !== null)('what Stream has, on the screen', () => {
  const counter = useCounter({ acceptance: { staffWindowSeconds: 10 } }, undefined, {
    realLog: true,
    withStream: true,
  });

  const openBoard = (locale = 'en-US', viewport = SIZES[0]!) =>
    counter.openBoard({ viewport, locale });
  const progressCard = (page: Page, id: string) =>
    page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`);
  const accept = async (id: string) =>
    expect((await local(counter.app.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(
      200,
    );
  const health = async () => (await local<Health>(counter.app.localUrl, 'GET', '/api/health')).body;

  it('an accept Stream took shows "Stream has it ✓" with the time', async () => {
    const page = await openBoard();
    const id = await sendOrder(counter.app.streamUrl, { dspOrderNumber: 'OK-1' });
    await accept(id);
    const state = progressCard(page, id).getByTestId('delivery-state');
    await expect.poll(() => state.getAttribute('data-state')).toBe('sent');
    expect(await state.textContent()).toMatch(/Accept: Stream has it ✓ \d/);
    await page.close();
  });

  it('while Stream fails: sending with the attempt, then NOT received in time with the warning; health names Stream; Retry clears it', async () => {
    const page = await openBoard();
    counter.stream.behave(() => answer(503));
    const id = await sendOrder(counter.app.streamUrl, { dspOrderNumber: 'LATE-1' });
    // The order reached us 57 s ago: Stream's 60-second window closes 3 s from now.
    counter.app.connector.ctx.db
      .prepare('UPDATE orders SET stream_deadline_at = ? WHERE id = ?')
      .run(Date.now() + 3_000, id);
    await accept(id);
    const card = progressCard(page, id);
    const state = card.getByTestId('delivery-state');
    await expect.poll(() => state.getAttribute('data-state')).toBe('sending');
    expect(await state.textContent()).toContain('Telling Stream…');

    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('failed');
    expect(await state.textContent()).toContain('NOT received by Stream');
    const warning = card.getByTestId('accept-at-risk');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Stream has probably canceled this order');
    expect(await warning.textContent()).toContain('Do not cook it until Stream confirms');
    // The row says it in two lines (an outage turns every row red); its details say what to do.
    expect(await warning.textContent()).toContain('open the order (tap its number)');
    await card.locator('.progress-card__main').click();
    const detail = page.getByTestId('order-detail');
    expect(await detail.getByTestId('accept-at-risk').textContent()).toContain(
      'What to do: check the order on the delivery app',
    );
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // Health: not ok, names Stream, and the Orders screen itself says so.
    await expect
      .poll(async () => (await health()).problems.map((p) => p.code), { timeout: 15_000 })
      .toContain('stream_undelivered');
    expect((await health()).status).toBe('degraded');
    const banner = page.getByTestId('health-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain('Stream is NOT getting our answers');

    const log = readFileSync(
      path.join(counter.app.config.dataDir, 'logs', 'connector.log'),
      'utf8',
    );
    expect(log).toMatch(/"msg":"outbox: delivery to Stream failed; will retry"[^\n]*"orderId":"/);

    await shoot(page, 'not-received-accept');

    // Stream is back; Retry sends it now; the problem clears everywhere.
    counter.stream.behave(null);
    await card.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    // Delivered after the window closed: still at risk, and said so.
    expect(await state.textContent()).toContain('Stream got it late');
    await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe('ok');
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  }, 60_000);

  it('screenshots: the missed group, a not-received accept and degraded health, in English and Spanish', async () => {
    counter.stream.behave(() => answer(503));
    const missed = await sendOrder(counter.app.streamUrl, {
      source: 'doordash',
      dspOrderNumber: 'D-7781',
    });
    const late = await sendOrder(counter.app.streamUrl, {
      source: 'uber',
      dspOrderNumber: 'U-9902',
    });
    counter.app.connector.ctx.db
      .prepare('UPDATE orders SET stream_deadline_at = ? WHERE id = ?')
      .run(Date.now() + 1_000, late);
    await accept(late);
    await sendOrder(counter.app.streamUrl, { source: 'grubhub', dspOrderNumber: 'GH-310' });
    await expect
      .poll(async () => (await health()).problems.map((p) => p.code), { timeout: 20_000 })
      .toContain('stream_undelivered');
    for (const locale of ['en-US', 'es-MX'])
      for (const size of SIZES) {
        const page = await openBoard(locale, size);
        await page
          .locator(`[data-testid="missed-order"][data-order-id="${missed}"]`)
          .waitFor({ timeout: 20_000 });
        await page.getByTestId('health-banner').waitFor({ timeout: 10_000 });
        await progressCard(page, late).getByTestId('accept-at-risk').waitFor();
        await shoot(page, `board-${locale}-${size.width}`);
        await page
          .getByRole('button', { name: locale === 'en-US' ? /^Health/ : /^Estado/ })
          .click();
        await page.getByTestId('health-problems').waitFor();
        await shoot(page, `health-${locale}-${size.width}`);
        await page.close();
      }
    counter.stream.behave(null);
  }, 90_000);

  it('a plain browser shows the sound prompt over the board after every reload, and Health says sound is blocked', async () => {
    const plain = await launchChromium();
    try {
      const page = await plain.newPage({ viewport: SIZES[0]! });
      await page.goto(counter.app.boardUrl);
      const prompt = page.getByTestId('sound-banner');
      await prompt.waitFor();
      // It covers the board: a tap anywhere lands on it.
      const box = (await prompt.boundingBox())!;
      expect(box.width).toBeGreaterThan(500);
      expect(
        await page.locator('.sound-prompt').evaluate((e) => getComputedStyle(e).position),
      ).toBe('fixed');
      await shoot(page, 'sound-prompt-en-US-1024');
      await prompt.click();
      await prompt.waitFor({ state: 'detached' });

      await page.reload();
      await prompt.waitFor();
      await page.getByRole('button', { name: /^Health/ }).dispatchEvent('click');
      const problems = page.getByTestId('health-problems');
      await problems.waitFor();
      expect(await problems.textContent()).toContain('Sound is blocked on this screen');
      await prompt.click();
      await prompt.waitFor({ state: 'detached' });
    } finally {
      await plain.close();
    }
  }, 30_000);
});

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
