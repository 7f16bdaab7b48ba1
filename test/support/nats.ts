// A real nats-server (Debian's) for a test or a bench: free loopback ports, a scratch folder for
// JetStream, per-store users whose permissions cover only their own subject, stopped after.
import path from 'node:path';
import { startNatsServer, type NatsServerProcess } from '../../gateway/nats-server.js';
import { natsAuthorization as chainAuthorization } from '../../gateway/nats-users.js';
import { scratchDir } from './scratch.js';
import { freePort } from '../../electron/core/util/free-port.js';

export const GATEWAY_NATS_USER = { user: 'gateway', password: 'gateway-password-0001' };
export const storeNatsUser = (id: string) => ({ user: `store-${id}`, password: `pw-${id}-secret` });

/** The chain's authorization block (gateway/nats-users.ts) for these stores' test users. */
export function natsAuthorization(storeIds: readonly string[]): string {
  return chainAuthorization(
    GATEWAY_NATS_USER,
    storeIds.map((id) => ({ locationId: id, nats: storeNatsUser(id) })),
  );
}

export interface NatsNode extends NatsServerProcess {
  url: string;
  port: number;
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
  const server = await startNatsServer(conf, dir);
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    ...server,
  };
}
