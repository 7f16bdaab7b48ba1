// `npm run gateway -- --config <file>`: the chain gateway as its own process (no Electron).
import { connectNats } from '../electron/core/relay/connect.js';
import { createLogger } from '../electron/core/util/log.js';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

const i = process.argv.indexOf('--config');
const file = i >= 0 ? process.argv[i + 1] : process.env.GATEWAY_CONFIG;
if (!file) {
  console.error('usage: npm run gateway -- --config <file>');
  process.exit(2);
}
let config;
try {
  config = loadGatewayConfig(file);
} catch (err) {
  console.error(`Configuration error: ${(err as Error).message}`);
  process.exit(2);
}
const log = createLogger({
  secrets: [
    config.stream.inboundToken,
    config.stream.webhookSecret,
    config.nats.password,
    config.oauth.clientSecret,
  ],
});
const gateway = await startGateway(config, { log, connect: connectNats });
console.log(`Stream endpoint: ${gateway.url}`);
console.log(`Metrics:         ${gateway.metricsUrl}/metrics`);
const shutdown = (): void => void gateway.stop().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
