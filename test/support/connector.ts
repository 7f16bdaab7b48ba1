// Starts a real connector for a test: a fresh data folder, real SQLite file, both listeners on
// loopback with ephemeral ports, and (by default) a manual clock so deadlines are driven, not
// waited for.
import { rmSync } from 'node:fs';
import { createConnector, type Connector, type ConnectorOptions } from '../../electron/core/app.js';
import { loadConfig } from '../../electron/core/config/load.js';
import type { Config } from '../../electron/core/config/schema.js';
import { ManualClock } from '../../electron/core/util/clock.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { scratchDir } from './scratch.js';
import { TEST_INBOUND_TOKEN, TEST_LOCAL_TOKEN, TEST_WEBHOOK_SECRET } from './secrets.js';

export interface TestConnector {
  connector: Connector;
  config: Config;
  clock: ManualClock;
  streamUrl: string;
  localUrl: string;
  dataDir: string;
  /** Stop the connector; the data folder stays so a test can start again on it. */
  stop(): Promise<void>;
  /** Stop and delete the data folder. */
  dispose(): Promise<void>;
}

export function tempDataDir(): string {
  return scratchDir('connector-test-');
}

export function testConfig(dataDir: string, overrides: Record<string, unknown> = {}): Config {
  return loadConfig({
    env: {},
    overrides: deepMerge(
      {
        dataDir,
        stream: {
          port: 0,
          webhookSecret: TEST_WEBHOOK_SECRET,
          inboundToken: TEST_INBOUND_TOKEN,
          apiUrl: 'http://127.0.0.1:9',
          partnerSlug: 'test-pos',
        },
        local: { port: 0, token: TEST_LOCAL_TOKEN },
        location: { id: 'store-1', name: 'Test Store', timezone: 'America/New_York' },
        // No printer status checks of their own: a test that enables the printer counts its
        // connections. The watch's tests turn it on.
        printer: { statusCheckSeconds: 0 },
      },
      overrides,
    ),
  });
}

export async function startTestConnector(
  options: { dataDir?: string; config?: Record<string, unknown>; clock?: ManualClock } & Omit<
    ConnectorOptions,
    'clock'
  > = {},
): Promise<TestConnector> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = testConfig(dataDir, options.config);
  const clock = options.clock ?? new ManualClock();
  const connector = createConnector(config, { log: silentLogger, ...options, clock });
  const { streamUrl, localUrl } = await connector.start();
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await connector.stop();
  };
  return {
    connector,
    config,
    clock,
    streamUrl,
    localUrl,
    dataDir,
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Objects merged key by key at every depth; anything else in `b` replaces what `a` had. */
export function deepMerge(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      typeof prev === 'object' &&
      prev &&
      !Array.isArray(prev) &&
      typeof v === 'object' &&
      v &&
      !Array.isArray(v)
        ? deepMerge(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}
