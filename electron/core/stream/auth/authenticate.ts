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
import type { Config } from '../../config/schema.js';
import { verifyBodySignature, secretsEqual } from '../protocol/signature.js';
import type { StreamOAuth } from './oauth.js';

export interface StreamCredentials {
  /** The `Authorization` header as received. */
  authorization?: string | undefined;
  /** The `X-Stream-Signature` header as received. */
  signature?: string | undefined;
  /** The exact body bytes; undefined for a call without a body (GET). */
  body?: Buffer | undefined;
}

export type StreamCredential = 'inbound_token' | 'access_token' | 'signature';

export type StreamAuthResult = { ok: true; via: StreamCredential[] } | { ok: false };

type BearerCheck = 'absent' | 'invalid' | 'inbound_token' | 'access_token';

export class StreamAuthenticator {
  private readonly inboundToken: string | undefined;
  private readonly webhookSecret: string | undefined;

  constructor(
    stream: Pick<Config['stream'], 'inboundToken' | 'webhookSecret'>,
    /** The onboarding server; its `settings` null when onboarding is not configured. */
    private readonly oauth: StreamOAuth | null,
  ) {
    this.inboundToken = stream.inboundToken;
    this.webhookSecret = stream.webhookSecret;
  }

  /** OAuth access tokens are accepted (and one credential is enough). */
  get onboarding(): boolean {
    return !!this.oauth?.settings;
  }

  /** False when nothing is configured: every call is refused. */
  get configured(): boolean {
    return !!(this.inboundToken || this.webhookSecret || this.onboarding);
  }

  /** Before the body is read: false when the headers alone already fail the call (a wrong
   * bearer, or a missing one that nothing else can replace), so no body is read for it. */
  screen(authorization: string | undefined, signature: string | undefined): boolean {
    if (!this.configured) return false;
    const bearer = this.bearer(authorization);
    if (bearer === 'invalid') return false;
    if (this.onboarding) return bearer !== 'absent' || (!!this.webhookSecret && !!signature);
    return !this.inboundToken || bearer === 'inbound_token';
  }

  /** The whole decision, once the body is known. */
  authenticate(creds: StreamCredentials): StreamAuthResult {
    if (!this.configured) return { ok: false };
    const bearer = this.bearer(creds.authorization);
    if (bearer === 'invalid') return { ok: false };
    const via: StreamCredential[] = bearer === 'absent' ? [] : [bearer];
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
    if (this.onboarding) return via.length > 0 ? { ok: true, via } : { ok: false };
    if (this.inboundToken && bearer !== 'inbound_token') return { ok: false };
    if (this.webhookSecret && creds.body !== undefined && !signed) return { ok: false };
    return { ok: true, via };
  }

  private bearer(header: string | undefined): BearerCheck {
    // Without a bearer credential configured, an Authorization header is not ours to judge.
    if (header === undefined || (!this.inboundToken && !this.onboarding)) return 'absent';
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    if (!match) return 'invalid';
    const token = match[1]!;
    if (this.inboundToken && secretsEqual(token, this.inboundToken)) return 'inbound_token';
    if (this.oauth?.verifyAccessToken(token)) return 'access_token';
    return 'invalid';
  }
}
