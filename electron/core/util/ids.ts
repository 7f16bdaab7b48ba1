// Ids that sort by creation time (so lists and the outbox keep their order) and cannot collide.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower-case

function encodeTime(ms: number): string {
  let out = '';
  let n = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[n % 32]! + out;
    n = Math.floor(n / 32);
  }
  return out;
}

function encodeRandom(bytes: number): string {
  const buf = randomBytes(bytes);
  let out = '';
  for (const b of buf) out += ALPHABET[b % 32];
  return out;
}

export type IdGenerator = (prefix: string) => string;

/** `ord_01jd…`: prefix, 10 characters of time, 12 of randomness. */
export function createIdGenerator(now: () => number): IdGenerator {
  return (prefix) => `${prefix}_${encodeTime(now())}${encodeRandom(12)}`;
}
