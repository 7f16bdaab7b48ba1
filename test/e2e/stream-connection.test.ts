// Connecting a store to Stream, as the people involved meet it, in Chromium: the manager gets a
// connect code on the Health screen (manager PIN), the merchant types it into the sign-in page
// Stream opened (no script on it), the browser lands back on Stream's redirect URI with code and
// state, Stream exchanges the code, the panel says Connected; Disconnect (PIN) revokes it.
import type { Browser } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { local } from '../support/stream-client.js';
import { requestToken } from '../support/stream-onboarding.js';
import { freePort } from '../support/tls.js';
import { browserMissingReason } from './support/browser.js';
import type { E2eConnector } from './support/connector.js';
import { startCounter, type Counter } from './support/counter.js';

const missing = browserMissingReason();
const PIN = '2468';
const CLIENT_ID = 'stream-e2e';
const CLIENT_SECRET = 'stream-e2e-client-secret-0123';

describe.skipIf(missing !== null)('Connect to Stream in Chromium', () => {
  let counter: Counter;
  let app: E2eConnector;
  let browser: Browser;
  let callback: Server;
  let redirectUri: string;
  const landed: string[] = [];

  beforeAll(async () => {
    // Stream's side of the redirect: records where the browser was sent.
    const port = await freePort();
    redirectUri = `http://127.0.0.1:${port}/oauth/callback`;
    callback = createServer((req, res) => {
      landed.push(req.url ?? '');
      res.setHeader('content-type', 'text/html');
      res.end('<p>Stream: connected</p>');
    });
    await new Promise<void>((r) => callback.listen(port, '127.0.0.1', r));
    counter = await startCounter({
      stream: {
        authorize: {
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUris: [redirectUri],
        },
      },
    });
    ({ app, browser } = counter);
    expect((await local(app.localUrl, 'POST', '/api/manager/pin', { pin: PIN })).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await counter?.close();
    await new Promise((r) => callback?.close(r));
  });

  it('gets a connect code with the PIN, signs Stream in with it, shows Connected, and disconnects', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await page.getByRole('button', { name: /^Health/ }).click();
    const panel = page.getByTestId('stream-connection');
    await panel.getByText('Never connected.').waitFor();

    await panel.getByRole('button', { name: 'Get a connect code' }).click();
    const pad = page.getByRole('dialog', { name: 'Manager PIN' });
    await pad.getByLabel('Manager PIN').fill(PIN);
    await pad.getByRole('button', { name: 'OK' }).click();
    const shown = await panel.getByTestId('connect-code').locator('strong').innerText();
    expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await panel.screenshot({ path: 'test-results/stream-connection-code.png' });

    // The merchant's browser, sent by Stream to our Authorize page; scripts off, to prove none is needed.
    const merchant = await browser.newContext({ javaScriptEnabled: false });
    const signIn = await merchant.newPage();
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: redirectUri,
      state: 'e2e-state',
    });
    await signIn.goto(`${app.streamUrl}/oauth/authorize?${query}`);
    await signIn.getByLabel('Connect code').fill(shown);
    await signIn.getByRole('button', { name: 'Connect' }).click();
    await signIn.getByText('Stream: connected').waitFor();
    const back = new URL(landed.at(-1)!, redirectUri);
    expect(back.searchParams.get('state')).toBe('e2e-state');
    await merchant.close();

    const tokens = await requestToken(app.streamUrl, {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code: back.searchParams.get('code')!,
      redirect_uri: redirectUri,
    });
    expect(tokens.status).toBe(201);

    // The panel refreshes with the Health screen.
    await panel.getByText('Connected.', { exact: true }).waitFor({ timeout: 15_000 });
    await panel.getByText(`Stream client: ${CLIENT_ID}`).waitFor();
    await panel.screenshot({ path: 'test-results/stream-connection-connected.png' });

    await panel.getByRole('button', { name: 'Disconnect from Stream' }).click();
    const pad2 = page.getByRole('dialog', { name: 'Manager PIN' });
    if (await pad2.isVisible()) {
      await pad2.getByLabel('Manager PIN').fill(PIN);
      await pad2.getByRole('button', { name: 'OK' }).click();
    }
    await panel.getByText(/^Disconnected:/).waitFor();
    const conn = await local<{ state: string }>(app.localUrl, 'GET', '/api/stream/connection');
    expect(conn.body.state).toBe('disconnected');
    await page.close();
  }, 90_000);
});
