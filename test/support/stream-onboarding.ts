// Plays Stream's side of merchant onboarding (stream-api.md A7, B6) over real HTTP: the
// merchant's browser on the Authorize page, then Stream's own Request Token calls. Used by the
// onboarding tests and by `npm run simulate -- --onboard`.
import { createHash, randomBytes } from 'node:crypto';

export interface AuthorizeParams {
  client_id: string;
  redirect_uri: string;
  response_type?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
  lang?: string;
}

export interface PageResult {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

function query(params: AuthorizeParams): string {
  return new URLSearchParams({ response_type: 'code', ...params }).toString();
}

/** GET the sign-in page as a browser would (redirects not followed, so they can be seen). */
export async function openAuthorize(
  baseUrl: string,
  params: AuthorizeParams,
  headers: Record<string, string> = {},
): Promise<PageResult> {
  const res = await fetch(`${baseUrl}/oauth/authorize?${query(params)}`, {
    redirect: 'manual',
    headers,
  });
  return {
    status: res.status,
    html: await res.text(),
    location: res.headers.get('location'),
    headers: res.headers,
  };
}

/** Submit the sign-in form with a connect code, as the page's form does. */
export async function submitConnectCode(
  baseUrl: string,
  params: AuthorizeParams,
  connectCode: string,
): Promise<PageResult> {
  const form = new URLSearchParams({
    response_type: 'code',
    ...params,
    connect_code: connectCode,
  });
  const res = await fetch(`${baseUrl}/oauth/authorize?${query(params)}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return {
    status: res.status,
    html: await res.text(),
    location: res.headers.get('location'),
    headers: res.headers,
  };
}

/** Stream's Request Token call: JSON (as documented) or form-encoded. */
export async function requestToken<T = Record<string, unknown>>(
  baseUrl: string,
  body: Record<string, string>,
  options: { form?: boolean; authorization?: string } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {
    'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json',
  };
  if (options.authorization) headers.authorization = options.authorization;
  const res = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers,
    body: options.form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** An RFC 7636 S256 verifier and its challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The `code` (and `state`) the sign-in page sent the browser back with. */
export function codeFromRedirect(location: string): { code: string | null; state: string | null } {
  const url = new URL(location);
  return { code: url.searchParams.get('code'), state: url.searchParams.get('state') };
}

/** The Request Token answer (A7). */
export interface IssuedTokens {
  access_token: string;
  refresh_token: string;
  expire_time: number;
  refresh_token_expire_time: number;
  id: string;
  sso_details?: Record<string, string>;
}

export interface StreamClient {
  id: string;
  secret: string;
}

/** Stream exchanging an authorization code (JSON, as documented). */
export function exchangeCode(
  baseUrl: string,
  client: StreamClient,
  grant: { code: string; redirectUri: string; verifier?: string },
) {
  return requestToken<IssuedTokens & { error?: string }>(baseUrl, {
    client_id: client.id,
    client_secret: client.secret,
    code: grant.code,
    grant_type: 'authorization_code',
    redirect_uri: grant.redirectUri,
    ...(grant.verifier ? { code_verifier: grant.verifier } : {}),
  });
}

/** Stream's refresh grant. */
export function refreshTokens(baseUrl: string, client: StreamClient, refreshToken: string) {
  return requestToken<IssuedTokens & { error?: string }>(baseUrl, {
    client_id: client.id,
    client_secret: client.secret,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });
}

/** The merchant's sign-in with a connect code: where the page sent the browser back to. */
export type SignIn = (
  baseUrl: string,
  params: AuthorizeParams,
  connectCode: string,
) => Promise<URL>;

/** The sign-in as the page's form posts it, over plain HTTP. */
export const signInOverHttp: SignIn = async (baseUrl, params, connectCode) => {
  const signedIn = await submitConnectCode(baseUrl, params, connectCode);
  if (signedIn.status !== 302 || !signedIn.location)
    throw new Error(`sign-in answered ${signedIn.status}, not a redirect: ${signedIn.html}`);
  return new URL(signedIn.location);
};

/**
 * Onboarding as Stream does it, end to end: a fresh PKCE pair, the merchant's sign-in with
 * `connectCode` (`signIn`; over HTTP unless told), the code from the redirect back, and Stream's
 * code exchange. Throws, saying what was answered, unless the exchange gave tokens (201).
 */
export async function onboard(
  baseUrl: string,
  client: StreamClient,
  grant: { connectCode: string; redirectUri: string },
  options: { authorize?: Partial<AuthorizeParams>; signIn?: SignIn } = {},
): Promise<{ tokens: IssuedTokens; redirect: URL }> {
  const { verifier, challenge } = pkcePair();
  const params: AuthorizeParams = {
    client_id: client.id,
    redirect_uri: grant.redirectUri,
    code_challenge: challenge,
    ...options.authorize,
  };
  const redirect = await (options.signIn ?? signInOverHttp)(baseUrl, params, grant.connectCode);
  const { code } = codeFromRedirect(redirect.toString());
  if (!code) throw new Error(`the sign-in sent the browser back with no code: ${redirect.href}`);
  const res = await exchangeCode(baseUrl, client, {
    code,
    redirectUri: grant.redirectUri,
    verifier,
  });
  if (res.status !== 201)
    throw new Error(`the code exchange answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { tokens: res.body, redirect };
}
