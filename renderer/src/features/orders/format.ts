// Money, times and durations for the counter: big, short and unambiguous, in the terminal's
// language.
import { currentLanguage, intlLocale } from '../../i18n/language.js';
import { texts, translations } from '../../i18n/texts.js';

const WORDS = translations({ today: 'Today' }, { today: 'Hoy' });

// Formatters are made once per language: building an Intl formatter costs far more than using
// one, and long lists (history) format thousands of values.
const moneyFormats = new Map<string, Intl.NumberFormat | null>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

export function money(cents: number, currency: string): string {
  const key = `${currentLanguage()}|${currency}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(intlLocale(), { style: 'currency', currency });
    } catch {
      format = null; // not a currency code Intl knows
    }
    moneyFormats.set(key, format);
  }
  return format ? format.format(cents / 100) : `${(cents / 100).toFixed(2)} ${currency}`;
}

export function clockTime(epochMs: number): string {
  const language = currentLanguage();
  let format = clockFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit' });
    clockFormats.set(language, format);
  }
  return format.format(epochMs);
}

export function clockTimeWithSeconds(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(intlLocale(), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
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
export function requestedTime(iso: string | null, now: number): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const day = sameDay
    ? texts(WORDS).today
    : new Date(at).toLocaleDateString(intlLocale(), {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      });
  return `${day} ${clockTime(at)}`;
}

export function isSameLocalDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}
