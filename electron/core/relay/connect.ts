// One NATS connection setup for the connector and the gateway: every server of the cluster,
// reconnecting for ever (a store behind NAT must come back by itself), user/password if given.
import { connect as tcpConnect } from 'node:net';
import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface NatsTarget {
  url: string;
  user?: string | undefined;
  password?: string | undefined;
}

/** `waitOnFirstConnect` (default true): keep trying a server that is not there yet (the gateway
 * waits for its cluster); false fails at once, for a caller that keeps trying on its own and must
 * be able to stop (a store: relay/store-relay.ts). */
export function connectNats(
  target: NatsTarget,
  options: {
    name: string;
    inboxPrefix?: string;
    waitOnFirstConnect?: boolean;
    /** How long one try of each server may take (nats.js: 20 s). */
    timeoutMs?: number;
  },
): Promise<NatsConnection> {
  return connect({
    servers: target.url.split(',').map((s) => s.trim()),
    user: target.user,
    pass: target.password,
    name: options.name,
    inboxPrefix: options.inboxPrefix,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: options.waitOnFirstConnect ?? true,
    ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
  });
}

/**
 * Whether any server of `url` (comma-separated) opens with NATS's INFO line within `timeoutMs`,
 * on a socket of our own that is always destroyed after. A store tries this before each
 * connect: nats.js leaks the socket of a try that times out (nats-io/nats.js#64), and a server
 * that takes the connection and never answers would otherwise cost one socket per retry.
 */
export async function natsAnswers(url: string, timeoutMs: number): Promise<boolean> {
  const servers = url
    .split(',')
    .map((s) => new URL(s.trim().includes('://') ? s.trim() : `nats://${s.trim()}`));
  for (const server of servers) if (await answersInfo(server, timeoutMs)) return true;
  return false;
}

function answersInfo(server: URL, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(Number(server.port || 4222), server.hostname.replace(/^\[|\]$/g, ''));
    let seen = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('data', (d: Buffer) => {
      seen += d.toString('latin1');
      if (seen.length >= 5) done(seen.startsWith('INFO '));
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}
