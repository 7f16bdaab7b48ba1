// The relay's wire between the chain gateway and each store's connector over NATS: subjects,
// registry buckets and the request / answer envelopes. Both sides import this file, nothing else
// knows these names.
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Location ids that can be a NATS subject token and a KV key as they are. */
export const RELAYABLE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The subject a store answers Stream requests on; only that store's NATS user may subscribe. */
export function storeSubject(locationId: string): string {
  return `stream.store.${locationId}`;
}

/** Replies to a store's own requests (registry writes) land under its private inbox prefix. */
export function storeInboxPrefix(locationId: string): string {
  return `_INBOX_${locationId}`;
}

/** JetStream KV: `loc.<id>` is the store's registration + heartbeat (written by the store),
 * `down.<id>` the gateway's "did not answer" mark (compared by revision with `loc.<id>`). */
export const REGISTRY_BUCKET = 'stream_registry';
/** JetStream KV: `<id>` is the catalog the store last served, for Get Catalog while it is offline. */
export const CATALOG_BUCKET = 'stream_catalogs';
export const registryKey = (locationId: string): string => `loc.${locationId}`;
export const downKey = (locationId: string): string => `down.${locationId}`;

/** JetStream KV: `<location>.<sha256 of the idempotency key>` is an order the gateway refused
 * `pos_offline` after asking its store (no answer in time), until the store has confirmed it
 * withdrew the order (or never had it). Written before Stream is answered; see gateway/README.md. */
export const WITHDRAWAL_BUCKET = 'stream_withdrawals';
export const withdrawalKey = (locationId: string, idempotencyKey: string): string =>
  `${locationId}.${createHash('sha256').update(idempotencyKey).digest('hex')}`;

/** Gateway → store, on the store's own subject: "Stream was told pos_offline for this order". */
export const Withdrawal = z.object({
  withdraw: z.object({
    locationId: z.string(),
    /** The order's idempotency key as the store keeps it (orderIdempotencyKey). */
    idempotencyKey: z.string(),
    /** When the gateway gave up waiting (its clock; shown, never compared). */
    at: z.number(),
  }),
});
export type Withdrawal = z.infer<typeof Withdrawal>;

/** The store's answer: it withdrew the order, had already, or never had it (and now refuses it
 * if the request still arrives). Any of the three settles the withdrawal. */
export const WithdrawalAck = z.object({ withdrawal: z.enum(['withdrawn', 'already', 'not_here']) });
export type WithdrawalAck = z.infer<typeof WithdrawalAck>;

/** Gateway → store, on the store's own subject: whether the gateway refuses this store (its
 * `storeMerchants` list binds it to another merchant, or does not list it), so the store's own
 * screen says why no order reaches it. Sent with every heartbeat the gateway refuses (a refusal
 * lasts only until the next few would have come: a gateway that stops refusing, or restarts with
 * a fixed list, stops sending), and `refusal: null` once it believes the store again. */
export const StoreRefusalNotice = z.object({
  storeRefusal: z.object({
    locationId: z.string(),
    refusal: z
      .object({
        reason: z.string().max(500),
        claimedMerchant: z.string(),
        boundMerchant: z.string().optional(),
      })
      .nullable(),
  }),
});
export type StoreRefusalNotice = z.infer<typeof StoreRefusalNotice>;

/** A Stream request as the gateway received it: method, path, headers and the raw body. */
export const RelayRequest = z.object({
  method: z.enum(['GET', 'POST']),
  url: z.string().startsWith('/stream/'),
  headers: z.record(z.string(), z.string()),
  /** base64 of the exact body bytes (the signature covers them). */
  body: z.string().optional(),
});
export type RelayRequest = z.infer<typeof RelayRequest>;

/** The store's answer, relayed to Stream verbatim. */
export const RelayAnswer = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});
export type RelayAnswer = z.infer<typeof RelayAnswer>;

/** What a store registers and refreshes at every heartbeat. */
export const StoreRecord = z.object({
  locationId: z.string(),
  merchantId: z.string(),
  name: z.string(),
  address: z.record(z.string(), z.string()),
  prepTimeMinutes: z.number(),
  version: z.string(),
  startedAt: z.number(),
  heartbeatSeconds: z.number(),
  heartbeat: z.object({
    at: z.number(),
    pending: z.number(),
    missedToday: z.number(),
    outbox: z.array(z.object({ lane: z.string(), depth: z.number(), oldestAgeMs: z.number() })),
    /** null: not known (no POS driver; no printer, or no reading yet). */
    posUp: z.boolean().nullable(),
    printerUp: z.boolean().nullable(),
    storageUp: z.boolean(),
    streamLastContactAt: z.number().nullable(),
  }),
});
export type StoreRecord = z.infer<typeof StoreRecord>;

/** Request headers that belong to one HTTP hop and are not relayed. */
const HOP_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
]);

export function relayableHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export const encodeJson = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

/** JetStream KV, merchant onboarding through the gateway (gateway/oauth/): `<locationId>` is the
 * connect code a manager got at that store's counter, as a hash (written by the store, which may
 * write only its own key; the bucket's TTL ends a code after its 10 minutes). */
export const CONNECT_BUCKET = 'stream_connect';
export const ConnectCodeRecord = z.object({
  /** SHA-256 hex of the normalized code (stream/auth/secrets.ts). */
  hash: z.string(),
  expiresAt: z.number(),
});
export type ConnectCodeRecord = z.infer<typeof ConnectCodeRecord>;
/** JetStream KV, the gateway's only: authorization codes, token families and token hashes. No
 * store may read or write it (a store answers for its location, never for its merchant). */
export const OAUTH_BUCKET = 'stream_oauth';
