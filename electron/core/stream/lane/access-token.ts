// An access token for Stream's API by the client-credentials grant, cached until shortly before it
// expires. Concurrent deliveries share one token request. The token and the client secret never
// reach a log line or an error message.
import {
  TokenAnswer,
  tokenRequest,
  tokenUrl,
  OAUTH_DEFAULT_LIFETIME_SECONDS,
} from '../protocol/index.js';
import type { Clock } from '../../util/clock.js';
import type { HttpClient, RequestLimits } from '../../util/http-request.js';

export interface ClientCredentials {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
}

export class TokenError extends Error {
  override name = 'TokenError';
}

export class AccessTokenCache {
  private cached: { token: string; refreshAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly http: HttpClient,
    private readonly clock: Clock,
    private readonly limits: RequestLimits,
  ) {}

  /** A valid token: the cached one, or a new one from the token endpoint. */
  async token(): Promise<string> {
    if (this.cached && this.clock.now() < this.cached.refreshAt) return this.cached.token;
    this.pending ??= this.fetch().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Stream said 401 with our token: forget it so the next attempt asks for a new one. */
  invalidate(): void {
    this.cached = null;
  }

  private async fetch(): Promise<string> {
    const { headers, body } = tokenRequest(
      this.credentials.clientId,
      this.credentials.clientSecret,
    );
    const result = await this.http.request(
      'POST',
      tokenUrl(this.credentials.apiUrl),
      headers,
      body,
      this.limits,
    );
    if (!result.ok) throw new TokenError(`token endpoint: ${result.error}`);
    if (result.status < 200 || result.status >= 300)
      throw new TokenError(`token endpoint answered HTTP ${result.status}`);
    let parsed: TokenAnswer;
    try {
      parsed = TokenAnswer.parse(JSON.parse(result.body));
    } catch {
      throw new TokenError('token endpoint answered without a usable access_token');
    }
    const lifetimeMs = (parsed.expires_in ?? OAUTH_DEFAULT_LIFETIME_SECONDS) * 1000;
    // Renew early (a tenth of the lifetime, at most a minute) so a token never expires in flight.
    const margin = Math.min(60_000, lifetimeMs / 10);
    this.cached = { token: parsed.access_token, refreshAt: this.clock.now() + lifetimeMs - margin };
    return parsed.access_token;
  }
}
