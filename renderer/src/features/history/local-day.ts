// Store-local days as the history API takes them (YYYY-MM-DD in the store's time zone, which
// the store status reports), and the date ranges staff pick most.

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

export const RANGE_LABEL: Record<RangePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  week: 'Last 7 days',
  month: 'Last 30 days',
  all: 'All time',
};

/** The same on a narrow screen, where every filter must fit in one row. */
export const RANGE_SHORT: Record<RangePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  week: '7 days',
  month: '30 days',
  all: 'All',
};

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

/** "Mon 23 Nov" for a YYYY-MM-DD day. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
}
