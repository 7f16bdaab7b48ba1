// Merchant onboarding on the chain gateway (stream-api.md A7, B6, B7): the connector's own
// authorization server rules (stream/auth/grants.ts) over JetStream KV instead of one store's
// SQLite, so every stateless replica shares the same codes and tokens. A connect code typed on
// the gateway's sign-in page comes from one store's counter (`stream_connect`, written by that
// store only) and names that store's merchant; the tokens it leads to are the merchant's.
//
// Single use without transactions: every "spend" (a connect code, an authorization code, a
// refresh token) is a compare-and-set on the entry's revision, so of two replicas racing on the
// same secret exactly one wins, and the loser is told what a replay is told. Secrets are kept
// only as SHA-256 hashes. Any KV failure is AuthStateUnavailable (503 + Retry-After): a token is
// never taken for valid, nor for revoked, when it could not be read.
import { randomUUID } from 'node:crypto';
import { JetStreamApiError, jetstream } from '@nats-io/jetstream';
import { Kvm, type KV, type KvEntry } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { CONNECT_BUCKET, ConnectCodeRecord, OAUTH_BUCKET } from '../../electron/core/relay/wire.js';
import {
  accessTokenLive,
  AuthStateUnavailable,
  checkAuthCode,
  checkRefresh,
  codeReused,
  newTokenPair,
  OAuthError,
  refreshReused,
  tokenAnswer,
  type AccessTokenVerifier,
  type AuthCodeState,
  type AuthorizationServer,
  type SignInOutcome,
  type TokenAnswer,
  type TokenLifetimes,
  type TokenState,
} from '../../electron/core/stream/auth/index.js';
import {
  AUTH_CODE_LIFETIME_MS,
  CONNECT_CODE_LIFETIME_MS,
} from '../../electron/core/stream/auth/limits.js';
import {
  normalizeConnectCode,
  randomSecret,
  sha256Hex,
} from '../../electron/core/stream/auth/secrets.js';
import { SignInLimit } from './sign-in-limit.js';

/** `oauth.*` of the gateway config, resolved (lifetimes in ms). */
export interface MerchantOAuthSettings extends TokenLifetimes {
  clientId: string;
  clientSecret: string;
  redirectUris: readonly string[];
  /** Wrong connect codes per 10 minutes, chain-wide, before sign-ins wait (sign-in-limit.ts). */
  wrongCodesPerWindow: number;
}

/** Which merchant a registered location belongs to (the fleet view), null when unknown. */
export type MerchantOf = (locationId: string) => string | null;

/** A KV operation that had no answer within this is a KV that is down for this request. */
const KV_TIMEOUT_MS = 2000;

interface StoredCode extends AuthCodeState {
  merchantId: string;
  /** The store whose counter gave the connect code (for the audit trail in the entry). */
  locationId: string;
}

export interface StoredToken {
  kind: 'access' | 'refresh';
  familyId: string;
  clientId: string;
  merchantId: string;
  expiresAt: number;
  usedAt: number | null;
}

export interface StoredFamily {
  merchantId: string;
  clientId: string;
  createdAt: number;
  revokedAt: number | null;
  reason?: string;
}

const codeKey = (code: string): string => `code.${sha256Hex(code)}`;
const tokenKey = (token: string): string => `token.${sha256Hex(token)}`;
export const familyKey = (id: string): string => `family.${id}`;

export class MerchantOAuth implements AuthorizationServer, AccessTokenVerifier {
  private readonly misses: SignInLimit;

  private constructor(
    private readonly state: KV,
    private readonly connectCodes: KV,
    readonly settings: MerchantOAuthSettings | null,
    private readonly merchantOf: MerchantOf,
    private readonly now: () => number,
  ) {
    this.misses = new SignInLimit(state, settings?.wrongCodesPerWindow ?? 0, now);
  }

  /** Opens (the first replica creates) the two buckets with `replicas` copies each. */
  static async open(
    nc: NatsConnection,
    settings: MerchantOAuthSettings | null,
    merchantOf: MerchantOf,
    options: { replicas: number; now?: () => number },
  ): Promise<MerchantOAuth> {
    const kvm = new Kvm(jetstream(nc, { timeout: KV_TIMEOUT_MS }));
    const state = await kvm.create(OAUTH_BUCKET, { history: 1, replicas: options.replicas });
    const connect = await kvm.create(CONNECT_BUCKET, {
      history: 1,
      replicas: options.replicas,
      ttl: CONNECT_CODE_LIFETIME_MS,
    });
    return new MerchantOAuth(state, connect, settings, merchantOf, options.now ?? Date.now);
  }

  get onboarding(): boolean {
    return !!this.settings;
  }

  /** IT's view of who is connected (oauth/connections.ts). */
  get kv(): KV {
    return this.state;
  }

  // ── the sign-in page ──────────────────────────────────────────────────────────────────────

  async authorize(
    typed: string,
    grant: { clientId: string; redirectUri: string; codeChallenge: string | null },
  ): Promise<SignInOutcome> {
    const code = normalizeConnectCode(typed);
    if (code === null) return { wrongCode: true };
    return reach(async () => {
      if (await this.misses.reached()) return { refused: 'too_many_attempts' };
      const found = await this.findConnectCode(sha256Hex(code));
      if (!found) {
        await this.misses.noteMiss();
        return { wrongCode: true };
      }
      const merchantId = this.merchantOf(found.key);
      if (merchantId === null) return { refused: 'unregistered' };
      // Spent by exactly one sign-in, whichever replica it reached.
      if (!(await compareAndSet(this.connectCodes, found.key, null, found.revision)))
        return { wrongCode: true };
      const now = this.now();
      const authCode = randomSecret();
      const stored: StoredCode = {
        clientId: grant.clientId,
        redirectUri: grant.redirectUri,
        codeChallenge: grant.codeChallenge,
        expiresAt: now + AUTH_CODE_LIFETIME_MS,
        usedAt: null,
        familyId: null,
        merchantId,
        locationId: found.key,
      };
      await this.state.create(codeKey(authCode), JSON.stringify(stored));
      return { code: authCode };
    });
  }

  /** The live connect code with this hash: its store (the key) and revision. A code is live for
   * its lifetime by the NATS server's clock (the entry's time), not by the store's clock. */
  private async findConnectCode(hash: string): Promise<{ key: string; revision: number } | null> {
    const now = this.now();
    for await (const key of await this.connectCodes.keys()) {
      const entry = await this.connectCodes.get(key);
      if (!entry || entry.operation !== 'PUT') continue;
      const record = ConnectCodeRecord.safeParse(safeJson(entry.string()));
      if (!record.success || record.data.hash !== hash) continue;
      if (entry.created.getTime() + CONNECT_CODE_LIFETIME_MS > now)
        return { key, revision: entry.revision };
    }
    return null;
  }

  // ── the token endpoint ────────────────────────────────────────────────────────────────────

  exchangeCode(
    clientId: string,
    code: string,
    redirectUri: string | undefined,
    verifier: string | undefined,
  ): Promise<TokenAnswer> {
    const s = this.requireSettings();
    return reach(async () => {
      const now = this.now();
      const key = codeKey(code);
      const entry = await this.state.get(key);
      const stored = parsed<StoredCode>(entry);
      if (checkAuthCode(stored ?? undefined, { clientId, redirectUri, verifier }, now) === 'reused')
        return this.refuseReplay(stored!.familyId, 'authorization code used twice', codeReused());
      // The family exists before the code names it, so a replica that loses the race below
      // always finds the winner's family to revoke (a loser's own family stays empty).
      const familyId = randomUUID();
      const family: StoredFamily = {
        merchantId: stored!.merchantId,
        clientId,
        createdAt: now,
        revokedAt: null,
      };
      await this.state.put(familyKey(familyId), JSON.stringify(family));
      const spent: StoredCode = { ...stored!, usedAt: now, familyId };
      if (!(await compareAndSet(this.state, key, spent, entry!.revision))) {
        // Another replica spent it a moment ago: the same as a replay.
        const winner = parsed<StoredCode>(await this.state.get(key));
        return this.refuseReplay(
          winner?.familyId ?? null,
          'authorization code used twice',
          codeReused(),
        );
      }
      return this.issuePair(s, familyId, stored!.merchantId, clientId, now);
    });
  }

  refresh(clientId: string, refreshToken: string): Promise<TokenAnswer> {
    const s = this.requireSettings();
    return reach(async () => {
      const now = this.now();
      const key = tokenKey(refreshToken);
      const entry = await this.state.get(key);
      const token = parsed<StoredToken>(entry);
      const view = token ? await this.tokenState(token) : undefined;
      if (checkRefresh(view, clientId, now) === 'reused')
        return this.refuseReplay(token!.familyId, 'refresh token used twice', refreshReused());
      const spent: StoredToken = { ...token!, usedAt: now };
      if (!(await compareAndSet(this.state, key, spent, entry!.revision)))
        return this.refuseReplay(token!.familyId, 'refresh token used twice', refreshReused());
      return this.issuePair(s, token!.familyId, token!.merchantId, clientId, now);
    });
  }

  // ── Stream's calls ────────────────────────────────────────────────────────────────────────

  verifyAccessToken(token: string): Promise<string | null> {
    if (!this.settings) return Promise.resolve(null);
    return reach(async () => {
      const stored = parsed<StoredToken>(await this.state.get(tokenKey(token)));
      if (!stored) return null;
      return accessTokenLive(await this.tokenState(stored), this.now()) ? stored.merchantId : null;
    });
  }

  // ── inside ────────────────────────────────────────────────────────────────────────────────

  private requireSettings(): MerchantOAuthSettings {
    if (!this.settings) throw new OAuthError(401, 'invalid_client', 'onboarding is not configured');
    return this.settings;
  }

  private async tokenState(token: StoredToken): Promise<TokenState> {
    const family = parsed<StoredFamily>(await this.state.get(familyKey(token.familyId)));
    return {
      kind: token.kind,
      familyId: token.familyId,
      clientId: token.clientId,
      expiresAt: token.expiresAt,
      usedAt: token.usedAt,
      // A token whose family is gone is as good as revoked.
      revoked: !family || family.revokedAt !== null,
    };
  }

  private async issuePair(
    lifetimes: TokenLifetimes,
    familyId: string,
    merchantId: string,
    clientId: string,
    now: number,
  ): Promise<TokenAnswer> {
    const pair = newTokenPair(now, lifetimes);
    const base = { familyId, clientId, merchantId, usedAt: null };
    const access: StoredToken = { ...base, kind: 'access', expiresAt: pair.accessExpires };
    const refresh: StoredToken = { ...base, kind: 'refresh', expiresAt: pair.refreshExpires };
    await this.state.create(tokenKey(pair.access), JSON.stringify(access));
    await this.state.create(tokenKey(pair.refresh), JSON.stringify(refresh));
    return tokenAnswer(pair, merchantId);
  }

  /** A replayed secret: its family is revoked (it leaked, or Stream lost track), then refused. */
  private async refuseReplay(
    familyId: string | null,
    reason: string,
    refusal: OAuthError,
  ): Promise<never> {
    if (familyId) {
      const entry = await this.state.get(familyKey(familyId));
      const family = parsed<StoredFamily>(entry);
      if (family && family.revokedAt === null)
        await this.state.put(
          familyKey(familyId),
          JSON.stringify({ ...family, revokedAt: this.now(), reason }),
        );
    }
    throw refusal;
  }
}

/** Runs KV work; an RFC 6749 refusal passes through, anything else is "state unreachable". */
async function reach<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof OAuthError) throw err;
    throw new AuthStateUnavailable(err);
  }
}

/** True when the entry was still at `revision` and is now changed (`value`) or deleted (null);
 * false when someone else changed it first (JetStream's "wrong last sequence"). */
async function compareAndSet(
  kv: KV,
  key: string,
  value: unknown,
  revision: number,
): Promise<boolean> {
  try {
    if (value === null) await kv.delete(key, { previousSeq: revision });
    else await kv.update(key, JSON.stringify(value), revision);
    return true;
  } catch (err) {
    if (isWrongSequence(err)) return false;
    throw err;
  }
}

const isWrongSequence = (err: unknown): boolean =>
  err instanceof JetStreamApiError && (err.code === 10071 || err.code === 10164);

export function parsed<T>(entry: KvEntry | null): T | null {
  if (!entry || entry.operation !== 'PUT') return null;
  return (safeJson(entry.string()) as T | undefined) ?? null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
