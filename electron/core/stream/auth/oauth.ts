// The authorization server behind Stream's merchant onboarding (issue 16; stream-api.md A7, B6):
// connect codes from the counter, authorization codes from the sign-in page, token families
// rotated on refresh. All state is in SQLite (migration 0010), secrets only as hashes. Every
// change that must not half-happen (a code's use and the tokens it issued, a rotation, a
// revocation and its audit entry) is one transaction.
import type { ConnectCode, StreamConnection } from '../../../../shared/stream-connection.js';
import type { Db } from '../../db/connection.js';
import type { AuditLog } from '../../manager/audit-log.js';
import type { Clock } from '../../util/clock.js';
import type { IdGenerator } from '../../util/ids.js';
import {
  AUTH_CODE_LIFETIME_MS,
  CONNECT_CODE_LIFETIME_MS,
  CONNECT_CODE_MAX_FAILURES,
  LAST_CALL_WRITE_INTERVAL_MS,
} from './limits.js';
import {
  accessTokenLive,
  checkAuthCode,
  checkRefresh,
  codeReused,
  newTokenPair,
  refreshReused,
  tokenAnswer,
  OAuthError,
  type AuthCodeState,
  type SsoDetails,
  type TokenAnswer,
  type TokenState,
} from './grants.js';
import { newConnectCode, normalizeConnectCode, randomSecret, sha256Hex } from './secrets.js';

/** `stream.authorize.*`, resolved (lifetimes in ms, merchant id defaulted). */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  redirectUris: readonly string[];
  merchantId: string;
  ssoDetails: SsoDetails;
  accessTokenMs: number;
  refreshTokenMs: number;
}

export class StreamOAuth {
  /** Family id → last access-token call seen (written to the database at most once a minute). */
  private readonly lastCalls = new Map<string, { at: number; writtenAt: number }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly audit: AuditLog,
    /** Null when IT has not configured onboarding: nobody can sign in, no token is valid. */
    readonly settings: OAuthSettings | null,
  ) {}

  // ── the counter ────────────────────────────────────────────────────────────────────────────

  /** A new connect code for the manager to give Stream; any earlier one stops working. */
  createConnectCode(actor: string): ConnectCode {
    const now = this.clock.now();
    const code = newConnectCode();
    const expiresAt = now + CONNECT_CODE_LIFETIME_MS;
    this.db.transaction(() => {
      this.voidConnectCodes(now);
      this.db
        .prepare(
          `INSERT INTO stream_connect_codes (code_hash, created_at, created_by, expires_at)
           VALUES (?, ?, ?, ?)`,
        )
        .run(sha256Hex(normalizeConnectCode(code)!), now, actor, expiresAt);
    })();
    return { code, expiresAt };
  }

  /** Revokes every token Stream holds and voids the connect code; audited in the same transaction. */
  disconnect(actor: string, managerPin: boolean): StreamConnection {
    const now = this.clock.now();
    this.db.transaction(() => {
      const revoked = this.revokeFamilies('disconnected at the counter', now, null);
      this.voidConnectCodes(now);
      this.audit.record({
        at: now,
        actor,
        action: 'stream.disconnect',
        target: this.settings?.clientId ?? null,
        detail: `${revoked} connection(s) revoked`,
        managerPin,
      });
    })();
    this.lastCalls.clear();
    return this.connection();
  }

  connection(): StreamConnection {
    const now = this.clock.now();
    const live = this.db
      .prepare(
        `SELECT f.id, f.client_id, f.created_at, f.last_call_at,
                MAX(CASE WHEN t.kind = 'access' THEN t.expires_at END) AS access_expires,
                MAX(CASE WHEN t.kind = 'refresh' THEN t.expires_at END) AS refresh_expires
           FROM stream_token_families f
           JOIN stream_tokens t ON t.family_id = f.id AND t.revoked_at IS NULL AND t.used_at IS NULL
          WHERE f.revoked_at IS NULL AND t.expires_at > ?
          GROUP BY f.id ORDER BY f.created_at DESC LIMIT 1`,
      )
      .get(now) as
      | {
          id: string;
          client_id: string;
          created_at: number;
          last_call_at: number | null;
          access_expires: number | null;
          refresh_expires: number | null;
        }
      | undefined;
    const ended = this.db
      .prepare(
        `SELECT MAX(COALESCE(revoked_at, 0)) AS at, COUNT(*) AS n FROM stream_token_families`,
      )
      .get() as { at: number | null; n: number };
    const code = this.db
      .prepare(
        `SELECT MAX(expires_at) AS at FROM stream_connect_codes
          WHERE used_at IS NULL AND voided_at IS NULL AND expires_at > ?`,
      )
      .get(now) as { at: number | null };
    const state: StreamConnection['state'] = !this.settings
      ? 'not_configured'
      : live
        ? 'connected'
        : ended.n > 0
          ? 'disconnected'
          : 'never_connected';
    const memory = live ? this.lastCalls.get(live.id)?.at : undefined;
    return {
      state,
      clientId: live?.client_id ?? this.settings?.clientId ?? null,
      connectedSince: live?.created_at ?? null,
      lastCallAt: memory ?? live?.last_call_at ?? null,
      accessTokenExpiresAt: live?.access_expires ?? null,
      refreshTokenExpiresAt: live?.refresh_expires ?? null,
      disconnectedAt: state === 'disconnected' ? ended.at || null : null,
      connectCodeExpiresAt: code.at,
    };
  }

  // ── the sign-in page ──────────────────────────────────────────────────────────────────────

  /** The merchant typed a connect code: true (and the code is used up) when it is the live one.
   * Wrong codes count against the live code, which is void after a few. */
  signIn(typed: string): boolean {
    const now = this.clock.now();
    const code = normalizeConnectCode(typed);
    return this.db.transaction(() => {
      const used =
        code !== null &&
        this.db
          .prepare(
            `UPDATE stream_connect_codes SET used_at = ?
              WHERE code_hash = ? AND used_at IS NULL AND voided_at IS NULL AND expires_at > ?`,
          )
          .run(now, sha256Hex(code), now).changes === 1;
      if (!used)
        this.db
          .prepare(
            `UPDATE stream_connect_codes
                SET failed_attempts = failed_attempts + 1,
                    voided_at = CASE WHEN failed_attempts + 1 >= ? THEN ? END
              WHERE used_at IS NULL AND voided_at IS NULL AND expires_at > ?`,
          )
          .run(CONNECT_CODE_MAX_FAILURES, now, now);
      return used;
    })();
  }

  /** The sign-in page's whole step: the typed connect code, then an authorization code. */
  authorize(
    typed: string,
    grant: { clientId: string; redirectUri: string; codeChallenge: string | null },
  ): { code: string } | { wrongCode: true } {
    if (!this.signIn(typed)) return { wrongCode: true };
    return { code: this.issueAuthCode(grant.clientId, grant.redirectUri, grant.codeChallenge) };
  }

  /** A single-use authorization code, 10 minutes, bound to the client, redirect URI and PKCE. */
  issueAuthCode(clientId: string, redirectUri: string, codeChallenge: string | null): string {
    const now = this.clock.now();
    const code = randomSecret();
    this.db
      .prepare(
        `INSERT INTO stream_auth_codes
           (code_hash, client_id, redirect_uri, code_challenge, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(sha256Hex(code), clientId, redirectUri, codeChallenge, now, now + AUTH_CODE_LIFETIME_MS);
    return code;
  }

  // ── the token endpoint ────────────────────────────────────────────────────────────────────

  /** `authorization_code` grant. A code presented twice revokes what its first use issued. */
  exchangeCode(
    clientId: string,
    code: string,
    redirectUri: string | undefined,
    verifier: string | undefined,
  ): TokenAnswer {
    const s = this.requireSettings();
    const now = this.clock.now();
    const hash = sha256Hex(code);
    const result = this.db.transaction((): TokenAnswer | 'reused' => {
      const row = this.db
        .prepare(
          `SELECT client_id AS clientId, redirect_uri AS redirectUri, code_challenge AS codeChallenge,
                  expires_at AS expiresAt, used_at AS usedAt, family_id AS familyId
             FROM stream_auth_codes WHERE code_hash = ?`,
        )
        .get(hash) as AuthCodeState | undefined;
      if (checkAuthCode(row, { clientId, redirectUri, verifier }, now) === 'reused') {
        if (row!.familyId) this.revokeFamilies('authorization code used twice', now, row!.familyId);
        return 'reused';
      }
      const familyId = this.ids('sf');
      this.db
        .prepare(
          `INSERT INTO stream_token_families (id, client_id, redirect_uri, created_at) VALUES (?, ?, ?, ?)`,
        )
        .run(familyId, clientId, row!.redirectUri, now);
      this.db
        .prepare(`UPDATE stream_auth_codes SET used_at = ?, family_id = ? WHERE code_hash = ?`)
        .run(now, familyId, hash);
      this.audit.record({ at: now, actor: 'stream', action: 'stream.connected', target: clientId });
      return this.issuePair(s, familyId, now);
    })();
    if (result === 'reused') throw codeReused();
    return result;
  }

  /** `refresh_token` grant: a new pair; the old refresh token is spent, and presenting a spent
   * one again revokes the whole family (it has leaked, or Stream lost track of it). */
  refresh(clientId: string, refreshToken: string): TokenAnswer {
    const s = this.requireSettings();
    const now = this.clock.now();
    const hash = sha256Hex(refreshToken);
    const result = this.db.transaction((): TokenAnswer | 'reused' => {
      const row = this.tokenRow(hash);
      if (checkRefresh(row, clientId, now) === 'reused') {
        this.revokeFamilies('refresh token used twice', now, row!.familyId);
        return 'reused';
      }
      this.db.prepare(`UPDATE stream_tokens SET used_at = ? WHERE token_hash = ?`).run(now, hash);
      return this.issuePair(s, row!.familyId, now);
    })();
    if (result === 'reused') throw refreshReused();
    return result;
  }

  // ── the Stream listener ───────────────────────────────────────────────────────────────────

  /** False when IT has not configured onboarding: no access token is valid. */
  get onboarding(): boolean {
    return !!this.settings;
  }

  /** The merchant a live access token (not expired, not revoked) is for, else null; notes the
   * call for the counter. */
  verifyAccessToken(token: string): string | null {
    if (!this.settings) return null;
    const now = this.clock.now();
    const row = this.tokenRow(sha256Hex(token));
    if (!accessTokenLive(row, now)) return null;
    this.noteCall(row!.familyId, now);
    return this.settings.merchantId;
  }

  // ── inside ────────────────────────────────────────────────────────────────────────────────

  private requireSettings(): OAuthSettings {
    if (!this.settings) throw new OAuthError(401, 'invalid_client', 'onboarding is not configured');
    return this.settings;
  }

  private tokenRow(hash: string): TokenState | undefined {
    return this.db
      .prepare(
        `SELECT t.kind, t.family_id AS familyId, t.expires_at AS expiresAt, t.used_at AS usedAt,
                f.client_id AS clientId,
                (t.revoked_at IS NOT NULL OR f.revoked_at IS NOT NULL) AS revoked
           FROM stream_tokens t JOIN stream_token_families f ON f.id = t.family_id
          WHERE t.token_hash = ?`,
      )
      .get(hash) as TokenState | undefined;
  }

  private issuePair(s: OAuthSettings, familyId: string, now: number): TokenAnswer {
    const pair = newTokenPair(now, s);
    const insert = this.db.prepare(
      `INSERT INTO stream_tokens (token_hash, kind, family_id, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    insert.run(sha256Hex(pair.access), 'access', familyId, now, pair.accessExpires);
    insert.run(sha256Hex(pair.refresh), 'refresh', familyId, now, pair.refreshExpires);
    return tokenAnswer(pair, s.merchantId, s.ssoDetails);
  }

  /** Revokes one family (or every live one when `familyId` is null); returns how many. */
  private revokeFamilies(reason: string, now: number, familyId: string | null): number {
    const families = this.db
      .prepare(
        `UPDATE stream_token_families SET revoked_at = ?, revoke_reason = ?
          WHERE revoked_at IS NULL AND (? IS NULL OR id = ?)`,
      )
      .run(now, reason, familyId, familyId).changes;
    this.db
      .prepare(
        `UPDATE stream_tokens SET revoked_at = ?
          WHERE revoked_at IS NULL AND (? IS NULL OR family_id = ?)`,
      )
      .run(now, familyId, familyId);
    if (families > 0 && familyId !== null)
      this.audit.record({
        at: now,
        actor: 'stream',
        action: 'stream.tokens_revoked',
        target: familyId,
        reason,
      });
    return families;
  }

  private voidConnectCodes(now: number): void {
    this.db
      .prepare(
        `UPDATE stream_connect_codes SET voided_at = ? WHERE used_at IS NULL AND voided_at IS NULL`,
      )
      .run(now);
  }

  /** Kept in memory for the counter at once; written at most once a minute per connection so a
   * rush of orders does not add a write (an fsync) to every request. */
  private noteCall(familyId: string, now: number): void {
    const seen = this.lastCalls.get(familyId);
    if (seen && now - seen.writtenAt < LAST_CALL_WRITE_INTERVAL_MS) {
      seen.at = now;
      return;
    }
    this.lastCalls.set(familyId, { at: now, writtenAt: now });
    this.db
      .prepare(`UPDATE stream_token_families SET last_call_at = ? WHERE id = ?`)
      .run(now, familyId);
  }
}
