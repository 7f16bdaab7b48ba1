// What merchant onboarding on the gateway costs (issue 17), on loopback: one nats-server, one
// gateway process, one simulated store (the relay client with a minimal responder, so the store
// side is the same for both ways). A merchant's access token is checked in JetStream KV on every
// call (token + family: two reads) and the call re-credentialed toward the store; the baseline is
// the partner-level inbound token + body signature, checked in memory. Alternating rounds, same
// run. Also the refresh grant (two reads, a compare-and-set, two creates) one at a time.
import { publishConnectCode } from '../../electron/core/relay/connect-code.js';
import { startChildGateway, startSimStores } from '../support/chain.js';
import { GATEWAY_NATS_USER, startNats } from '../support/nats.js';
import { TEST_INBOUND_TOKEN } from '../support/secrets.js';
import {
  codeFromRedirect,
  exchangeCode,
  refreshTokens,
  submitConnectCode,
} from '../support/stream-onboarding.js';
import { mergeLoads, runLoad, signedOrders, type LoadResult } from './load.js';
import { percentile, type Row } from './table.js';

const ROUNDS = 4;
const PER_ROUND = 200;
const REFRESHES = 200;
const STORE = 'oauth-store';
const CLIENT = { id: 'stream-bench-client', secret: 'stream-bench-client-secret-0001' };
const REDIRECT = 'https://stream.example/pos/oauth/callback';

export async function runGatewayOAuthBench(): Promise<Row[]> {
  const nats = await startNats({ stores: [STORE] });
  const gateway = await startChildGateway(nats.url, {
    nats: { url: nats.url, ...GATEWAY_NATS_USER, kvReplicas: 1 },
    oauth: { clientId: CLIENT.id, clientSecret: CLIENT.secret, redirectUris: [REDIRECT] },
  });
  const store = await startSimStores(nats.url, [STORE], 1);
  try {
    await registered(gateway.url);
    const tokens = await onboard(gateway.url, store.relays[0]!.connection);
    const withToken = () =>
      signedOrders(PER_ROUND, () => STORE).map((r) => ({
        ...r,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens.access_token}`,
        },
      }));
    await runLoad(gateway.url, withToken().slice(0, 50), 1);
    await runLoad(
      gateway.url,
      signedOrders(50, () => STORE),
      1,
    );
    const viaToken: LoadResult[] = [];
    const viaPartner: LoadResult[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      viaToken.push(await runLoad(gateway.url, withToken(), 1));
      viaPartner.push(
        await runLoad(
          gateway.url,
          signedOrders(PER_ROUND, () => STORE),
          1,
        ),
      );
    }
    const token = mergeLoads(viaToken);
    const partner = mergeLoads(viaPartner);
    for (const l of [token, partner])
      if ((l.statuses[200] ?? 0) !== l.requests)
        throw new Error(
          `gateway-oauth bench: not every order was taken (${JSON.stringify(l.statuses)})`,
        );

    let refresh = tokens.refresh_token;
    const refreshMs: number[] = [];
    for (let i = 0; i < REFRESHES; i++) {
      const started = performance.now();
      const res = await refreshTokens(gateway.url, CLIENT, refresh);
      if (res.status !== 201)
        throw new Error(`gateway-oauth bench: refresh answered ${res.status}`);
      refreshMs.push(performance.now() - started);
      refresh = res.body.refresh_token;
    }
    refreshMs.sort((a, b) => a - b);

    const added = token.p50 - partner.p50;
    return [
      {
        figure:
          'gateway onboarding: order.created with a merchant access token, p50 (baseline: inbound token + signature, same run)',
        value: token.p50,
        unit: 'ms',
        baseline: partner.p50,
        ratio: token.p50 / partner.p50,
      },
      {
        figure: 'gateway onboarding: order.created with a merchant access token, p99',
        value: token.p99,
        unit: 'ms',
        baseline: partner.p99,
        ratio: token.p99 / partner.p99,
      },
      {
        figure: 'gateway onboarding: access-token check in KV, p50 (token − partner, same run)',
        value: added,
        unit: 'ms',
        target: '< 5 ms',
        met: added < 5,
      },
      {
        figure: 'gateway onboarding: refresh grant (rotation over KV), p50',
        value: percentile(refreshMs, 50),
        unit: 'ms',
        target: '< 50 ms',
        met: percentile(refreshMs, 50) < 50,
      },
      {
        figure: 'gateway onboarding: refresh grant, p99',
        value: percentile(refreshMs, 99),
        unit: 'ms',
      },
    ];
  } finally {
    await store.stop();
    await gateway.stop();
    await nats.stop();
  }
}

/** Until the gateway lists the store (a connect code names its store's merchant). */
async function registered(url: string): Promise<void> {
  const end = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${url}/stream/locations`, {
      headers: { authorization: `Bearer ${TEST_INBOUND_TOKEN}` },
    });
    if (res.ok && JSON.stringify(await res.json()).includes(STORE)) return;
    if (Date.now() > end) throw new Error('gateway-oauth bench: the store never registered');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A connect code from the store's counter, the sign-in, the code exchange. */
async function onboard(
  url: string,
  nc: Parameters<typeof publishConnectCode>[0],
): Promise<{ access_token: string; refresh_token: string }> {
  const connect = await publishConnectCode(nc, STORE, Date.now());
  const signedIn = await submitConnectCode(
    url,
    { client_id: CLIENT.id, redirect_uri: REDIRECT },
    connect.code,
  );
  const code = signedIn.location ? codeFromRedirect(signedIn.location).code : null;
  if (!code) throw new Error(`gateway-oauth bench: sign-in answered ${signedIn.status}`);
  const tokens = await exchangeCode(url, CLIENT, { code, redirectUri: REDIRECT });
  if (tokens.status !== 201)
    throw new Error(`gateway-oauth bench: token answered ${tokens.status}`);
  return tokens.body;
}
