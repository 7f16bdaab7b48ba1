// The gateway's configuration: one JSON file (`--config <file>`), every key checked at start.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { GATEWAY_ANSWER_TIMEOUT_MS } from '../electron/core/stream/protocol/index.js';
import { GatewayOAuthSchema } from './oauth/config.js';

const port = z.number().int().min(0).max(65535);
const secret = z.string().min(16, 'must be at least 16 characters');

export const GatewayConfigSchema = z
  .object({
    /** The public Stream endpoint (put it behind the load balancer / TLS terminator). */
    listen: z
      .object({ host: z.string().min(1).default('127.0.0.1'), port: port.default(8080) })
      .strict()
      .prefault({}),
    /** Prometheus scrapes `/metrics` here, never on the public listener. */
    metrics: z
      .object({ host: z.string().min(1).default('127.0.0.1'), port: port.default(9464) })
      .strict()
      .prefault({}),
    nats: z
      .object({
        url: z.string().min(1),
        user: z.string().min(1).optional(),
        password: z.string().min(1).optional(),
        /** Copies of the registry and catalog buckets: 3 on a 3-node cluster survives a node. */
        kvReplicas: z.number().int().min(1).max(5).default(1),
      })
      .strict(),
    /** The partner-level Stream secrets (the same as every store's `stream.*`, stream-api.md B2). */
    stream: z
      .object({
        inboundToken: secret.optional(),
        webhookSecret: secret.optional(),
        bodyLimitBytes: z.number().int().min(1024).max(10_485_760).default(262_144),
      })
      .strict()
      .refine((s) => !!s.inboundToken || !!s.webhookSecret, {
        message: 'set stream.inboundToken or stream.webhookSecret (or both)',
      }),
    /** Merchant onboarding at merchant level (gateway/oauth/); off unless `clientId` is set. */
    oauth: GatewayOAuthSchema,
    /** A store that has not answered within this is offline for this request (below Stream's limit). */
    answerTimeoutMs: z.number().int().min(100).max(20_000).default(GATEWAY_ANSWER_TIMEOUT_MS),
    /** No responder on a store listed online: its connection is probably moving to another NATS
     * node, so it is asked again for up to this long before the offline answer. */
    reconnectGraceMs: z.number().int().min(0).max(5000).default(1000),
    /** A store whose last heartbeat is older than this is listed offline. */
    storeStaleSeconds: z.number().int().min(5).max(3600).default(30),
    /** Location id → merchant id: the only merchant each store may register for (a store's own
     * `relay.merchantId` is self-declared). Unset: every store is believed, as before. */
    storeMerchants: z.record(z.string().min(1), z.string().min(1)).optional(),
  })
  .strict();

export type GatewayConfig = z.output<typeof GatewayConfigSchema>;

export function parseGatewayConfig(json: unknown): GatewayConfig {
  const parsed = GatewayConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`gateway config ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export function loadGatewayConfig(file: string): GatewayConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`gateway config ${file}: ${(err as Error).message}`);
  }
  return parseGatewayConfig(json);
}
