// What a failed call says to staff: the core's own message, or more where the code tells more.
import { LocalApiError } from '../api/client.js';
import { texts } from '../i18n/texts.js';
import { EXPLAIN } from './texts.js';

export function explain(err: unknown): string {
  if (err instanceof LocalApiError) {
    if (err.code === 'window_closed') return texts(EXPLAIN).windowClosed;
    if (err.code === 'already_decided') return texts(EXPLAIN).alreadyDecided(err.message);
    return err.message;
  }
  return (err as Error).message ?? String(err);
}
