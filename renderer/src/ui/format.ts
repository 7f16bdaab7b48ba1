// Money, times and durations for the counter: big, short and unambiguous, in the terminal's
// language (each takes it from its caller: a component's useLanguage). Every time is on the store's clock (its `location.timezone`, learned from the store
// status: services.ts calls setStoreTimeZone), never the counter PC's, with "tomorrow" or the
// weekday where the store's day differs (shared/store-clock.ts does the day math).
import { addDays, instantAt, localDateOf, localDaysBetween } from '../../../shared/store-clock.js';
import { intlLocale, type Language } from '../i18n/language.js';
import { texts, translations } from '../i18n/texts.js';

const WORDS = translations(
  { today: 'Today', tomorrow: 'tomorrow', yesterday: 'yesterday' },
  { today: 'Hoy', tomorrow: 'mañana', yesterday: 'ayer' },
);

/** The store's IANA zone; undefined (the PC's zone) until the store status says it. */
let storeZone: string | undefined;

export function setStoreTimeZone(zone: string | undefined): void {
  if (zone === storeZone) return;
  try {
    if (zone) new Intl.DateTimeFormat('en', { timeZone: zone }); // refuses an unknown name
    storeZone = zone;
  } catch {
    storeZone = undefined;
  }
}

/** This PC's zone, asked once: building an Intl formatter to ask it costs about a millisecond,
 * and the board asks for every order on every change (285 orders froze a page for 40 s). */
let pcZone: string | undefined;

/** The store's zone, or this PC's until the store status has said it. */
export function storeTimeZone(): string {
  return storeZone ?? (pcZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** An Intl formatter in the terminal's language and the store's zone, made once per pair. */
const formats = new Map<string, Intl.DateTimeFormat>();
export function storeFormat(
  name: string,
  options: Intl.DateTimeFormatOptions,
  language: Language,
): Intl.DateTimeFormat {
  const key = `${name}|${language}|${storeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), { ...options, timeZone: storeZone });
    formats.set(key, format);
  }
  return format;
}

/** Calendar days from `now` to `at` on the store's clock (0 today, 1 tomorrow). */
function daysFromNow(at: number, now: number): number {
  return localDaysBetween(storeTimeZone(), now, at);
}

// Formatters are made once per language: building an Intl formatter costs far more than using
// one, and long lists (history) format thousands of values.
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

export function money(cents: number, currency: string, language: Language): string {
  const key = `${language}|${currency}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency });
    } catch {
      format = null; // not a currency code Intl knows
    }
    moneyFormats.set(key, format);
  }
  return format ? format.format(cents / 100) : `${(cents / 100).toFixed(2)} ${currency}`;
}

export function clockTime(epochMs: number, language: Language): string {
  return storeFormat('hm', { hour: '2-digit', minute: '2-digit' }, language).format(epochMs);
}

export function clockTimeWithSeconds(epochMs: number, language: Language): string {
  const options = { hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
  return storeFormat('hms', options, language).format(epochMs);
}

/** A time with its day when that is not today on the store's clock: "10:00", "tomorrow 10:00",
 * "Tue 10:00", "5 Dec 10:00" (a pause's end, an item back on sale, a retry). */
export function storeDayTime(epochMs: number, now: number, language: Language): string {
  const time = clockTime(epochMs, language);
  const days = daysFromNow(epochMs, now);
  const w = texts(WORDS, language);
  if (days === 0) return time;
  if (days === 1) return `${w.tomorrow} ${time}`;
  if (days === -1) return `${w.yesterday} ${time}`;
  if (days > 1 && days < 7)
    return `${storeFormat('wd', { weekday: 'short' }, language).format(epochMs)} ${time}`;
  return `${storeFormat('dm', { day: 'numeric', month: 'short' }, language).format(epochMs)} ${time}`;
}

/** "45 s", "3 min", "1 h 05 min": how long ago or how long left, rounded the way staff say it. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** A requested time (ISO from Stream) as "Today 18:30" / "Tue 18:30". */
export function requestedTime(iso: string | null, now: number, language: Language): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const day =
    daysFromNow(at, now) === 0
      ? texts(WORDS, language).today
      : storeFormat('wdm', { weekday: 'short', day: 'numeric', month: 'short' }, language).format(
          at,
        );
  return `${day} ${clockTime(at, language)}`;
}

/** The store-clock day that holds `now`, as [start, end) instants: a list tests each of its
 * orders against two numbers instead of a calendar lookup per order. */
export function localDayAround(now: number): { start: number; end: number } {
  const zone = storeTimeZone();
  const today = localDateOf(zone, now);
  return { start: instantAt(zone, today, 0), end: instantAt(zone, addDays(today, 1), 0) };
}
