// The store clock: wall-clock math in the store's time zone (`location.timezone`) with nothing
// but Intl, for the core (day rollover, opening hours, history's days, reasons sent to Stream)
// and the screen (renderer format.ts: every time shown, with today / tomorrow / weekday words):
// "the next 04:00 here", "which weekday is it there", "17:30" for a reason text. Every instant is epoch milliseconds; a local
// date is a plain {year, month, day}. DST is handled where it bites: a local time that does not
// exist (the spring-forward gap) resolves to the moment the clocks jump past it, and one that
// exists twice (the fall-back hour) resolves to its first occurrence.

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function localParts(timeZone: string, at: number): LocalParts {
  const out: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAYS[out.weekday!] ?? 0,
  };
}

/** The local wall time at `at` written as if it were UTC: comparable, monotonic between DST changes. */
function wallAsUtc(timeZone: string, at: number): number {
  const p = localParts(timeZone, at);
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((at % 1000) + 1000) % 1000)
  );
}

/** Minutes after midnight as a UTC-naive timestamp of that local date. */
function naive(date: LocalDate, minuteOfDay: number): number {
  return Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
}

/**
 * The instant at which the store's clock shows `minuteOfDay` (0–1440) on `date`. A skipped time
 * gives the instant the clock jumps past it; a repeated time gives its first occurrence.
 */
export function instantAt(timeZone: string, date: LocalDate, minuteOfDay: number): number {
  const wanted = naive(date, minuteOfDay);
  // The offsets a day either side bracket every real-world DST change (none are closer than that).
  const before = wanted - (wallAsUtc(timeZone, wanted - DAY) - (wanted - DAY));
  const after = wanted - (wallAsUtc(timeZone, wanted + DAY) - (wanted + DAY));
  const exact = [before, after]
    .filter((t) => wallAsUtc(timeZone, t) === wanted)
    .sort((a, b) => a - b);
  if (exact.length) return exact[0]!;
  // In a gap: find the first instant whose wall time is at or past the wanted one.
  let lo = Math.min(before, after);
  let hi = Math.max(before, after);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallAsUtc(timeZone, mid) >= wanted) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function localDateOf(timeZone: string, at: number): LocalDate {
  const { year, month, day } = localParts(timeZone, at);
  return { year, month, day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Calendar days from `now`'s local date to `at`'s in the zone: 0 today, 1 tomorrow, −1 yesterday. */
export function localDaysBetween(timeZone: string, now: number, at: number): number {
  return (naive(localDateOf(timeZone, at), 0) - naive(localDateOf(timeZone, now), 0)) / DAY;
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function isoDate(date: LocalDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** "17:30" → 1050. Accepts 00:00–24:00. */
export function parseClockTime(text: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m || (m[1] === '24' && m[2] !== '00'))
    throw new RangeError(`not a clock time (HH:MM): ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The first instant strictly after `now` at which the store's clock shows `minuteOfDay`. */
export function nextLocalTime(timeZone: string, now: number, minuteOfDay: number): number {
  const today = localDateOf(timeZone, now);
  for (let i = 0; i < 3; i++) {
    const candidate = instantAt(timeZone, addDays(today, i), minuteOfDay);
    if (candidate > now) return candidate;
  }
  throw new Error('unreachable: a local time recurs within two days');
}

/**
 * A reopening time as staff and customers read it, in the store's zone: "17:30" when it is the
 * same local day as `now`, "Tue 17:30" within the week, "2026-12-24 17:30" further out.
 */
export function describeLocalTime(timeZone: string, at: number, now: number): string {
  const p = localParts(timeZone, at);
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  const today = localDateOf(timeZone, now);
  if (isoDate(p) === isoDate(today)) return time;
  const days = (naive(p, 0) - naive(today, 0)) / DAY;
  if (days > 0 && days < 7) return `${Object.keys(WEEKDAYS)[p.weekday]} ${time}`;
  return `${isoDate(p)} ${time}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
