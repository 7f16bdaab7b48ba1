// The cashier's screen in Spanish, in Debian's Chromium against a real connector: a browser
// that prefers Spanish opens every screen in Spanish (the page says `lang="es"`), and no
// English word of ours is left on any of them: visible text, button names for screen readers,
// titles and placeholders. Screenshots of each screen go to test-results/screens-es for a
// person to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { seedCounterScene } from './support/seed.js';

const missing = browserMissingReason();
const SHOTS = path.resolve('test-results/screens-es');

/**
 * Words of our UI in English that have no place on a Spanish screen. Data stays as it came
 * (item names from the catalog, the customer's notes), so the fixtures' own words are removed
 * before looking (DATA below).
 */
const ENGLISH =
  /\b(Accept|Reject|Details|Orders?|Scheduled|History|Health|Store|Pause|Paused|Resume|Search|minutes|Ready|Preparing|Canceled|Pickup|Delivery|Customer|Export|Settings|Sound|Printer|Connection|Waiting|Today|items?|Tax|Send|Remove|Cancel|Close|Busy|Sold out|Available|Address|Status|Source|Done|Due|Late|Try again|Reprint|New|Loading|the|and|with|for|your|this|not|from|until|minutes?|hours?)\b/g;

/** Words that came with the orders and the catalog (data, shown as sent). */
const DATA = [
  'Cut in half please',
  'Leave at the door',
  'Jane Doe',
  'John Smith',
  'Marta Quintero',
  'Truffle Risotto',
  'Stream Connector',
  'Test Store', // the location's name
];

/** Every text a cashier reads or a screen reader says on the page now. */
async function wordsOnScreen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(attr);
        if (value) parts.push(value);
      }
    return parts.join('\n');
  });
}

function englishIn(text: string): string[] {
  let rest = text;
  for (const phrase of DATA) rest = rest.split(phrase).join(' ');
  return [...new Set([...rest.matchAll(ENGLISH)].map((m) => m[0]))];
}

describe.skipIf(missing !== null)('the screen in Spanish', () => {
  const counter = useCounter({ acceptance: { staffWindowSeconds: 55 } }, async ({ app }) => {
    mkdirSync(SHOTS, { recursive: true });
    await seedCounterScene(app);
  });

  it('opens every screen in Spanish with no English word of ours left', async () => {
    const page = await counter.browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'es-MX',
    });
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await page.getByTestId('pending-card').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');

    const found: string[] = [];
    const look = async (where: string): Promise<void> => {
      await page.screenshot({ path: path.join(SHOTS, `${where}.png`) });
      for (const word of englishIn(await wordsOnScreen(page))) found.push(`${where}: ${word}`);
    };
    const tab = (i: number) => page.locator('nav.tabs button').nth(i);

    await look('board');
    const card = page.getByTestId('pending-card').first();
    await card.getByRole('button', { name: /^Detalles/ }).click();
    await page.getByTestId('order-detail').waitFor();
    await look('detail');
    await page.keyboard.press('Escape');
    await page.getByTestId('order-detail').waitFor({ state: 'detached' });
    await card.locator('.button--reject').click();
    await page.getByRole('dialog').waitFor();
    await look('reject');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const screens = ['scheduled', 'done', 'new', 'history', 'store', 'health'];
    for (const [i, where] of screens.entries()) {
      await tab(i + 1).click();
      await page.locator('nav.tabs button.is-current').nth(0).waitFor();
      if (where === 'new') await page.getByTestId('menu-item').first().waitFor();
      if (where === 'history') await page.getByTestId('history-row').first().waitFor();
      if (where === 'store') await page.getByTestId('store-state').waitFor();
      if (where === 'health') await page.getByTestId('health-status').waitFor();
      await look(where);
    }
    expect(found.join('\n'), 'English left on the Spanish screen').toBe('');
    await page.close();
  });
});
