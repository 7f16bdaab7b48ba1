// `oauth.*` of the gateway config: Stream's OAuth client for merchant onboarding through the
// gateway (stream-api.md A7, B6). Off unless `clientId` is set; then the secret and at least one
// redirect address are required.
import { z } from 'zod';
import { oauthRedirectUris } from '../../electron/core/config/schema.js';
import type { MerchantOAuthSettings } from './merchant-oauth.js';

export const GatewayOAuthSchema = z
  .object({
    clientId: z.string().min(1).max(200).optional(),
    clientSecret: z.string().min(16, 'must be at least 16 characters').optional(),
    redirectUris: oauthRedirectUris,
    /** Shown on the sign-in page: "Stream is asking to receive orders for the stores of …". */
    name: z.string().min(1).max(200).default('this chain'),
    /** Wrong connect codes per 10 minutes across the chain before sign-ins wait for the next
     * 10 minutes (a code typed at the gateway names no store, so no one code can be voided). */
    wrongCodesPer10Minutes: z.number().int().min(5).max(10_000).default(50),
    accessTokenMinutes: z.number().int().min(5).max(1440).default(60),
    refreshTokenDays: z.number().int().min(1).max(365).default(90),
  })
  .strict()
  .refine((a) => !a.clientId === !a.clientSecret, {
    message: 'oauth.clientId and oauth.clientSecret must be set together',
    path: ['clientSecret'],
  })
  .refine((a) => !a.clientId || a.redirectUris.length > 0, {
    message: 'must list at least one redirect URI when oauth.clientId is set',
    path: ['redirectUris'],
  })
  .prefault({});

export type GatewayOAuthConfig = z.output<typeof GatewayOAuthSchema>;

/** Null when onboarding is off (no sign-in, no access token is valid). */
export function merchantOAuthSettings(c: GatewayOAuthConfig): MerchantOAuthSettings | null {
  if (!c.clientId || !c.clientSecret) return null;
  return {
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    redirectUris: c.redirectUris,
    wrongCodesPerWindow: c.wrongCodesPer10Minutes,
    accessTokenMs: c.accessTokenMinutes * 60_000,
    refreshTokenMs: c.refreshTokenDays * 86_400_000,
  };
}
