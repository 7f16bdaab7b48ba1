// Names for the `source` an order came from, as history shows and filters them: the delivery
// services by their names, and the in-store sources the new-order form sets.
import { inStoreSourceName, sourceName } from '../../ui/labels.js';
import type { Language } from '../../i18n/language.js';

/** Sources offered in the filter before any totals are in. */
export const COMMON_SOURCES = ['uber', 'doordash', 'grubhub', 'phone', 'walk_in'];

/** A source as the history totals name it (`coalesce(source, origin)`). */
export function historySourceLabel(source: string, language: Language): string {
  return inStoreSourceName(source, language) ?? sourceName(source, 'stream', language);
}
