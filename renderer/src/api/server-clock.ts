// The staff deadline is a server timestamp; the counter's own clock may be off by seconds or
// minutes. Every response and push event bounds the server's clock, and intersecting those
// bounds pins the offset down far better than the `Date` header's whole seconds would alone.
//
// - A response with `Date: D` (whole seconds, truncated) was produced between sending (t0) and
//   receiving (t1): server now ∈ [D, D + 1000) at some client instant in [t0, t1], so
//   offset ∈ [D − t1, D + 999 − t0].
// - A push event stamped T by the server arrives at client time t after it was made:
//   offset ≥ T − t.
// When new bounds contradict the old ones (the server's clock was set, the PC slept), the old
// ones are dropped: the newest evidence wins.

export interface OffsetBounds {
  low: number;
  high: number;
}

export class ServerClock {
  private bounds: OffsetBounds | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clientNow: () => number = () => Date.now()) {}

  /** Server epoch ms now, as best known. Falls back to the client clock before any evidence. */
  now(): number {
    return this.clientNow() + this.offset();
  }

  /** Best estimate of server − client, in ms. */
  offset(): number {
    if (!this.bounds) return 0;
    const { low, high } = this.bounds;
    return Number.isFinite(high) ? Math.round((low + high) / 2) : low;
  }

  current(): OffsetBounds | null {
    return this.bounds;
  }

  /** Evidence from an HTTP response's `Date` header. */
  observeDateHeader(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    if (!dateHeader) return;
    const serverSecond = Date.parse(dateHeader);
    if (Number.isNaN(serverSecond)) return;
    this.merge({ low: serverSecond - receivedAt, high: serverSecond + 999 - sentAt });
  }

  /** Evidence from a server timestamp that was already in the past when it arrived. */
  observeServerStamp(serverAt: number, receivedAt: number = this.clientNow()): void {
    this.merge({ low: serverAt - receivedAt, high: Number.POSITIVE_INFINITY });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private merge(next: OffsetBounds): void {
    const prev = this.bounds;
    const low = prev ? Math.max(prev.low, next.low) : next.low;
    const high = prev ? Math.min(prev.high, next.high) : next.high;
    const before = this.offset();
    // Contradiction: the server clock moved under us. Keep only what we just learned.
    this.bounds = low <= high ? { low, high } : next;
    if (this.offset() !== before) for (const l of this.listeners) l();
  }
}
