// `npm run gateway -- connections|disconnect …`: IT's commands on the chain's Stream connections,
// run beside the replicas with the gateway's own config (its NATS user), never over HTTP: the
// public listener is Stream's, and the metrics one is read-only.
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connectNats } from '../electron/core/relay/connect.js';
import { OAUTH_BUCKET } from '../electron/core/relay/wire.js';
import type { GatewayConfig } from './config.js';
import {
  disconnectMerchant,
  listConnections,
  type MerchantConnection,
} from './oauth/connections.js';

export const ADMIN_USAGE = `usage:
  npm run gateway -- connections --config <file>          list the chain's Stream connections
  npm run gateway -- disconnect <merchant id> --config <file>   revoke that merchant's connections`;

/** Runs one command; answers the exit code. `say` prints a line (stdout), `warn` to stderr. */
export async function runAdmin(
  args: readonly string[],
  config: GatewayConfig,
  io: { say: (line: string) => void; warn: (line: string) => void },
  now: () => number = Date.now,
): Promise<number> {
  const [command, merchantId] = args;
  if (command === 'disconnect' && !merchantId) {
    io.warn(ADMIN_USAGE);
    return 2;
  }
  let nc;
  try {
    nc = await connectNats(config.nats, {
      name: 'stream-gateway-admin',
      waitOnFirstConnect: false,
    });
  } catch (err) {
    io.warn(
      `Cannot reach NATS at ${config.nats.url.replace(/\/\/[^@/]*@/g, '//')}: ${(err as Error).message}`,
    );
    return 1;
  }
  try {
    const kv = await new Kvm(jetstream(nc, { timeout: 5_000 }))
      .open(OAUTH_BUCKET)
      .catch(() => null);
    if (!kv) {
      io.say(
        'No Stream connection yet: no gateway has run with onboarding (oauth.*) on this NATS.',
      );
      return command === 'connections' ? 0 : 1;
    }
    if (command === 'connections') {
      const all = await listConnections(kv, now());
      if (all.length === 0) io.say('No Stream connection yet.');
      else for (const line of connectionTable(all)) io.say(line);
      return 0;
    }
    const reason = `disconnected by IT (npm run gateway -- disconnect ${merchantId})`;
    const revoked = await disconnectMerchant(kv, merchantId!, reason, now());
    if (revoked === 0) {
      const known = [...new Set((await listConnections(kv, now())).map((c) => c.merchantId))];
      io.warn(
        `No connection to revoke for merchant "${merchantId}". Merchants with a connection: ${known.join(', ') || 'none'}.`,
      );
      return 1;
    }
    io.say(
      `Disconnected merchant ${merchantId}: ${revoked} connection${revoked === 1 ? '' : 's'} revoked. ` +
        "Stream's calls with its tokens are refused from now on; to connect again, a manager gives " +
        'Stream a new connect code from any of its counters.',
    );
    return 0;
  } finally {
    await nc.close();
  }
}

function connectionTable(all: readonly MerchantConnection[]): string[] {
  const at = (ms: number | null) =>
    ms === null ? 'never' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const rows = all.map((c) => [
    c.merchantId,
    c.state + (c.reason ? ` (${c.reason})` : ''),
    at(c.connectedAt),
    at(c.renewedAt),
    c.clientId,
  ]);
  const head = ['merchant', 'state', 'connected', 'last renewed', 'Stream client'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}
