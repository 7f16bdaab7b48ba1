// A store's connect code in a chain: the manager gets it at the counter as for a single store,
// but Stream's sign-in page is the gateway's, so the code goes to JetStream KV (`stream_connect`,
// only its hash, under this location's key, which only this store's NATS user may write). A new
// code replaces the store's earlier one; the bucket's TTL ends it after its lifetime.
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ConnectCode } from '../../../shared/stream-connection.js';
import { CONNECT_CODE_LIFETIME_MS } from '../stream/auth/limits.js';
import { newConnectCode, normalizeConnectCode, sha256Hex } from '../stream/auth/secrets.js';
import { ApiError } from '../util/errors.js';
import { CONNECT_BUCKET, type ConnectCodeRecord } from './wire.js';

export async function publishConnectCode(
  nc: NatsConnection | null,
  locationId: string,
  now: number,
): Promise<ConnectCode> {
  if (!nc || nc.isClosed())
    throw new ApiError(
      503,
      'relay_not_connected',
      'this store is not connected to the chain gateway right now, so no code can be given; check the network and try again',
    );
  const code = newConnectCode();
  const record: ConnectCodeRecord = {
    hash: sha256Hex(normalizeConnectCode(code)!),
    expiresAt: now + CONNECT_CODE_LIFETIME_MS,
  };
  try {
    const kv = await new Kvm(nc).open(CONNECT_BUCKET);
    await kv.put(locationId, JSON.stringify(record));
  } catch {
    throw new ApiError(
      503,
      'relay_code_not_saved',
      'the chain gateway could not take the connect code (its registry is unreachable); try again in a minute',
    );
  }
  return { code, expiresAt: record.expiresAt };
}
