// Zone-correct parts, wall-time conversion, DST arithmetic, labels and human formatting.
import {
  addDaysInZone,
  formatDateTime,
  formatDay,
  formatRange,
  formatTime,
  isValidTimeZone,
  parseIsoInstant,
  startOfDayInZone,
  utcOffsetLabel,
  zonedParts,
  zonedToEpoch,
  zoneLabel,
} from '../../src/domain/time';

const HOUR = 3_600_000;
const iso = (text: string): number => Date.parse(text);

describe('zonedParts', () => {
  it.each([
    ['2026-03-03T13:30:00Z', 'Europe/Berlin', { year: 2026, month: 3, day: 3, hour: 14, minute: 30, second: 0, weekday: 2 }],
    ['2026-03-03T13:30:00Z', 'America/Los_Angeles', { year: 2026, month: 3, day: 3, hour: 5, minute: 30, second: 0, weekday: 2 }],
    ['2026-03-03T13:30:45Z', 'Asia/Kolkata', { year: 2026, month: 3, day: 3, hour: 19, minute: 0, second: 45, weekday: 2 }],
    ['2026-03-03T13:30:00Z', 'Asia/Kathmandu', { year: 2026, month: 3, day: 3, hour: 19, minute: 15, second: 0, weekday: 2 }],
    ['2026-03-03T13:30:00Z', 'Australia/Sydney', { year: 2026, month: 3, day: 4, hour: 0, minute: 30, second: 0, weekday: 3 }],
    ['2026-01-01T00:00:00Z', 'Pacific/Kiritimati', { year: 2026, month: 1, day: 1, hour: 14, minute: 0, second: 0, weekday: 4 }],
    ['2026-01-01T00:00:00Z', 'Pacific/Pago_Pago', { year: 2025, month: 12, day: 31, hour: 13, minute: 0, second: 0, weekday: 3 }],
    ['2026-03-01T00:00:00Z', 'UTC', { year: 2026, month: 3, day: 1, hour: 0, minute: 0, second: 0, weekday: 0 }],
  ])('%s in %s', (instant, zone, expected) => {
    expect(zonedParts(iso(instant), zone)).toEqual(expected);
  });

  it('reads midnight as hour 0', () => {
    expect(zonedParts(iso('2026-03-02T23:00:00Z'), 'Europe/Berlin').hour).toBe(0);
  });
});

describe('zonedToEpoch', () => {
  it.each([
    [{ year: 2026, month: 3, day: 3, hour: 14, minute: 30 }, 'Europe/Berlin', '2026-03-03T13:30:00.000Z'],
    [{ year: 2026, month: 7, day: 1, hour: 9 }, 'Europe/Berlin', '2026-07-01T07:00:00.000Z'],
    [{ year: 2026, month: 3, day: 3 }, 'Asia/Kolkata', '2026-03-02T18:30:00.000Z'],
    [{ year: 2026, month: 3, day: 3, hour: 9 }, 'Asia/Kathmandu', '2026-03-03T03:15:00.000Z'],
    [{ year: 2026, month: 1, day: 15, hour: 9 }, 'Australia/Sydney', '2026-01-14T22:00:00.000Z'],
    [{ year: 2026, month: 7, day: 15, hour: 9 }, 'Australia/Sydney', '2026-07-14T23:00:00.000Z'],
    // Day overflow rolls into the next month, which day arithmetic relies on.
    [{ year: 2026, month: 2, day: 29, hour: 9 }, 'Europe/Berlin', '2026-03-01T08:00:00.000Z'],
  ])('%j in %s', (parts, zone, expected) => {
    expect(new Date(zonedToEpoch(parts, zone)).toISOString()).toBe(expected);
  });

  it.each([
    // Spring forward: 02:00-02:59 does not exist; it moves forward by the gap (02:30 -> 03:30 summer time).
    [{ year: 2026, month: 3, day: 29, hour: 2, minute: 0 }, 'Europe/Berlin', '2026-03-29T01:00:00.000Z'],
    [{ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    [{ year: 2026, month: 3, day: 29, hour: 3, minute: 0 }, 'Europe/Berlin', '2026-03-29T01:00:00.000Z'],
    [{ year: 2026, month: 3, day: 29, hour: 1, minute: 59 }, 'Europe/Berlin', '2026-03-29T00:59:00.000Z'],
    [{ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York', '2026-03-08T07:30:00.000Z'],
    [{ year: 2026, month: 10, day: 4, hour: 2, minute: 30 }, 'Australia/Sydney', '2026-10-03T16:30:00.000Z'],
  ])('gap: %j in %s -> after the gap', (parts, zone, expected) => {
    expect(new Date(zonedToEpoch(parts, zone)).toISOString()).toBe(expected);
    const local = zonedParts(zonedToEpoch(parts, zone), zone);
    expect(local.hour).toBe((parts.hour ?? 0) === 2 ? 3 : parts.hour);
  });

  it.each([
    // Fall back: 02:00-02:59 happens twice; the first (summer time) one wins.
    [{ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    [{ year: 2026, month: 10, day: 25, hour: 3, minute: 0 }, 'Europe/Berlin', '2026-10-25T02:00:00.000Z'],
    [{ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York', '2026-11-01T05:30:00.000Z'],
    [{ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, 'Australia/Sydney', '2026-04-04T15:30:00.000Z'],
  ])('overlap: %j in %s -> the earlier instant', (parts, zone, expected) => {
    expect(new Date(zonedToEpoch(parts, zone)).toISOString()).toBe(expected);
  });

  it('round-trips every quarter hour of a year in several zones', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/Santiago']) {
      for (let t = iso('2026-01-01T00:00:00Z'); t < iso('2027-01-01T00:00:00Z'); t += 7 * HOUR + 15 * 60_000) {
        const p = zonedParts(t, zone);
        const back = zonedToEpoch(p, zone);
        // Equal, or the earlier twin of a repeated wall time.
        expect(back === t || (back === t - HOUR && zonedParts(back, zone).hour === p.hour)).toBe(true);
      }
    }
  });
});

describe('addDaysInZone and startOfDayInZone', () => {
  it.each([
    ['Europe/Berlin', '2026-03-28T08:00:00Z', 1, '2026-03-29T07:00:00.000Z'],
    ['Europe/Berlin', '2026-03-27T08:00:00Z', 3, '2026-03-30T07:00:00.000Z'],
    ['Europe/Berlin', '2026-10-24T07:00:00Z', 1, '2026-10-25T08:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25T08:00:00Z', -1, '2026-10-24T07:00:00.000Z'],
    ['America/New_York', '2026-03-07T14:00:00Z', 1, '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-10-31T13:00:00Z', 1, '2026-11-01T14:00:00.000Z'],
    ['Australia/Sydney', '2026-04-03T22:00:00Z', 1, '2026-04-04T23:00:00.000Z'],
    ['Australia/Sydney', '2026-10-02T23:00:00Z', 2, '2026-10-04T22:00:00.000Z'],
  ])('%s: 09:00 local at %s plus %i days stays 09:00', (zone, start, days, expected) => {
    const result = addDaysInZone(iso(start), days, zone);
    expect(new Date(result).toISOString()).toBe(expected);
    expect(zonedParts(result, zone)).toMatchObject({ hour: 9, minute: 0 });
  });

  it('keeps seconds and milliseconds', () => {
    const t = iso('2026-03-28T08:15:42.123Z');
    expect(addDaysInZone(t, 1, 'Europe/Berlin') - t).toBe(23 * HOUR);
    expect(new Date(addDaysInZone(t, 1, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T07:15:42.123Z');
  });

  it('crosses month and year ends', () => {
    expect(new Date(addDaysInZone(iso('2026-12-31T08:00:00Z'), 1, 'Europe/Berlin')).toISOString()).toBe('2027-01-01T08:00:00.000Z');
    expect(new Date(addDaysInZone(iso('2028-02-28T08:00:00Z'), 1, 'Europe/Berlin')).toISOString()).toBe('2028-02-29T08:00:00.000Z');
  });

  it.each([
    ['Europe/Berlin', '2026-03-29T12:00:00Z', '2026-03-28T23:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25T12:00:00Z', '2026-10-24T22:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-03T07:00:00Z', '2026-03-02T08:00:00.000Z'],
    ['Asia/Kolkata', '2026-03-03T20:00:00Z', '2026-03-03T18:30:00.000Z'],
    ['Asia/Kathmandu', '2026-03-03T10:00:00Z', '2026-03-02T18:15:00.000Z'],
    // Santiago springs forward at midnight: the day starts at 01:00.
    ['America/Santiago', '2026-09-06T15:00:00Z', '2026-09-06T04:00:00.000Z'],
  ])('start of day in %s for %s', (zone, instant, expected) => {
    expect(new Date(startOfDayInZone(iso(instant), zone)).toISOString()).toBe(expected);
  });
});

describe('labels', () => {
  it.each([
    ['2026-03-03T13:30:00Z', 'Europe/Berlin', 'UTC+1', 'CET'],
    ['2026-07-03T13:30:00Z', 'Europe/Berlin', 'UTC+2', 'CEST'],
    ['2026-03-03T13:30:00Z', 'America/New_York', 'UTC-5', 'EST'],
    ['2026-07-03T13:30:00Z', 'America/New_York', 'UTC-4', 'EDT'],
    ['2026-07-03T13:30:00Z', 'America/Los_Angeles', 'UTC-7', 'PDT'],
    ['2026-03-03T13:30:00Z', 'Europe/London', 'UTC', 'GMT'],
    ['2026-07-03T13:30:00Z', 'Europe/London', 'UTC+1', 'BST'],
    ['2026-03-03T13:30:00Z', 'Asia/Kolkata', 'UTC+5:30', 'UTC+5:30'],
    ['2026-03-03T13:30:00Z', 'Asia/Kathmandu', 'UTC+5:45', 'UTC+5:45'],
    ['2026-03-03T13:30:00Z', 'Australia/Sydney', 'UTC+11', 'UTC+11'],
    ['2026-07-03T13:30:00Z', 'Australia/Sydney', 'UTC+10', 'UTC+10'],
    ['2026-03-03T13:30:00Z', 'America/St_Johns', 'UTC-3:30', 'UTC-3:30'],
    ['2026-03-03T13:30:00Z', 'UTC', 'UTC', 'UTC'],
  ])('%s in %s: %s / %s', (instant, zone, offset, label) => {
    expect(utcOffsetLabel(iso(instant), zone)).toBe(offset);
    expect(zoneLabel(iso(instant), zone)).toBe(label);
    expect(zoneLabel(iso(instant), zone)).not.toMatch(/^GMT[+-]/);
  });

  it('uses the locale abbreviation when it has one', () => {
    expect(zoneLabel(iso('2026-03-03T13:30:00Z'), 'Europe/Berlin', 'de')).toBe('MEZ');
    expect(zoneLabel(iso('2026-03-03T13:30:00Z'), 'America/New_York', 'en-US')).toBe('EST');
  });
});

describe('formatting', () => {
  const t = iso('2026-03-03T13:30:00Z');

  it('formats for the host and the attendee zone differently', () => {
    expect(formatDateTime(t, 'Europe/Berlin')).toBe('Tuesday, 3 March 2026, 14:30 CET (UTC+1)');
    expect(formatDateTime(t, 'Europe/Berlin', 'en')).toBe('Tuesday, 3 March 2026, 14:30 CET (UTC+1)');
    expect(formatDateTime(t, 'America/Los_Angeles')).toBe('Tuesday, 3 March 2026, 05:30 PST (UTC-8)');
    expect(formatDateTime(t, 'America/Los_Angeles', 'en-US')).toBe('Tuesday, March 3, 2026, 5:30 AM PST (UTC-8)');
    expect(formatDateTime(iso('2026-03-03T19:30:00Z'), 'America/New_York', 'en-US')).toBe('Tuesday, March 3, 2026, 2:30 PM EST (UTC-5)');
  });

  it.each([
    ['Asia/Kolkata', 'Tuesday, 3 March 2026, 19:00 UTC+5:30'],
    ['Asia/Kathmandu', 'Tuesday, 3 March 2026, 19:15 UTC+5:45'],
    ['Australia/Sydney', 'Wednesday, 4 March 2026, 00:30 UTC+11'],
    ['UTC', 'Tuesday, 3 March 2026, 13:30 UTC'],
    ['Europe/London', 'Tuesday, 3 March 2026, 13:30 GMT (UTC)'],
  ])('omits the parenthesis when the label is an offset: %s', (zone, expected) => {
    expect(formatDateTime(t, zone)).toBe(expected);
  });

  it('uses the reader language', () => {
    expect(formatDateTime(t, 'Europe/Berlin', 'de')).toBe('Dienstag, 3. März 2026, 14:30 MEZ (UTC+1)');
  });

  it('never contains exotic spaces', () => {
    for (const locale of ['en', 'en-US', 'de', 'fr', 'es', 'pt-BR', 'hi']) {
      expect(formatDateTime(t, 'America/New_York', locale)).not.toMatch(/[\u00A0\u202F\u2009]/);
    }
  });

  it('formats day and time alone', () => {
    expect(formatTime(t, 'Europe/Berlin')).toBe('14:30');
    expect(formatTime(t, 'Europe/Berlin', 'en-US')).toBe('2:30 PM');
    expect(formatDay(t, 'Europe/Berlin')).toBe('Tuesday, 3 March 2026');
    expect(formatDay(t, 'America/Los_Angeles', 'en-US')).toBe('Tuesday, March 3, 2026');
  });

  it('formats ranges', () => {
    expect(formatRange(t, t + HOUR / 2, 'Europe/Berlin')).toBe('Tuesday, 3 March 2026, 14:30–15:00 CET (UTC+1)');
    expect(formatRange(t, t + HOUR / 2, 'America/New_York', 'en-US')).toBe('Tuesday, March 3, 2026, 8:30 AM–9:00 AM EST (UTC-5)');
    // Ending at midnight is still the same day.
    expect(formatRange(iso('2026-03-03T22:00:00Z'), iso('2026-03-03T23:00:00Z'), 'Europe/Berlin')).toBe(
      'Tuesday, 3 March 2026, 23:00–00:00 CET (UTC+1)',
    );
    expect(formatRange(iso('2026-03-03T22:00:00Z'), iso('2026-03-04T00:00:00Z'), 'Europe/Berlin')).toBe(
      'Tuesday, 3 March 2026, 23:00 CET (UTC+1) – Wednesday, 4 March 2026, 01:00 CET (UTC+1)',
    );
    // A DST change inside the range labels both ends.
    expect(formatRange(iso('2026-03-29T00:30:00Z'), iso('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe(
      'Sunday, 29 March 2026, 01:30 CET (UTC+1) – 03:30 CEST (UTC+2)',
    );
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kathmandu', 'UTC', 'Etc/GMT+5'])('%s is valid', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });
  it.each(['', ' ', 'Mars/Olympus', 'Europe/Berlinn', 'CET+1'])('%j is not', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('parseIsoInstant', () => {
  it.each([
    ['2026-03-03T13:30:00Z', '2026-03-03T13:30:00.000Z'],
    ['2026-03-03T13:30Z', '2026-03-03T13:30:00.000Z'],
    ['2026-03-03t13:30:00z', '2026-03-03T13:30:00.000Z'],
    ['2026-03-03T14:30:00+01:00', '2026-03-03T13:30:00.000Z'],
    ['2026-03-03T14:30:00+0100', '2026-03-03T13:30:00.000Z'],
    ['2026-03-03T08:30:00-05:00', '2026-03-03T13:30:00.000Z'],
    ['2026-03-03T19:15:00+05:45', '2026-03-03T13:30:00.000Z'],
    ['2026-03-03T13:30:00.123Z', '2026-03-03T13:30:00.123Z'],
    ['2026-03-03T13:30:00.123456789Z', '2026-03-03T13:30:00.123Z'],
    ['2026-03-03 13:30:00Z', '2026-03-03T13:30:00.000Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('%s', (text, expected) => {
    const parsed = parseIsoInstant(text);
    expect(parsed === null ? null : new Date(parsed).toISOString()).toBe(expected);
  });

  it.each([
    '2026-03-03T13:30:00',
    '2026-03-03',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-03-03T24:00:00Z',
    '2026-03-03T13:60:00Z',
    '2026-03-03T13:30:61Z',
    '2026-03-03T13:30:00+25:00',
    'Tue, 03 Mar 2026 13:30:00 GMT',
    '1772544600000',
    '',
  ])('%j is refused', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});
