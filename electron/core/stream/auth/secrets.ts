// The random values of onboarding and how they are kept: tokens and authorization codes are
// 256-bit random (base64url), connect codes are short enough to read off a screen; all are
// stored only as SHA-256 hashes, so a copy of the database cannot call the Stream listener.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { secretsEqual } from '../protocol/signature.js';

/** A 256-bit random secret, base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** No 0/O, 1/I/L or U/V: a code read aloud or off a screen is typed right the first time. */
const CONNECT_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
const CONNECT_LENGTH = 8;

/** `ABCD-EFGH`: 8 characters of 29 (~39 bits), live 10 minutes, void after a few wrong tries. */
export function newConnectCode(): string {
  let code = '';
  for (let i = 0; i < CONNECT_LENGTH; i++)
    code += CONNECT_ALPHABET[randomInt(CONNECT_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the merchant typed, as it is hashed: case, spaces and dashes do not matter. */
export function normalizeConnectCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return code.length === CONNECT_LENGTH && [...code].every((c) => CONNECT_ALPHABET.includes(c))
    ? code
    : null;
}

/** RFC 7636 S256: base64url(SHA-256(verifier)) must equal the challenge sent to /authorize. */
export function pkceMatches(challenge: string, verifier: string): boolean {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  return secretsEqual(createHash('sha256').update(verifier).digest('base64url'), challenge);
}
