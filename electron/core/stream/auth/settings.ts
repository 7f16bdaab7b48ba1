// `stream.authorize.*` as the onboarding server uses it; null when IT has not configured it.
import type { Config } from '../../config/schema.js';
import type { OAuthSettings } from './oauth.js';

export function oauthSettings(config: Config): OAuthSettings | null {
  const a = config.stream.authorize;
  if (!a.clientId || !a.clientSecret) return null;
  return {
    clientId: a.clientId,
    clientSecret: a.clientSecret,
    redirectUris: a.redirectUris,
    merchantId: a.merchantId ?? config.location.id,
    ssoDetails: a.ssoDetails,
    accessTokenMs: a.accessTokenMinutes * 60_000,
    refreshTokenMs: a.refreshTokenDays * 86_400_000,
  };
}
