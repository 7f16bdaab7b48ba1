// The rules of onboarding's two grants and of an access token, apart from where their state is
// kept: the connector's SQLite (oauth.ts) and the chain gateway's JetStream KV
// (gateway/oauth/) both decide with these, so a code, a refresh token or an access token means
// the same thing on one store and on the gateway in front of many.
import { pkceMatches, randomSecret } from './secrets.js';

/** An RFC 6749 §5.2 error: `{error, error_description}` with its status. */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error:
      'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type',
    readonly description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

/** Where the onboarding state is kept cannot be reached (the gateway's NATS / JetStream KV):
 * every caller answers 503 with Retry-After, never a guess in either direction. */
export class AuthStateUnavailable extends Error {
  constructor(cause: unknown) {
    super('the sign-in state cannot be reached right now', { cause });
    this.name = 'AuthStateUnavailable';
  }
}

/** Seconds a caller is told to wait after {@link AuthStateUnavailable}. */
export const AUTH_UNAVAILABLE_RETRY_SECONDS = 5;

export const invalidGrant = (why: string): OAuthError => new OAuthError(400, 'invalid_grant', why);

/** The Request Token answer (A7), exactly the documented fields. Times are epoch ms (B6). */
export interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expire_time: number;
  refresh_token_expire_time: number;
  id: string;
  sso_details?: { email?: string; full_name?: string; phone_number?: string };
}

export interface SsoDetails {
  email?: string | undefined;
  fullName?: string | undefined;
  phoneNumber?: string | undefined;
}

/** What the sign-in page left behind: a single-use code bound to client, redirect URI and PKCE. */
export interface AuthCodeState {
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  expiresAt: number;
  usedAt: number | null;
  /** The token family its first use issued (revoked if the code comes back). */
  familyId: string | null;
}

export interface CodeExchange {
  clientId: string;
  redirectUri: string | undefined;
  verifier: string | undefined;
}

/** `authorization_code` grant: 'reused' (the caller revokes the code's family and throws
 * {@link codeReused}), 'ok', or an OAuthError thrown for every other refusal. */
export function checkAuthCode(
  code: AuthCodeState | undefined,
  request: CodeExchange,
  now: number,
): 'ok' | 'reused' {
  if (!code) throw invalidGrant('unknown authorization code');
  if (code.usedAt !== null) return 'reused';
  if (code.expiresAt <= now) throw invalidGrant('the authorization code has expired');
  if (code.clientId !== request.clientId)
    throw invalidGrant('the code was issued to another client');
  if (request.redirectUri === undefined || request.redirectUri !== code.redirectUri)
    throw invalidGrant('redirect_uri does not match the one the code was issued for');
  if (
    code.codeChallenge !== null &&
    (!request.verifier || !pkceMatches(code.codeChallenge, request.verifier))
  )
    throw invalidGrant('code_verifier does not match the code_challenge');
  return 'ok';
}

export const codeReused = (): OAuthError =>
  invalidGrant('the authorization code was already used; the tokens it gave are revoked');

/** A stored token (access or refresh) with its family's state. */
export interface TokenState {
  kind: 'access' | 'refresh';
  familyId: string;
  clientId: string;
  expiresAt: number;
  usedAt: number | null;
  /** The token or its whole family has been revoked. */
  revoked: boolean;
}

/** `refresh_token` grant: 'reused' when a spent refresh token comes back (the caller revokes the
 * whole family: it has leaked, or Stream lost track of it, and throws {@link refreshReused}). */
export function checkRefresh(
  token: TokenState | undefined,
  clientId: string,
  now: number,
): 'ok' | 'reused' {
  if (!token || token.kind !== 'refresh') throw invalidGrant('unknown refresh token');
  if (token.clientId !== clientId) throw invalidGrant('the token was issued to another client');
  if (token.revoked) throw invalidGrant('the refresh token has been revoked');
  if (token.usedAt !== null) return 'reused';
  if (token.expiresAt <= now) throw invalidGrant('the refresh token has expired');
  return 'ok';
}

export const refreshReused = (): OAuthError =>
  invalidGrant('the refresh token was already used; every token of this connection is revoked');

/** A live access token: not expired, not revoked, not a refresh token. */
export function accessTokenLive(token: TokenState | undefined, now: number): boolean {
  return !!token && token.kind === 'access' && !token.revoked && token.expiresAt > now;
}

export interface TokenLifetimes {
  accessTokenMs: number;
  refreshTokenMs: number;
}

/** A fresh access + refresh pair (256-bit random each) and when each runs out. */
export function newTokenPair(now: number, lifetimes: TokenLifetimes) {
  return {
    access: randomSecret(),
    refresh: randomSecret(),
    accessExpires: now + lifetimes.accessTokenMs,
    refreshExpires: now + lifetimes.refreshTokenMs,
  };
}

export type TokenPair = ReturnType<typeof newTokenPair>;

/** The 201 body for a pair issued to `merchantId`; `sso_details` only with something in it. */
export function tokenAnswer(
  pair: TokenPair,
  merchantId: string,
  sso: SsoDetails = {},
): TokenAnswer {
  const details = {
    ...(sso.email ? { email: sso.email } : {}),
    ...(sso.fullName ? { full_name: sso.fullName } : {}),
    ...(sso.phoneNumber ? { phone_number: sso.phoneNumber } : {}),
  };
  return {
    access_token: pair.access,
    refresh_token: pair.refresh,
    expire_time: pair.accessExpires,
    refresh_token_expire_time: pair.refreshExpires,
    id: merchantId,
    ...(Object.keys(details).length > 0 ? { sso_details: details } : {}),
  };
}
