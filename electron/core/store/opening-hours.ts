// The store's regular opening hours and closed days (config `store.openingHours`,
// `store.closedDays`), read in the store's time zone. With neither configured the store is
// always open and only a manager's pause closes it.
import {
  addDays,
  instantAt,
  isoDate,
  localDateOf,
  parseClockTime,
  weekdayOf,
  type LocalDate,
} from '../../../shared/store-clock.js';

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Per weekday, ranges like "11:00-14:30"; a close at or before the open runs past midnight. */
export type OpeningHours = Partial<Record<WeekdayKey, readonly string[]>>;

interface Interval {
  start: number;
  end: number;
}

const ALL_DAY: [number, number] = [0, 1440];
const MEMO_DAYS = 1000;

/** The farthest ahead we look for the next opening: past that the store is "closed until further notice". */
const SEARCH_DAYS = 400;

export class OpeningSchedule {
  private readonly closed: ReadonlySet<string>;
  private readonly ranges: Map<WeekdayKey, [open: number, close: number][]> | null;
  private readonly byDate = new Map<string, readonly Interval[]>();

  constructor(
    readonly timeZone: string,
    hours: OpeningHours | undefined,
    closedDays: readonly string[] = [],
  ) {
    this.closed = new Set(closedDays);
    this.ranges = hours ? parseHours(hours) : null;
  }

  /** False when the store has neither opening hours nor closed days: always open. */
  get configured(): boolean {
    return this.ranges !== null || this.closed.size > 0;
  }

  isOpen(at: number): boolean {
    if (!this.configured) return true;
    const today = localDateOf(this.timeZone, at);
    return this.intervals(addDays(today, -1), 2).some((i) => i.start <= at && at < i.end);
  }

  /** The first instant at or after `at` when the store is open, or null if none within a year. */
  nextOpening(at: number): number | null {
    if (!this.configured) return at;
    const found = this.scan(at, (i) => i.end > at);
    return found ? Math.max(found.start, at) : null;
  }

  /** The next instant after `at` when open/closed flips, or null when it never does. */
  nextChange(at: number): number | null {
    if (!this.configured) return null;
    const found = this.scan(at, (i) => i.end > at);
    if (!found) return null;
    return found.start > at ? found.start : found.end;
  }

  /** Walks forward a week at a time through merged open intervals until `match` finds one. */
  private scan(at: number, match: (i: Interval) => boolean): Interval | null {
    const start = addDays(localDateOf(this.timeZone, at), -1);
    for (let span = 9; ; span = Math.min(span * 4, SEARCH_DAYS)) {
      const list = this.intervals(start, span);
      const hit = list.find(match);
      // An interval touching the end of the window may continue past it: widen and look again.
      const last = list[list.length - 1];
      const windowEnd = instantAt(this.timeZone, addDays(start, span), 0);
      if (hit && !(hit === last && hit.end >= windowEnd && span < SEARCH_DAYS)) return hit;
      if (span >= SEARCH_DAYS) return hit ?? null;
    }
  }

  /** Open intervals that start on `days` local dates from `from`, merged where they touch. */
  private intervals(from: LocalDate, days: number): Interval[] {
    const raw: Interval[] = [];
    for (let i = 0; i < days; i++) raw.push(...this.dayIntervals(addDays(from, i)));
    raw.sort((a, b) => a.start - b.start);
    const merged: Interval[] = [];
    for (const i of raw) {
      const prev = merged[merged.length - 1];
      if (prev && i.start <= prev.end) prev.end = Math.max(prev.end, i.end);
      else merged.push({ ...i });
    }
    return merged;
  }

  /** The open intervals starting on one local date. Memoized: the timer asks about the same few
   * days every minute, and each answer costs several Intl calls. */
  private dayIntervals(date: LocalDate): readonly Interval[] {
    const key = isoDate(date);
    const known = this.byDate.get(key);
    if (known) return known;
    const out: Interval[] = [];
    if (!this.closed.has(key)) {
      const ranges: [number, number][] = this.ranges
        ? (this.ranges.get(WEEKDAY_KEYS[weekdayOf(date)]!) ?? [])
        : [ALL_DAY];
      for (const [open, close] of ranges) {
        const start = instantAt(this.timeZone, date, open);
        const end =
          close > open
            ? instantAt(this.timeZone, date, close)
            : instantAt(this.timeZone, addDays(date, 1), close);
        if (end > start) out.push({ start, end });
      }
    }
    if (this.byDate.size >= MEMO_DAYS) this.byDate.clear();
    this.byDate.set(key, out);
    return out;
  }
}

export const OPENING_RANGE = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function parseHours(hours: OpeningHours): Map<WeekdayKey, [number, number][]> {
  const out = new Map<WeekdayKey, [number, number][]>();
  for (const key of WEEKDAY_KEYS) {
    const list = hours[key] ?? [];
    out.set(
      key,
      list.map((range) => {
        if (!OPENING_RANGE.test(range))
          throw new RangeError(`opening hours ${key}: "${range}" is not HH:MM-HH:MM`);
        const [open, close] = range.split('-') as [string, string];
        return [parseClockTime(open), parseClockTime(close)];
      }),
    );
  }
  return out;
}
