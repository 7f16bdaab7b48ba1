// One NATS connection setup for the connector and the gateway: every server of the cluster,
// reconnecting for ever (a store behind NAT must come back by itself), user/password if given.
import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface NatsTarget {
  url: string;
  user?: string | undefined;
  password?: string | undefined;
}

export function connectNats(
  target: NatsTarget,
  options: { name: string; inboxPrefix?: string },
): Promise<NatsConnection> {
  return connect({
    servers: target.url.split(',').map((s) => s.trim()),
    user: target.user,
    pass: target.password,
    name: options.name,
    inboxPrefix: options.inboxPrefix,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: true,
  });
}
