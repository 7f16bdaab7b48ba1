// One NATS connection setup for the connector and the gateway: every server of the cluster,
// reconnecting for ever (a store behind NAT must come back by itself), user/password if given.
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
  options: { name: string; inboxPrefix?: string; waitOnFirstConnect?: boolean },
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
  });
}
