// Who may call the Stream listener: the one decision, for every transport that carries Stream's
// calls (the HTTP listener here, a relay or gateway elsewhere). A call carries up to three
// credentials: the static inbound token or an OAuth access token (both `Authorization: Bearer`)
// and the body's HMAC signature (B2).
//
// Without onboarding configured (today's set-up) every configured credential is required: the
// inbound token when `stream.inboundToken` is set, the signature when `stream.webhookSecret` is
// set and the call has a body. With onboarding configured (`stream.authorize.clientId`) at least
// one valid credential is enough, but a credential presented and wrong always fails: an expired
// or revoked access token is a bare 401 even if the call is also signed.
//
// Who checks an access token is the caller's: the store's SQLite (StreamOAuth) or the chain
// gateway's JetStream KV (gateway/oauth/), which is why the bearer is checked on its own, possibly
// asynchronously, before the two synchronous decisions use it.
import type { Config } from '../../config/schema.js';
import { verifyBodySignature, secretsEqual } from '../protocol/signature.js';

/** Checks OAuth access tokens: the connector's StreamOAuth or the gateway's MerchantOAuth. */
export interface AccessTokenVerifier {
  /** False when onboarding is not configured: no access token is valid. */
  readonly onboarding: boolean;
  /** The merchant a live access token is for, else null. Throws AuthStateUnavailable when the
   * state cannot be read (the caller answers 503, never a guess). */
  verifyAccessToken(token: string): string | null | Promise<string | null>;
}

/** What the decision reads beside the bearer (judged first, by `checkBearer`). */
export interface StreamCredentials {
  /** The `X-Stream-Signature` header as received. */
  signature?: string | undefined;
  /** The exact body bytes; undefined for a call without a body (GET). */
  body?: Buffer | undefined;
}

export type StreamCredential = 'inbound_token' | 'access_token' | 'signature';

export type StreamAuthResult =
  | {
      ok: true;
      via: StreamCredential[];
      /** Set when an access token was accepted: the only merchant the call may reach. */
      merchantId?: string;
    }
  | { ok: false };

/** What the `Authorization` header turned out to be. */
export type BearerCheck =
  { kind: 'absent' | 'invalid' | 'inbound_token' } | { kind: 'access_token'; merchantId: string };

export class StreamAuthenticator {
  private readonly inboundToken: string | undefined;
  private readonly webhookSecret: string | undefined;

  constructor(
    stream: Pick<Config['stream'], 'inboundToken' | 'webhookSecret'>,
    /** The onboarding server; null (or not `onboarding`) when onboarding is not configured. */
    private readonly oauth: AccessTokenVerifier | null,
  ) {
    this.inboundToken = stream.inboundToken;
    this.webhookSecret = stream.webhookSecret;
  }

  /** OAuth access tokens are accepted (and one credential is enough). */
  get onboarding(): boolean {
    return !!this.oauth?.onboarding;
  }

  /** False when nothing is configured: every call is refused. */
  get configured(): boolean {
    return !!(this.inboundToken || this.webhookSecret || this.onboarding);
  }

  /** The `Authorization` header, judged once per call (an access token may need a lookup). */
  async checkBearer(header: string | undefined): Promise<BearerCheck> {
    // Without a bearer credential configured, an Authorization header is not ours to judge.
    if (header === undefined || (!this.inboundToken && !this.onboarding)) return { kind: 'absent' };
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    if (!match) return { kind: 'invalid' };
    const token = match[1]!;
    if (this.inboundToken && secretsEqual(token, this.inboundToken))
      return { kind: 'inbound_token' };
    const merchantId = this.onboarding ? await this.oauth!.verifyAccessToken(token) : null;
    return merchantId !== null ? { kind: 'access_token', merchantId } : { kind: 'invalid' };
  }

  /** Before the body is read: false when the headers alone already fail the call (a wrong
   * bearer, or a missing one that nothing else can replace), so no body is read for it. */
  screen(bearer: BearerCheck, signature: string | undefined): boolean {
    if (!this.configured) return false;
    if (bearer.kind === 'invalid') return false;
    if (this.onboarding) return bearer.kind !== 'absent' || (!!this.webhookSecret && !!signature);
    return !this.inboundToken || bearer.kind === 'inbound_token';
  }

  /** The whole decision, once the body is known. */
  authenticate(bearer: BearerCheck, creds: StreamCredentials): StreamAuthResult {
    if (!this.configured) return { ok: false };
    if (bearer.kind === 'invalid') return { ok: false };
    const via: StreamCredential[] = bearer.kind === 'absent' ? [] : [bearer.kind];
    // Without onboarding a bodiless call (GET) is not signed (B2 signs bodies).
    const signed =
      !!this.webhookSecret &&
      creds.signature !== undefined &&
      (this.onboarding || creds.body !== undefined);
    if (signed) {
      if (!verifyBodySignature(this.webhookSecret, creds.body ?? Buffer.alloc(0), creds.signature))
        return { ok: false };
      via.push('signature');
    }
    const merchant = bearer.kind === 'access_token' ? { merchantId: bearer.merchantId } : {};
    if (this.onboarding) return via.length > 0 ? { ok: true, via, ...merchant } : { ok: false };
    if (this.inboundToken && bearer.kind !== 'inbound_token') return { ok: false };
    if (this.webhookSecret && creds.body !== undefined && !signed) return { ok: false };
    return { ok: true, via };
  }
}
