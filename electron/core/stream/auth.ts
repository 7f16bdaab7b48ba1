// Authenticating Stream (stream-api.md B2), once for every listener that Stream calls: the
// connector's Stream listener and the chain gateway install the same hooks.
import type { FastifyInstance } from 'fastify';
import { INBOUND_SIGNATURE_HEADER, verifyBearer, verifyBodySignature } from './protocol/index.js';

export interface StreamSecrets {
  inboundToken?: string | undefined;
  webhookSecret?: string | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The liveness probe alone answers without Stream's credentials. */
    noStreamAuth?: boolean;
  }
}

const unauthorized = { error: { code: 'unauthorized', message: 'unauthorized' } };

/** Bearer check before anything is parsed, signature check on the raw body bytes. A route
 * declared with `config: { noStreamAuth: true }` (`/healthz`) needs neither: decided on the
 * matched route, never on the URL string. */
export function installStreamAuth(app: FastifyInstance, secrets: StreamSecrets): void {
  const { inboundToken, webhookSecret } = secrets;
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.noStreamAuth) return;
    const authOk =
      (inboundToken || webhookSecret) &&
      (!inboundToken || verifyBearer(inboundToken, request.headers.authorization));
    if (!authOk) return reply.code(401).send(unauthorized);
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!webhookSecret || request.body === undefined) return;
    const header = request.headers[INBOUND_SIGNATURE_HEADER];
    if (
      !verifyBodySignature(
        webhookSecret,
        request.body as Buffer,
        typeof header === 'string' ? header : undefined,
      )
    )
      return reply.code(401).send(unauthorized);
  });
}

/** Raw JSON bodies: the signature is checked on exactly the bytes received. */
export function keepRawJsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
}
