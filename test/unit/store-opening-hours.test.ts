// Opening hours and closed days in the store's zone: open / closed at an instant, the next
// opening, the next change, ranges past midnight, and the DST nights.
import { describe, expect, it } from 'vitest';
import { OpeningSchedule } from '../../electron/core/store/opening-hours.js';

const NY = 'America/New_York';
const utc = (iso: string): number => Date.parse(iso);

// Mon–Fri lunch and dinner, Saturday late into the night, closed on Sunday.
const hours = {
  mon: ['11:00-14:30', '17:00-22:00'],
  tue: ['11:00-14:30', '17:00-22:00'],
  wed: ['11:00-14:30', '17:00-22:00'],
  thu: ['11:00-14:30', '17:00-22:00'],
  fri: ['11:00-14:30', '17:00-22:00'],
  sat: ['12:00-02:00'],
};

describe('OpeningSchedule', () => {
  const s = new OpeningSchedule(NY, hours, ['2026-11-26']); // Thanksgiving

  it('is always open, with no changes, when nothing is configured', () => {
    const none = new OpeningSchedule(NY, undefined, []);
    expect(none.configured).toBe(false);
    expect(none.isOpen(utc('2026-11-23T08:00:00Z'))).toBe(true);
    expect(none.nextChange(utc('2026-11-23T08:00:00Z'))).toBeNull();
  });

  it('knows open from closed in local time and when the next opening is', () => {
    // Monday 2026-11-23, 07:00 EST: closed, opens at 11:00 EST = 16:00 UTC.
    expect(s.isOpen(utc('2026-11-23T12:00:00Z'))).toBe(false);
    expect(s.nextOpening(utc('2026-11-23T12:00:00Z'))).toBe(utc('2026-11-23T16:00:00Z'));
    expect(s.nextChange(utc('2026-11-23T12:00:00Z'))).toBe(utc('2026-11-23T16:00:00Z'));
    // 12:00 local: open; the next change is the 14:30 close; the opening is "now".
    expect(s.isOpen(utc('2026-11-23T17:00:00Z'))).toBe(true);
    expect(s.nextOpening(utc('2026-11-23T17:00:00Z'))).toBe(utc('2026-11-23T17:00:00Z'));
    expect(s.nextChange(utc('2026-11-23T17:00:00Z'))).toBe(utc('2026-11-23T19:30:00Z'));
    // The close itself is closed (half-open interval); the afternoon gap reopens at 17:00.
    expect(s.isOpen(utc('2026-11-23T19:30:00Z'))).toBe(false);
    expect(s.nextOpening(utc('2026-11-23T19:30:00Z'))).toBe(utc('2026-11-23T22:00:00Z'));
  });

  it('skips a closed day and a weekday without hours', () => {
    // Wednesday 22:30 → Thursday is Thanksgiving → Friday 11:00.
    expect(s.nextOpening(utc('2026-11-26T03:30:00Z'))).toBe(utc('2026-11-27T16:00:00Z'));
    // Sunday is closed all day: from Sunday noon the next opening is Monday 11:00.
    expect(s.isOpen(utc('2026-11-29T17:00:00Z'))).toBe(false);
    expect(s.nextOpening(utc('2026-11-29T17:00:00Z'))).toBe(utc('2026-11-30T16:00:00Z'));
  });

  it('keeps Saturday open past midnight into Sunday', () => {
    expect(s.isOpen(utc('2026-11-29T06:30:00Z'))).toBe(true); // Sun 01:30 EST
    expect(s.nextChange(utc('2026-11-29T06:30:00Z'))).toBe(utc('2026-11-29T07:00:00Z')); // 02:00
    expect(s.isOpen(utc('2026-11-29T07:00:00Z'))).toBe(false);
  });

  it('on the fall-back night, a Saturday 12:00–02:00 lasts an extra real hour', () => {
    // Sat 2026-10-31 12:00 EDT (16:00 UTC) to Sun 02:00 EST (07:00 UTC): 15 real hours.
    const opening = s.nextOpening(utc('2026-10-31T12:00:00Z'))!;
    expect(opening).toBe(utc('2026-10-31T16:00:00Z'));
    expect(s.nextChange(opening)).toBe(utc('2026-11-01T07:00:00Z'));
    expect(s.isOpen(utc('2026-11-01T06:30:00Z'))).toBe(true); // the second 01:30
  });

  it('on the spring-forward night, the same range is an hour shorter', () => {
    // Sat 2026-03-07 12:00 EST (17:00 UTC) to Sun 02:00 — which does not exist — so the jump, 03:00 EDT (07:00 UTC).
    expect(s.nextChange(utc('2026-03-07T18:00:00Z'))).toBe(utc('2026-03-08T07:00:00Z'));
  });

  it('with closed days alone, is open all day on other days and closed on those', () => {
    const holidays = new OpeningSchedule(NY, undefined, ['2026-12-25']);
    expect(holidays.configured).toBe(true);
    expect(holidays.isOpen(utc('2026-12-24T20:00:00Z'))).toBe(true);
    expect(holidays.nextChange(utc('2026-12-24T20:00:00Z'))).toBe(utc('2026-12-25T05:00:00Z'));
    expect(holidays.isOpen(utc('2026-12-25T17:00:00Z'))).toBe(false);
    expect(holidays.nextOpening(utc('2026-12-25T17:00:00Z'))).toBe(utc('2026-12-26T05:00:00Z'));
    // Open across many days at a stretch: the next change is found beyond the first window.
    expect(holidays.nextChange(utc('2026-11-01T12:00:00Z'))).toBe(utc('2026-12-25T05:00:00Z'));
  });

  it('never opens when every weekday is empty: closed until further notice', () => {
    const never = new OpeningSchedule(NY, {}, []);
    expect(never.isOpen(utc('2026-11-23T17:00:00Z'))).toBe(false);
    expect(never.nextOpening(utc('2026-11-23T17:00:00Z'))).toBeNull();
  });
});
