// The onboarding endpoints on the Stream listener (A7, B6): the Authorize page a merchant's
// browser opens and the Request Token endpoint Stream calls. They are the only Stream-listener
// routes without Stream's credentials (`config: { noStreamAuth: true }`): the browser has none yet,
// and the token endpoint authenticates the client itself (RFC 6749 §2.3).
//
// The same routes serve one store (the connector's StreamOAuth, SQLite) and a chain's merchants
// (the gateway's MerchantOAuth, JetStream KV): each implements `AuthorizationServer`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sjson from 'secure-json-parse';
import {
  OAUTH_AUTHORIZE_PATH,
  OAUTH_ISSUE_TOKEN_PATH,
  PKCE_METHOD,
  TOKEN_ANSWER_STATUS,
} from '../protocol/assumptions.js';
import { secretsEqual } from '../protocol/signature.js';
import type { Logger } from '../../util/log.js';
import {
  AUTH_UNAVAILABLE_RETRY_SECONDS,
  AuthStateUnavailable,
  OAuthError,
  type TokenAnswer,
} from './grants.js';
import {
  errorPage,
  pageLanguage,
  signInPage,
  type RefusalReason,
  type SignInFor,
} from './pages.js';

type MaybePromise<T> = T | Promise<T>;

export type SignInOutcome = { code: string } | { wrongCode: true } | { refused: RefusalReason };

/** What the onboarding routes ask of an authorization server. Any method may throw
 * AuthStateUnavailable (state unreachable: 503) or OAuthError (an RFC 6749 refusal). */
export interface AuthorizationServer {
  /** Stream's client; null when onboarding is not configured (nobody can sign in). */
  readonly settings: {
    clientId: string;
    clientSecret: string;
    redirectUris: readonly string[];
  } | null;
  /** The connect code typed on the sign-in page: a new authorization code bound to the client,
   * redirect URI and PKCE challenge, a wrong code, or a right code that cannot be used. */
  authorize(
    typed: string,
    grant: { clientId: string; redirectUri: string; codeChallenge: string | null },
  ): MaybePromise<SignInOutcome>;
  exchangeCode(
    clientId: string,
    code: string,
    redirectUri: string | undefined,
    verifier: string | undefined,
  ): MaybePromise<TokenAnswer>;
  refresh(clientId: string, refreshToken: string): MaybePromise<TokenAnswer>;
}

export interface OAuthRouteDeps {
  oauth: AuthorizationServer;
  /** Shown on the sign-in page ("Stream is asking to receive orders for …"). */
  signInFor: SignInFor;
  log: Logger;
}

type Fields = Record<string, string>;

const PUBLIC = { config: { noStreamAuth: true } } as const;

/** Headers of every onboarding page: never cached, never framed (clickjacking), no script. */
function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    )
    .send(html);
}

export function registerOAuthRoutes(app: FastifyInstance, deps: OAuthRouteDeps): void {
  const { oauth, log } = deps;

  /** Checks shared by GET and POST. A refusal is an error page; a bad `response_type` or PKCE
   * method on a known client and redirect goes back to Stream as RFC 6749 §4.1.2.1 says. */
  const vet = (
    request: FastifyRequest,
    reply: FastifyReply,
    fields: Fields,
  ): { params: Fields; challenge: string | null } | FastifyReply => {
    const lang = pageLanguage(fields.lang, request.headers['accept-language']);
    const clientId = fields.client_id;
    const redirectUri = fields.redirect_uri;
    const refuse = (reason: RefusalReason): FastifyReply => {
      log.warn('onboarding request refused', { reason, clientId: clientId ?? null });
      return sendPage(reply, 400, errorPage(lang, reason));
    };
    if (!oauth.settings) return refuse('not_configured');
    if (!clientId || !redirectUri) return refuse('missing');
    if (clientId !== oauth.settings.clientId) return refuse('unknown_client');
    if (!oauth.settings.redirectUris.includes(redirectUri)) return refuse('bad_redirect');
    const state = fields.state;
    const back = (error: string, description: string): FastifyReply =>
      reply.redirect(
        redirectWith(redirectUri, { error, error_description: description, state }),
        302,
      );
    if (fields.response_type !== 'code')
      return back('unsupported_response_type', 'response_type must be code');
    const challenge = fields.code_challenge || null;
    if (challenge !== null) {
      if ((fields.code_challenge_method ?? PKCE_METHOD) !== PKCE_METHOD)
        return back('invalid_request', 'code_challenge_method must be S256');
      if (!/^[A-Za-z0-9_-]{43}$/.test(challenge))
        return back('invalid_request', 'code_challenge must be a base64url SHA-256');
    }
    const params: Fields = {
      client_id: clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
    };
    for (const key of ['state', 'code_challenge', 'code_challenge_method'] as const)
      if (fields[key]) params[key] = fields[key];
    return { params, challenge };
  };

  app.get(OAUTH_AUTHORIZE_PATH, PUBLIC, async (request, reply) => {
    const fields = stringFields(request.query);
    const vetted = vet(request, reply, fields);
    if (!('params' in vetted)) return vetted;
    const lang = pageLanguage(fields.lang, request.headers['accept-language']);
    return sendPage(reply, 200, signInPage(lang, deps.signInFor, vetted.params, false));
  });

  app.post(OAUTH_AUTHORIZE_PATH, PUBLIC, async (request, reply) => {
    const fields = { ...stringFields(request.query), ...formFields(request.body) };
    const vetted = vet(request, reply, fields);
    if (!('params' in vetted)) return vetted;
    const { params, challenge } = vetted;
    const lang = pageLanguage(fields.lang, request.headers['accept-language']);
    let outcome: SignInOutcome;
    try {
      outcome = await oauth.authorize(fields.connect_code ?? '', {
        clientId: params.client_id!,
        redirectUri: params.redirect_uri!,
        codeChallenge: challenge,
      });
    } catch (err) {
      if (!(err instanceof AuthStateUnavailable)) throw err;
      log.warn('onboarding sign-in: state unreachable', { error: causeOf(err) });
      reply.header('retry-after', String(AUTH_UNAVAILABLE_RETRY_SECONDS));
      return sendPage(reply, 503, errorPage(lang, 'unavailable'));
    }
    if ('wrongCode' in outcome) {
      log.warn('onboarding sign-in: wrong connect code', { clientId: params.client_id });
      return sendPage(reply, 400, signInPage(lang, deps.signInFor, params, true));
    }
    if ('refused' in outcome) {
      log.warn('onboarding sign-in refused', {
        reason: outcome.refused,
        clientId: params.client_id,
      });
      return sendPage(reply, 400, errorPage(lang, outcome.refused));
    }
    const { code } = outcome;
    log.info('onboarding sign-in: authorization code issued', { clientId: params.client_id });
    return reply
      .header('cache-control', 'no-store')
      .redirect(redirectWith(params.redirect_uri!, { code, state: params.state }), 302);
  });

  app.post(OAUTH_ISSUE_TOKEN_PATH, PUBLIC, async (request, reply) => {
    try {
      const answer = await issueToken(oauth, request);
      return reply
        .code(TOKEN_ANSWER_STATUS)
        .header('cache-control', 'no-store')
        .header('pragma', 'no-cache')
        .send(answer);
    } catch (err) {
      if (err instanceof AuthStateUnavailable) {
        log.warn('token request: state unreachable', { error: causeOf(err) });
        return reply
          .code(503)
          .header('cache-control', 'no-store')
          .header('retry-after', String(AUTH_UNAVAILABLE_RETRY_SECONDS))
          .send({
            error: 'temporarily_unavailable',
            error_description: 'the token store cannot be reached right now; retry',
          });
      }
      if (!(err instanceof OAuthError)) throw err;
      log.warn('token request refused', { error: err.error, reason: err.description });
      if (err.status === 401) reply.header('www-authenticate', 'Basic realm="stream-connector"');
      return reply
        .code(err.status)
        .header('cache-control', 'no-store')
        .send({ error: err.error, error_description: err.description });
    }
  });
}

/** The store's error message only (never a request, so never a code or token). */
const causeOf = (err: AuthStateUnavailable): string =>
  err.cause instanceof Error ? err.cause.message : String(err.cause);

async function issueToken(
  oauth: AuthorizationServer,
  request: FastifyRequest,
): Promise<TokenAnswer> {
  const fields = tokenFields(request);
  const client = clientCredentials(request.headers.authorization, fields);
  const settings = oauth.settings;
  if (
    !settings ||
    !client ||
    client.id !== settings.clientId ||
    !secretsEqual(client.secret, settings.clientSecret)
  )
    throw new OAuthError(401, 'invalid_client', 'client authentication failed');
  const grant = fields.grant_type ?? 'authorization_code';
  if (grant === 'authorization_code') {
    if (!fields.code) throw new OAuthError(400, 'invalid_request', 'code is required');
    return oauth.exchangeCode(client.id, fields.code, fields.redirect_uri, fields.code_verifier);
  }
  if (grant === 'refresh_token') {
    if (!fields.refresh_token)
      throw new OAuthError(400, 'invalid_request', 'refresh_token is required');
    return oauth.refresh(client.id, fields.refresh_token);
  }
  throw new OAuthError(400, 'unsupported_grant_type', `grant_type ${grant} is not supported`);
}

/** The token request's fields, from JSON (A7) or a form (RFC 6749). */
function tokenFields(request: FastifyRequest): Fields {
  const raw = request.body;
  if (!Buffer.isBuffer(raw) || raw.length === 0)
    throw new OAuthError(400, 'invalid_request', 'the request has no body');
  const type = String(request.headers['content-type'] ?? '');
  if (type.startsWith('application/x-www-form-urlencoded')) return formFields(raw);
  let json: unknown;
  try {
    json = sjson.parse(raw.toString('utf8'), undefined, {
      protoAction: 'error',
      constructorAction: 'error',
    });
  } catch {
    throw new OAuthError(400, 'invalid_request', 'the body is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new OAuthError(400, 'invalid_request', 'the body must be a JSON object');
  const fields: Fields = {};
  for (const [k, v] of Object.entries(json)) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string')
      throw new OAuthError(400, 'invalid_request', `${k} must be a string`);
    fields[k] = v;
  }
  return fields;
}

/** HTTP Basic (RFC 6749 §2.3.1, form-encoded id and secret) or `client_id` + `client_secret`. */
function clientCredentials(
  authorization: string | undefined,
  fields: Fields,
): { id: string; secret: string } | null {
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization?.trim() ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    try {
      return {
        id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
        secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
      };
    } catch {
      return null;
    }
  }
  return fields.client_id && fields.client_secret
    ? { id: fields.client_id, secret: fields.client_secret }
    : null;
}

function formFields(body: unknown): Fields {
  if (!Buffer.isBuffer(body)) return {};
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

/** Only string values; a repeated parameter (an array) is taken as absent. */
function stringFields(query: unknown): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>))
    if (typeof v === 'string') out[k] = v;
  return out;
}

function redirectWith(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}
