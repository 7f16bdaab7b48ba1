// HMAC-SHA256 signatures over exact body bytes, and constant-time secret comparison. A garbage,
// short or wrongly-encoded signature is a plain `false`, never an exception.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

function decodeSignature(sig: string): Buffer | null {
  const s = sig.trim();
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(s) || /^[A-Za-z0-9_-]{43}$/.test(s)) {
    const buf = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return buf.length === 32 ? buf : null;
  }
  return null;
}

/** B2: hex (or base64) HMAC-SHA256 of the raw body, keyed with the webhook secret. */
export function verifyBodySignature(
  secret: string,
  body: Buffer,
  header: string | undefined,
): boolean {
  if (!header) return false;
  const given = decodeSignature(header);
  if (!given) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(given, expected);
}

/** Constant-time equality of two secrets of any length (hashing first equalises the lengths). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** `Authorization: Bearer <token>` against the configured token. */
export function verifyBearer(expected: string, header: string | undefined): boolean {
  if (!header) return false;
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  return match ? secretsEqual(match[1]!, expected) : false;
}
