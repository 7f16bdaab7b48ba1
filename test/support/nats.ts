// A real nats-server (Debian's) for a test or a bench: free loopback ports, a scratch folder for
// JetStream, per-store users whose permissions cover only their own subject, stopped after.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { scratchDir } from './scratch.js';

export const GATEWAY_NATS_USER = { user: 'gateway', password: 'gateway-password-0001' };
export const storeNatsUser = (id: string) => ({ user: `store-${id}`, password: `pw-${id}-secret` });

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A store may answer requests on its own subject, receive replies on its own inbox and write
 * only its own registry, catalog and connect-code keys; the gateway routes, reads the registry,
 * marks down and alone reads or writes the onboarding state (stream_oauth). */
export function natsAuthorization(storeIds: readonly string[]): string {
  const store = (id: string): string => {
    const { user, password } = storeNatsUser(id);
    return `{ user: "${user}", password: "${password}", permissions: {
      publish: { allow: ["$KV.stream_registry.loc.${id}", "$KV.stream_catalogs.${id}", "$KV.stream_connect.${id}",
                         "$JS.API.STREAM.INFO.KV_stream_registry", "$JS.API.STREAM.INFO.KV_stream_catalogs",
                         "$JS.API.STREAM.INFO.KV_stream_connect"] },
      subscribe: { allow: ["stream.store.${id}", "_INBOX_${id}.>"] },
      allow_responses: true } }`;
  };
  return `authorization { users: [
    { user: "${GATEWAY_NATS_USER.user}", password: "${GATEWAY_NATS_USER.password}" },
    ${storeIds.map(store).join(',\n    ')}
  ] }`;
}

export interface NatsNode {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export interface NatsOptions {
  stores: readonly string[];
  /** Cluster: name, this node's route port and every node's route port. */
  cluster?: { name: string; port: number; routes: number[]; serverName: string };
  port?: number;
}

export async function startNats(options: NatsOptions): Promise<NatsNode> {
  const dir = scratchDir('nats-');
  const port = options.port ?? (await freePort());
  const cluster = options.cluster;
  const conf = [
    `listen: 127.0.0.1:${port}`,
    `server_name: ${cluster?.serverName ?? 'n1'}`,
    `jetstream { store_dir: "${path.join(dir, 'js')}" }`,
    natsAuthorization(options.stores),
    cluster
      ? `cluster { name: ${cluster.name}, listen: 127.0.0.1:${cluster.port}, routes: [${cluster.routes
          .filter((p) => p !== cluster.port)
          .map((p) => `"nats-route://127.0.0.1:${p}"`)
          .join(', ')}] }`
      : '',
  ].join('\n');
  const file = path.join(dir, 'nats.conf');
  writeFileSync(file, conf);
  const child = spawn('nats-server', ['-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${log}`)), 15_000);
    child.stderr.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('Server is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`nats-server exited ${code}:\n${log}`)));
  });
  child.stderr.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    process: child,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}
