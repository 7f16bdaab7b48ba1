// Runs the connector the way a store does, as its own process (headless mode), so a test can
// kill -9 it at any moment and start it again on the same data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deepMerge } from './connector.js';
import { TEST_INBOUND_TOKEN, TEST_LOCAL_TOKEN, TEST_WEBHOOK_SECRET } from './secrets.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ChildConnector {
  process: ChildProcess;
  streamUrl: string;
  localUrl: string;
  output: () => string;
  /** SIGKILL: no shutdown code runs. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export function writeChildConfig(dataDir: string, extra: Record<string, unknown> = {}): string {
  const file = path.join(dataDir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify(
      // Deep, so a test names only the keys it changes (say `stream.apiUrl`), not whole sections.
      deepMerge(
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
          location: { id: 'store-1', name: 'Test Store' },
          printer: { statusCheckSeconds: 0 }, // as in testConfig: no connections of its own
        },
        extra,
      ),
    ),
  );
  return file;
}

export function startChildConnector(
  configFile: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildConnector> {
  // One process, with tsx as a loader: the `tsx` CLI would start a second node process, and a
  // SIGKILL to the first would leave the real connector running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron', 'headless.ts'), '--config', configFile],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const stream = /Stream listener: (\S+)/.exec(out)?.[1];
      const board = /Cashier board: +(\S+)\/#token=/.exec(out)?.[1];
      if (stream && board) {
        child.stdout.off('data', onData);
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        resolve({
          process: child,
          streamUrl: stream.replace('localhost', '127.0.0.1'),
          localUrl: board,
          output: () => out,
          async kill9() {
            child.kill('SIGKILL');
            await exited;
          },
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) =>
      reject(new Error(`connector exited (${code}) before listening:\n${out}`)),
    );
  });
}
