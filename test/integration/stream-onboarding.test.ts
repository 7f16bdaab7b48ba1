// Merchant onboarding as Stream does it (issue 16; stream-api.md A7, B6), over real HTTP: the
// Authorize page, a connect code from the counter's Local API, the redirect back with code and
// state, the token exchange, Stream's calls with the access token, refresh rotation, reuse
// detection, the injected clock for expiry, and Disconnect at the counter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { TEST_PIN, api, setupPin } from '../support/manager-client.js';
import { orderCreated } from '../support/orders.js';
import { sendToStreamListener } from '../support/stream-client.js';
import {
  codeFromRedirect,
  onboard as onboardStream,
  openAuthorize,
  pkcePair,
  requestToken,
  submitConnectCode,
  type AuthorizeParams,
  type IssuedTokens,
} from '../support/stream-onboarding.js';

const CLIENT_ID = 'stream-onboarding-test';
const CLIENT_SECRET = 'stream-client-secret-0123456789';
const REDIRECT = 'https://stream.example/pos/oauth/callback';
const CLIENT = { id: CLIENT_ID, secret: CLIENT_SECRET };
const AUTHORIZE = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  redirectUris: [REDIRECT],
  merchantId: 'merchant-42',
  ssoDetails: { email: 'owner@demo.example', fullName: 'Dana Owner', phoneNumber: '+15555550100' },
};

type Tokens = IssuedTokens;

let t: TestConnector;
beforeEach(async () => {
  t = await startTestConnector({ config: { stream: { authorize: AUTHORIZE } } });
  await setupPin(t);
});
afterEach(async () => t.dispose());

const params = (extra: Partial<AuthorizeParams> = {}): AuthorizeParams => ({
  client_id: CLIENT_ID,
  redirect_uri: REDIRECT,
  ...extra,
});

async function connectCode(): Promise<string> {
  const res = await api<{ code: string; expiresAt: number }>(
    t.localUrl,
    'POST',
    '/api/stream/connect-code',
    { pin: TEST_PIN, actor: 'Maria (manager)' },
  );
  expect(res.status).toBe(200);
  expect(res.body.expiresAt).toBe(t.clock.now() + 10 * 60_000);
  return res.body.code;
}

/** Sign-in with a fresh connect code, then the code exchange; returns the tokens. */
const onboard = async (): Promise<Tokens> =>
  (
    await onboardStream(
      t.streamUrl,
      CLIENT,
      { connectCode: await connectCode(), redirectUri: REDIRECT },
      {
        authorize: { state: 'st-' + Math.random() },
      },
    )
  ).tokens;

const orderWith = (accessToken: string) =>
  sendToStreamListener(t.streamUrl, orderCreated(), {
    signature: null,
    authorization: `Bearer ${accessToken}`,
  });

const getWith = async (accessToken: string, p: string) =>
  (await fetch(t.streamUrl + p, { headers: { authorization: `Bearer ${accessToken}` } })).status;

describe('Stream onboarding (OAuth authorization code)', () => {
  it('signs in with a connect code, redirects with code and state, and issues working tokens', async () => {
    let conn = await api<{ state: string }>(t.localUrl, 'GET', '/api/stream/connection');
    expect(conn.body.state).toBe('never_connected');

    // The sign-in page: a form, no script, English by default and Spanish when asked.
    const page = await openAuthorize(t.streamUrl, params({ state: 'xyz' }));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.html).toContain('name="connect_code"');
    expect(page.html).toContain('Test Store');
    expect(page.html).not.toMatch(/<script/i);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const spanish = await openAuthorize(t.streamUrl, params(), {
      'accept-language': 'es-MX,es;q=0.9',
    });
    expect(spanish.html).toContain('Código de conexión');
    expect(spanish.html).toContain('lang="es"');

    // The connect code needs the manager PIN.
    const noPin = await api(t.localUrl, 'POST', '/api/stream/connect-code');
    expect(noPin.status).toBe(403);
    const code = await connectCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // A wrong code shows the form again with the problem said, never a redirect.
    const wrong = await submitConnectCode(t.streamUrl, params({ state: 'xyz' }), 'AAAA-AAAA');
    expect(wrong.status).toBe(400);
    expect(wrong.location).toBeNull();
    expect(wrong.html).toContain('not right');

    const { verifier, challenge } = pkcePair();
    const p = params({
      state: 'state-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    // Typed in lower case with a space: still the code.
    const signedIn = await submitConnectCode(t.streamUrl, p, code.toLowerCase().replace('-', ' '));
    expect(signedIn.status).toBe(302);
    expect(signedIn.location!.startsWith(REDIRECT + '?')).toBe(true);
    const back = codeFromRedirect(signedIn.location!);
    expect(back.state).toBe('state-123');
    expect(back.code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The connect code is single use.
    const again = await submitConnectCode(t.streamUrl, p, code);
    expect(again.status).toBe(400);
    expect(again.location).toBeNull();

    // Wrong client secret: 401 invalid_client (body credentials and HTTP Basic alike).
    const badSecret = await requestToken(t.streamUrl, {
      client_id: CLIENT_ID,
      client_secret: 'not-the-secret-0123456789',
      code: back.code!,
      redirect_uri: REDIRECT,
    });
    expect(badSecret.status).toBe(401);
    expect(badSecret.body).toMatchObject({ error: 'invalid_client' });
    const badBasic = await requestToken(
      t.streamUrl,
      { code: back.code!, redirect_uri: REDIRECT },
      { authorization: 'Basic ' + Buffer.from(`${CLIENT_ID}:nope`).toString('base64') },
    );
    expect(badBasic.status).toBe(401);
    expect(badBasic.headers.get('www-authenticate')).toMatch(/^Basic/);

    // PKCE: a wrong verifier is refused (and does not spend the code).
    const badVerifier = await requestToken(t.streamUrl, {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code: back.code!,
      redirect_uri: REDIRECT,
      code_verifier: pkcePair().verifier,
    });
    expect(badVerifier.status).toBe(400);
    expect(badVerifier.body).toMatchObject({ error: 'invalid_grant' });

    // The exchange, as documented: JSON in, 201 with exactly the documented fields.
    const now = t.clock.now();
    const res = await requestToken<Tokens>(t.streamUrl, {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code: back.code!,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'access_token',
        'expire_time',
        'id',
        'refresh_token',
        'refresh_token_expire_time',
        'sso_details',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      expire_time: now + 60 * 60_000,
      refresh_token_expire_time: now + 90 * 86_400_000,
      id: 'merchant-42',
      sso_details: {
        email: 'owner@demo.example',
        full_name: 'Dana Owner',
        phone_number: '+15555550100',
      },
    });
    expect(res.body.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.refresh_token).not.toBe(res.body.access_token);

    // Stored only as hashes.
    const db = t.connector.ctx.db;
    const hashes = db.prepare('SELECT token_hash FROM stream_tokens').all() as {
      token_hash: string;
    }[];
    expect(hashes.map((h) => h.token_hash)).toContain(
      createHash('sha256').update(res.body.access_token).digest('hex'),
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(path.join(t.dataDir, 'connector.db')).toString('latin1');
    expect(file).not.toContain(res.body.access_token);
    expect(file).not.toContain(res.body.refresh_token);

    // Stream calls with the access token alone: an order, Get Locations, Get Catalog.
    const order = await orderWith(res.body.access_token);
    expect(order.status).toBe(200);
    expect(await getWith(res.body.access_token, '/stream/locations')).toBe(200);
    expect(await getWith(res.body.access_token, '/stream/catalog')).toBe(404); // none loaded yet
    expect(await getWith('x'.repeat(43), '/stream/locations')).toBe(401);

    conn = await api(t.localUrl, 'GET', '/api/stream/connection');
    expect(conn.body).toMatchObject({
      state: 'connected',
      clientId: CLIENT_ID,
      connectedSince: now,
      lastCallAt: now,
      accessTokenExpiresAt: now + 60 * 60_000,
    });
  });

  it('refuses an unknown client or a redirect URI off the allowlist with a page, never a redirect', async () => {
    for (const p of [
      params({ redirect_uri: 'https://evil.example/steal' }),
      params({ client_id: 'someone-else' }),
      params({ redirect_uri: REDIRECT + '/extra' }),
    ]) {
      const page = await openAuthorize(t.streamUrl, p);
      expect(page.status).toBe(400);
      expect(page.location).toBeNull();
      expect(page.html).toContain('cannot be used');
      expect(page.html).not.toContain('evil.example');
      const post = await submitConnectCode(t.streamUrl, p, await connectCode());
      expect(post.status).toBe(400);
      expect(post.location).toBeNull();
    }
    // A known client and redirect with a wrong response_type goes back to Stream with the error.
    const wrongType = await openAuthorize(
      t.streamUrl,
      params({ response_type: 'token', state: 's' }),
    );
    expect(wrongType.status).toBe(302);
    expect(new URL(wrongType.location!).searchParams.get('error')).toBe(
      'unsupported_response_type',
    );
  });

  it('rotates refresh tokens; a spent refresh token revokes the whole connection', async () => {
    const first = await onboard();
    // Form-encoded refresh (RFC 6749 §6).
    const rotated = await requestToken<Tokens>(
      t.streamUrl,
      {
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      },
      { form: true },
    );
    expect(rotated.status).toBe(201);
    expect(rotated.body.access_token).not.toBe(first.access_token);
    expect(rotated.body.refresh_token).not.toBe(first.refresh_token);
    expect((await orderWith(rotated.body.access_token)).status).toBe(200);

    const reused = await requestToken(t.streamUrl, {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ error: 'invalid_grant' });
    // The family is revoked: the newest pair stops working too.
    expect((await orderWith(rotated.body.access_token)).status).toBe(401);
    const afterRevoke = await requestToken(t.streamUrl, {
      grant_type: 'refresh_token',
      refresh_token: rotated.body.refresh_token,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(afterRevoke.status).toBe(400);
  });

  it('refuses a reused authorization code and revokes what it issued', async () => {
    const p = params({ state: 'r' });
    const signedIn = await submitConnectCode(t.streamUrl, p, await connectCode());
    const { code } = codeFromRedirect(signedIn.location!);
    const body = {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code: code!,
      redirect_uri: REDIRECT,
    };
    const first = await requestToken<Tokens>(t.streamUrl, body);
    expect(first.status).toBe(201);
    expect((await orderWith(first.body.access_token)).status).toBe(200);
    const second = await requestToken(t.streamUrl, body);
    expect(second.status).toBe(400);
    expect(second.body).toMatchObject({ error: 'invalid_grant' });
    expect((await orderWith(first.body.access_token)).status).toBe(401);

    const audit = await api<{ entries: { action: string }[] }>(t.localUrl, 'GET', '/api/audit');
    expect(audit.body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['stream.connected', 'stream.tokens_revoked']),
    );
  });

  it('answers RFC 6749 errors for malformed token requests', async () => {
    const creds = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET };
    const noCode = await requestToken(t.streamUrl, { ...creds, grant_type: 'authorization_code' });
    expect(noCode).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const password = await requestToken(t.streamUrl, { ...creds, grant_type: 'password' });
    expect(password).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    const unknown = await requestToken(t.streamUrl, {
      ...creds,
      code: 'made-up',
      redirect_uri: REDIRECT,
    });
    expect(unknown).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(typeof (unknown.body as { error_description?: unknown }).error_description).toBe(
      'string',
    );
    const noClient = await requestToken(t.streamUrl, { code: 'x', redirect_uri: REDIRECT });
    expect(noClient).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('an expired access token is a bare 401; refresh gives a new one; Disconnect revokes everything', async () => {
    const tokens = await onboard();
    t.clock.advance(61 * 60_000);
    const expired = await orderWith(tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error: { code: 'unauthorized', message: 'unauthorized' } });

    const renewed = await requestToken<Tokens>(t.streamUrl, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(renewed.status).toBe(201);
    expect((await orderWith(renewed.body.access_token)).status).toBe(200);

    const noPin = await api(t.localUrl, 'POST', '/api/stream/disconnect');
    expect(noPin.status).toBe(403);
    const off = await api<{ state: string; disconnectedAt: number }>(
      t.localUrl,
      'POST',
      '/api/stream/disconnect',
      { pin: TEST_PIN, actor: 'Maria (manager)' },
    );
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ state: 'disconnected', disconnectedAt: t.clock.now() });
    expect((await orderWith(renewed.body.access_token)).status).toBe(401);
    const refreshAfter = await requestToken(t.streamUrl, {
      grant_type: 'refresh_token',
      refresh_token: renewed.body.refresh_token,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(refreshAfter.status).toBe(400);

    const audit = await api<{ entries: { action: string; actor: string; managerPin: boolean }[] }>(
      t.localUrl,
      'GET',
      '/api/audit',
    );
    expect(audit.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'stream.disconnect',
          actor: 'staff:Maria manager',
          managerPin: true,
        }),
        expect.objectContaining({ action: 'api.createStreamConnectCode', managerPin: true }),
      ]),
    );
  });

  it("keeps today's credentials working beside the access tokens", async () => {
    // The inbound token + signature, as before onboarding existed.
    expect((await sendToStreamListener(t.streamUrl, orderCreated())).status).toBe(200);
    // A valid signature alone is one valid credential.
    expect(
      (await sendToStreamListener(t.streamUrl, orderCreated(), { authorization: null })).status,
    ).toBe(200);
    // No credential at all, or a bad signature next to a good token: 401.
    expect(
      (
        await sendToStreamListener(t.streamUrl, orderCreated(), {
          authorization: null,
          signature: null,
        })
      ).status,
    ).toBe(401);
    expect(
      (await sendToStreamListener(t.streamUrl, orderCreated(), { signature: 'ab'.repeat(32) }))
        .status,
    ).toBe(401);
  });
});
