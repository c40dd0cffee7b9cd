// Table tests of the time module's guards and branches: each row trips one of them, with the exact result.
import {
  formatDateTime,
  formatDay,
  formatRange,
  isValidTimeZone,
  parseIsoInstant,
  plainSpaces,
  utcOffsetLabel,
  zonedParts,
  zonedToEpoch,
  zoneLabel,
} from '../../src/domain/time';

const iso = (text: string): number => Date.parse(text);
const utcYear = (year: number, month: number, day: number): number => new Date(0).setUTCFullYear(year, month - 1, day);
const t = iso('2026-03-03T13:30:00Z'); // Tuesday 14:30 in Berlin

describe('formatters are made once per zone and options', () => {
  // First in the file: the caches live as long as the module, and these zones are new to it.
  afterEach(() => jest.restoreAllMocks());

  it('zonedParts reuses the formatter of a zone', () => {
    const made = jest.spyOn(Intl, 'DateTimeFormat');
    zonedParts(t, 'Asia/Tokyo');
    zonedParts(t + 1000, 'Asia/Tokyo');
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(made).toHaveBeenCalledTimes(1);
  });

  it('formatDay reuses the formatter of a locale and zone', () => {
    const made = jest.spyOn(Intl, 'DateTimeFormat');
    expect(formatDay(t, 'Asia/Seoul')).toBe('Tuesday, 3 March 2026');
    expect(formatDay(t + 86_400_000, 'Asia/Seoul')).toBe('Wednesday, 4 March 2026');
    expect(made).toHaveBeenCalledTimes(1);
  });
});

describe('zonedParts before year 1', () => {
  it.each([
    // The formatter says 1 BC and 2 BC; astronomical years count 0 and -1, as Date does.
    [utcYear(0, 6, 1), 'UTC', { year: 0, month: 6, day: 1, hour: 0, minute: 0, second: 0, weekday: 4 }],
    [utcYear(-1, 12, 31), 'UTC', { year: -1, month: 12, day: 31, hour: 0, minute: 0, second: 0, weekday: 5 }],
    // Tokyo's local mean time, +9:18:59, before standard time.
    [utcYear(-1, 12, 31), 'Asia/Tokyo', { year: -1, month: 12, day: 31, hour: 9, minute: 18, second: 59, weekday: 5 }],
    [utcYear(1, 1, 1), 'UTC', { year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, weekday: 1 }],
  ])('%i in %s', (instant, zone, expected) => {
    expect(zonedParts(instant, zone)).toEqual(expected);
    expect(zonedToEpoch(expected, zone)).toBe(instant);
  });
});

describe('zonedToEpoch, each way of choosing the offset', () => {
  it.each([
    // Australia/Adelaide, half-hour zone: +9:30 until 02:00 on 4 October 2026, then +10:30; back at 03:00 on 5 April.
    [
      'Adelaide, before the spring change that day',
      { year: 2026, month: 10, day: 4, hour: 1 },
      'Australia/Adelaide',
      '2026-10-03T15:30:00.000Z',
    ],
    [
      'Adelaide, in the spring gap',
      { year: 2026, month: 10, day: 4, hour: 2, minute: 30 },
      'Australia/Adelaide',
      '2026-10-03T17:00:00.000Z',
    ],
    [
      'Adelaide, after the spring change that day',
      { year: 2026, month: 10, day: 4, hour: 12 },
      'Australia/Adelaide',
      '2026-10-04T01:30:00.000Z',
    ],
    [
      'Adelaide, repeated at fall back',
      { year: 2026, month: 4, day: 5, hour: 2, minute: 30 },
      'Australia/Adelaide',
      '2026-04-04T16:00:00.000Z',
    ],
    ['Berlin, after the spring change that day', { year: 2026, month: 3, day: 29, hour: 12 }, 'Europe/Berlin', '2026-03-29T10:00:00.000Z'],
    ['Berlin, before the autumn change that day', { year: 2026, month: 10, day: 25, hour: 1 }, 'Europe/Berlin', '2026-10-24T23:00:00.000Z'],
    [
      'New York, a minute before the gap',
      { year: 2026, month: 3, day: 8, hour: 1, minute: 59 },
      'America/New_York',
      '2026-03-08T06:59:00.000Z',
    ],
    [
      'New York, after the autumn change that day',
      { year: 2026, month: 11, day: 1, hour: 12 },
      'America/New_York',
      '2026-11-01T17:00:00.000Z',
    ],
    ['Kolkata, no DST', { year: 2026, month: 10, day: 4, hour: 2, minute: 30 }, 'Asia/Kolkata', '2026-10-03T21:00:00.000Z'],
  ])('%s', (_, parts, zone, expected) => {
    expect(new Date(zonedToEpoch(parts, zone)).toISOString()).toBe(expected);
  });
});

describe('isValidTimeZone refuses what is not a name', () => {
  // Intl would take undefined as the machine's own zone.
  it.each([undefined, null, 42, {}])('%j', (zone) => {
    expect(isValidTimeZone(zone as unknown as string)).toBe(false);
  });
});

describe('utcOffsetLabel pads minutes below ten', () => {
  it.each([
    // Paris mean time, +0:09:21, and Maputo's local mean time, +2:10:20, in 1900.
    ['1900-06-01T00:00:00Z', 'Europe/Paris', 'UTC+0:09'],
    ['1900-06-01T00:00:00Z', 'Africa/Maputo', 'UTC+2:10'],
    ['2026-03-03T13:30:00Z', 'Australia/Adelaide', 'UTC+10:30'],
    ['2026-07-03T13:30:00Z', 'Australia/Adelaide', 'UTC+9:30'],
  ])('%s in %s: %s', (instant, zone, label) => {
    expect(utcOffsetLabel(iso(instant), zone)).toBe(label);
  });
});

describe('zoneLabel falls back through English', () => {
  it.each([
    // French says 'UTC+1' and American English 'GMT+1' for Berlin: British English has 'CET'.
    ['fr', 'Europe/Berlin', 'CET'],
    ['fr', 'America/New_York', 'EST'],
    // Persian ends in letters ('+۱ گرینویچ') but is not an abbreviation.
    ['fa', 'Europe/Berlin', 'CET'],
    // A locale Intl refuses is skipped, not fatal.
    ['not a locale', 'Europe/Berlin', 'CET'],
    ['not a locale', 'Asia/Kolkata', 'UTC+5:30'],
  ])('%s, %s: %s', (locale, zone, label) => {
    expect(zoneLabel(t, zone, locale)).toBe(label);
  });
});

describe('plainSpaces', () => {
  it('turns no-break, narrow no-break and thin spaces into plain ones', () => {
    expect(plainSpaces('2:30\u202FPM\u00A0on 3\u2009March')).toBe('2:30 PM on 3 March');
  });
});

describe('formatDateTime separates day and time in the reader’s script', () => {
  it.each([
    ['ar', 'الثلاثاء، 3 مارس 2026، 2:30 م CET (UTC+1)'],
    ['ur', 'منگل، 3 مارچ، 2026، 2:30 PM CET (UTC+1)'],
    // Argentine Spanish ends in 'AR' but writes Latin commas.
    ['es-AR', 'martes, 3 de marzo de 2026, 2:30 p. m. CET (UTC+1)'],
    [undefined, 'Tuesday, 3 March 2026, 14:30 CET (UTC+1)'],
  ])('%s', (locale, expected) => {
    expect(formatDateTime(t, 'Europe/Berlin', locale)).toBe(expected);
  });
});

describe('formatRange compares the whole date', () => {
  it.each([
    [
      'same day number, next month',
      '2026-04-03T12:30:00Z',
      'Tuesday, 3 March 2026, 14:30 CET (UTC+1) – Friday, 3 April 2026, 14:30 CEST (UTC+2)',
    ],
    [
      'same day and month, next year',
      '2027-03-03T13:30:00Z',
      'Tuesday, 3 March 2026, 14:30 CET (UTC+1) – Wednesday, 3 March 2027, 14:30 CET (UTC+1)',
    ],
  ])('%s', (_, end, expected) => {
    expect(formatRange(t, iso(end), 'Europe/Berlin')).toBe(expected);
  });

  it('keeps an empty range at midnight on its own day', () => {
    const midnight = iso('2026-03-03T23:00:00Z');
    expect(formatRange(midnight, midnight, 'Europe/Berlin')).toBe('Wednesday, 4 March 2026, 00:00–00:00 CET (UTC+1)');
  });
});

describe('parseIsoInstant, one guard at a time', () => {
  it.each([
    [' 2026-03-03T13:30:00Z\n', '2026-03-03T13:30:00.000Z'],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2026-12-31T23:59:59.000Z'],
    ['2026-03-01T00:00:00+23:59', '2026-02-28T00:01:00.000Z'],
    ['2026-03-01T00:00:00-23:59', '2026-03-01T23:59:00.000Z'],
  ])('%j', (text, expected) => {
    const parsed = parseIsoInstant(text);
    expect(parsed === null ? null : new Date(parsed).toISOString()).toBe(expected);
  });

  it.each([
    '2026-00-10T00:00:00Z',
    '2026-03-00T00:00:00Z',
    '2026-03-03T13:30:00+05:60',
    '2026-03-03T13:30:00+24:00',
    '2026-03-03T13:30:00Zjunk',
    'on 2026-03-03T13:30:00Z',
    undefined,
    null,
    1772544600000,
  ])('%j is refused', (text) => {
    expect(parseIsoInstant(text as unknown as string)).toBeNull();
  });
});
