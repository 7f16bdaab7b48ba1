// A Friday rush on the real thing: 11 orders waiting on a 1024×768 and a 1366×768 counter screen,
// in Debian's Chromium against a real connector. Counts come from the page's own layout: the
// cards wholly inside the window without scrolling, each with its countdown in sight, what to
// cook written on it, text no smaller than 16 px, and a top bar that keeps its height when the
// store is paused. Then the cashier accepts by keyboard and by tap, the fake Stream cloud hears
// each answer, and a cancel's banner comes without moving a card. Screenshots in English and
// Spanish go to test-results/screens.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { describe, expect, it, onTestFailed } from 'vitest';
import { cheeseburger, halfAndHalfPizza, largeFries } from '../support/orders.js';
import { api, setupPin } from '../support/manager-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { MIN_CARD_ROWS } from '../../renderer/src/features/orders/use-whole-rows.js';
import { bigOrderItems, sendCancel, sendOrder } from './support/stream.js';

const missing = browserMissingReason();
const SHOTS = path.resolve('test-results/screens');
const PIN = '24681357';
const WAITING = 11;
const SIZES = [
  { width: 1024, height: 768, atLeast: 4 },
  { width: 1366, height: 768, atLeast: 6 },
] as const;

interface CardView {
  id: string;
  /** Wholly inside the window and the lane's visible area. */
  inSight: boolean;
  countdownInSight: boolean;
  countdownOpacity: number;
  /** The order number is shown whole (not cut with an ellipsis). */
  numberWhole: boolean;
  text: string;
  /** The smallest font size of any text on the card, in CSS pixels, and that text. */
  smallestFont: number;
  smallestText: string;
}

/** Every pending card as the page lays it out now. */
function cardsOnScreen(page: Page): Promise<CardView[]> {
  return page.evaluate(() => {
    const inside = (
      r: DOMRect,
      box: { top: number; bottom: number; left: number; right: number },
    ) =>
      r.top >= box.top - 0.5 &&
      r.bottom <= box.bottom + 0.5 &&
      r.left >= box.left - 0.5 &&
      r.right <= box.right + 0.5;
    const win = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
    const lane = document.querySelector('.lane--pending')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-testid="pending-card"]')].map(
      (card) => {
        const r = card.getBoundingClientRect();
        const timer = card.querySelector<HTMLElement>('[role="timer"]');
        const number = card.querySelector<HTMLElement>('.countdown__number');
        const orderNumber = card.querySelector<HTMLElement>('.order-number')!;
        let smallest = Infinity;
        let smallestText = '';
        const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          // Key hints are decoration; visually hidden labels are for screen readers only.
          if (!n.textContent?.trim() || el.closest('kbd')) continue;
          if (el.getBoundingClientRect().width <= 1) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < smallest) [smallest, smallestText] = [size, n.textContent];
        }
        return {
          id: card.dataset.orderId!,
          inSight: inside(r, win) && inside(r, lane),
          countdownInSight: timer ? inside(timer.getBoundingClientRect(), win) : false,
          countdownOpacity: number ? Number(getComputedStyle(number).opacity) : 0,
          numberWhole: orderNumber.scrollWidth <= orderNumber.clientWidth,
          text: card.innerText,
          smallestFont: smallest,
          smallestText,
        };
      },
    );
  });
}

/** Cards the window shows (wholly or in part) that are cut by their list's edge or meet a
 * banner's or a notice's box, and how many banners there are. */
function cardsUnderBanners(page: Page) {
  return page.evaluate(() => {
    const meets = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const banners = [...document.querySelectorAll('.banners > *, .notices > *')]
      .map((b) => b.getBoundingClientRect())
      .filter((r) => r.height > 0);
    const problems: string[] = [];
    for (const card of document.querySelectorAll<HTMLElement>(
      '[data-testid="pending-card"], [data-testid="progress-card"]',
    )) {
      const r = card.getBoundingClientRect();
      const clip = (card.closest('.lane__list--cards') ?? card.closest('.lane'))!;
      const box = clip.getBoundingClientRect();
      const shown = r.bottom > box.top + 1 && r.top < box.bottom - 1;
      if (!shown) continue;
      if (r.top < box.top - 1 || r.bottom > box.bottom + 1)
        problems.push(`${card.dataset.orderId} cut at ${Math.round(box.bottom)}`);
      if (banners.some((b) => meets(r, b))) problems.push(`${card.dataset.orderId} under a banner`);
    }
    return { problems, banners: banners.length };
  });
}

/** Stream sends the rush: 11 orders of every kind, big and small, one with an allergy. */
async function sendRush(streamUrl: string): Promise<string[]> {
  const ids: string[] = [];
  const kinds = ['delivery', 'pickup', 'curbside', 'drive_thru', 'dine_in'] as const;
  for (let i = 0; i < WAITING; i++) {
    const lineItems =
      i % 3 === 0
        ? bigOrderItems()
        : i % 3 === 1
          ? [cheeseburger(), largeFries()]
          : [halfAndHalfPizza()];
    ids.push(
      await sendOrder(streamUrl, {
        source: ['uber', 'doordash', 'grubhub'][i % 3]!,
        dspOrderNumber: `DD-${5101 + i}`,
        fulfillmentType: kinds[i % kinds.length],
        unpaid: i === 4,
        lineItems,
        specialInstructions: i === 2 ? 'Sesame allergy, no seeds please' : undefined,
      }),
    );
  }
  return ids;
}

/** A counter with the rush waiting on it, a manager PIN set, and a fake Stream cloud. */
function useRushCounter() {
  const ids: string[] = [];
  const counter = useCounter(
    {
      acceptance: { staffWindowSeconds: 55 },
      // A store name as long as real ones (the demo's): the tabs must still all fit beside it.
      location: { name: 'Demo Burger, Main St' },
    },
    async ({ app }) => {
      mkdirSync(SHOTS, { recursive: true });
      await setupPin(app, PIN);
      ids.push(...(await sendRush(app.streamUrl)));
    },
    { withStream: true },
  );
  async function openBoard(size: { width: number; height: number }, locale = 'en-US') {
    const page = await counter.browser.newPage({ viewport: size, locale });
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await expect.poll(async () => (await cardsOnScreen(page)).length).toBe(WAITING);
    return page;
  }
  return { counter, ids, openBoard };
}

/** The board's cards, which one is chosen and where the focus is: for a failed test's log. */
function boardState(page: Page) {
  return page.evaluate(() => ({
    pending: [...document.querySelectorAll<HTMLElement>('[data-testid="pending-card"]')].map(
      (c) => `${c.dataset.orderId}${c.classList.contains('is-selected') ? ' (chosen)' : ''}`,
    ),
    progress: [...document.querySelectorAll<HTMLElement>('[data-testid="progress-card"]')].map(
      (c) => c.dataset.orderId,
    ),
    focus: document.activeElement?.outerHTML.slice(0, 120),
    dialogs: [...document.querySelectorAll('[aria-modal="true"], dialog[open]')].map((d) =>
      d.textContent?.slice(0, 120),
    ),
    banners: document.querySelector('.banners')?.textContent?.slice(0, 300),
    progressScroll: ((box) =>
      box && {
        scrollTop: box.scrollTop,
        clientHeight: box.clientHeight,
        scrollHeight: box.scrollHeight,
        maxHeight: box.style.maxHeight,
        top: Math.round(box.getBoundingClientRect().top),
        cards: [...box.querySelectorAll<HTMLElement>('[data-board-card]')].map((c) => {
          const r = c.getBoundingClientRect();
          return `${Math.round(r.top)}..${Math.round(r.bottom)}`;
        }),
      })(document.querySelector<HTMLElement>('.lane--progress .lane__scroll')),
    more: [...document.querySelectorAll<HTMLButtonElement>('.lane__more button')].map(
      (b) => `${b.dataset.testid}: ${b.textContent} ${b.disabled ? '(off)' : ''}`,
    ),
  }));
}

/** A failed test leaves a screenshot and what the board showed (and `also`), to read after. */
function keepBoardOnFailure(page: Page, name: string, also: () => object = () => ({})): void {
  onTestFailed(async () => {
    await page.screenshot({ path: path.join(SHOTS, `${name}-failed.png`) });
    console.error(`${name}: the board when the test failed:`, await boardState(page), also());
  });
}

describe.skipIf(missing !== null)('a rush of 11 waiting orders', () => {
  const { counter, ids, openBoard } = useRushCounter();

  for (const size of SIZES)
    it(`shows at least ${size.atLeast} whole cards with items, notes and a countdown at ${size.width}×${size.height}`, async () => {
      const page = await openBoard(size);
      const cards = await cardsOnScreen(page);
      const seen = cards.filter((c) => c.inSight);
      expect(seen.length).toBeGreaterThanOrEqual(size.atLeast);
      for (const card of seen) {
        expect(card.countdownInSight, `countdown of ${card.id}`).toBe(true);
        expect(card.countdownOpacity).toBe(1);
        expect(card.numberWhole, `number of ${card.id}`).toBe(true);
        // What to cook: a quantity and a name on every card.
        expect(card.text).toMatch(/\d× \S/);
        expect(card.smallestFont, `"${card.smallestText}" on ${card.id}`).toBeGreaterThanOrEqual(
          16,
        );
      }
      const all = seen.map((c) => c.text).join('\n');
      expect(all).toContain('Cheeseburger');
      expect(all).toContain('2× Extra Patty');
      expect(all).toContain('Leave at the door');
      expect(all).toContain('Cut in half please');
      // The third order's note is an allergy: flagged in words on its card, not only in colour.
      const allergy = seen.find((c) => c.id === ids[2]);
      expect(allergy?.text).toMatch(/ALLERGY\s*Sesame allergy/);
      // A card that cannot hold every line says how many are left for Details.
      expect(all).toMatch(/\+\d more items? · Details/);
      // A delivery card names the street on its one-line row, and stays one whole card.
      const delivery = cards.find((c) => c.id === ids[0]);
      expect(delivery?.text).toContain('742 Evergreen Terrace');
      expect(delivery?.inSight, `delivery card ${ids[0]} inside its lane`).toBe(true);
      await page.screenshot({
        path: path.join(SHOTS, `rush-pending-street-${size.width}x${size.height}.png`),
      });

      // The top bar keeps its height and the board does not move when the store pauses.
      const bar = page.locator('.topbar');
      const before = (await bar.boundingBox())!.height;
      const firstTop = (await page.getByTestId('pending-card').first().boundingBox())!.y;
      const paused = await api(counter.app.localUrl, 'POST', '/api/store/pause', {
        body: { minutes: 30, reason: 'Too busy' },
        pin: PIN,
      });
      expect(paused.status).toBe(200);
      await page.getByTestId('paused-pill').waitFor();
      expect((await bar.boundingBox())!.height).toBe(before);
      expect((await page.getByTestId('pending-card').first().boundingBox())!.y).toBe(firstTop);
      // Every tab is still wholly in sight: none cut off, none under the new-order count.
      const tabs = await page.locator('nav.tabs').evaluate((nav) => ({
        overflow: nav.scrollWidth - nav.clientWidth,
        rights: [...nav.querySelectorAll('button')].map((b) => b.getBoundingClientRect().right),
        countLeft: document.querySelector('.topbar__pending')!.getBoundingClientRect().left,
      }));
      expect(tabs.overflow).toBeLessThanOrEqual(0);
      for (const right of tabs.rights) expect(right).toBeLessThanOrEqual(tabs.countLeft);
      await page.screenshot({
        path: path.join(SHOTS, `rush-en-${size.width}x${size.height}.png`),
      });
      expect(
        (await api(counter.app.localUrl, 'POST', '/api/store/resume', { pin: PIN })).status,
      ).toBe(200);
      await page.getByTestId('paused-pill').waitFor({ state: 'detached' });

      const es = await openBoard(size, 'es-MX');
      const esSeen = (await cardsOnScreen(es)).filter((c) => c.inSight);
      expect(esSeen.length).toBeGreaterThanOrEqual(size.atLeast);
      expect(esSeen.find((c) => c.id === ids[2])?.text).toContain('ALERGIA');
      await es.screenshot({ path: path.join(SHOTS, `rush-es-${size.width}x${size.height}.png`) });
      await es.close();
      await page.close();
    }, 40_000);

  it('gives a banner its own room: no card cut or covered, in whole rows, at 1024×768 and 1366×768', async () => {
    let n = 0;
    for (const size of SIZES)
      for (const locale of ['en-US', 'es-MX']) {
        const page = await counter.browser.newPage({ viewport: size, locale });
        await page.goto(counter.app.boardUrl);
        await page.locator('.app[data-connection="open"]').waitFor();
        await page.getByTestId('pending-card').first().waitFor();
        // An order accepted, then canceled by Stream while the board is open: its cancel banner
        // stays at the foot of the screen until someone confirms it.
        const extra = await sendOrder(counter.app.streamUrl, { dspOrderNumber: `BN-${++n}` });
        const accepted = await api(counter.app.localUrl, 'POST', `/api/orders/${extra}/accept`, {
          body: { prepTimeMinutes: 15 },
        });
        expect(accepted.status).toBe(200);
        await sendCancel(counter.app.streamUrl, extra);
        await page.locator(`[data-testid="cancel-banner"][data-order-id="${extra}"]`).waitFor();
        const seen = await cardsUnderBanners(page);
        expect(seen.banners).toBeGreaterThan(0);
        expect(seen.problems, `${locale} ${size.width}`).toEqual([]);
        // The cards below the rows in sight are counted, and one tap shows the next row.
        const more = page.getByTestId('more-below');
        await more.waitFor();
        const firstBefore = await page.getByTestId('pending-card').first().boundingBox();
        await more.click();
        await expect
          .poll(async () => (await page.getByTestId('pending-card').first().boundingBox())!.y)
          .toBeLessThan(firstBefore!.y);
        await expect.poll(async () => (await cardsUnderBanners(page)).problems).toEqual([]);
        await page.screenshot({
          path: path.join(SHOTS, `rush-banner-${locale}-${size.width}x${size.height}.png`),
        });
        // The row scrolled away is counted above, and one tap brings it back.
        await page.getByTestId('more-above').click();
        await expect
          .poll(async () => (await page.getByTestId('pending-card').first().boundingBox())!.y)
          .toBe(firstBefore!.y);
        // The count follows the list's scroll event (a frame after the move).
        await expect.poll(() => page.getByTestId('more-above').isDisabled()).toBe(true);
        if (size.width === 1024 && locale === 'en-US') {
          // A window too short for one whole row beside the banner: the list scrolls freely
          // instead, and a card's Accept can still be brought into sight.
          await page.setViewportSize({ width: 1024, height: 470 });
          const list = page.locator('.lane__list--cards');
          await expect.poll(() => list.getAttribute('data-tight')).toBe('');
          const accept = page
            .getByTestId('pending-card')
            .first()
            .getByRole('button', { name: /^Accept/ });
          await accept.scrollIntoViewIfNeeded();
          const [button, box] = [(await accept.boundingBox())!, (await list.boundingBox())!];
          expect(button.y).toBeGreaterThanOrEqual(box.y - 1);
          expect(button.y + button.height).toBeLessThanOrEqual(box.y + box.height + 1);
        }
        await page.close();
      }
  }, 40_000);

  it('keeps the top bar one height with three-digit counts and missed orders, at 1024, 1366 and 1920, in Spanish too', async () => {
    // The rush's unanswered orders run out of time (55 s): the top bar then also says how many
    // were missed today, under the clock. Measured with it there, whatever this machine's speed.
    const first = await counter.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await first.goto(counter.app.boardUrl);
    await first.getByTestId('missed-today').waitFor({ timeout: 70_000 });
    await first.close();
    for (let i = 0; i < 3; i++)
      await sendOrder(counter.app.streamUrl, {
        dspOrderNumber: `TB-${i}`,
        lineItems: [largeFries()],
      });
    const heights = new Map<string, number>();
    const measure = async (tag: string) => {
      for (const [width, height] of [
        [1024, 768],
        [1366, 768],
        [1920, 1080],
      ] as const)
        for (const locale of ['en-US', 'es-MX']) {
          const page = await counter.browser.newPage({ viewport: { width, height }, locale });
          await page.goto(counter.app.boardUrl);
          await page.locator('.app[data-connection="open"]').waitFor();
          await page.getByTestId('pending-card').first().waitFor();
          const bar = await page.locator('.topbar').evaluate((el) => {
            const nav = el.querySelector('nav.tabs')!;
            return {
              height: el.getBoundingClientRect().height,
              overflow: nav.scrollWidth - nav.clientWidth,
              pending: el.querySelector('.topbar__pending-number')!.textContent,
            };
          });
          expect(bar.overflow, `${tag} ${locale} ${width}`).toBeLessThanOrEqual(0);
          for (const card of (await cardsOnScreen(page)).filter((c) => c.inSight))
            expect(card.numberWhole, `number of ${card.id} at ${width}`).toBe(true);
          const key = `${locale} ${width}`;
          if (!heights.has(key)) heights.set(key, bar.height);
          expect(bar.height, `${tag} ${key}`).toBe(heights.get(key));
          if (tag === 'many') {
            expect(Number(bar.pending)).toBeGreaterThanOrEqual(100);
            await page.screenshot({ path: path.join(SHOTS, `rush-100-${locale}-${width}.png`) });
          }
          await page.close();
        }
    };
    await measure('few');
    // A hundred more: the new-order count and the Orders tab's badge reach three digits.
    for (let batch = 0; batch < 5; batch++)
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          sendOrder(counter.app.streamUrl, {
            dspOrderNumber: `M-${batch * 20 + i}`,
            lineItems: [largeFries()],
          }),
        ),
      );
    await measure('many');
  }, 150_000);
});

// Its own counter and its own rush: the orders above wait out their 55 s for the missed count,
// and on a slow machine the layout tests can use most of that before a cashier here would act.
describe.skipIf(missing !== null)('a cashier working through the rush', () => {
  const { counter, openBoard } = useRushCounter();

  it('accepts a few by keyboard and by tap at 1024×768; Stream hears each answer', async () => {
    const page = await openBoard({ width: 1024, height: 768 });
    // Seen to time out once on a loaded machine: leave what the board showed, to read after.
    keepBoardOnFailure(page, 'rush-accept', () => ({
      streamHeard: counter.stream.effects.map((e) => (e.json as { type?: string }).type),
    }));
    const heard = (id: string) =>
      counter.stream.effects.some((e) => {
        const json = e.json as { type?: string; object?: { provider_id?: string } };
        return json.type === 'order.accepted' && json.object?.provider_id === id;
      });
    // The keyboard: A accepts the selected (first) card.
    const first = (await cardsOnScreen(page))[0]!.id;
    await page.keyboard.press('a');
    await page.locator(`[data-testid="pending-card"][data-order-id="${first}"]`).waitFor({
      state: 'detached',
    });
    // ↓ then A accepts the next-but-one.
    const before = await cardsOnScreen(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('a');
    const second = before[1]!.id;
    await page.locator(`[data-testid="pending-card"][data-order-id="${second}"]`).waitFor({
      state: 'detached',
    });
    // A tap on a card's Accept.
    const third = (await cardsOnScreen(page)).find((c) => c.inSight)!.id;
    await page
      .locator(`[data-testid="pending-card"][data-order-id="${third}"]`)
      .getByRole('button', { name: /^Accept/ })
      .click();
    for (const id of [first, second, third]) {
      await counter.stream.waitFor(() => heard(id));
      await page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`).waitFor();
    }
    expect((await cardsOnScreen(page)).length).toBe(WAITING - 3);
    expect(counter.stream.requests.every((r) => r.signatureValid)).toBe(true);

    // Stream cancels one of them mid-rush: its banner shows, and the cards stay where they were.
    const before2 = await page.getByTestId('pending-card').first().boundingBox();
    await sendCancel(counter.app.streamUrl, first);
    await page.locator(`[data-testid="cancel-banner"][data-order-id="${first}"]`).waitFor();
    expect(await page.getByTestId('pending-card').first().boundingBox()).toEqual(before2);
    await page.screenshot({ path: path.join(SHOTS, 'rush-cancel-en-1024x768.png') });
    await page.close();
  }, 30_000);
});

/** What each lane shows now: its cards wholly in sight, cut, or out of sight, what its "↑ N" /
 * "↓ N more" say, and the room left empty below its last whole card. */
interface LaneView {
  waiting: number;
  whole: string[];
  cut: string[];
  hidden: number;
  above: number;
  below: number;
  /** Height of the lane's empty room under its last whole card, and of the next card down. */
  emptyBelow: number;
  nextCard: number;
  /** New orders only: whether one more row of cards would fit in the lane's room if every card
   * had its fewest text rows (MIN_CARD_ROWS), i.e. a row's room is left empty. */
  roomForOneMoreRow: boolean;
}

function lanesOnScreen(page: Page): Promise<{ pending: LaneView; progress: LaneView }> {
  return page.evaluate((minRows) => {
    const count = (lane: Element, id: string) => {
      const button = lane.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
      return button && !button.disabled ? Number(/\d+/.exec(button.textContent ?? '')![0]) : 0;
    };
    const view = (laneSelector: string, cardId: string, scroller: string) => {
      const lane = document.querySelector(laneSelector)!;
      const clipEl = lane.querySelector(scroller) ?? lane;
      const clip = clipEl.getBoundingClientRect();
      const win = { top: 0, bottom: window.innerHeight };
      const top = Math.max(clip.top, win.top);
      const bottom = Math.min(clip.bottom, win.bottom);
      const laneBottom = Math.min(
        lane.getBoundingClientRect().bottom - parseFloat(getComputedStyle(lane).paddingBottom),
        win.bottom,
      );
      const cards = [...lane.querySelectorAll<HTMLElement>(`[data-testid="${cardId}"]`)];
      const whole: string[] = [];
      const cut: string[] = [];
      let hidden = 0;
      let lastBottom = top;
      let nextCard = 0;
      for (const card of cards) {
        const r = card.getBoundingClientRect();
        if (r.top >= top - 1 && r.bottom <= bottom + 1) {
          whole.push(card.dataset.orderId!);
          lastBottom = Math.max(lastBottom, r.bottom);
        } else if (r.bottom > top + 1 && r.top < bottom - 1) cut.push(card.dataset.orderId!);
        else {
          hidden++;
          if (!nextCard && r.top >= bottom - 1) nextCard = r.height;
        }
      }
      const pending = laneSelector === '.lane--pending';
      let roomForOneMoreRow = false;
      if (pending && whole.length) {
        const card = lane.querySelector<HTMLElement>(`[data-order-id="${whole[0]}"]`)!;
        const body = card.querySelector('.pending-card__body')!;
        const textRow = parseFloat(getComputedStyle(body).lineHeight);
        const rows = Math.round(body.getBoundingClientRect().height / textRow);
        const smallest = card.getBoundingClientRect().height - (rows - minRows) * textRow;
        const gap = parseFloat(getComputedStyle(clipEl).rowGap);
        const rowsShown = new Set(
          whole.map((id) =>
            Math.round(lane.querySelector(`[data-order-id="${id}"]`)!.getBoundingClientRect().top),
          ),
        ).size;
        roomForOneMoreRow = (rowsShown + 1) * (smallest + gap) - gap <= laneBottom - clip.top;
      }
      return {
        roomForOneMoreRow,
        waiting: Number(lane.querySelector('.lane__title .lane__count')!.textContent),
        whole,
        cut,
        hidden,
        above: count(lane, pending ? 'more-above' : 'progress-more-above'),
        below: count(lane, pending ? 'more-below' : 'progress-more-below'),
        emptyBelow: Math.round(laneBottom - lastBottom),
        nextCard: Math.round(nextCard),
      };
    };
    return {
      pending: view('.lane--pending', 'pending-card', '.lane__list--cards'),
      progress: view('.lane--progress', 'progress-card', '.lane__scroll'),
    };
  }, MIN_CARD_ROWS);
}

// A rush while something else is wrong: Stream cannot be reached (the test connector's Stream is a
// closed port), so the health banner takes its room at the foot of the screen. Each lane must still
// show whole cards only, as many as fit, and count the rest.
const IN_PROGRESS = 14;

/** Its own counter, with 14 orders in progress and no Stream (so the health banner is up), for
 * one test: on a slow machine a counter shared by four tests saw its orders outlive Stream's
 * 60-second window and the staff's 55 s (missed rows, a red warning on every row in progress), a
 * board no longer the one these tests are about. */
function useBannerRush() {
  const counter = useCounter(
    { acceptance: { staffWindowSeconds: 55 }, location: { name: 'Demo Burger, Main St' } },
    async ({ app }) => {
      mkdirSync(SHOTS, { recursive: true });
      for (let i = 0; i < IN_PROGRESS; i++) {
        const id = await sendOrder(app.streamUrl, {
          dspOrderNumber: `IP-${201 + i}`,
          fulfillmentType: i % 2 ? 'pickup' : 'delivery',
        });
        const res = await api(app.localUrl, 'POST', `/api/orders/${id}/accept`, {
          body: { prepTimeMinutes: 20 },
        });
        if (res.status !== 200) throw new Error(`accept answered ${res.status}`);
      }
    },
  );

  /** 11 more new orders, and the board at `size` once the banner and the cards are laid out. */
  async function boardWithBanner(size: { width: number; height: number }, tag: string) {
    for (let i = 0; i < WAITING; i++)
      await sendOrder(counter.app.streamUrl, {
        dspOrderNumber: `HB-${tag}-${i}`,
        fulfillmentType: i % 2 ? 'pickup' : 'delivery',
        lineItems: i % 3 === 0 ? bigOrderItems() : undefined,
      });
    const page = await counter.openBoard({ viewport: size });
    await page.getByTestId('health-banner').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('pending-card').count()) >= WAITING)
      .toBe(true);
    await expect
      .poll(async () => (await lanesOnScreen(page)).pending.whole.length)
      .toBeGreaterThan(0);
    return page;
  }

  return { boardWithBanner };
}

/** No card cut; the cards in sight and the lane's "↑ N" / "↓ N more" add up to its count; and
 * no room for one more card is left empty at the lane's foot. */
function expectWholeAndCounted(name: string, lane: LaneView): void {
  expect(lane.cut, `${name}: cards cut`).toEqual([]);
  expect(lane.whole.length + lane.above + lane.below, `${name}: shown + counted`).toBe(
    lane.waiting,
  );
  expect(lane.whole.length + lane.hidden, name).toBe(lane.waiting);
  if (lane.below > 0)
    expect(lane.emptyBelow, `${name}: empty room at the foot`).toBeLessThan(lane.nextCard);
}

for (const size of SIZES) {
  describe.skipIf(missing !== null)(
    `a rush with a problem banner up (new orders, ${size.width}×${size.height})`,
    () => {
      const { boardWithBanner } = useBannerRush();
      it(`new orders: whole cards only, as many as fit, the rest counted, at ${size.width}×${size.height}`, async () => {
        const page = await boardWithBanner(size, `n${size.width}`);
        const { pending } = await lanesOnScreen(page);
        await page.screenshot({
          path: path.join(SHOTS, `rush-health-banner-${size.width}x${size.height}.png`),
        });
        expectWholeAndCounted('new orders', pending);
        // The foot's room is not left empty: had one more row fit with fewer lines per card, the
        // cards would have given those lines up (at 1366×768 beside a one-line banner: 6 cards in
        // sight, not 3 with 240 px empty under them).
        expect(pending.roomForOneMoreRow, 'a row of room left empty').toBe(false);
        await page.close();
      }, 60_000);
    },
  );
  describe.skipIf(missing !== null)(
    `a rush with a problem banner up (in progress, ${size.width}×${size.height})`,
    () => {
      const { boardWithBanner } = useBannerRush();
      it(`in progress: whole rows only, the rest counted, and ↓ shows the next, at ${size.width}×${size.height}`, async () => {
        const page = await boardWithBanner(size, `p${size.width}`);
        keepBoardOnFailure(page, `rush-progress-${size.width}`);
        const { progress } = await lanesOnScreen(page);
        expect(progress.waiting).toBe(IN_PROGRESS);
        expect(progress.below, 'some rows out of sight').toBeGreaterThan(0);
        expectWholeAndCounted('in progress', progress);
        await page.screenshot({
          path: path.join(SHOTS, `rush-progress-banner-${size.width}x${size.height}.png`),
        });
        // One tap on "↓ N more": the lane moves on, and what is in sight is still whole and counted.
        await page.getByTestId('progress-more-below').click();
        await expect
          .poll(async () => (await lanesOnScreen(page)).progress.above)
          .toBeGreaterThan(0);
        expectWholeAndCounted('in progress, moved on', (await lanesOnScreen(page)).progress);
        // Down to the end: the last row is in sight, whole.
        const last = page.getByTestId('progress-card').last();
        for (
          let i = 0;
          i < IN_PROGRESS && !(await page.getByTestId('progress-more-below').isDisabled());
          i++
        )
          await page.getByTestId('progress-more-below').click();
        await expect
          .poll(async () => (await lanesOnScreen(page)).progress.whole)
          .toContain(await last.getAttribute('data-order-id'));
        expectWholeAndCounted('in progress, at the end', (await lanesOnScreen(page)).progress);
        // By key: → chooses the first row (scrolled out of sight above), ↓ each next one; the
        // chosen row is brought into sight whole every time.
        const rows = await page
          .getByTestId('progress-card')
          .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.orderId!));
        for (const [i, id] of rows.entries()) {
          await page.keyboard.press(i === 0 ? 'ArrowRight' : 'ArrowDown');
          await expect
            .poll(() =>
              page.evaluate(() => (document.activeElement as HTMLElement).dataset.orderId),
            )
            .toBe(id);
          await expect.poll(async () => (await lanesOnScreen(page)).progress.whole).toContain(id);
        }
        await page.close();
      }, 60_000);
    },
  );
}
