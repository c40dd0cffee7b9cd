// The series phrase in words: each rule Google's editor makes, COUNT / UNTIL / EXDATE, the fallback, other zones and all languages.
import { textsFor } from '../../src/domain/i18n/texts';
import { LANGUAGE_CODES } from '../../src/domain/i18n/languages';
import { parseRecurrence } from '../../src/domain/recurrence';
import { seriesWords } from '../../src/domain/recurrence-words';

const BERLIN = 'Europe/Berlin';
/** Tuesday 8 December 2026, 10:00–10:50 Berlin (CET). */
const START = Date.UTC(2026, 11, 8, 9, 0, 0);
const END = START + 50 * 60_000;

function words(lines: string[], options: { language?: string; timeZone?: string; first?: number; seriesZone?: string } = {}): string {
  const first = options.first ?? START;
  return seriesWords(
    {
      recurrence: parseRecurrence(lines),
      seriesZone: options.seriesZone ?? BERLIN,
      seriesStart: START,
      first: { start: first, end: first + (END - START) },
      timeZone: options.timeZone ?? BERLIN,
    },
    textsFor(options.language ?? 'en'),
  );
}

describe('a series in English words', () => {
  test.each([
    [['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6'], 'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026, 6 times'],
    [['RRULE:FREQ=WEEKLY;BYDAY=TU'], 'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [['RRULE:FREQ=WEEKLY'], 'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'], 'every 2 weeks on Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [['RRULE:FREQ=WEEKLY;BYDAY=TH,TU'], 'every Tuesday and Thursday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [['RRULE:FREQ=DAILY;COUNT=5'], 'every day, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026, 5 times'],
    [['RRULE:FREQ=DAILY;INTERVAL=3'], 'every 3 days, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [['RRULE:FREQ=MONTHLY;BYMONTHDAY=8'], 'every month on day 8, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [['RRULE:FREQ=MONTHLY'], 'every month on day 8, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [['RRULE:FREQ=MONTHLY;BYDAY=2TU'], 'every month on the second Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [['RRULE:FREQ=MONTHLY;BYDAY=-1TU'], 'every month on the last Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [
      ['RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU'],
      'every 2 months on the second Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026',
    ],
    [['RRULE:FREQ=YEARLY'], 'every year on 8 December, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026'],
    [
      ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126T225959Z'],
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026, until Tuesday, 26 January 2027',
    ],
    // A date-only UNTIL (other clients write it; Google keeps it) is that date wherever the attendee is.
    [
      ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126'],
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026, until Tuesday, 26 January 2027',
    ],
    [
      ['RRULE:FREQ=WEEKLY;BYDAY=TU', 'EXDATE;TZID=Europe/Berlin:20261222T100000,20261229T100000'],
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026, except Tuesday, 22 December 2026 and Tuesday, 29 December 2026',
    ],
  ])('%j', (lines, expected) => {
    expect(words(lines)).toBe(expected);
  });

  test('rarer rules get the plain fallback, still naming the next occurrence', () => {
    const next = 'repeats (see your invitation); next: Tuesday, 8 December 2026, 10:00–10:50 CET (UTC+1)';
    expect(words(['RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'])).toBe(next);
    expect(words(['RRULE:FREQ=WEEKLY;BYDAY=TU', 'RDATE:20261210T090000Z'])).toBe(next);
    expect(words(['RRULE:FREQ=HOURLY'])).toBe(next);
    expect(words(['RRULE:FREQ=YEARLY;INTERVAL=2'])).toBe(next);
  });

  test('a COUNT series joined later names the occurrences left, never an endless series', () => {
    const day = 86_400_000;
    expect(words(['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6'], { first: START + 14 * day })).toBe(
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 22 December 2026, 4 times',
    );
    expect(words(['RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6'], { first: START + 9 * day })).toBe(
      'every Tuesday and Thursday, 10:00–10:50 CET (UTC+1), from Thursday, 17 December 2026, 3 times',
    );
    expect(words(['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=5'], { first: START + 28 * day })).toBe(
      'every 2 weeks on Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 5 January 2027, 3 times',
    );
    expect(words(['RRULE:FREQ=DAILY;COUNT=10'], { first: START + 7 * day })).toBe(
      'every day, 10:00–10:50 CET (UTC+1), from Tuesday, 15 December 2026, 3 times',
    );
    // Monthly on the second Tuesday: 8 Dec, 12 Jan, 9 Feb (DST does not move the count: dates, not hours).
    expect(words(['RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=4'], { first: Date.UTC(2027, 1, 9, 9, 0, 0) })).toBe(
      'every month on the second Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 9 February 2027, 2 times',
    );
    expect(words(['RRULE:FREQ=MONTHLY;COUNT=3'], { first: Date.UTC(2027, 0, 8, 9, 0, 0) })).toBe(
      'every month on day 8, 10:00–10:50 CET (UTC+1), from Friday, 8 January 2027, 2 times',
    );
  });

  test('an attendee zone that moves the day moves the weekdays; a monthly rule falls back', () => {
    // 10:00 Berlin is 04:00 in New York, same day; 01:30 Berlin on a Wednesday is Tuesday evening there.
    const night = Date.UTC(2026, 11, 9, 0, 30, 0);
    expect(words(['RRULE:FREQ=WEEKLY;BYDAY=WE,FR'], { first: night, timeZone: 'America/New_York' })).toBe(
      'every Tuesday and Thursday, 19:30–20:20 EST (UTC-5), from Tuesday, 8 December 2026',
    );
    expect(words(['RRULE:FREQ=MONTHLY;BYMONTHDAY=9'], { first: night, timeZone: 'America/New_York' })).toMatch(/^repeats/);
  });
});

describe('a series in every language', () => {
  test.each(LANGUAGE_CODES.filter((code) => code !== 'en'))('%s phrases a weekly series with no English left', (code) => {
    const text = words(['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6'], { language: code });
    expect(text).not.toMatch(/every|weeks|from|times|Tuesday/);
    expect(text.length).toBeGreaterThan(30);
  });

  test('German and Arabic read naturally', () => {
    expect(words(['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6'], { language: 'de' })).toBe(
      'jeden Dienstag, 10:00–10:50 MEZ (UTC+1), ab Dienstag, 8. Dezember 2026, 6-mal',
    );
    expect(words(['RRULE:FREQ=MONTHLY;BYDAY=-1TU'], { language: 'fr' })).toMatch(/^chaque mois le dernier mardi, 10:00–10:50/);
    expect(words(['RRULE:FREQ=WEEKLY;BYDAY=TU'], { language: 'ar' })).toMatch(/^كل الثلاثاء،/);
  });
});

describe('a series in words, one part at a time', () => {
  const day = 86_400_000;
  test.each<[string, string[], number, string]>([
    [
      'a yearly COUNT joined a year later',
      ['RRULE:FREQ=YEARLY;COUNT=3'],
      Date.UTC(2027, 11, 8, 9),
      'every year on 8 December, 10:00–10:50 CET (UTC+1), from Wednesday, 8 December 2027, 2 times',
    ],
    [
      'more than three skipped dates, out of order, in UTC and in a zone: the first three and …',
      [
        'RRULE:FREQ=WEEKLY;BYDAY=TU',
        'EXDATE:20270105T090000Z,20261215T090000Z,20261201T090000Z',
        'EXDATE;TZID=Europe/Berlin:20261229T100000,20261222T100000',
      ],
      START,
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026, except Tuesday, 15 December 2026, Tuesday, 22 December 2026, Tuesday, 29 December 2026 and …',
    ],
    [
      'a skipped date at the first occurrence itself is not named',
      ['RRULE:FREQ=WEEKLY;BYDAY=TU', 'EXDATE:20261208T090000Z,20261215T090000Z'],
      START,
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026, except Tuesday, 15 December 2026',
    ],
    [
      'a COUNT used up names no count',
      ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=2'],
      START + 14 * day,
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 22 December 2026',
    ],
    [
      'a COUNT used up falls back to UNTIL',
      ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=2;UNTIL=20270126T225959Z'],
      START + 14 * day,
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 22 December 2026, until Tuesday, 26 January 2027',
    ],
  ])('%s', (_, lines, first, expected) => {
    expect(words(lines, { first })).toBe(expected);
  });
});
