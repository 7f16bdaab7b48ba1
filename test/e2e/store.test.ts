// A manager at the counter: pause the store with the PIN (a wrong PIN is refused on the keypad),
// resume, and 86 a menu item found by search. Real connector, real Chromium.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { putCatalog, setupPin } from '../support/manager-client.js';
import { local } from '../support/stream-client.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';

const missing = browserMissingReason();
const PIN = '2468';

describe.skipIf(missing !== null)('store controls in Chromium', () => {
  const counter = useCounter({}, async ({ app }) => {
    const catalog: unknown = JSON.parse(
      readFileSync(new URL('../../config/dev-catalog.json', import.meta.url), 'utf8'),
    );
    await setupPin(app, PIN);
    await putCatalog(app, catalog, PIN);
  });

  it('pauses with the manager PIN, refuses a wrong one, resumes, and 86s an item from search', async () => {
    const page = await counter.openBoard();
    await page.getByRole('button', { name: /^Store/ }).click();
    await page.getByTestId('store-state').getByText(/OPEN/).waitFor();

    await page.getByRole('button', { name: '30 min', exact: true }).click();
    const pad = page.getByRole('dialog', { name: 'Manager PIN' });
    await pad.waitFor();
    await pad.getByLabel('Manager PIN').fill('1111');
    await pad.getByRole('button', { name: 'OK' }).click();
    await pad.getByRole('alert').waitFor();
    expect(
      (await local<{ state: string }>(counter.app.localUrl, 'GET', '/api/store')).body.state,
    ).toBe('open');

    for (const digit of PIN) await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: 'OK' }).click();
    await pad.waitFor({ state: 'detached' });
    await page
      .getByTestId('store-state')
      .getByText(/PAUSED until/)
      .waitFor();
    await page.getByTestId('paused-pill').waitFor();
    const paused = (
      await local<{ state: string; pause: { reason: string } }>(
        counter.app.localUrl,
        'GET',
        '/api/store',
      )
    ).body;
    expect(paused.state).toBe('paused');
    expect(paused.pause.reason).toBe('Too busy');

    // The PIN is remembered for a minute: resuming asks for nothing more.
    await page.getByRole('button', { name: 'Resume orders' }).click();
    await page.getByTestId('store-state').getByText(/OPEN/).waitFor();
    expect(await page.getByTestId('paused-pill').count()).toBe(0);

    await page.getByRole('searchbox').fill('fries');
    const hit = page.getByTestId('catalog-hit').filter({ hasText: 'Fries' }).first();
    await hit.getByRole('button', { name: /86 · Rest of today/ }).click();
    await page.getByTestId('sold-out-row').first().waitFor();
    const availability = (
      await local<{ unavailable: { name: string | null }[] }>(
        counter.app.localUrl,
        'GET',
        '/api/catalog/availability',
      )
    ).body;
    expect(availability.unavailable.map((u) => u.name)).toContain(
      await page.getByTestId('sold-out-row').first().locator('strong').textContent(),
    );
    await page.screenshot({ path: 'test-results/screens/store-1366x768.png' });
    await page.close();
  });
});
