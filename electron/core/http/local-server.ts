// The Local API (shared/contract.ts) over HTTP for the cashier UI in a browser and for other
// in-store systems, plus the push channel and, in headless mode, the built UI itself. Routes
// are generated from the contract, never written by hand.
//
// Authorization is decided on the route, never by comparing URL strings: every Local API route
// lives inside one plugin whose `onRequest` hook checks the token, so however a path is spelled
// (`/%61pi/orders`, `/x/../api`), whatever the router matches to an API handler has passed the
// check. Outside the plugin there is only the static UI and the 404 answer.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import {
  ACTOR_HEADER,
  bodySchema,
  callNames,
  callSpec,
  isCounterOnly,
  MANAGER_PIN_HEADER,
  mayDownload,
  type CallName,
} from '../../../shared/contract.js';
import { FileDownload } from '../../../shared/manager.js';
import type { CallMeta, Handlers } from '../api/handlers.js';
import type { EventBus } from '../events/bus.js';
import { verifyBearer, secretsEqual } from '../stream/protocol/index.js';
import type { Logger } from '../util/log.js';
import { actorName, parseCallPart } from '../api/call-input.js';
import { installErrorHandler } from './errors.js';
import { installHostCheck } from './host-check.js';
import { installQueryCheck } from './query-check.js';
import { DEFAULT_TIMEOUTS, serverFactory } from './node-server.js';
import { servePushChannel } from './push-channel.js';

export interface LocalServerDeps {
  token: string;
  /** Host names this listener answers to (host-check.ts); anything else gets 421. */
  allowedHosts: ReadonlySet<string>;
  handlers: Handlers;
  bus: EventBus;
  log: Logger;
  /** The built renderer to serve at `/`, in headless mode. */
  uiDir?: string | undefined;
  /** Prometheus exposition for `GET /metrics` (electron/core/metrics), behind the same token. */
  metrics?: { contentType: string; render(): Promise<string> } | undefined;
}

export const UI_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "media-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function buildLocalServer(deps: LocalServerDeps): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: 5 * 1024 * 1024,
    return503OnClosing: true,
    serverFactory: serverFactory(DEFAULT_TIMEOUTS),
  });
  installErrorHandler(app, deps.log);

  installHostCheck(app, deps.allowedHosts);
  installQueryCheck(app);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Content-Security-Policy', UI_CSP);
    return payload;
  });

  // Open push streams are ended on close; otherwise shutdown would wait on them forever.
  const streams = new Set<ServerResponse>();
  void app.register(async (api) => {
    api.addHook('onRequest', tokenCheck(deps.token));
    // Counter-only calls (the first-PIN setup code) have no route: they exist on the bridge only.
    for (const name of callNames) if (!isCounterOnly(name)) registerCall(api, name, deps);
    api.get('/api/events', { config: { tokenInQuery: true } }, (request, reply) =>
      servePushChannel(request, reply, deps.bus, streams),
    );
    const { metrics } = deps;
    // Inside the token plugin like every API route: a scraper sends `Authorization: Bearer`.
    if (metrics)
      api.get('/metrics', async (_request, reply) =>
        reply.type(metrics.contentType).send(await metrics.render()),
      );
  });
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
  });

  if (deps.uiDir)
    void app.register(fastifyStatic, { root: deps.uiDir, index: 'index.html', wildcard: false });
  return app;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** EventSource cannot send headers: the push channel alone also takes `?token=`. */
    tokenInQuery?: boolean;
  }
}

function tokenCheck(token: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const queryToken = request.routeOptions.config.tokenInQuery
      ? (request.query as { token?: unknown }).token
      : undefined;
    const ok =
      verifyBearer(token, request.headers.authorization) ||
      (typeof queryToken === 'string' && secretsEqual(queryToken, token));
    if (!ok)
      return reply
        .code(401)
        .send({ error: { code: 'unauthorized', message: 'missing or wrong local API token' } });
  };
}

function registerCall(app: FastifyInstance, name: CallName, deps: LocalServerDeps): void {
  const spec = callSpec(name);
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      const input = {
        ...parseCallPart(spec.params, request.params, 'params'),
        ...parseCallPart(spec.query, request.query, 'query'),
        ...parseCallPart(bodySchema(spec), request.body ?? {}, 'body'),
      };
      const header = request.headers[ACTOR_HEADER];
      const actor = actorName(typeof header === 'string' ? header : undefined);
      // Manager-only calls check this PIN in the handlers themselves (manager/guard.ts).
      const pin = request.headers[MANAGER_PIN_HEADER];
      const meta: CallMeta = { actor, managerPin: typeof pin === 'string' ? pin : undefined };
      const handler = deps.handlers[name] as (input: unknown, meta: CallMeta) => unknown;
      const result = await handler(input, meta);
      if (mayDownload(name)) {
        const download = FileDownload.safeParse(result);
        if (download.success) {
          const { name: fileName, contentType, content } = download.data.file;
          return reply
            .type(contentType)
            .header(
              'Content-Disposition',
              `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
            )
            .header('Cache-Control', 'no-store')
            .send(content);
        }
      }
      return result;
    },
  });
}
