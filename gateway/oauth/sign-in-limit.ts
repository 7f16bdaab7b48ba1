// Wrong connect codes on the gateway's sign-in page, counted for the whole chain. A store voids
// its own code after a few wrong tries, but a code typed at the gateway names no store until it
// matches, so misses cannot be pinned on one code: instead every replica counts them in one KV
// entry per 10-minute window, and past the limit sign-ins wait for the next window. Guessing
// one of a handful of live ~39-bit codes then stays hopeless; the cost is that a flood of wrong
// codes delays real sign-ins by at most one window (said on the page).
import type { KV } from '@nats-io/kv';
import { CONNECT_CODE_LIFETIME_MS } from '../../electron/core/stream/auth/limits.js';

const WINDOW_MS = CONNECT_CODE_LIFETIME_MS;
/** Compare-and-set attempts on a busy counter before this miss is left uncounted. */
const CAS_TRIES = 5;

export class SignInLimit {
  constructor(
    private readonly kv: KV,
    /** Wrong codes per window across every replica. */
    private readonly limit: number,
    private readonly now: () => number,
  ) {}

  private key(): string {
    return `failures.${Math.floor(this.now() / WINDOW_MS)}`;
  }

  async reached(): Promise<boolean> {
    const entry = await this.kv.get(this.key());
    return entry?.operation === 'PUT' && Number(entry.string()) >= this.limit;
  }

  async noteMiss(): Promise<void> {
    const key = this.key();
    for (let i = 0; i < CAS_TRIES; i++) {
      const entry = await this.kv.get(key);
      try {
        if (!entry || entry.operation !== 'PUT') await this.kv.create(key, '1');
        else await this.kv.update(key, String(Number(entry.string()) + 1), entry.revision);
        return;
      } catch {
        // another replica counted at the same moment: read again
      }
    }
  }
}
