// The board without a mouse, as a cashier with a keyboard or a kitchen bump bar (which sends keys)
// works it, in Debian's Chromium against a real connector, in the browser and in desktop mode
// (the real preload and IPC, support/desktop.ts): ↓ / ↑ move the chosen card and the keyboard
// focus with it (a focus ring you can see), Space accepts the chosen new order, → jumps to the
// orders in progress, B and Space bump the chosen one through its steps until it is handed off,
// the keys are on the screen, and no key acts while a dialog or a text field has the focus.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/order.js';
import { local } from '../support/stream-client.js';
import { browserMissingReason } from './support/browser.js';
import type { E2eConnector } from './support/connector.js';
import { startCounter } from './support/counter.js';
import { startDesktopCounter } from './support/desktop.js';
import { sendOrder } from './support/stream.js';
import { useStarted } from './support/use-started.js';

const missing = browserMissingReason();
const VIEWPORT = { width: 1366, height: 768 };
const SHOTS = path.resolve('test-results/screens');

interface Mode {
  app: E2eConnector;
  open(): Promise<Page>;
  close(): Promise<void>;
}

const MODES: Record<string, () => Promise<Mode>> = {
  browser: async () => {
    const counter = await startCounter();
    return {
      app: counter.app,
      close: () => counter.close(),
      open: async () => {
        const page = await counter.browser.newPage({ viewport: VIEWPORT });
        await page.goto(counter.app.boardUrl);
        return page;
      },
    };
  },
  desktop: async () => {
    const counter = await startDesktopCounter();
    return {
      app: counter.app,
      close: () => counter.close(),
      open: async () => (await counter.open(VIEWPORT)).page,
    };
  },
};

/** The card that has the keyboard focus, and how its focus ring is drawn. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    return {
      id: el?.dataset.orderId ?? null,
      kind: el?.dataset.testid ?? null,
      chosen: el?.classList.contains('is-selected') ?? false,
      outline: style
        ? `${style.outlineStyle} ${parseFloat(style.outlineWidth)} ${style.outlineColor}`
        : 'none',
    };
  });
}

/** Presses `key` in the microtask after the next redraw of the board (the clock's, each second). */
function keyAsTheBoardRedraws(key: string): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      resolve();
    });
    observer.observe(document.querySelector('.board')!, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

/** The status the focused card shows (its `status--…` class), when it is the card of order `id`. */
function focusedShows(page: Page, id: string) {
  return page.evaluate((orderId) => {
    const el = document.activeElement as HTMLElement | null;
    if (el?.dataset.orderId !== orderId) return null;
    return (
      [...el.classList].find((c) => c.startsWith('status--'))?.slice('status--'.length) ?? null
    );
  }, id);
}

for (const [name, start] of Object.entries(MODES))
  describe.skipIf(missing !== null)(`the board by keyboard (${name})`, () => {
    const mode = useStarted(`${name} counter`, start, undefined, 90_000);
    const status = async (id: string) =>
      (await local<OrderDetail>(mode().app.localUrl, 'GET', `/api/orders/${id}`)).body.status;

    it('moves through the cards with a visible focus, accepts with Space, and bumps an order in progress to handed off with B and Space', async () => {
      const ids: string[] = [];
      for (const [i, fulfillmentType] of (['pickup', 'pickup', 'delivery'] as const).entries())
        ids.push(
          await sendOrder(mode().app.streamUrl, { dspOrderNumber: `KB-${i + 1}`, fulfillmentType }),
        );
      const page = await mode().open();
      await page.locator('.app[data-connection="open"]').waitFor();
      const pending = page.getByTestId('pending-card');
      await expect.poll(() => pending.count()).toBe(3);
      // The keys are on the screen: the lane's legend, and the key on the buttons.
      const legend = (await page.locator('.lane--pending .lane__hint').innerText()).replace(
        /\s+/g,
        ' ',
      );
      expect(legend).toMatch(/↑ ?↓ choose · ← ?→ lane · A ?Space accept · R reject/);
      await expect
        .poll(() =>
          pending
            .first()
            .getByRole('button', { name: /^Accept/ })
            .innerText(),
        )
        .toMatch(/A$/);

      // The most urgent card is chosen; ↓ moves the choice and the focus to the next one.
      expect(await pending.first().getAttribute('class')).toContain('is-selected');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focused(page)).toMatchObject({ id: ids[1], chosen: true });
      // The focus ring: solid, at least 3 px, in the focus colour (base.css --focus #7cc4ff).
      expect((await focused(page)).outline).toMatch(/^solid [3-9] rgb\(124, 196, 255\)$/);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `board-keys-${name}-new.png`) });
      await page.keyboard.press('ArrowUp');
      await expect.poll(async () => (await focused(page)).id).toBe(ids[0]);

      // Space accepts the chosen order; the choice moves to the card that took its place.
      await page.keyboard.press('ArrowDown');
      await expect.poll(async () => (await focused(page)).id).toBe(ids[1]);
      await page.keyboard.press(' ');
      await expect.poll(() => status(ids[1]!)).toBe('accepted');
      await page.locator(`[data-testid="progress-card"][data-order-id="${ids[1]}"]`).waitFor();
      await expect.poll(async () => (await focused(page)).id).toBe(ids[2]);

      // → jumps to the orders in progress; B and Space bump the chosen one, step by step.
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => focused(page))
        .toMatchObject({ id: ids[1], kind: 'progress-card', chosen: true });
      expect((await focused(page)).outline).toMatch(/^solid [3-9] rgb\(124, 196, 255\)$/);
      expect(await page.getByTestId('bump-hint').innerText()).toMatch(/B\s*next step/);
      await page.screenshot({ path: path.join(SHOTS, `board-keys-${name}-progress.png`) });
      await page.keyboard.press('b');
      await expect.poll(() => status(ids[1]!)).toBe('preparing');
      // It stays chosen (nothing else in progress), so the next bump moves it again: once the
      // screen shows it preparing (a key acts on the step the card shows, not one still coming).
      await expect.poll(() => focusedShows(page, ids[1]!)).toBe('preparing');
      await page.keyboard.press(' ');
      await expect.poll(() => status(ids[1]!)).toBe('ready');
      // Its row moved to the Ready group (a new element): the focus followed it there.
      await expect
        .poll(() => focused(page))
        .toMatchObject({ id: ids[1], kind: 'progress-card', chosen: true });
      await expect.poll(() => focusedShows(page, ids[1]!)).toBe('ready');
      await page.keyboard.press(' ');
      await expect.poll(() => status(ids[1]!)).toBe('completed');
      // Handed off: its row leaves, and the choice goes back to the new orders.
      await page
        .locator(`[data-testid="progress-card"][data-order-id="${ids[1]}"]`)
        .waitFor({ state: 'detached' });
      await expect.poll(async () => (await focused(page)).kind).toBe('pending-card');

      // ← from the new orders lane stays there; Enter opens the chosen order's details.
      await page.keyboard.press('ArrowLeft');
      const chosen = (await focused(page)).id!;
      await page.keyboard.press('Enter');
      const detail = page.getByTestId('order-detail');
      await detail.waitFor();
      // With a dialog open, no board key acts: A and Space leave the order waiting.
      await page.keyboard.press('a');
      await page.keyboard.press('b');
      expect(await status(chosen)).toBe('pending');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });

      // R opens the reject dialog; typing in its text field is typing, not shortcuts.
      await page.keyboard.press('r');
      const reject = page.getByRole('dialog');
      await reject.waitFor();
      const field = reject.locator('textarea');
      await field.focus();
      await page.keyboard.type('a b r');
      expect(await field.inputValue()).toBe('a b r');
      expect(await status(chosen)).toBe('pending');
      await page.keyboard.press('Escape');
      await reject.waitFor({ state: 'detached' });
      expect(await status(chosen)).toBe('pending');
      await page.close();
    }, 60_000);

    // A key that lands as the clock redraws the board (React has drawn it, its effects not yet
    // run): CI saw the previous draw's effect focus the old card, which chose it again and undid ↓.
    it('a key pressed just as the board redraws acts on the card it shows (↓ ↑ A)', async () => {
      for (const i of [1, 2, 3])
        await sendOrder(mode().app.streamUrl, { dspOrderNumber: `KR-${i}` });
      const page = await mode().open();
      await page.locator('.app[data-connection="open"]').waitFor();
      const pending = page.getByTestId('pending-card');
      await expect.poll(() => pending.count()).toBeGreaterThanOrEqual(3);
      const order = async () =>
        pending.evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.orderId!));
      for (const round of [1, 2, 3, 4]) {
        const key = round % 2 ? 'ArrowDown' : 'ArrowUp';
        const want = (await order())[round % 2 ? 1 : 0];
        await page.evaluate(keyAsTheBoardRedraws, key);
        await expect
          .poll(() => focused(page), { timeout: 5_000 })
          .toMatchObject({
            id: want,
            chosen: true,
          });
      }
      // A as well: the chosen order is accepted, and the choice stays on the card that followed it.
      const [first, next] = await order();
      await page.evaluate(keyAsTheBoardRedraws, 'a');
      await expect.poll(() => status(first!)).toBe('accepted');
      await page.locator(`[data-testid="progress-card"][data-order-id="${first}"]`).waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ id: next, chosen: true });
      await page.close();
    }, 60_000);
  });
