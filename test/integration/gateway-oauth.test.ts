// Merchant onboarding through the chain gateway over a real nats-server (JetStream KV): a
// manager at any of a merchant's counters gets a connect code, Stream's merchant signs in on one
// gateway replica and Stream asks for tokens on the other; the tokens list and reach only that
// merchant's stores, refresh tokens rotate and a replayed one revokes the connection, no secret
// reaches a log, and with NATS down every token check is a 503 with Retry-After.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../electron/core/util/log.js';
import { storeSubject } from '../../electron/core/relay/wire.js';
import type { RunningGateway } from '../../gateway/gateway.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { relayConfig, startTestGateway } from '../support/gateway.js';
import { api, setupPin, TEST_PIN } from '../support/manager-client.js';
import { GATEWAY_NATS_USER, startNats, storeNatsUser, type NatsNode } from '../support/nats.js';
import { scratchDir } from '../support/scratch.js';
import { TEST_INBOUND_TOKEN, TEST_WEBHOOK_SECRET } from '../support/secrets.js';
import { orderCreated } from '../support/orders.js';
import { until } from '../support/until.js';
import { sendToStreamListener } from '../support/stream-client.js';
import {
  codeFromRedirect,
  exchangeCode,
  openAuthorize,
  refreshTokens,
  type IssuedTokens,
  pkcePair,
  requestToken,
  submitConnectCode,
} from '../support/stream-onboarding.js';

const catalogFile = fileURLToPath(new URL('../../config/dev-catalog.json', import.meta.url));

const CLIENT_ID = 'stream-chain-client';
const CLIENT_SECRET = 'stream-chain-client-secret-0001';
const REDIRECT = 'https://stream.example/pos/oauth/callback';
const OAUTH = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  redirectUris: [REDIRECT],
  name: 'Acme Burgers',
  wrongCodesPer10Minutes: 5,
};

const CLIENT = { id: CLIENT_ID, secret: CLIENT_SECRET };
type Tokens = IssuedTokens;

/** Every line any replica or store logged, to look for secrets in. */
const lines: string[] = [];
const recorder = (): Logger =>
  createLogger({ secrets: [], sink: (l) => lines.push(l), level: 'debug' });
/** Every secret the flow handed out (connect codes, authorization codes, tokens). */
const handedOut: string[] = [];

/** Kept for the last test, which runs after sign-ins are paused. */
let merchantBTokens: Tokens;
/** Merchant A's first connection, which IT disconnects. */
let merchantATokens: Tokens;
let nats: NatsNode;
let gw1: RunningGateway;
let gw2: RunningGateway;
let a1: TestConnector;
let a2: TestConnector;
let b1: TestConnector;

beforeAll(async () => {
  nats = await startNats({ stores: ['a-1', 'a-2', 'b-1'] });
  const overrides = { oauth: OAUTH, answerTimeoutMs: 10_000 };
  gw1 = await startTestGateway(nats.url, overrides, recorder());
  gw2 = await startTestGateway(nats.url, overrides, recorder());
  const store = (id: string, merchant: string, extra: Record<string, unknown> = {}) =>
    startTestConnector({
      config: { ...relayConfig(nats.url, id, merchant), ...extra },
      log: recorder(),
    });
  [a1, a2, b1] = await Promise.all([
    store('a-1', 'merchant-a', { catalog: { file: catalogFile } }),
    store('a-2', 'merchant-a'),
    store('b-1', 'merchant-b'),
  ]);
  await Promise.all([setupPin(a1), setupPin(a2), setupPin(b1)]);
  for (const gw of [gw1, gw2])
    await until(
      'every store registered',
      () => gw.fleet.all().filter((s) => s.online).length === 3,
    );
});

afterAll(async () => {
  await Promise.all([a1, a2, b1].map((s) => s?.dispose()));
  await Promise.all([gw1?.stop(), gw2?.stop()]);
  await nats?.stop();
});

/** The manager at `store`'s counter gets a connect code (manager PIN), as in the panel. */
async function connectCodeAt(store: TestConnector): Promise<string> {
  const res = await api<{ code: string }>(store.localUrl, 'POST', '/api/stream/connect-code', {
    pin: TEST_PIN,
    actor: 'Maria (manager)',
  });
  expect(res.status).toBe(200);
  handedOut.push(res.body.code, res.body.code.replace('-', ''));
  return res.body.code;
}

/** Sign-in on `signInAt`, the code exchange on `tokenAt` (two replicas: a load balancer). */
async function onboard(store: TestConnector, signInAt: string, tokenAt: string): Promise<Tokens> {
  const { verifier, challenge } = pkcePair();
  const params = {
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    state: 'st-1',
    code_challenge: challenge,
  };
  const signedIn = await submitConnectCode(signInAt, params, await connectCodeAt(store));
  expect(signedIn.status, signedIn.html).toBe(302);
  const { code, state } = codeFromRedirect(signedIn.location!);
  expect(state).toBe('st-1');
  handedOut.push(code!);
  const res = await exchangeCode(tokenAt, CLIENT, { code: code!, redirectUri: REDIRECT, verifier });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  handedOut.push(res.body.access_token, res.body.refresh_token);
  return res.body;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** `npm run gateway -- …` as IT runs it: the real entry point, its own process. */
function gatewayCommand(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'gateway/main.ts', ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          out: stdout.trim(),
          err: stderr.trim(),
        }),
    );
  });
}

const locationsWith = async (url: string, token: string) => {
  const res = await fetch(`${url}/stream/locations`, { headers: bearer(token) });
  return { status: res.status, body: (await res.json()) as { provider_id: string }[] };
};

const catalogWith = (url: string, token: string, locationId: string) =>
  fetch(`${url}/stream/catalog`, {
    headers: { ...bearer(token), 'x-provider-location-id': locationId },
  });

const orderWith = (url: string, token: string, locationId: string) =>
  sendToStreamListener<{
    order?: { provider_id: string };
    error?: { code: string; message: string };
  }>(url, orderCreated({ locationId }), { signature: null, authorization: `Bearer ${token}` });

describe('merchant onboarding through the gateway', () => {
  it('serves the sign-in page for the chain, in English and Spanish', async () => {
    const page = await openAuthorize(gw1.url, { client_id: CLIENT_ID, redirect_uri: REDIRECT });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Connect your stores to Stream');
    expect(page.html).toContain('the stores of Acme Burgers');
    const es = await openAuthorize(gw2.url, {
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      lang: 'es',
    });
    expect(es.html).toContain('Conectar sus tiendas con Stream');
    const bad = await openAuthorize(gw1.url, {
      client_id: CLIENT_ID,
      redirect_uri: 'https://evil.example/cb',
    });
    expect(bad.status).toBe(400);
    expect(bad.location).toBeNull();
  });

  it('a code from one counter gives the merchant tokens that list and reach only its stores', async () => {
    // The counter says where the connection lives, and sends Disconnect to the gateway's IT.
    const conn = await api<{ state: string }>(a2.localUrl, 'GET', '/api/stream/connection');
    expect(conn.body.state).toBe('chain');
    const disconnect = await api<{ error: { code: string } }>(
      a2.localUrl,
      'POST',
      '/api/stream/disconnect',
      { pin: TEST_PIN },
    );
    expect(disconnect.status).toBe(409);
    expect(disconnect.body.error.code).toBe('chain_disconnect_at_gateway');

    const tokens = await onboard(a2, gw1.url, gw2.url);
    merchantATokens = tokens;
    expect(tokens.id).toBe('merchant-a');

    // Get Locations: every store of merchant A (on either replica), none of B's.
    for (const url of [gw1.url, gw2.url]) {
      const listed = await locationsWith(url, tokens.access_token);
      expect(listed.status).toBe(200);
      expect(listed.body.map((l) => l.provider_id).sort()).toEqual(['a-1', 'a-2']);
    }
    const mismatch = await fetch(`${gw1.url}/stream/locations`, {
      headers: { ...bearer(tokens.access_token), 'x-provider-merchant-id': 'merchant-b' },
    });
    expect(mismatch.status).toBe(403);

    // Get Catalog and Handle Order reach merchant A's stores through their own listeners.
    const catalog = await catalogWith(gw2.url, tokens.access_token, 'a-1');
    expect(catalog.status).toBe(200);
    expect(((await catalog.json()) as { item: unknown[] }).item.length).toBeGreaterThan(0);
    const order = await orderWith(gw1.url, tokens.access_token, 'a-2');
    expect(order.status, JSON.stringify(order.body)).toBe(200);
    expect(a2.connector.ctx.orders.get(order.body.order!.provider_id)).toBeTruthy();

    // Merchant B's store: refused with a reason, and nothing reaches it.
    const before = b1.connector.ctx.orders.list(undefined, 100).length;
    const foreign = await orderWith(gw2.url, tokens.access_token, 'b-1');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error!.code).toBe('location_not_of_merchant');
    expect(foreign.body.error!.message).toContain('merchant-a');
    expect(b1.connector.ctx.orders.list(undefined, 100).length).toBe(before);
    const foreignCatalog = await catalogWith(gw1.url, tokens.access_token, 'b-1');
    expect(foreignCatalog.status).toBe(403);
    // A location nobody registered is not forwarded on a merchant's token.
    expect((await orderWith(gw1.url, tokens.access_token, 'a-9')).status).toBe(400);

    // Merchant B onboards from its own counter: its token lists only its store.
    const tokensB = await onboard(b1, gw2.url, gw1.url);
    merchantBTokens = tokensB;
    expect(tokensB.id).toBe('merchant-b');
    expect(
      (await locationsWith(gw1.url, tokensB.access_token)).body.map((l) => l.provider_id),
    ).toEqual(['b-1']);
    expect((await orderWith(gw2.url, tokensB.access_token, 'a-1')).status).toBe(403);

    // A made-up bearer, and no credential at all: a bare 401.
    expect((await locationsWith(gw1.url, 'not-a-token-at-all-000000000000')).status).toBe(401);
  });

  it('a connect code and an authorization code work once, whichever replica sees them again', async () => {
    const code = await connectCodeAt(a1);
    const params = { client_id: CLIENT_ID, redirect_uri: REDIRECT };
    const first = await submitConnectCode(gw2.url, params, code);
    expect(first.status).toBe(302);
    const again = await submitConnectCode(gw1.url, params, code);
    expect(again.status).toBe(400);
    expect(again.html).toContain('role="alert"');

    // Two replicas asked for tokens with the same code at the same moment: exactly one wins.
    const { code: authCode } = codeFromRedirect(first.location!);
    handedOut.push(authCode!);
    const grant = { code: authCode!, redirectUri: REDIRECT };
    const race = await Promise.all([
      exchangeCode(gw1.url, CLIENT, grant),
      exchangeCode(gw2.url, CLIENT, grant),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 400]);
    const won = race.find((r) => r.status === 201)!.body;
    handedOut.push(won.access_token, won.refresh_token);
    expect(race.find((r) => r.status === 400)!.body).toMatchObject({ error: 'invalid_grant' });
    // The replay revoked what the code gave: its access token no longer works.
    expect((await locationsWith(gw1.url, won.access_token)).status).toBe(401);
  });

  it('rotates refresh tokens across replicas; a replayed refresh token revokes the connection', async () => {
    const first = await onboard(a1, gw2.url, gw1.url);
    const refresh = (url: string, token: string) => refreshTokens(url, CLIENT, token);
    const second = await refresh(gw2.url, first.refresh_token);
    expect(second.status).toBe(201);
    handedOut.push(second.body.access_token, second.body.refresh_token);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.id).toBe('merchant-a');
    expect((await locationsWith(gw1.url, second.body.access_token)).status).toBe(200);

    const replay = await refresh(gw1.url, first.refresh_token);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    // The whole family is gone: the newest access and refresh tokens too.
    expect((await locationsWith(gw2.url, second.body.access_token)).status).toBe(401);
    expect((await refresh(gw2.url, second.body.refresh_token)).status).toBe(400);
    // A wrong client secret is invalid_client, 401.
    const wrong = await requestToken(gw1.url, {
      client_id: CLIENT_ID,
      client_secret: 'not-the-secret-0000000000',
      grant_type: 'refresh_token',
      refresh_token: second.body.refresh_token,
    });
    expect(wrong.status).toBe(401);
  });

  it('IT lists the chain’s connections and disconnects one merchant with the gateway’s command', async () => {
    const file = path.join(scratchDir('gateway-admin-'), 'gateway.json');
    writeFileSync(
      file,
      JSON.stringify({
        nats: { url: nats.url, ...GATEWAY_NATS_USER },
        stream: { inboundToken: TEST_INBOUND_TOKEN, webhookSecret: TEST_WEBHOOK_SECRET },
      }),
    );
    const listed = await gatewayCommand(['connections', '--config', file]);
    expect(listed.code).toBe(0);
    const rows = listed.out.split('\n').slice(1);
    expect(listed.out.split('\n')[0]).toMatch(/^merchant\s+state\s+connected\s+last renewed/);
    expect(rows.filter((r) => /^merchant-a\s+live/.test(r))).toHaveLength(1);
    expect(rows.filter((r) => /^merchant-b\s+live/.test(r))).toHaveLength(1);
    // Revoked earlier by a replayed secret, with the reason; a lost code race made no connection.
    expect(rows.some((r) => r.includes('revoked (refresh token used twice)'))).toBe(true);
    expect(rows.some((r) => r.includes('revoked (authorization code used twice)'))).toBe(true);

    const done = await gatewayCommand(['disconnect', 'merchant-a', '--config', file]);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('Disconnected merchant merchant-a: 1 connection revoked.');
    // Refused at once on every replica; the other merchant is untouched.
    for (const url of [gw1.url, gw2.url])
      expect((await locationsWith(url, merchantATokens.access_token)).status).toBe(401);
    expect((await refreshTokens(gw2.url, CLIENT, merchantATokens.refresh_token)).status).toBe(400);
    expect((await locationsWith(gw1.url, merchantBTokens.access_token)).status).toBe(200);

    const again = await gatewayCommand(['connections', '--config', file]);
    expect(again.out).toMatch(/merchant-a\s+revoked \(disconnected by IT/);
    const typo = await gatewayCommand(['disconnect', 'merchant-aa', '--config', file]);
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('No connection to revoke for merchant "merchant-aa"');
    expect(typo.err).toContain('merchant-b');
    // The command never prints a secret it was given.
    expect(listed.out + done.out + again.out + typo.err).not.toContain(GATEWAY_NATS_USER.password);
  });

  it('a store’s NATS user cannot read the onboarding state nor send requests to another store', async () => {
    const { user, password } = storeNatsUser('a-1');
    const nc = await connect({
      servers: nats.url,
      user,
      pass: password,
      inboxPrefix: '_INBOX_a-1',
    });
    try {
      const js = jetstream(nc, { timeout: 2000 });
      const state = await new Kvm(js).open('stream_oauth');
      await expect(state.get('family.anything')).rejects.toThrow();
      await expect(state.put('code.forged', '{}')).rejects.toThrow();
      await expect(
        nc.request(storeSubject('b-1'), 'forged', { timeout: 2000 }),
      ).rejects.toBeInstanceOf(Error);
      // It may write its own connect-code key only.
      const kv = await new Kvm(js).open('stream_connect');
      await expect(
        kv.put('a-1', JSON.stringify({ hash: 'x', expiresAt: 0 })),
      ).resolves.toBeGreaterThan(0);
      await expect(kv.put('b-1', JSON.stringify({ hash: 'x', expiresAt: 0 }))).rejects.toThrow();
    } finally {
      await nc.close().catch(() => undefined);
    }
  });

  it('pauses sign-ins for the whole chain after too many wrong codes, on every replica', async () => {
    const params = { client_id: CLIENT_ID, redirect_uri: REDIRECT };
    const window = () => Math.floor(Date.now() / 600_000);
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = window();
      const answers: string[] = [];
      for (let i = 0; i < 6; i++) {
        const page = await submitConnectCode(i % 2 ? gw1.url : gw2.url, params, 'ZZZZ-ZZZ2');
        expect(page.status).toBe(400);
        answers.push(page.html.includes('Too many wrong codes') ? 'paused' : 'wrong');
      }
      const right = await submitConnectCode(gw1.url, params, await connectCodeAt(a1));
      // A 10-minute window that turned over mid-way resets the count: run it once more.
      if (window() !== started) continue;
      expect(answers.at(-1)).toBe('paused');
      expect(answers.filter((a) => a === 'wrong').length).toBeLessThanOrEqual(5);
      expect(right.status).toBe(400);
      expect(right.html).toContain('Too many wrong codes');
      return;
    }
    throw new Error('the 10-minute window turned over twice');
  });

  it('never writes a code or token to any log', () => {
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    expect(handedOut.length).toBeGreaterThan(10);
    for (const secret of handedOut) expect(all).not.toContain(secret);
    expect(all).not.toContain(CLIENT_SECRET);
  });

  it('with NATS down, token checks and the token endpoint answer 503 with Retry-After', async () => {
    const tokens = merchantBTokens;
    expect((await locationsWith(gw1.url, tokens.access_token)).status).toBe(200);
    await nats.stop();
    const listed = await fetch(`${gw1.url}/stream/locations`, {
      headers: bearer(tokens.access_token),
    });
    expect(listed.status).toBe(503);
    expect(listed.headers.get('retry-after')).toBe('5');
    expect(((await listed.json()) as { error: { code: string } }).error.code).toBe(
      'auth_unavailable',
    );
    const token = await refreshTokens(gw2.url, CLIENT, tokens.refresh_token);
    expect(token.status).toBe(503);
    expect(token.headers.get('retry-after')).toBe('5');
    expect(token.body.error).toBe('temporarily_unavailable');
    const page = await submitConnectCode(
      gw1.url,
      { client_id: CLIENT_ID, redirect_uri: REDIRECT },
      'ABCD-EFGH',
    );
    expect(page.status).toBe(503);
    expect(page.html).toContain('cannot reach its records');
    // The replica itself says so, and the load balancer takes it out.
    expect((await fetch(`${gw1.url}/healthz`)).status).toBe(503);
  });
});
