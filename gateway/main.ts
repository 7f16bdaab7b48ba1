// `npm run gateway -- --config <file>`: the chain gateway as its own process (no Electron).
// `npm run gateway -- connections|disconnect …`: IT's commands on Stream connections (admin.ts).
import { connectNats } from '../electron/core/relay/connect.js';
import { createLogger } from '../electron/core/util/log.js';
import { ADMIN_USAGE, runAdmin } from './admin.js';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

const i = process.argv.indexOf('--config');
const file = i >= 0 ? process.argv[i + 1] : process.env.GATEWAY_CONFIG;
if (!file) {
  console.error(`usage: npm run gateway -- --config <file>\n${ADMIN_USAGE}`);
  process.exit(2);
}
let config;
try {
  config = loadGatewayConfig(file);
} catch (err) {
  console.error(`Configuration error: ${(err as Error).message}`);
  process.exit(2);
}
// The words that are not `--config <file>`: an admin command and its merchant id, in any order.
const words = process.argv.slice(2).filter((_, n) => n !== i - 2 && n !== i - 1);
if (words[0] === 'connections' || words[0] === 'disconnect') {
  const code = await runAdmin(words, config, {
    say: (line) => console.log(line),
    warn: (line) => console.error(line),
  });
  process.exit(code);
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
