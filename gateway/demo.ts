// `npm run serve:chain`: a chain on one machine, to see how it works before running one. A real
// nats-server (Debian's, with the chain's per-store users), one gateway replica as Stream's one
// endpoint, two stores of one merchant (real connectors with their cashier boards, each on its
// own outbound relay), and the demo's fake Stream cloud that takes their answers. Then:
//   npm run simulate -- --url <the gateway> --location store-b
// sends orders through the gateway to a store's board. Ctrl+C stops everything it started.
//
//   --any-port         every listener on a free port (the test runs it beside other things)
//   --data-dir <dir>   where the stores and NATS keep their data (default .data-chain/)
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnector, type Connector } from '../electron/core/app.js';
import { loadConfig } from '../electron/core/config/load.js';
import type { Config } from '../electron/core/config/schema.js';
import { configSecrets } from '../electron/core/config/secrets.js';
import { connectNats } from '../electron/core/relay/connect.js';
import { createLogger, silentLogger } from '../electron/core/util/log.js';
import { startFakeStreamCloud } from '../electron/demo/fake-stream-cloud.js';
import { parseGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';
import { startNatsServer } from './nats-server.js';
import { natsAuthorization } from './nats-users.js';
import { freePort } from '../electron/core/util/free-port.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dataDirFlag = process.argv.indexOf('--data-dir');
const dataDir = path.resolve(
  dataDirFlag >= 0 ? process.argv[dataDirFlag + 1]! : path.join(root, '.data-chain'),
);
const uiDir = path.join(root, 'renderer', 'dist');
const STORES = [
  { id: 'store-a', name: 'Demo Burger, Main St', port: 8801 },
  { id: 'store-b', name: 'Demo Burger, Station Rd', port: 8802 },
];
const MERCHANT = 'demo-merchant-1';

async function ports(anyPort: boolean) {
  const pick = async (fixed: number) => (anyPort ? freePort() : fixed);
  return {
    nats: await pick(4322),
    gateway: await pick(8180),
    metrics: await pick(9465),
    streamCloud: await pick(8790),
    stores: await Promise.all(STORES.map((s) => pick(s.port))),
  };
}

/** A store's connector: the dev config (catalog, PIN 1234, manual acceptance) as this store. */
function storeConfig(
  store: (typeof STORES)[number],
  localPort: number,
  natsUrl: string,
  apiUrl: string,
): Config {
  return loadConfig({
    file: path.join(root, 'config', 'dev.json'),
    env: {},
    overrides: {
      dataDir: path.join(dataDir, store.id),
      location: { id: store.id, name: store.name },
      stream: { port: 0, apiUrl },
      local: { port: localPort, token: randomBytes(24).toString('base64url') },
      relay: { url: natsUrl, ...storeUser(store.id), merchantId: MERCHANT, heartbeatSeconds: 5 },
      demo: { fakeStreamCloud: false },
    },
  });
}

const storeUser = (id: string) => ({ user: `store-${id}`, password: `demo-${id}-password` });
const GATEWAY_USER = { user: 'gateway', password: 'demo-gateway-password' };

/** Only a store's warnings reach this console (its whole log is in its data folder). */
function storeLog(config: Config) {
  return createLogger({
    secrets: configSecrets(config, config.local.token!),
    file: path.join(config.dataDir, 'logs', 'connector.log'),
    sink: (line) => {
      if (/"level":"(warn|error)"/.test(line)) console.log(`[${config.location.id}] ${line}`);
    },
  });
}

async function main(): Promise<void> {
  const p = await ports(process.argv.includes('--any-port'));
  mkdirSync(path.join(dataDir, 'nats'), { recursive: true });
  const stop: (() => Promise<unknown>)[] = [];
  const shutdown = async (code: number): Promise<never> => {
    for (const s of stop.reverse()) await s().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  try {
    const nats = await startNatsServer(
      [
        `listen: 127.0.0.1:${p.nats}`,
        `jetstream { store_dir: ${JSON.stringify(path.join(dataDir, 'nats', 'js'))} }`,
        natsAuthorization(
          GATEWAY_USER,
          STORES.map((s) => ({ locationId: s.id, nats: storeUser(s.id) })),
        ),
      ].join('\n'),
      path.join(dataDir, 'nats'),
    );
    stop.push(() => nats.stop());
    const natsUrl = `nats://127.0.0.1:${p.nats}`;
    const apiUrl = `http://127.0.0.1:${p.streamCloud}`;
    const configs = STORES.map((s, i) => storeConfig(s, p.stores[i]!, natsUrl, apiUrl));
    const cloud = await startFakeStreamCloud(configs[0]!.stream);
    stop.push(() => cloud.close());
    const gateway = await startGateway(
      parseGatewayConfig({
        listen: { host: '127.0.0.1', port: p.gateway },
        metrics: { host: '127.0.0.1', port: p.metrics },
        nats: { url: natsUrl, ...GATEWAY_USER },
        stream: {
          inboundToken: configs[0]!.stream.inboundToken,
          webhookSecret: configs[0]!.stream.webhookSecret,
        },
        storeMerchants: Object.fromEntries(STORES.map((s) => [s.id, MERCHANT])),
        // Onboarding for the whole merchant, with the demo's Stream OAuth client (config/dev.json).
        oauth: {
          clientId: configs[0]!.stream.authorize.clientId,
          clientSecret: configs[0]!.stream.authorize.clientSecret,
          redirectUris: configs[0]!.stream.authorize.redirectUris,
          name: 'Demo Burger',
        },
      }),
      { log: silentLogger, connect: connectNats },
    );
    stop.push(() => gateway.stop());
    const boards: string[] = [];
    for (const config of configs) {
      const connector: Connector = createConnector(config, {
        log: storeLog(config),
        uiDir: existsSync(uiDir) ? uiDir : undefined,
      });
      const { localUrl } = await connector.start();
      stop.push(() => connector.stop());
      boards.push(`${localUrl.replace('localhost', '127.0.0.1')}/#token=${config.local.token}`);
    }
    console.log(`Chain demo: ${STORES.length} stores of ${MERCHANT} behind one gateway`);
    console.log(`Stream endpoint (gateway): ${gateway.url}`);
    STORES.forEach((s, i) => console.log(`${s.name} board: ${boards[i]}`));
    console.log(`Fleet metrics:             ${gateway.metricsUrl}/metrics`);
    console.log(`NATS (JetStream):          ${natsUrl}`);
    console.log(`Manager PIN: 1234. Send orders to a store through the gateway:`);
    console.log(`  npm run simulate -- --url ${gateway.url} --location ${STORES[1]!.id}`);
    console.log('Onboard the merchant as Stream does, with a connect code from either counter');
    console.log('(Health → Connect to Stream, PIN 1234):');
    console.log(
      `  npm run simulate -- --onboard --url ${gateway.url} --location ${STORES[1]!.id} --code ABCD-EFGH`,
    );
    if (!existsSync(uiDir)) console.log('(the UI is not built: run `npm run build:ui`)');
    console.log('Ctrl+C stops the stores, the gateway and NATS.');
  } catch (err) {
    console.error(`The chain demo could not start: ${(err as Error).message}`);
    await shutdown(1);
  }
}

void main();
