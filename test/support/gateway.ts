// A gateway replica for a test or a bench, on loopback free ports, against a real nats-server.
import { connectNats } from '../../electron/core/relay/connect.js';
import { silentLogger, type Logger } from '../../electron/core/util/log.js';
import { parseGatewayConfig } from '../../gateway/config.js';
import { startGateway, type RunningGateway } from '../../gateway/gateway.js';
import { GATEWAY_NATS_USER, storeNatsUser } from './nats.js';
import { TEST_INBOUND_TOKEN, TEST_WEBHOOK_SECRET } from './secrets.js';

export function startTestGateway(
  natsUrl: string,
  overrides: Record<string, unknown> = {},
  log: Logger = silentLogger,
): Promise<RunningGateway> {
  const config = parseGatewayConfig({
    listen: { port: 0 },
    metrics: { port: 0 },
    nats: { url: natsUrl, ...GATEWAY_NATS_USER },
    stream: { inboundToken: TEST_INBOUND_TOKEN, webhookSecret: TEST_WEBHOOK_SECRET },
    ...overrides,
  });
  return startGateway(config, { log, connect: connectNats });
}

/** Connector config for a store behind the relay. */
export function relayConfig(natsUrl: string, locationId: string, merchantId = 'merchant-1') {
  const { user, password } = storeNatsUser(locationId);
  return {
    location: { id: locationId, name: `Store ${locationId}` },
    relay: { url: natsUrl, user, password, merchantId, heartbeatSeconds: 1 },
  };
}
