// The chain gateway: the one public Stream endpoint for every store. Each Stream request is
// authenticated with the connector's own Stream-auth code, routed by location over NATS to that
// store's connector, and its answer relayed verbatim. A store that does not answer is offline:
// `order.created` is refused at once with `pos_offline` (Stream fails the order fast instead of
// timing out), anything else gets 503 so Stream retries (stream-api.md B7). An `order.created` the
// store may have received (it was asked, but its answer did not come in time) is recorded for the
// store to withdraw before Stream hears `pos_offline` (withdrawals.ts).
import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { errors, type NatsConnection } from '@nats-io/transport-node';
import { errorBody, installErrorHandler } from '../electron/core/http/errors.js';
import { parseEvent, refusalBody } from '../electron/core/http/stream-server.js';
import {
  RELAYABLE_ID,
  RelayAnswer,
  encodeJson,
  storeSubject,
  type RelayRequest,
} from '../electron/core/relay/wire.js';
import {
  installStreamAuth,
  keepRawBodies,
  StreamAuthenticator,
} from '../electron/core/stream/auth/index.js';
import {
  orderIdempotencyKey,
  orderProblem,
  rejectAnswer,
  storeUnreachableAnswer,
} from '../electron/core/stream/protocol/index.js';
import type { Logger } from '../electron/core/util/log.js';
import { ApiError } from '../electron/core/util/errors.js';
import type { GatewayConfig } from './config.js';
import type { Fleet } from './fleet.js';
import { natsHealth } from './nats-health.js';
import type { MerchantOAuth } from './oauth/merchant-oauth.js';
import { registerGatewayOAuth } from './oauth/routes.js';
import { locationScope, merchantFilter, refuseOtherMerchant, storeHeaders } from './oauth/scope.js';
import type { Withdrawals } from './withdrawals.js';

export interface GatewayDeps {
  config: GatewayConfig;
  nc: NatsConnection;
  fleet: Fleet;
  withdrawals: Pick<Withdrawals, 'record' | 'deliver' | 'refused'>;
  /** Merchant onboarding over KV (its settings null when `oauth.clientId` is not set). */
  oauth: MerchantOAuth;
  log: Logger;
  /** Each routed request's outcome and time (metrics). */
  observe?: (outcome: RouteOutcome, ms: number) => void;
}

export type RouteOutcome = 'answered' | 'offline' | 'unknown_location' | 'cached_catalog';

/** Between two asks of a store that has no subscription while it reconnects. */
const RECONNECT_PAUSE_MS = 100;

/** Retry-After for a 503 while a store is unreachable: Stream's retry is worth it that soon. */
const OFFLINE_RETRY_SECONDS = '5';

export function buildGateway(deps: GatewayDeps): FastifyInstance {
  const { config, log } = deps;
  const app = Fastify({
    logger: false,
    bodyLimit: config.stream.bodyLimitBytes,
    return503OnClosing: true,
  });
  installErrorHandler(app, log);
  keepRawBodies(app);
  installStreamAuth(app, new StreamAuthenticator(config.stream, deps.oauth));
  registerGatewayOAuth(app, { oauth: deps.oauth, config: config.oauth, log });

  const natsUp = natsHealth(deps.nc);
  app.get('/healthz', { config: { noStreamAuth: true } }, async (_request, reply) => {
    const connected = natsUp();
    return reply.code(connected ? 200 : 503).send({ status: connected ? 'ok' : 'nats_down' });
  });

  app.post('/stream/orders', async (request, reply) => {
    // The connector's own parsing: a body it would refuse is refused here with the same answer.
    const parsed = parseEvent(request);
    if ('refused' in parsed) return reply.code(parsed.refused.status).send(refusalBody(parsed));
    const locationId = parsed.event.object.location_id;
    if (!locationId)
      throw new ApiError(
        400,
        'location_required',
        'object.location_id is required to route the request',
      );
    const scope = locationScope(request, deps.fleet, locationId);
    if (scope === 'other_merchant') return refuseOtherMerchant(reply, request, locationId);
    const started = performance.now();
    const raw = request.body as Buffer;
    const routed: Routed =
      scope === 'unknown'
        ? { mayHaveIt: false }
        : await forward(deps, locationId, {
            method: 'POST',
            url: '/stream/orders',
            headers: storeHeaders(request, config.stream),
            body: raw.toString('base64'),
          });
    const orderKey =
      parsed.event.type === 'order.created'
        ? orderIdempotencyKey(parsed.event.object, createHash('sha256').update(raw).digest('hex'))
        : null;
    if ('answer' in routed) {
      deps.observe?.('answered', performance.now() - started);
      // A retry of an order this gateway already refused (the replica that refused it died
      // before Stream heard): Stream hears the refusal its store is withdrawing the order for.
      if (
        orderKey &&
        routed.answer.status < 400 &&
        (await deps.withdrawals.refused(locationId, orderKey))
      ) {
        void deps.withdrawals.deliver(locationId, orderKey);
        const refusal = storeUnreachableAnswer();
        return reply.code(refusal.status).send(refusal.body);
      }
      return relay(reply, routed.answer);
    }
    const known = deps.fleet.get(locationId) !== null;
    deps.observe?.(known ? 'offline' : 'unknown_location', performance.now() - started);
    if (orderKey) {
      if (!known) {
        const rejected = rejectAnswer(
          orderProblem('location_not_found', `unknown location ${locationId}`),
        );
        return reply.code(rejected.status).send(rejected.body);
      }
      // The store was asked and may have the order: keep the refusal durably first, so it is
      // withdrawn even if this replica dies right after answering Stream.
      if (routed.mayHaveIt) await deps.withdrawals.record(locationId, orderKey);
      const refusal = storeUnreachableAnswer();
      void reply.code(refusal.status).send(refusal.body);
      if (routed.mayHaveIt) void deps.withdrawals.deliver(locationId, orderKey);
      return reply;
    }
    if (!known)
      return reply
        .code(404)
        .send(errorBody('location_not_found', `unknown location ${locationId}`));
    return reply
      .code(503)
      .header('retry-after', OFFLINE_RETRY_SECONDS)
      .send(errorBody('store_offline', `store ${locationId} is offline; retry later`));
  });

  app.get('/stream/locations', async (request, reply) => {
    const filter = merchantFilter(request);
    if ('refused' in filter)
      return reply.code(403).send(errorBody('merchant_mismatch', filter.refused));
    const { merchant } = filter;
    return deps.fleet
      .all()
      .filter((s) => !merchant || s.record.merchantId === merchant)
      .map(({ record }) => ({
        provider_id: record.locationId,
        name: record.name,
        address: record.address,
        prep_time_minutes: record.prepTimeMinutes,
      }));
  });

  app.get('/stream/catalog', async (request, reply) => {
    const locationId = header(request.headers['x-provider-location-id']);
    if (!locationId)
      return reply
        .code(400)
        .send(
          errorBody(
            'location_required',
            'X-Provider-Location-Id is required (per-location catalogs)',
          ),
        );
    const scope = locationScope(request, deps.fleet, locationId);
    if (scope === 'other_merchant') return refuseOtherMerchant(reply, request, locationId);
    const started = performance.now();
    const routed: Routed =
      scope === 'unknown'
        ? { mayHaveIt: false }
        : await forward(deps, locationId, {
            method: 'GET',
            url: '/stream/catalog',
            headers: storeHeaders(request, config.stream),
          });
    if ('answer' in routed) {
      deps.observe?.('answered', performance.now() - started);
      return relay(reply, routed.answer);
    }
    // A merchant-limited call gets a kept catalog only for a store of its own merchant.
    const cached = scope === 'ok' ? await deps.fleet.lastCatalog(locationId) : null;
    if (cached) {
      deps.observe?.('cached_catalog', performance.now() - started);
      return reply.header('content-type', 'application/json; charset=utf-8').send(cached);
    }
    const known = deps.fleet.get(locationId) !== null;
    deps.observe?.(known ? 'offline' : 'unknown_location', performance.now() - started);
    if (!known)
      return reply
        .code(404)
        .send(errorBody('location_not_found', `unknown location ${locationId}`));
    return reply
      .code(503)
      .header('retry-after', OFFLINE_RETRY_SECONDS)
      .send(
        errorBody('store_offline', `store ${locationId} is offline and no catalog is kept for it`),
      );
  });

  return app;
}

/** The store's answer, or that it is unreachable; `mayHaveIt` when it was asked and may have
 * taken the request in (no answer in time, or one that made no sense), as opposed to nobody
 * listening on its subject (NATS "no responders": nobody received it). */
type Routed = { answer: RelayAnswer } | { mayHaveIt: boolean };

async function forward(deps: GatewayDeps, locationId: string, req: RelayRequest): Promise<Routed> {
  if (!RELAYABLE_ID.test(locationId)) return { mayHaveIt: false };
  const { answerTimeoutMs, reconnectGraceMs } = deps.config;
  const started = performance.now();
  for (;;) {
    const left = answerTimeoutMs - (performance.now() - started);
    try {
      const msg = await deps.nc.request(storeSubject(locationId), encodeJson(req), {
        timeout: Math.max(1, left),
      });
      const parsed = RelayAnswer.safeParse(JSON.parse(msg.string()));
      if (parsed.success) return { answer: parsed.data };
      deps.log.warn('store answered something that is not a relay answer', { locationId });
      return { mayHaveIt: true };
    } catch (err) {
      const noResponders = err instanceof errors.RequestError && err.isNoResponders();
      // Nobody received it, so asking again is safe: a store listed online with no subscription
      // is reconnecting (its NATS node died), which takes a few hundred milliseconds.
      const waited = performance.now() - started;
      if (
        noResponders &&
        deps.fleet.get(locationId)?.online &&
        waited + RECONNECT_PAUSE_MS < Math.min(reconnectGraceMs, answerTimeoutMs)
      ) {
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_PAUSE_MS));
        continue;
      }
      if (!(err instanceof errors.RequestError || err instanceof errors.TimeoutError))
        deps.log.warn('relay request failed', { locationId, error: (err as Error).message });
      if (deps.fleet.get(locationId)?.online)
        await deps.fleet
          .markDown(locationId, noResponders ? 'no_responders' : 'timeout')
          .catch((e: unknown) =>
            deps.log.warn('could not mark store offline', {
              locationId,
              error: (e as Error).message,
            }),
          );
      return { mayHaveIt: !noResponders };
    }
  }
}

function relay(reply: FastifyReply, answer: RelayAnswer): FastifyReply {
  return reply.code(answer.status).headers(answer.headers).send(Buffer.from(answer.body, 'base64'));
}

function header(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
