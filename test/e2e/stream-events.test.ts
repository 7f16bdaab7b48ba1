// What Stream hears when the cashier taps: a real connector delivering to the fake Stream cloud
// (test/support/fake-stream.ts, real clock), the board in Debian's Chromium. Accept on the board
// → Stream receives `order.accepted` with the chosen prep time; Mark ready → it receives the
// status. Waits are on the fake's requests, never on a fixed sleep.
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeStream } from '../support/fake-stream.js';
import { browserMissingReason, launchChromium } from './support/browser.js';
import { startE2eConnector, type E2eConnector } from './support/connector.js';
import { sendOrder } from './support/stream.js';
import { buildUi, type BuiltUi } from './support/ui-build.js';

const missing = browserMissingReason();

describe.skipIf(missing !== null)('board taps reach the Stream cloud', () => {
  let ui: BuiltUi;
  let fake: FakeStream;
  let app: E2eConnector;
  let browser: Browser;

  beforeAll(async () => {
    ui = await buildUi();
    fake = await FakeStream.start();
    app = await startE2eConnector(ui.dir, { stream: { apiUrl: fake.url } });
    browser = await launchChromium({ soundAllowed: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
    await fake?.close();
    ui?.remove();
  });

  /** The events Stream applied for one order, by their wire text. */
  const eventsFor = (id: string) =>
    fake.effects.map((e) => JSON.stringify(e.json)).filter((json) => json.includes(id));

  it('sends order.accepted with the prep time after Accept, then the ready status', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    const id = await sendOrder(app.streamUrl, {
      source: 'uber',
      dspOrderNumber: 'U-7001',
      fulfillmentType: 'pickup',
    });
    const card = page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`);
    await card.getByRole('button', { name: /More prep time/ }).click();
    await card.getByRole('button', { name: 'Accept' }).click();

    await fake.waitFor(() => eventsFor(id).some((e) => e.includes('order.accepted')));
    const accepted = fake.effects.find((e) => JSON.stringify(e.json).includes('order.accepted'))!;
    expect(accepted.json).toMatchObject({
      type: 'order.accepted',
      object: { provider_id: id, location_id: 'store-1', prep_time_minutes: 20 },
    });
    expect(fake.requests.every((r) => r.signatureValid)).toBe(true);

    const progress = page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`);
    await progress.getByRole('button', { name: 'Start preparing' }).click();
    await progress.getByRole('button', { name: 'Mark ready' }).click();
    await fake.waitFor(() => eventsFor(id).some((e) => e.includes('ready_for_pickup')));
    // Stream hears them in the order they happened.
    const kinds = eventsFor(id).map((e) =>
      ['order.accepted', 'preparing', 'ready_for_pickup'].find((k) => e.includes(k)),
    );
    expect(kinds).toEqual(['order.accepted', 'preparing', 'ready_for_pickup']);
    await page.close();
  });
});
