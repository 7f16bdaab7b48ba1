// Wire shapes of connecting the store to Stream (OAuth merchant onboarding, issue 16) in the
// Local API: the connect code a manager gives Stream's sign-in page, and the connection's state.
import { z } from 'zod';

export const ConnectCode = z.object({
  /** Shown to the manager, typed into Stream's sign-in page: `ABCD-EFGH` (case and dash optional). */
  code: z.string(),
  /** Epoch ms; after it (or once used) the code signs nobody in. */
  expiresAt: z.number().int(),
});
export type ConnectCode = z.infer<typeof ConnectCode>;

export const StreamConnection = z.object({
  /** `not_configured`: IT has not set `stream.authorize.*`; `never_connected`: configured, no
   * token issued yet; `connected`: Stream holds a live token; `disconnected`: every token revoked
   * or expired; `chain`: Stream connects through the chain gateway (relay.url set): the code
   * given here connects every store of this store's merchant, and the tokens live there. */
  state: z.enum(['not_configured', 'never_connected', 'connected', 'disconnected', 'chain']),
  /** The OAuth client Stream signs in as (`stream.authorize.clientId`). */
  clientId: z.string().nullable(),
  /** When the live connection's first token was issued. */
  connectedSince: z.number().int().nullable(),
  /** Last request from Stream that used one of its access tokens. */
  lastCallAt: z.number().int().nullable(),
  /** When the newest access token runs out (Stream refreshes it before then). */
  accessTokenExpiresAt: z.number().int().nullable(),
  /** When Stream must sign in again unless it refreshes before then. */
  refreshTokenExpiresAt: z.number().int().nullable(),
  /** When the last connection ended (disconnect, revocation), for `disconnected`. */
  disconnectedAt: z.number().int().nullable(),
  /** A connect code is waiting to be used until then (its value is shown only once). */
  connectCodeExpiresAt: z.number().int().nullable(),
});
export type StreamConnection = z.infer<typeof StreamConnection>;
