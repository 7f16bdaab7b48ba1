// The onboarding routes on the gateway: the connector's own (stream/auth/routes.ts: Authorize
// page, Request Token) on the KV-backed authorization server, worded for a chain's merchant.
import type { FastifyInstance } from 'fastify';
import { registerOAuthRoutes } from '../../electron/core/stream/auth/index.js';
import type { Logger } from '../../electron/core/util/log.js';
import type { GatewayOAuthConfig } from './config.js';
import type { MerchantOAuth } from './merchant-oauth.js';

export function registerGatewayOAuth(
  app: FastifyInstance,
  deps: { oauth: MerchantOAuth; config: GatewayOAuthConfig; log: Logger },
): void {
  registerOAuthRoutes(app, {
    oauth: deps.oauth,
    signInFor: { name: deps.config.name, chain: true },
    log: deps.log,
  });
}
