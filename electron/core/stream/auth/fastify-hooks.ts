// The Stream credentials on every route of the Stream listener, decided by the route itself:
// a route opts out with `config: { noStreamAuth: true }` (the liveness probe and the onboarding
// endpoints do), and
// every other route, including an unknown path, needs Stream's credentials. The headers are
// screened before the body is read; the full decision (signature over the exact bytes) runs once
// the body is in. Every refusal is the same bare 401; onboarding state that cannot be read (the
// gateway's KV) is a 503 with Retry-After, never a guess.
import type { FastifyInstance } from 'fastify';
import { INBOUND_SIGNATURE_HEADER } from '../protocol/assumptions.js';
import type { BearerCheck, StreamAuthenticator, StreamAuthResult } from './authenticate.js';
import { AUTH_UNAVAILABLE_RETRY_SECONDS, AuthStateUnavailable } from './grants.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without Stream's credentials (liveness probe) or authenticates its
     * callers itself (onboarding). */
    noStreamAuth?: boolean;
  }
  interface FastifyRequest {
    /** The bearer as judged before the body was read. */
    streamBearer?: BearerCheck;
    /** Who the call was accepted as (routes read `merchantId` to limit what it reaches). */
    streamAuth?: StreamAuthResult & { ok: true };
  }
}

const UNAUTHORIZED = { error: { code: 'unauthorized', message: 'unauthorized' } };

const UNAVAILABLE = {
  error: {
    code: 'auth_unavailable',
    message: 'the access token cannot be checked right now (sign-in state unreachable); retry',
  },
};

export function installStreamAuth(app: FastifyInstance, auth: StreamAuthenticator): void {
  const signatureOf = (value: string | string[] | undefined): string | undefined =>
    typeof value === 'string' ? value : undefined;

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.noStreamAuth) return;
    let bearer: BearerCheck;
    try {
      bearer = await auth.checkBearer(request.headers.authorization);
    } catch (err) {
      if (!(err instanceof AuthStateUnavailable)) throw err;
      return reply
        .code(503)
        .header('retry-after', String(AUTH_UNAVAILABLE_RETRY_SECONDS))
        .send(UNAVAILABLE);
    }
    request.streamBearer = bearer;
    if (!auth.screen(bearer, signatureOf(request.headers[INBOUND_SIGNATURE_HEADER])))
      return reply.code(401).send(UNAUTHORIZED);
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config?.noStreamAuth) return;
    const result = auth.authenticate(request.streamBearer ?? { kind: 'invalid' }, {
      signature: signatureOf(request.headers[INBOUND_SIGNATURE_HEADER]),
      body: Buffer.isBuffer(request.body) ? request.body : undefined,
    });
    if (!result.ok) return reply.code(401).send(UNAUTHORIZED);
    request.streamAuth = result;
  });
}

/** Bodies stay raw bytes: the signature is over exactly the bytes received, and the onboarding
 * forms parse their own. Every listener that Stream calls installs this with the auth hooks. */
export function keepRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/json', 'application/x-www-form-urlencoded'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
}
