// The language picker on the health screen, in Debian's Chromium against a real connector:
// picking Español turns the screen Spanish in place (the language is React context, not a key
// that re-creates the tree, and the plain helpers take it as an argument): a half-taken phone
// order keeps its typed name in the very same input element, the screen on show stays, the
// helpers' words (history's ranges, counts) turn Spanish without a reload, the page's `lang`
// follows, the choice stays after a reload, and English comes back the same way.
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';
import { loadDevCatalog, takePhoneOrder } from './support/seed.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)('the screen language', () => {
  const counter = useCounter({}, async ({ app }) => {
    await loadDevCatalog(app);
    await takePhoneOrder(app.localUrl);
  });

  const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  it('turns Spanish when Español is picked in the settings, and stays Spanish after a reload', async () => {
    // An English browser: the terminal starts in English.
    const page = await counter.browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'en-US',
    });
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    // A phone order half taken when someone switches the language.
    await page.getByRole('button', { name: /New order/ }).click();
    await page.locator('#field-customer-name').fill('Nora Ortiz');
    // Remember the input element itself: a remount would replace it with a new one.
    await page.evaluate(() => {
      (window as unknown as { nameInput: Element | null }).nameInput =
        document.getElementById('field-customer-name');
    });
    await page.getByRole('button', { name: /^Health/ }).click();
    await page.getByTestId('health-status').waitFor();
    const picker = page.getByLabel('Language (Idioma)');
    expect(await picker.inputValue()).toBe('en');
    // Each language is named in itself, and the control is a comfortable touch target.
    expect(await picker.locator('option').allTextContents()).toEqual(['English', 'Español']);
    expect((await picker.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    await picker.selectOption('es');
    await page.locator('html[lang="es"]').waitFor();
    // Still on the settings screen where the choice was made.
    await page.getByRole('heading', { name: 'Este mostrador' }).waitFor();
    expect(await page.locator('nav.tabs [aria-current="page"]').textContent()).toMatch(/^Estado/);
    await page.getByRole('heading', { name: 'Esta pantalla' }).waitFor();
    expect(await page.getByLabel('Idioma (Language)').inputValue()).toBe('es');
    expect(await page.getByText('This counter').count()).toBe(0);
    // The half-taken order is still there, in the same input, with Spanish words around it.
    await page.getByRole('button', { name: /Nuevo/ }).click();
    await page
      .getByLabel(/^Cliente/)
      .first()
      .waitFor();
    expect(await page.getByLabel(/^Customer name/).count()).toBe(0);
    expect(await page.locator('#field-customer-name').inputValue()).toBe('Nora Ortiz');
    const sameInput = await page.evaluate(
      () =>
        document.getElementById('field-customer-name') ===
        (window as unknown as { nameInput: Element | null }).nameInput,
    );
    expect(sameInput).toBe(true);
    // Words from the plain helpers (local-day's range names) turn Spanish without a reload.
    await page.getByRole('button', { name: /^Historial/ }).click();
    await page.getByRole('button', { name: 'Últimos 7 días' }).waitFor();
    await page.getByTestId('history-status').getByText('1 pedido', { exact: true }).waitFor();

    await page.reload();
    await page.locator('.app[data-connection="open"]').waitFor();
    expect(await lang(page)).toBe('es');
    await page.getByRole('button', { name: /^Historial/ }).click();
    await page.getByRole('heading', { name: 'Historial' }).waitFor();
    await page.getByTestId('history-status').getByText('1 pedido', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Últimos 7 días' }).waitFor();
    await page.getByPlaceholder('Número, cliente o producto').waitFor();
    await page.getByTestId('history-search').fill('nada de esto');
    await page.getByText('Ningún pedido coincide con “nada de esto” en estos días.').waitFor();

    // And back to English the same way.
    await page.getByRole('button', { name: /^Estado/ }).click();
    await page.getByLabel('Idioma (Language)').selectOption('en');
    await page.locator('html[lang="en"]').waitFor();
    await page.getByRole('heading', { name: 'This counter' }).waitFor();
    await page.close();
  });
});
