// A real connector for the e2e tests: the core with the real system clock (the countdown on
// screen must match the real deadline), real SQLite, both listeners on loopback, serving the
// built UI. It can be stopped and started again on the same port, like a crashed connector
// coming back, to test the "connection lost" banner.
import { rmSync } from 'node:fs';
import { createConnector, type Connector } from '../../../electron/core/app.js';
import type { Config } from '../../../electron/core/config/schema.js';
import { systemClock } from '../../../electron/core/util/clock.js';
import path from 'node:path';
import { createLogger, silentLogger } from '../../../electron/core/util/log.js';
import { tempDataDir, testConfig } from '../../support/connector.js';
import { TEST_LOCAL_TOKEN } from '../../support/secrets.js';

export interface E2eConnector {
  connector: Connector;
  config: Config;
  streamUrl: string;
  localUrl: string;
  /** The URL staff open: the board, already authorized. */
  boardUrl: string;
  stop(): Promise<void>;
  /** Start again on the same ports and data folder. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startE2eConnector(
  uiDir: string,
  overrides: Record<string, unknown> = {},
  /** `realLog`: write `<dataDir>/logs/connector.log` as the product does (tests read it). */
  options: { realLog?: boolean } = {},
): Promise<E2eConnector> {
  const dataDir = tempDataDir();
  let config = testConfig(dataDir, overrides);
  // Without `log` the connector writes its own log file (stdout too: kept quiet here).
  const log = options.realLog
    ? createLogger({
        secrets: [],
        sink: () => {},
        file: path.join(dataDir, 'logs', 'connector.log'),
      })
    : silentLogger;
  let connector = createConnector(config, { clock: systemClock, log, uiDir });
  let { streamUrl, localUrl } = await connector.start();
  let running = true;
  // Later starts reuse the ports, so the page's URL and the Stream sender stay valid.
  const ports = { stream: Number(new URL(streamUrl).port), local: Number(new URL(localUrl).port) };
  const handle: E2eConnector = {
    get connector() {
      return connector;
    },
    get config() {
      return config;
    },
    get streamUrl() {
      return streamUrl;
    },
    get localUrl() {
      return localUrl;
    },
    get boardUrl() {
      return `${localUrl.replace('localhost', '127.0.0.1')}/#token=${TEST_LOCAL_TOKEN}`;
    },
    async stop() {
      if (!running) return;
      running = false;
      await connector.stop();
    },
    async restart() {
      await handle.stop();
      config = testConfig(dataDir, {
        ...overrides,
        stream: { ...(overrides.stream as object), port: ports.stream },
        local: { ...(overrides.local as object), port: ports.local },
      });
      connector = createConnector(config, { clock: systemClock, log, uiDir });
      ({ streamUrl, localUrl } = await connector.start());
      running = true;
    },
    async dispose() {
      await handle.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
