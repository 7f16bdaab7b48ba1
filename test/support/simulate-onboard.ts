// `npm run simulate -- --onboard`: merchant onboarding played as Stream plays it (stream-api.md
// A7, B6): the Authorize page, the connect code typed in, the redirect back, the token exchange,
// Get Locations, Get Catalog, and an order sent with the access token alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../electron/core/config/schema.js';
import { orderCreated } from './orders.js';
import { sendToStreamListener } from './stream-client.js';
import {
  codeFromRedirect,
  openAuthorize,
  pkcePair,
  requestToken,
  submitConnectCode,
} from './stream-onboarding.js';

export interface OnboardOptions {
  url: string;
  localUrl: string;
  /** The connect code a manager got at the counter (Health → Connect to Stream). */
  code?: string | undefined;
  /** Or the manager PIN, to ask the Local API for a code as the counter would. */
  pin?: string | undefined;
  /** The store the order goes to (a chain's gateway routes by it); the config's by default. */
  locationId?: string | undefined;
}

const step = (label: string, status: number, detail: string): void =>
  console.log(`${String(status).padEnd(4)} ${label.padEnd(34)} ${detail}`);

export async function simulateOnboarding(config: Config, options: OnboardOptions): Promise<void> {
  const a = config.stream.authorize;
  if (!a.clientId || !a.clientSecret || !a.redirectUris[0])
    throw new Error('stream.authorize.clientId, clientSecret and redirectUris must be configured');
  const redirect = a.redirectUris[0];
  const { verifier, challenge } = pkcePair();
  const params = {
    client_id: a.clientId,
    redirect_uri: redirect,
    state: `sim-${Date.now()}`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };

  const page = await openAuthorize(options.url, params);
  step(
    'authorize page',
    page.status,
    page.html.includes('connect_code') ? 'sign-in form' : page.html.slice(0, 80),
  );
  if (page.status !== 200) throw new Error('the Authorize page did not open');

  const connectCode = options.code ?? (await codeFromCounter(config, options));
  const signedIn = await submitConnectCode(options.url, params, connectCode);
  step('sign in with the connect code', signedIn.status, signedIn.location ?? 'no redirect');
  if (signedIn.status !== 302 || !signedIn.location)
    throw new Error('the connect code was refused: get a new one at the counter');
  const { code, state } = codeFromRedirect(signedIn.location);
  if (state !== params.state) throw new Error('the redirect lost the state');

  const tokens = await requestToken<{ access_token: string; expire_time: number; id: string }>(
    options.url,
    {
      client_id: a.clientId,
      client_secret: a.clientSecret,
      code: code!,
      grant_type: 'authorization_code',
      redirect_uri: redirect,
      code_verifier: verifier,
    },
  );
  step(
    'request token',
    tokens.status,
    `merchant ${tokens.body.id}, expires ${new Date(tokens.body.expire_time).toISOString()}`,
  );
  if (tokens.status !== 201)
    throw new Error(`token exchange refused: ${JSON.stringify(tokens.body)}`);
  const bearer = { authorization: `Bearer ${tokens.body.access_token}` };

  // A chain's gateway serves the catalog per location (stream-api.md B7): say which.
  const where: Record<string, string> = options.locationId
    ? { 'x-provider-location-id': options.locationId }
    : {};
  const calls: [string, string, Record<string, string>][] = [
    ['get locations', '/stream/locations', {}],
    ['get catalog', '/stream/catalog', where],
  ];
  for (const [label, p, extra] of calls) {
    const res = await fetch(options.url + p, { headers: { ...bearer, ...extra } });
    const text = await res.text();
    step(label, res.status, text.length > 90 ? `${text.slice(0, 90)}…` : text);
  }
  const order = await sendToStreamListener(
    options.url,
    orderCreated({ locationId: options.locationId ?? config.location.id, source: 'uber' }),
    { signature: null, authorization: bearer.authorization },
  );
  step('order with the access token', order.status, JSON.stringify(order.body));
}

async function codeFromCounter(config: Config, options: OnboardOptions): Promise<string> {
  if (!options.pin)
    throw new Error(
      'give the connect code shown at the counter (Health → Connect to Stream): --code ABCD-EFGH, or the manager PIN: --pin 1234',
    );
  const token =
    config.local.token ?? readFileSync(path.join(config.dataDir, 'local.token'), 'utf8').trim();
  const res = await fetch(`${options.localUrl}/api/stream/connect-code`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'x-manager-pin': options.pin,
      'x-actor': 'simulator',
    },
  });
  const body = (await res.json()) as { code?: string; error?: { message: string } };
  step('connect code from the counter', res.status, body.code ?? body.error?.message ?? '');
  if (!body.code) throw new Error('the counter did not give a connect code');
  return body.code;
}
