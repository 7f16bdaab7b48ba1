// A live tax estimate for the new-order form. The tax rate is the connector's setting
// (`instore.taxRatePercent`) and no Local API call reads it, so the form learns it from the
// connector's own answers: each in-store order it priced says `taxCents` for a `subtotalCents`.
// The core rounds tax = floor((subtotal × rate‰% + 50 000) / 100 000) with the rate in
// thousandths of a percent (electron/core/instore/pricing.ts); every answer narrows the rate to
// an interval, and the intersection of those intervals is what we know. The final figures are
// always the connector's, shown after submit.

/** Rates the connector accepts: 0 to 50 %, in thousandths of a percent. */
const MAX_MILLI_PERCENT = 50_000;

export interface RateRange {
  /** Lowest and highest rate still possible, in thousandths of a percent (8875 = 8.875 %). */
  low: number;
  high: number;
}

/** The rates that would turn `subtotal` into exactly `tax`; null when the answer says nothing. */
export function rangeFrom(subtotal: number, tax: number): RateRange | null {
  if (subtotal <= 0 || tax < 0) return null;
  const low = Math.max(0, Math.ceil((tax * 100_000 - 50_000) / subtotal));
  const high = Math.min(MAX_MILLI_PERCENT, Math.ceil((tax * 100_000 + 50_000) / subtotal) - 1);
  return low <= high ? { low, high } : null;
}

/** What we knew, narrowed by one more answer. A contradiction means the rate was changed:
 * the newest answer wins. */
export function narrow(known: RateRange | null, subtotal: number, tax: number): RateRange | null {
  const seen = rangeFrom(subtotal, tax);
  if (!seen) return known;
  if (!known) return seen;
  const low = Math.max(known.low, seen.low);
  const high = Math.min(known.high, seen.high);
  return low <= high ? { low, high } : seen;
}

/** Tax on `subtotal` the way the core rounds it, at the middle of the known range. */
export function estimateTax(subtotal: number, range: RateRange): number {
  const milliPercent = Math.round((range.low + range.high) / 2);
  return Math.floor((subtotal * milliPercent + 50_000) / 100_000);
}

/** True once the answers pin the rate down to one value: the estimate is then exact. */
export function isExact(range: RateRange): boolean {
  return range.low === range.high;
}

const KEY = 'connector.instore.taxRate';

/** The learned range, kept per terminal so the estimate survives a restart. */
export class TaxRateMemory {
  constructor(private readonly storage: Storage) {}

  get(): RateRange | null {
    try {
      const parsed = JSON.parse(this.storage.getItem(KEY) ?? 'null') as RateRange | null;
      return parsed && Number.isInteger(parsed.low) && Number.isInteger(parsed.high)
        ? parsed
        : null;
    } catch {
      return null;
    }
  }

  learn(subtotal: number, tax: number): RateRange | null {
    const next = narrow(this.get(), subtotal, tax);
    if (next) this.storage.setItem(KEY, JSON.stringify(next));
    return next;
  }
}
