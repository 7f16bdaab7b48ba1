// Starts a gateway replica: NATS, the fleet view from KV, the public Stream listener and the
// loopback metrics listener. Nothing is kept on disk: run as many replicas as wanted.
import Fastify from 'fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import type { NatsTarget } from '../electron/core/relay/connect.js';
import type { Logger } from '../electron/core/util/log.js';
import type { GatewayConfig } from './config.js';
import { Fleet, whenJetStreamReady } from './fleet.js';
import { merchantOAuthSettings } from './oauth/config.js';
import { MerchantOAuth } from './oauth/merchant-oauth.js';
import { gatewayMetrics } from './metrics.js';
import { buildGateway } from './server.js';
import { Withdrawals, type WithdrawalEvent } from './withdrawals.js';

export interface RunningGateway {
  url: string;
  metricsUrl: string;
  nc: NatsConnection;
  fleet: Fleet;
  withdrawals: Withdrawals;
  stop(): Promise<void>;
}

export async function startGateway(
  config: GatewayConfig,
  deps: { log: Logger; connect: (t: NatsTarget, o: { name: string }) => Promise<NatsConnection> },
): Promise<RunningGateway> {
  const nc = await deps.connect(config.nats, { name: 'stream-gateway' });
  const fleet = new Fleet(nc, config.storeStaleSeconds * 1000, Date.now, config.nats.kvReplicas, {
    storeMerchants: config.storeMerchants,
    log: deps.log,
  });
  await fleet.start();
  const oauth = await whenJetStreamReady(() =>
    MerchantOAuth.open(
      nc,
      merchantOAuthSettings(config.oauth),
      (id) => fleet.get(id)?.record.merchantId ?? null,
      { replicas: config.nats.kvReplicas },
    ),
  );
  let onWithdrawal: (e: WithdrawalEvent) => void = () => {};
  const withdrawals = new Withdrawals(nc, fleet, deps.log, config.nats.kvReplicas, (e) =>
    onWithdrawal(e),
  );
  await withdrawals.start();
  const metrics = gatewayMetrics(fleet, withdrawals);
  onWithdrawal = (e) => metrics.withdrawal(e);
  const app = buildGateway({
    config,
    nc,
    fleet,
    withdrawals,
    oauth,
    log: deps.log,
    observe: (outcome, ms) => metrics.observe(outcome, ms),
  });
  const metricsApp = Fastify({ logger: false });
  metricsApp.get('/metrics', async (_req, reply) =>
    reply
      .header('content-type', metrics.registry.contentType)
      .send(await metrics.registry.metrics()),
  );
  const url = await app.listen(config.listen);
  const metricsUrl = await metricsApp.listen(config.metrics);
  deps.log.info('gateway started', { url, metricsUrl });
  return {
    url,
    metricsUrl,
    nc,
    fleet,
    withdrawals,
    async stop() {
      fleet.stop();
      withdrawals.stop();
      await Promise.all([app.close(), metricsApp.close()]);
      await nc.close();
    },
  };
}
