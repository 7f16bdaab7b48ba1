// Whether this replica's NATS connection is up right now, for /healthz. `getServer()` keeps
// naming the last server while the client reconnects, so the connection's own status events
// decide: down from a disconnect until the next reconnect (the load balancer then takes the
// replica out instead of sending Stream to a replica that can route nothing).
import type { NatsConnection } from '@nats-io/transport-node';

export function natsHealth(nc: NatsConnection): () => boolean {
  let up = true;
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'close') up = false;
      else if (s.type === 'reconnect') up = true;
    }
  })();
  return () => up && !nc.isClosed();
}
