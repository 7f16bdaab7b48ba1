// Headless mode: the connector core under plain Node, with the cashier UI served to a browser on
// the local listener. `npm run serve` runs this; the Electron shell starts the same core.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnector, type Connector } from './core/app.js';
import { ConfigError, loadConfig } from './core/config/load.js';
import { startFakeStreamCloud, type FakeStreamCloud } from './demo/fake-stream-cloud.js';

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** This console is the counter's screen in headless mode: until a manager PIN is set, it shows
 * the one-time code the board's setup screen asks for (printed here, never logged to a file),
 * and the new one whenever wrong tries replace it. */
function showSetupCode(connector: Connector): void {
  let shown: string | null = null;
  const show = (): void => {
    const code = connector.pins.currentSetupCode();
    if (code && code !== shown)
      console.log(
        `Manager PIN setup code: ${code} (type it on the board's "Set the manager PIN" screen)`,
      );
    shown = code;
  };
  show();
  connector.ctx.bus.subscribe((m) => {
    if (m.event === 'manager.pin.updated') show();
  });
}

async function main(): Promise<void> {
  // `npm run serve` passes the dev config as the default; a store names its own with --config
  // or CONNECTOR_CONFIG.
  const file = argValue('--config') ?? process.env.CONNECTOR_CONFIG ?? argValue('--default-config');
  let config;
  try {
    config = loadConfig({ file });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const uiDir = path.resolve(here, '..', 'renderer', 'dist');
  // The demo plays Stream's cloud too, so the connector's answers reach "Stream" (README).
  const cloud: FakeStreamCloud | null = config.demo.fakeStreamCloud
    ? await startFakeStreamCloud(config.stream)
    : null;
  const connector = createConnector(config, { uiDir: existsSync(uiDir) ? uiDir : undefined });
  const { streamUrl, localUrl } = await connector.start();
  const boardUrl = `${localUrl.replace('localhost', '127.0.0.1')}/#token=${connector.localToken}`;
  console.log(`Stream listener: ${streamUrl}`);
  console.log(`Cashier board:   ${boardUrl}`);
  if (!existsSync(uiDir)) console.log('(the UI is not built: run `npm run build:ui`)');
  showSetupCode(connector);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    Promise.all([connector.stop(), cloud?.close()]).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `Start-up failed: ${err.message}` : err);
  process.exit(1);
});
