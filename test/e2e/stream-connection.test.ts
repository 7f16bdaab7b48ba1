// Connecting the store to Stream as a manager and a merchant meet it, in Debian's Chromium: the
// "Connect to Stream" panel on the Health screen gives a connect code behind the manager PIN;
// the merchant types it on the connector's own sign-in page (the page Stream opens in their
// browser), Stream exchanges the code and calls with the token; the panel shows the connection
// and the last call; Disconnect (PIN) revokes the token, which Stream then finds refused.
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { setupPin } from '../support/manager-client.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { codeFromRedirect, onboard, type SignIn } from '../support/stream-onboarding.js';
import { browserMissingReason } from './support/browser.js';
import { useCounter } from './support/counter.js';

const missing = browserMissingReason();
const PIN = '2468';
const CLIENT_ID = 'stream-e2e-client';
const CLIENT_SECRET = 'stream-e2e-client-secret-0123456789';
const REDIRECT = 'https://stream.example/pos/oauth/callback';

describe.skipIf(missing !== null)('Connect to Stream in Chromium', () => {
  const counter = useCounter(
    {
      stream: {
        authorize: {
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUris: [REDIRECT],
          merchantId: 'merchant-e2e',
        },
      },
    },
    ({ app }) => setupPin(app, PIN),
  );

  async function typePin(page: Page): Promise<void> {
    const pad = page.getByRole('dialog', { name: 'Manager PIN' });
    await pad.waitFor();
    for (const digit of PIN) await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: 'OK' }).click();
    await pad.waitFor({ state: 'detached' });
  }

  /** The merchant's browser on the connector's sign-in page; returns where it was sent back. */
  const signInAsMerchant: SignIn = async (baseUrl, params, code) => {
    const page = await counter.browser.newPage({ viewport: { width: 1024, height: 768 } });
    // Stream's callback is not on this machine: catch the redirect the browser follows.
    let callback: string | null = null;
    let calledBack!: () => void;
    const sentBack = new Promise<void>((resolve) => (calledBack = resolve));
    await page.route('https://stream.example/**', async (route) => {
      callback = route.request().url();
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Stream</p>' });
      calledBack();
    });
    const query = new URLSearchParams({ response_type: 'code', ...params });
    await page.goto(`${baseUrl}/oauth/authorize?${query.toString()}`);
    await page.getByText('Test Store').first().waitFor();
    // A mistyped code says so on the page and sends nobody anywhere.
    await page.getByLabel(/Connect code/i).fill('AAAA-AAAA');
    await page.getByRole('button').first().click();
    await page.getByText(/not right/).waitFor();
    expect(callback).toBeNull();
    await page.getByLabel(/Connect code/i).fill(code);
    await page.getByRole('button').first().click();
    // Not waitForURL: the sign-in page's own address names stream.example in redirect_uri.
    await sentBack;
    await page.close();
    return new URL(callback!);
  };

  it('gives a connect code with the PIN, shows the connection Stream made, and disconnects', async () => {
    const page = await counter.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await page.getByRole('button', { name: /^Health/ }).click();
    const panel = page.getByTestId('stream-connection');
    await panel.getByText('Never connected.').waitFor();

    await panel.getByRole('button', { name: 'Get a connect code' }).click();
    await typePin(page);
    const shown = await panel.getByTestId('connect-code').locator('strong').innerText();
    expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await panel.getByTestId('connect-code').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/stream-connect-code-1024.png' });

    // The merchant, sent by Stream to the sign-in page, types the code from the screen.
    // Stream exchanges the code (a 201 with tokens), then sends an order with the access token.
    const { tokens, redirect } = await onboard(
      counter.app.streamUrl,
      { id: CLIENT_ID, secret: CLIENT_SECRET },
      { connectCode: shown, redirectUri: REDIRECT },
      {
        authorize: { state: 'e2e-state', code_challenge_method: 'S256' },
        signIn: signInAsMerchant,
      },
    );
    expect(redirect.origin + redirect.pathname).toBe(REDIRECT);
    expect(codeFromRedirect(redirect.toString()).state).toBe('e2e-state');
    expect(tokens.id).toBe('merchant-e2e');
    const bearer = { signature: null, authorization: `Bearer ${tokens.access_token}` };
    const order = await sendToStreamListener(
      counter.app.streamUrl,
      orderCreated({ dspOrderNumber: 'OA-1' }),
      bearer,
    );
    expect(order.status).toBe(200);

    // The panel says what the core knows: connected, by which client, Stream's last call.
    await panel.getByText('Connected.', { exact: true }).waitFor();
    await panel.getByText(`Stream client: ${CLIENT_ID}`).waitFor();
    await panel.getByText(/^Last call from Stream: /).waitFor({ timeout: 12_000 });
    await panel.getByText(/^Current access token runs out at /).waitFor();
    // The order Stream sent with that token is on the board.
    await page.getByRole('button', { name: /^Orders/ }).click();
    await page.getByText('OA-1').first().waitFor();

    await page.getByRole('button', { name: /^Health/ }).click();
    // Disconnect asks once more (it stops every order), and Keep connected changes nothing.
    await panel.getByRole('button', { name: 'Disconnect from Stream' }).click();
    await panel.getByText(/will not be able to send any order/).waitFor();
    await panel.getByRole('button', { name: 'Keep connected' }).click();
    const kept = await local<{ state: string }>(
      counter.app.localUrl,
      'GET',
      '/api/stream/connection',
    );
    expect(kept.body.state).toBe('connected');
    await panel.getByRole('button', { name: 'Disconnect from Stream' }).click();
    await panel.getByRole('button', { name: 'Yes, disconnect' }).click();
    // The PIN typed a moment ago is remembered for a minute: no second keypad.
    await panel.getByText(/^Disconnected: Stream cannot send orders/).waitFor();
    await page.getByText('Disconnected from Stream.').first().waitFor();

    // Stream's token no longer works, and the audit names the disconnect.
    const refused = await sendToStreamListener(
      counter.app.streamUrl,
      orderCreated({ dspOrderNumber: 'OA-2' }),
      bearer,
    );
    expect(refused.status).toBe(401);
    const conn = await local<{ state: string }>(
      counter.app.localUrl,
      'GET',
      '/api/stream/connection',
    );
    expect(conn.body.state).toBe('disconnected');
    await page.close();
  });

  it('shows the panel and the sign-in page in Spanish', async () => {
    const page = await counter.browser.newPage({
      viewport: { width: 1024, height: 768 },
      locale: 'es-MX',
    });
    await page.goto(counter.app.boardUrl);
    await page.locator('.app[data-connection="open"]').waitFor();
    await page.getByRole('button', { name: /^Estado|^Salud/ }).click();
    const panel = page.getByTestId('stream-connection');
    await panel.getByRole('heading', { name: 'Conectar con Stream' }).waitFor();
    await panel.getByRole('button', { name: 'Obtener un código de conexión' }).waitFor();

    const signIn = await counter.browser.newPage({ locale: 'es-MX' });
    const query = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT });
    await signIn.goto(
      `${counter.app.streamUrl}/oauth/authorize?response_type=code&${query.toString()}`,
    );
    await signIn.getByText('Código de conexión').first().waitFor();
    await signIn.screenshot({ path: 'test-results/screens/stream-sign-in-es.png' });
    await signIn.close();
    await page.close();
  });
});
