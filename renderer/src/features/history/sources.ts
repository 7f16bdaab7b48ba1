// Names for the `source` an order came from, as history shows and filters them: the delivery
// services by their names, and the in-store sources the new-order form sets.
import { sourceName } from '../orders/labels.js';

const IN_STORE: Record<string, string> = {
  phone: 'Phone',
  walk_in: 'Walk-in',
  in_store: 'In-store',
  website: 'Website',
};

/** Sources offered in the filter before any totals are in. */
export const COMMON_SOURCES = ['uber', 'doordash', 'grubhub', 'phone', 'walk_in'];

/** A source as the history totals name it (`coalesce(source, origin)`). */
export function historySourceLabel(source: string): string {
  return IN_STORE[source] ?? sourceName(source, 'stream');
}

/** An order's source: in-store ones say which kind ("Phone"), not just "In-store". */
export function orderSourceLabel(source: string | null, origin: 'stream' | 'in_store'): string {
  if (origin === 'in_store') return IN_STORE[source ?? 'in_store'] ?? sourceName(source, origin);
  return sourceName(source, origin);
}
