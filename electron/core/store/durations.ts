// How long a pause, a busy spell or an 86 lasts, as a manager says it ("30 minutes", "until
// 17:30", "rest of today", "for 2 hours", "until turned back on"), turned into one end instant.
// "Today" ends at the store's day rollover (config `store.dayRolloverTime`, store time zone), so a
// late-night 86 after midnight still belongs to the same business day.
import { ApiError } from '../util/errors.js';
import { nextLocalTime, parseClockTime } from '../../../shared/store-clock.js';

export interface DurationRequest {
  minutes?: number | undefined;
  hours?: number | undefined;
  /** Epoch milliseconds, or "HH:MM": the next time the store's clock shows it. */
  until?: number | string | undefined;
  restOfDay?: true | undefined;
}

export type DurationMode = 'minutes' | 'hours' | 'until' | 'rest_of_day' | 'indefinite';

export interface ResolvedDuration {
  mode: DurationMode;
  /** null: until a person turns it back. */
  until: number | null;
}

export interface StoreClockSettings {
  timeZone: string;
  /** "HH:MM" */
  dayRolloverTime: string;
}

/** The end of the current business day: the next day rollover in the store's zone. */
export function nextRollover(settings: StoreClockSettings, now: number): number {
  return nextLocalTime(settings.timeZone, now, parseClockTime(settings.dayRolloverTime));
}

export function resolveDuration(
  request: DurationRequest,
  settings: StoreClockSettings,
  now: number,
): ResolvedDuration {
  const given = (['minutes', 'hours', 'until', 'restOfDay'] as const).filter(
    (k) => request[k] !== undefined,
  );
  if (given.length > 1)
    throw new ApiError(
      400,
      'invalid_request',
      `body.${given[1]}: give only one of ${given.join(', ')}`,
      `body.${given[1]}`,
    );
  if (request.minutes !== undefined)
    return { mode: 'minutes', until: now + Math.round(request.minutes * 60_000) };
  if (request.hours !== undefined)
    return { mode: 'hours', until: now + Math.round(request.hours * 3_600_000) };
  if (request.restOfDay) return { mode: 'rest_of_day', until: nextRollover(settings, now) };
  if (request.until !== undefined) {
    const until =
      typeof request.until === 'number'
        ? request.until
        : nextLocalTime(settings.timeZone, now, parseClockTime(request.until));
    if (until <= now)
      throw new ApiError(400, 'invalid_request', 'body.until: must be in the future', 'body.until');
    return { mode: 'until', until };
  }
  return { mode: 'indefinite', until: null };
}
