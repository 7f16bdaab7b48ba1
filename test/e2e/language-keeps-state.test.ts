// A language switch re-words the screen in place (issue 13): the language is React context, not
// a key that re-creates the tree. A phone order half taken on the New order screen keeps its
// typed name in the very same input element, the words around it turn Spanish, the screen on
// show stays the one staff were on, and <html lang> follows.
import { describe, expect, it } from 'vitest';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { loadDevCatalog } from './support/seed.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)('switching the language keeps what is on screen', () => {
  const counter = useCounter({}, async ({ app }) => {
    await loadDevCatalog(app);
  });

  it('turns a half-taken phone order Spanish without losing its typed name or its input', async () => {
    const page = await counter.browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'en-US',
    });
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await page.getByRole('button', { name: /New order/ }).click();
    const name = page.locator('#field-customer-name');
    await name.fill('Nora Ortiz');
    expect(await page.getByLabel(/^Customer name/).count()).toBeGreaterThan(0);
    // Remember the input element itself: a remount would replace it with a new one.
    await page.evaluate(() => {
      (window as unknown as { nameInput: Element | null }).nameInput =
        document.getElementById('field-customer-name');
    });

    await page.getByRole('button', { name: /^Health/ }).click();
    await page.getByLabel('Language (Idioma)').selectOption('es');
    await page.locator('html[lang="es"]').waitFor();
    // The screen on show is still the one where the choice was made.
    expect(await page.locator('nav.tabs [aria-current="page"]').textContent()).toMatch(/^Estado/);

    await page.getByRole('button', { name: /Nuevo/ }).click();
    await page
      .getByLabel(/^Cliente/)
      .first()
      .waitFor();
    expect(await page.getByLabel(/^Customer name/).count()).toBe(0);
    expect(await name.inputValue()).toBe('Nora Ortiz');
    const sameInput = await page.evaluate(
      () =>
        document.getElementById('field-customer-name') ===
        (window as unknown as { nameInput: Element | null }).nameInput,
    );
    expect(sameInput).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.close();
  });
});
