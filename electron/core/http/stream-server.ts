// The Stream listener (stream-api.md B1–B3, B5, B6): what Stream calls, and merchant onboarding.
// Authentication (stream/auth) runs before anything is parsed or stored; the body is kept as raw bytes so the signature is checked on
// exactly what was received and the order keeps those bytes.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import sjson from 'secure-json-parse';
import type { CatalogStore } from '../catalog/catalog.js';
import type { Config } from '../config/schema.js';
import type { OrderLifecycle } from '../orders/lifecycle.js';
import type { OrderIngest } from '../orders/ingest.js';
import {
  installStreamAuth,
  keepRawBodies,
  registerOAuthRoutes,
  type StreamAuthenticator,
  type StreamOAuth,
} from '../stream/auth/index.js';
import {
  INPUT_CHECK_ERROR,
  MAX_JSON_DEPTH,
  orderProblem,
  StreamEvent,
  jsonDepth,
} from '../stream/protocol/index.js';
import { ApiError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { errorBody, installErrorHandler, zodProblem, type StorageWatch } from './errors.js';
import { allowedHostNames, installHostCheck } from './host-check.js';
import { installQueryCheck } from './query-check.js';
import { serverFactory } from './node-server.js';

export interface StreamServerDeps {
  config: Config;
  ingest: OrderIngest;
  lifecycle: OrderLifecycle;
  catalog: CatalogStore;
  log: Logger;
  storage?: StorageWatch;
  /** Who may call (stream/auth): inbound token, signature, onboarding access tokens. */
  auth: StreamAuthenticator;
  /** Merchant onboarding: the Authorize page and the Request Token endpoint. */
  oauth: StreamOAuth;
  /** How often the TLS certificate files are looked at for a renewal (default 2 s). */
  tlsPollMs?: number | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

export function buildStreamServer(deps: StreamServerDeps): FastifyInstance {
  const { config, log } = deps;
  const { certFile, keyFile } = config.stream.tls;
  const app = Fastify({
    logger: false,
    bodyLimit: config.stream.bodyLimitBytes,
    return503OnClosing: true,
    serverFactory: serverFactory(
      {
        requestMs: config.stream.requestTimeoutSeconds * 1000,
        idleMs: config.stream.requestTimeoutSeconds * 1000,
        keepAliveMs: 5_000,
      },
      certFile && keyFile ? { certFile, keyFile, log, pollMs: deps.tlsPollMs ?? 2_000 } : undefined,
    ),
  });
  installErrorHandler(app, log, deps.storage);
  installHostCheck(app, allowedHostNames(config.stream.host, config.stream.allowedHosts));
  installQueryCheck(app);

  keepRawBodies(app);

  installStreamAuth(app, deps.auth);
  registerOAuthRoutes(app, { oauth: deps.oauth, signInFor: { name: config.location.name }, log });

  app.get('/healthz', { config: { noStreamAuth: true } }, async () => ({ status: 'ok' }));

  app.post('/stream/orders', async (request, reply) => {
    const parsed = parseEvent(request);
    if ('refused' in parsed) {
      const { refused } = parsed;
      log.warn('stream request refused', { code: refused.code, reason: refused.message });
      return reply.code(refused.status).send(refusalBody(parsed));
    }
    const event = parsed.event;
    switch (event.type) {
      case 'order.created': {
        const result = await deps.ingest.ingest(request.body as Buffer, event.object);
        log.info(result.repeated ? 'order repeated' : 'order received', {
          orderId: result.orderId,
          status: result.answer.status,
        });
        return reply.code(result.answer.status).send(result.answer.body);
      }
      case 'order.updated':
        deps.lifecycle.applyStreamUpdate(event.object);
        return { ok: true };
      case 'order.canceled':
        deps.lifecycle.applyStreamCancel(event.object);
        log.info('order canceled by Stream', { orderId: event.object.provider_id });
        return { ok: true };
    }
  });

  app.get('/stream/locations', async () => {
    const { location } = config;
    return [
      {
        provider_id: location.id,
        name: location.name,
        address: location.address,
        prep_time_minutes: location.prepTimeMinutes,
      },
    ];
  });

  app.get('/stream/catalog', async (request, reply) => {
    const locationHeader = request.headers['x-provider-location-id'];
    if (typeof locationHeader === 'string' && locationHeader !== config.location.id)
      return reply
        .code(404)
        .send(errorBody('location_not_found', `unknown location ${locationHeader}`));
    const current = deps.catalog.current();
    if (!current)
      return reply
        .code(404)
        .send(errorBody('catalog_not_loaded', 'no catalog has been loaded yet'));
    return current.catalog;
  });

  return app;
}

/** The body a refused Stream request is answered with (the gateway answers its own refusals with
 * it too). */
export function refusalBody(parsed: {
  refused: ApiError;
  maybeOrderCreated: boolean;
}): Record<string, unknown> {
  const { refused, maybeOrderCreated } = parsed;
  const body: Record<string, unknown> = errorBody(refused.code, refused.message, refused.field);
  // A2: every 400 to order.created carries posValidation (assumptions.ts INPUT_CHECK_ERROR).
  if (maybeOrderCreated) body.posValidation = orderProblem(INPUT_CHECK_ERROR, refused.message);
  return body;
}

export type ParsedEvent =
  { event: StreamEvent } | { refused: ApiError; maybeOrderCreated: boolean };

/** The event, or why it was refused and whether it may have been an `order.created` (its `type`
 * says so, or cannot be read). */
export function parseEvent(request: Pick<FastifyRequest, 'body'>): ParsedEvent {
  const raw = request.body;
  const refuse = (code: string, message: string, maybeOrderCreated = true): ParsedEvent => ({
    refused: new ApiError(400, code, message),
    maybeOrderCreated,
  });
  if (!Buffer.isBuffer(raw) || raw.length === 0)
    return refuse('empty_body', 'the request has no JSON body');
  let json: unknown;
  try {
    json = sjson.parse(raw.toString('utf8'), undefined, {
      protoAction: 'error',
      constructorAction: 'error',
    });
  } catch (err) {
    return refuse('invalid_json', `body is not valid JSON: ${(err as Error).message}`);
  }
  const type = (json as { type?: unknown } | null)?.type;
  const maybeOrderCreated = typeof type !== 'string' || type === 'order.created';
  if (jsonDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    return refuse('too_deep', `body nests deeper than ${MAX_JSON_DEPTH} levels`, maybeOrderCreated);
  const parsed = StreamEvent.safeParse(json);
  if (!parsed.success) return { refused: zodProblem(parsed.error, ''), maybeOrderCreated };
  return { event: parsed.data };
}
