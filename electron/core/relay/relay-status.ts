// What a chain store's health says about its relay: whether Stream's orders can reach this store
// through the chain's gateway at all. Two things stop them, and neither shows anywhere else on
// the store: the NATS connection is down (or never came up), or the gateway refuses this store
// (its merchant binding, gateway/store-binding.ts). The relay reports; health reads.
import type { HealthProblem } from '../../../shared/health.js';

/** A connection this young, or a drop this short, is a start-up or a reconnect, not news. */
export const RELAY_DOWN_GRACE_MS = 2_000;

/** A refusal holds this many heartbeats after the gateway last said it (it says it with every
 * one it refuses), so a gateway that stops refusing clears it without a word. */
const REFUSAL_HEARTBEATS = 3;

interface Refusal {
  reason: string;
  /** When the gateway first said it (the problem's "since"), and last said it. */
  since: number;
  saidAt: number;
}

export class RelayStatus {
  /** Since when the connection has been down (from the start until it first connects); null
   * while connected. */
  private downSince: number | null;
  private refusal: Refusal | null = null;

  constructor(
    private readonly now: () => number,
    private readonly heartbeatMs: number,
  ) {
    this.downSince = now();
  }

  connected(): void {
    this.downSince = null;
  }

  disconnected(): void {
    this.downSince ??= this.now();
  }

  get isConnected(): boolean {
    return this.downSince === null;
  }

  /** The gateway's word on this store: its reason, or null when it believes it again. */
  refused(reason: string | null): void {
    const now = this.now();
    const standing = this.standingRefusal();
    this.refusal = reason === null ? null : { reason, since: standing?.since ?? now, saidAt: now };
  }

  get isRefused(): boolean {
    return this.standingRefusal() !== null;
  }

  /** The refusal the gateway still stands by, or null. */
  private standingRefusal(): Refusal | null {
    const r = this.refusal;
    return r && this.now() - r.saidAt <= REFUSAL_HEARTBEATS * this.heartbeatMs ? r : null;
  }

  problems(): HealthProblem[] {
    const found: HealthProblem[] = [];
    const now = this.now();
    if (this.downSince !== null && now - this.downSince >= RELAY_DOWN_GRACE_MS)
      found.push({
        code: 'relay_unreachable',
        area: 'stream',
        message: "Not connected to the chain's gateway: Stream's orders cannot reach this store",
        action:
          'Check the internet connection. IT: check relay.url, relay.user and the NATS server. Orders come in again as soon as it reconnects; this screen keeps trying.',
        since: this.downSince,
        count: null,
      });
    const refusal = this.standingRefusal();
    if (refusal)
      found.push({
        code: 'relay_refused',
        area: 'setup',
        message: `The chain's gateway refuses this store, so no order reaches it: ${refusal.reason}`,
        action:
          "IT: make this store's relay.merchantId match the gateway's storeMerchants list (or add the store to it).",
        since: refusal.since,
        count: null,
      });
    return found;
  }
}
