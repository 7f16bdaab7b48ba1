// What a failed call says to staff: the core's own message, or more where the code tells more.
import { LocalApiError } from '../api/client.js';
import type { Language } from '../i18n/language.js';
import { texts } from '../i18n/texts.js';
import { EXPLAIN } from './texts.js';

export function explain(err: unknown, language: Language): string {
  if (err instanceof LocalApiError) {
    const t = texts(EXPLAIN, language);
    if (err.code === 'window_closed') return t.windowClosed;
    if (err.code === 'already_decided') return t.alreadyDecided(err.message);
    return err.message;
  }
  return (err as Error).message ?? String(err);
}
