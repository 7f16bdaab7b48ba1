// Store-local days as the history API takes them (YYYY-MM-DD in the store's time zone, which
// the store status reports), and the date ranges staff pick most. The ISO days are computed with
// the 'en-CA' format (YYYY-MM-DD) whatever the screen's language; only labels follow it.
import { intlLocale, type Language } from '../../i18n/language.js';
import { texts } from '../../i18n/texts.js';
import { HISTORY } from './texts.js';

/** Today's date where the store is (the browser's zone when the store's is unknown). */
export function localDay(epochMs: number, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(epochMs);
  } catch {
    return new Intl.DateTimeFormat('en-CA').format(epochMs); // unknown zone name
  }
}

/** `day` moved by `days` calendar days (no time zone involved: dates only). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface DayRange {
  from: string;
  to: string;
}

export const RANGE_PRESETS = ['today', 'yesterday', 'week', 'month', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** A preset's name ("Last 7 days") in the terminal's language. */
export function rangeLabel(preset: RangePreset, language: Language): string {
  return texts(HISTORY, language).range[preset];
}

/** The same on a narrow screen, where every filter must fit in one row ("7 days"). */
export function rangeShort(preset: RangePreset, language: Language): string {
  return texts(HISTORY, language).rangeShort[preset];
}

/** The days a preset covers; "all time" has no bounds (empty strings). */
export function presetRange(preset: RangePreset, today: string): DayRange {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'week':
      return { from: addDays(today, -6), to: today };
    case 'month':
      return { from: addDays(today, -29), to: today };
    case 'all':
      return { from: '', to: '' };
  }
}

/** Daily totals need bounds and take at most a year: an open range shows the last 12 months. */
export function totalsRange(range: DayRange, today: string): DayRange {
  const to = range.to || today;
  const earliest = addDays(to, -365);
  const from = range.from && range.from > earliest ? range.from : earliest;
  return { from: from > to ? to : from, to };
}

/** One formatter per language (the totals table labels a day per row group). */
const dayLabelFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon, Nov 23" / "lun, 23 nov" for a YYYY-MM-DD day, in the terminal's language. */
export function dayLabel(day: string, language: Language): string {
  let format = dayLabelFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    });
    dayLabelFormats.set(language, format);
  }
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return format.format(Date.UTC(y, m - 1, d));
}
