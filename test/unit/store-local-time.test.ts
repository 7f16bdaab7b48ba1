// Wall-clock math in the store's time zone: the day rollover and "until 17:30" on ordinary days
// and on both DST change days, plus a property check across many zones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRollover, resolveDuration } from '../../electron/core/store/durations.js';
import {
  describeLocalTime,
  instantAt,
  localParts,
  nextLocalTime,
  parseClockTime,
} from '../../shared/store-clock.js';
import { ApiError } from '../../electron/core/util/errors.js';

const NY = 'America/New_York';
const utc = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;
const offsetAt = (zone: string, at: number): number => {
  const p = localParts(zone, at);
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000
  );
};

describe('instantAt', () => {
  it('maps an ordinary local time to UTC with the offset of that day', () => {
    expect(instantAt(NY, { year: 2026, month: 1, day: 15 }, parseClockTime('04:00'))).toBe(
      utc('2026-01-15T09:00:00Z'),
    );
    expect(instantAt(NY, { year: 2026, month: 7, day: 15 }, parseClockTime('04:00'))).toBe(
      utc('2026-07-15T08:00:00Z'),
    );
    expect(
      instantAt('Asia/Kolkata', { year: 2026, month: 7, day: 15 }, parseClockTime('00:00')),
    ).toBe(utc('2026-07-14T18:30:00Z'));
  });

  it('resolves a time skipped by spring-forward to the instant the clocks jump (03:00 EDT)', () => {
    // 2026-03-08 in New York: 02:00 EST becomes 03:00 EDT at 07:00 UTC; 02:30 never happens.
    expect(instantAt(NY, { year: 2026, month: 3, day: 8 }, parseClockTime('02:30'))).toBe(
      utc('2026-03-08T07:00:00Z'),
    );
    expect(instantAt(NY, { year: 2026, month: 3, day: 8 }, parseClockTime('03:00'))).toBe(
      utc('2026-03-08T07:00:00Z'),
    );
    expect(instantAt(NY, { year: 2026, month: 3, day: 8 }, parseClockTime('01:59'))).toBe(
      utc('2026-03-08T06:59:00Z'),
    );
  });

  it('resolves a time repeated by fall-back to its first occurrence (EDT)', () => {
    // 2026-11-01 in New York: 01:00–02:00 happens twice, first EDT (UTC-4) then EST (UTC-5).
    expect(instantAt(NY, { year: 2026, month: 11, day: 1 }, parseClockTime('01:30'))).toBe(
      utc('2026-11-01T05:30:00Z'),
    );
    expect(instantAt(NY, { year: 2026, month: 11, day: 1 }, parseClockTime('02:00'))).toBe(
      utc('2026-11-01T07:00:00Z'),
    );
  });

  it('treats 24:00 as the next midnight', () => {
    expect(instantAt(NY, { year: 2026, month: 3, day: 7 }, 1440)).toBe(utc('2026-03-08T05:00:00Z'));
  });
});

describe('day rollover ("rest of today")', () => {
  const at0400 = { timeZone: NY, dayRolloverTime: '04:00' };

  it('ends a business day at the next 04:00 local, after midnight when it is already evening', () => {
    // 23:00 EST on Jan 15 → 04:00 EST Jan 16 = 09:00 UTC, five hours later.
    expect(nextRollover(at0400, utc('2026-01-16T04:00:00Z'))).toBe(utc('2026-01-16T09:00:00Z'));
    // 02:00 local is still "today" (before the rollover): ends at 04:00 the same date.
    expect(nextRollover(at0400, utc('2026-01-16T07:00:00Z'))).toBe(utc('2026-01-16T09:00:00Z'));
    // Exactly at the rollover: the day that starts now ends at the next one.
    expect(nextRollover(at0400, utc('2026-01-16T09:00:00Z'))).toBe(utc('2026-01-17T09:00:00Z'));
  });

  it('is four real hours from 23:00 on the night the clocks spring forward (March)', () => {
    const eveningBefore = utc('2026-03-08T04:00:00Z'); // 23:00 EST, Mar 7
    const end = nextRollover(at0400, eveningBefore);
    expect(end).toBe(utc('2026-03-08T08:00:00Z')); // 04:00 EDT
    expect(end - eveningBefore).toBe(4 * HOUR);
    expect(localParts(NY, end)).toMatchObject({ day: 8, hour: 4, minute: 0 });
  });

  it('is six real hours from 23:00 on the night the clocks fall back (November)', () => {
    const eveningBefore = utc('2026-11-01T03:00:00Z'); // 23:00 EDT, Oct 31
    const end = nextRollover(at0400, eveningBefore);
    expect(end).toBe(utc('2026-11-01T09:00:00Z')); // 04:00 EST
    expect(end - eveningBefore).toBe(6 * HOUR);
  });

  it('a rollover set inside the skipped or repeated hour still happens exactly once that night', () => {
    const spring = { timeZone: NY, dayRolloverTime: '02:30' };
    expect(nextRollover(spring, utc('2026-03-08T04:00:00Z'))).toBe(utc('2026-03-08T07:00:00Z'));
    expect(nextRollover(spring, utc('2026-03-08T07:00:00Z'))).toBe(utc('2026-03-09T06:30:00Z'));
    const fall = { timeZone: NY, dayRolloverTime: '01:30' };
    const first = nextRollover(fall, utc('2026-11-01T03:00:00Z'));
    expect(first).toBe(utc('2026-11-01T05:30:00Z')); // 01:30 EDT
    // After it, the second 01:30 (EST) of the same date is not another rollover.
    expect(nextRollover(fall, first)).toBe(utc('2026-11-02T06:30:00Z'));
  });
});

describe('resolveDuration', () => {
  const settings = { timeZone: NY, dayRolloverTime: '04:00' };
  const now = utc('2026-11-23T12:00:00Z'); // 07:00 EST

  it('turns every way of saying "how long" into one end instant', () => {
    expect(resolveDuration({ minutes: 30 }, settings, now)).toEqual({
      mode: 'minutes',
      until: now + 30 * 60_000,
    });
    expect(resolveDuration({ hours: 1.5 }, settings, now)).toEqual({
      mode: 'hours',
      until: now + 1.5 * HOUR,
    });
    expect(resolveDuration({ until: '17:30' }, settings, now)).toEqual({
      mode: 'until',
      until: utc('2026-11-23T22:30:00Z'),
    });
    expect(resolveDuration({ until: '06:00' }, settings, now)).toEqual({
      mode: 'until',
      until: utc('2026-11-24T11:00:00Z'),
    });
    expect(resolveDuration({ restOfDay: true }, settings, now)).toEqual({
      mode: 'rest_of_day',
      until: utc('2026-11-24T09:00:00Z'),
    });
    expect(resolveDuration({}, settings, now)).toEqual({ mode: 'indefinite', until: null });
  });

  it('refuses two durations at once and an end in the past, naming the field', () => {
    const both = (): unknown => resolveDuration({ minutes: 5, until: '17:30' }, settings, now);
    expect(both).toThrow(ApiError);
    expect(both).toThrow(/body\.until: give only one of minutes, until/);
    expect(() => resolveDuration({ until: now - 1 }, settings, now)).toThrow(
      /body\.until: must be in the future/,
    );
  });
});

describe('describeLocalTime', () => {
  const now = utc('2026-11-23T12:00:00Z'); // Monday 07:00 EST
  it('gives the time alone today, the weekday within a week, the date beyond', () => {
    expect(describeLocalTime(NY, utc('2026-11-23T22:30:00Z'), now)).toBe('17:30');
    expect(describeLocalTime(NY, utc('2026-11-24T16:00:00Z'), now)).toBe('Tue 11:00');
    expect(describeLocalTime(NY, utc('2026-12-24T16:00:00Z'), now)).toBe('2026-12-24 11:00');
  });
});

describe('nextLocalTime (property)', () => {
  const zones = [
    'America/New_York',
    'Europe/London',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Kolkata',
    'UTC',
  ];
  it('is the first instant after now whose wall clock shows the wanted time, or the jump past it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, now, minute) => {
          const t = nextLocalTime(zone, now, minute);
          expect(t).toBeGreaterThan(now);
          expect(t - now).toBeLessThanOrEqual(25 * HOUR);
          const p = localParts(zone, t);
          if (p.hour * 60 + p.minute !== minute || p.second !== 0) {
            // Only in a DST gap: the wall clock jumps over the wanted time exactly at t.
            expect(offsetAt(zone, t - 1)).not.toBe(offsetAt(zone, t));
            expect(p.hour * 60 + p.minute).toBeGreaterThan(minute);
          }
          // No earlier instant after now shows the wanted time (checked a minute at a time).
          for (let probe = t - 60_000; probe > now; probe -= 60_000) {
            const q = localParts(zone, probe);
            expect(q.hour * 60 + q.minute === minute && q.second === 0).toBe(false);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
