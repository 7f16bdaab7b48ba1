// IT's view of the chain's Stream connections, from the same JetStream KV the replicas share: one
// connection per sign-in (a token family), with its merchant, since when, when Stream last renewed
// it, and whether it still works. Disconnecting a merchant revokes every one of its live families
// at once: each replica refuses its tokens on the next call (a token of a revoked family is
// refused), and Stream must onboard the merchant again. Used by `npm run gateway -- connections`.
import type { KV } from '@nats-io/kv';
import { familyKey, parsed, type StoredFamily, type StoredToken } from './merchant-oauth.js';

export interface MerchantConnection {
  familyId: string;
  merchantId: string;
  clientId: string;
  connectedAt: number;
  /** The last time Stream renewed it (a refresh token spent), or null: never renewed. */
  renewedAt: number | null;
  /** live: a refresh or access token still works; expired: none does (Stream stopped calling);
   * revoked: disconnected by IT or after a replayed secret (`reason`). */
  state: 'live' | 'expired' | 'revoked';
  reason: string | null;
}

/** Every connection, newest first; a family no token was ever issued to (a replica that lost a
 * code race made it) is not a connection and is left out. */
export async function listConnections(kv: KV, now: number): Promise<MerchantConnection[]> {
  const tokens = new Map<string, StoredToken[]>();
  for (const key of await keysUnder(kv, 'token.')) {
    const t = parsed<StoredToken>(await kv.get(key));
    if (t) tokens.set(t.familyId, [...(tokens.get(t.familyId) ?? []), t]);
  }
  const found: MerchantConnection[] = [];
  for (const key of await keysUnder(kv, 'family.')) {
    const familyId = key.slice('family.'.length);
    const family = parsed<StoredFamily>(await kv.get(key));
    const issued = tokens.get(familyId) ?? [];
    if (!family || issued.length === 0) continue;
    const renewals = issued.filter((t) => t.kind === 'refresh' && t.usedAt !== null);
    const working = issued.some((t) => t.expiresAt > now && !(t.kind === 'refresh' && t.usedAt));
    found.push({
      familyId,
      merchantId: family.merchantId,
      clientId: family.clientId,
      connectedAt: family.createdAt,
      renewedAt: renewals.length ? Math.max(...renewals.map((t) => t.usedAt!)) : null,
      state: family.revokedAt !== null ? 'revoked' : working ? 'live' : 'expired',
      reason: family.reason ?? null,
    });
  }
  return found.sort((a, b) => b.connectedAt - a.connectedAt);
}

/** Revokes every live connection of `merchantId`; answers how many it revoked (0: none live). */
export async function disconnectMerchant(
  kv: KV,
  merchantId: string,
  reason: string,
  now: number,
): Promise<number> {
  let revoked = 0;
  for (const c of await listConnections(kv, now)) {
    if (c.merchantId !== merchantId || c.state === 'revoked') continue;
    const family = parsed<StoredFamily>(await kv.get(familyKey(c.familyId)));
    if (!family || family.revokedAt !== null) continue;
    await kv.put(
      familyKey(c.familyId),
      JSON.stringify({ ...family, revokedAt: now, reason } satisfies StoredFamily),
    );
    revoked++;
  }
  return revoked;
}

async function keysUnder(kv: KV, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const k of await kv.keys(`${prefix}>`)) keys.push(k);
  return keys;
}
