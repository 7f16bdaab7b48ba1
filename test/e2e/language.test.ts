// The language picker on the health screen, in Debian's Chromium against a real connector:
// picking Español turns the screen Spanish (the health and history screens' own words, the
// page's `lang`), the choice stays after a reload, and English comes back the same way.
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
    // The half-taken order is still there, now in Spanish.
    await page.getByRole('button', { name: /Nuevo/ }).click();
    expect(await page.locator('#field-customer-name').inputValue()).toBe('Nora Ortiz');

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
