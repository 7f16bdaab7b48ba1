// The Stream credentials on every route of the Stream listener, decided by the route itself:
// a route opts out with `config: { noStreamAuth: true }` (the liveness probe and the onboarding
// endpoints do), and
// every other route, including an unknown path, needs Stream's credentials. The headers are
// screened before the body is read; the full decision (signature over the exact bytes) runs once
// the body is in. Every refusal is the same bare 401.
import type { FastifyInstance } from 'fastify';
import { INBOUND_SIGNATURE_HEADER } from '../protocol/assumptions.js';
import type { StreamAuthenticator } from './authenticate.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without Stream's credentials (liveness probe) or authenticates its
     * callers itself (onboarding). */
    noStreamAuth?: boolean;
  }
}

const UNAUTHORIZED = { error: { code: 'unauthorized', message: 'unauthorized' } };

export function installStreamAuth(app: FastifyInstance, auth: StreamAuthenticator): void {
  const signatureOf = (value: string | string[] | undefined): string | undefined =>
    typeof value === 'string' ? value : undefined;

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.noStreamAuth) return;
    const signature = signatureOf(request.headers[INBOUND_SIGNATURE_HEADER]);
    if (!auth.screen(request.headers.authorization, signature))
      return reply.code(401).send(UNAUTHORIZED);
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config?.noStreamAuth) return;
    const result = auth.authenticate({
      authorization: request.headers.authorization,
      signature: signatureOf(request.headers[INBOUND_SIGNATURE_HEADER]),
      body: Buffer.isBuffer(request.body) ? request.body : undefined,
    });
    if (!result.ok) return reply.code(401).send(UNAUTHORIZED);
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
