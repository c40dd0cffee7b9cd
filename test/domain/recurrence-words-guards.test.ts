// Table tests that trip one guard of the series phrase at a time: each rule branch, the attendee's zone, one day per occurrence, COUNT, UNTIL and EXDATE.
import { textsFor } from '../../src/domain/i18n/texts';
import { parseRecurrence, type Recurrence, type Rule } from '../../src/domain/recurrence';
import { seriesWords, storedSeriesWords } from '../../src/domain/recurrence-words';
import { zonedToEpoch } from '../../src/domain/time';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const MINUTE = 60_000;
const DAY = 86_400_000;

/** An instant given as a wall time in a zone (month 1-12). */
function at(zone: string, year: number, month: number, day: number, hour: number, minute = 0): number {
  return zonedToEpoch({ year, month, day, hour, minute }, zone);
}

/** Tuesday 8 December 2026, 10:00 Berlin (CET). */
const TUE = at(BERLIN, 2026, 12, 8, 10);

interface Case {
  lines: string[];
  /** The series' own first start (DTSTART); TUE unless told. */
  start?: number;
  /** The occurrence the phrase starts from; the series' start unless told. */
  first?: number;
  /** Its end; 50 minutes after `first` unless told. */
  end?: number;
  seriesZone?: string;
  timeZone?: string;
  language?: string;
  hostLocale?: string;
}

function phrase(c: Case): string {
  const start = c.start ?? TUE;
  const first = c.first ?? start;
  return storedSeriesWords(
    { lines: c.lines, zone: c.seriesZone ?? BERLIN, start },
    { start: first, end: c.end ?? first + 50 * MINUTE },
    c.timeZone ?? BERLIN,
    textsFor(c.language ?? 'en', undefined, c.hostLocale),
  );
}

/** The phrase's tail for the default fixture: Tuesday 8 December 2026, 10:00–10:50 Berlin. */
const AT_TUE = ', 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026';
const FALLBACK_TUE = 'repeats (see your invitation); next: Tuesday, 8 December 2026, 10:00–10:50 CET (UTC+1)';

describe('each rule in words', () => {
  test.each<[string, string]>([
    ['RRULE:FREQ=DAILY;INTERVAL=1', `every day${AT_TUE}`],
    ['RRULE:FREQ=DAILY;INTERVAL=2', `every 2 days${AT_TUE}`],
    // Without BYDAY a weekly rule repeats on the start's weekday.
    ['RRULE:FREQ=WEEKLY;INTERVAL=1', `every Tuesday${AT_TUE}`],
    ['RRULE:FREQ=WEEKLY;INTERVAL=3', `every 3 weeks on Tuesday${AT_TUE}`],
    ['RRULE:FREQ=WEEKLY;BYDAY=TU,TU', `every Tuesday${AT_TUE}`],
    ['RRULE:FREQ=WEEKLY;BYDAY=FR,TU,WE', `every Tuesday, Wednesday and Friday${AT_TUE}`],
    // Weeks run Monday to Sunday.
    ['RRULE:FREQ=WEEKLY;BYDAY=SU,TU', `every Tuesday and Sunday${AT_TUE}`],
    ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,MO', `every 2 weeks on Monday and Tuesday${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYDAY=1TU', `every month on the first Tuesday${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYDAY=+2TU', `every month on the second Tuesday${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYDAY=3TU', `every month on the third Tuesday${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYDAY=4TU', `every month on the fourth Tuesday${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYDAY=5TU', `every month on the fifth Tuesday${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYDAY=-1TU', `every month on the last Tuesday${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=-1TU', `every 3 months on the last Tuesday${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYDAY=1SU', `every month on the first Sunday${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYMONTHDAY=15', `every month on day 15${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYMONTHDAY=1', `every month on day 1${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;BYMONTHDAY=31', `every month on day 31${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15', `every 2 months on day 15${AT_TUE}`],
    // Without BYMONTHDAY a monthly rule repeats on the start's day of the month.
    ['RRULE:FREQ=MONTHLY;INTERVAL=2', `every 2 months on day 8${AT_TUE}`],
    ['RRULE:FREQ=MONTHLY;INTERVAL=1', `every month on day 8${AT_TUE}`],
    ['RRULE:FREQ=YEARLY;INTERVAL=1', `every year on 8 December${AT_TUE}`],
  ])('%s', (line, expected) => {
    expect(phrase({ lines: [line] })).toBe(expected);
  });

  test.each<[string, string]>([
    ['an ordinal no month has', 'RRULE:FREQ=MONTHLY;BYDAY=6TU'],
    ['a second-to-last weekday', 'RRULE:FREQ=MONTHLY;BYDAY=-2TU'],
    ['a zeroth weekday', 'RRULE:FREQ=MONTHLY;BYDAY=0TU'],
    ['a day counted from the month end', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1'],
    ['day 0', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=0'],
    // BYMONTHDAY with BYDAY keeps only the days both name (RFC 5545 §3.3.10): not simply "the second Tuesday".
    ['a weekday ordinal limited to a day of the month', 'RRULE:FREQ=MONTHLY;BYDAY=2TU;BYMONTHDAY=8'],
    ['a yearly rule every other year', 'RRULE:FREQ=YEARLY;INTERVAL=2'],
    ['a yearly rule on weekdays', 'RRULE:FREQ=YEARLY;BYDAY=TU'],
  ])('%s falls back to the next occurrence', (_, line) => {
    expect(phrase({ lines: [line] })).toBe(FALLBACK_TUE);
  });

  // Rules parseRecurrence would mark unusual, handed in as usual: the yearly words still refuse them.
  const yearly = (patch: Partial<Rule>): Recurrence => {
    const plain = parseRecurrence(['RRULE:FREQ=YEARLY']);
    return { ...plain, rule: { ...(plain.rule as Rule), ...patch } };
  };
  test.each<[string, Partial<Rule>, string]>([
    ['a plain yearly rule', {}, `every year on 8 December${AT_TUE}`],
    ['a yearly rule every other year', { interval: 2 }, FALLBACK_TUE],
    ['a yearly rule on Tuesdays', { byDay: ['TU'] }, FALLBACK_TUE],
    ['a yearly rule on a day of the month', { byMonthDay: 8 }, FALLBACK_TUE],
    ['a yearly rule on the second Tuesday', { byWeekdayOrdinal: { ordinal: 2, day: 'TU' } }, FALLBACK_TUE],
  ])('%s', (_, patch, expected) => {
    const input = { recurrence: yearly(patch), seriesZone: BERLIN, seriesStart: TUE, first: { start: TUE, end: TUE + 50 * MINUTE } };
    expect(seriesWords({ ...input, timeZone: BERLIN }, textsFor('en'))).toBe(expected);
  });

  test("a yearly date is the attendee's: 00:30 on New Year's Day in Berlin is still 31 December in UTC", () => {
    const newYear = at(BERLIN, 2027, 1, 1, 0, 30);
    expect(phrase({ lines: ['RRULE:FREQ=YEARLY'], start: newYear })).toBe(
      'every year on 1 January, 00:30–01:20 CET (UTC+1), from Friday, 1 January 2027',
    );
  });

  test('the words follow the locale: weekday names, lists, numbers and dates', () => {
    expect(phrase({ lines: ['RRULE:FREQ=WEEKLY;BYDAY=FR,TU,WE'], language: 'de' })).toBe(
      'jeden Dienstag, Mittwoch und Freitag, 10:00–10:50 MEZ (UTC+1), ab Dienstag, 8. Dezember 2026',
    );
    expect(phrase({ lines: ['RRULE:FREQ=MONTHLY;BYDAY=5TU'], language: 'de' })).toBe(
      'jeden Monat am fünften Dienstag, 10:00–10:50 MEZ (UTC+1), ab Dienstag, 8. Dezember 2026',
    );
    expect(phrase({ lines: ['RRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15'], language: 'de' })).toBe(
      'alle 2 Monate am 15., 10:00–10:50 MEZ (UTC+1), ab Dienstag, 8. Dezember 2026',
    );
    expect(phrase({ lines: ['RRULE:FREQ=YEARLY'], language: 'de' })).toBe(
      'jedes Jahr am 8. Dezember, 10:00–10:50 MEZ (UTC+1), ab Dienstag, 8. Dezember 2026',
    );
    expect(phrase({ lines: ['RRULE:FREQ=YEARLY'], hostLocale: 'en-US' })).toBe(
      'every year on December 8, 10:00 AM–10:50 AM CET (UTC+1), from Tuesday, December 8, 2026',
    );
  });

  test('without Intl.ListFormat the weekdays and skipped dates are joined by commas', () => {
    const intl = Intl as unknown as { ListFormat?: unknown };
    const listFormat = intl.ListFormat;
    delete intl.ListFormat;
    try {
      expect(phrase({ lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU,TH', 'EXDATE:20261215T090000Z,20261217T090000Z'] })).toBe(
        'every Tuesday, Thursday, 10:00–10:50 CET (UTC+1), from Tuesday, 8 December 2026, except Tuesday, 15 December 2026, Thursday, 17 December 2026',
      );
    } finally {
      intl.ListFormat = listFormat;
    }
  });
});

describe("the attendee's zone", () => {
  /** Monday 7 December 2026, 01:30 Berlin: Sunday 19:30 in New York. */
  const MONDAY_NIGHT = at(BERLIN, 2026, 12, 7, 1, 30);
  /** Sunday 6 December 2026, 20:00 New York: Monday 02:00 in Berlin. */
  const SUNDAY_EVENING = at(NEW_YORK, 2026, 12, 6, 20);
  const fromNewYork = { start: SUNDAY_EVENING, seriesZone: NEW_YORK, timeZone: BERLIN };

  test.each<[string, Case, string]>([
    [
      'west of the series, a day earlier: Monday wraps to Sunday',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=MO,WE'], start: MONDAY_NIGHT, timeZone: NEW_YORK },
      'every Tuesday and Sunday, 19:30–20:20 EST (UTC-5), from Sunday, 6 December 2026',
    ],
    [
      'east of the series, a day later: Sunday wraps to Monday',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=SU,TU'], ...fromNewYork },
      'every Monday and Wednesday, 02:00–02:50 CET (UTC+1), from Monday, 7 December 2026',
    ],
    [
      "the start's weekday moves too",
      { lines: ['RRULE:FREQ=WEEKLY'], ...fromNewYork },
      'every Monday, 02:00–02:50 CET (UTC+1), from Monday, 7 December 2026',
    ],
    [
      'every other week',
      { lines: ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU'], ...fromNewYork },
      'every 2 weeks on Monday, 02:00–02:50 CET (UTC+1), from Monday, 7 December 2026',
    ],
    [
      'another zone on the same day keeps a monthly rule',
      { lines: ['RRULE:FREQ=MONTHLY;BYMONTHDAY=8'], timeZone: NEW_YORK },
      'every month on day 8, 04:00–04:50 EST (UTC-5), from Tuesday, 8 December 2026',
    ],
    [
      'another zone on the same day keeps a yearly rule',
      { lines: ['RRULE:FREQ=YEARLY'], timeZone: NEW_YORK },
      'every year on 8 December, 04:00–04:50 EST (UTC-5), from Tuesday, 8 December 2026',
    ],
    [
      'a day of the month moved by the zone falls back',
      { lines: ['RRULE:FREQ=MONTHLY;BYMONTHDAY=6'], ...fromNewYork },
      'repeats (see your invitation); next: Monday, 7 December 2026, 02:00–02:50 CET (UTC+1)',
    ],
    [
      'a weekday of the month moved by the zone falls back',
      { lines: ['RRULE:FREQ=MONTHLY;BYDAY=1SU'], ...fromNewYork },
      'repeats (see your invitation); next: Monday, 7 December 2026, 02:00–02:50 CET (UTC+1)',
    ],
    [
      'a yearly date moved by the zone falls back',
      { lines: ['RRULE:FREQ=YEARLY'], start: MONDAY_NIGHT, timeZone: NEW_YORK },
      'repeats (see your invitation); next: Sunday, 6 December 2026, 19:30–20:20 EST (UTC-5)',
    ],
    [
      'in German too',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=SU,TU'], ...fromNewYork, language: 'de' },
      'jeden Montag und Mittwoch, 02:00–02:50 MEZ (UTC+1), ab Montag, 7. Dezember 2026',
    ],
  ])('%s', (_, c, expected) => {
    expect(phrase(c)).toBe(expected);
  });

  test('a weekly series across a DST change keeps its wall time', () => {
    const march17 = at(BERLIN, 2026, 3, 17, 10);
    expect(phrase({ lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=5'], start: march17, first: at(BERLIN, 2026, 3, 31, 10) })).toBe(
      'every Tuesday, 10:00–10:50 CEST (UTC+2), from Tuesday, 31 March 2026, 3 times',
    );
    // New York changed on 8 March, Berlin on 29 March: five hours apart in between.
    expect(
      phrase({ lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=5'], start: march17, first: at(BERLIN, 2026, 3, 24, 10), timeZone: NEW_YORK }),
    ).toBe('every Tuesday, 05:00–05:50 EDT (UTC-4), from Tuesday, 24 March 2026, 4 times');
  });
});

describe('one day per occurrence', () => {
  const late = at(BERLIN, 2026, 12, 8, 23);
  test.each<[string, Case, string]>([
    [
      'an end at midnight is the same day',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU'], start: late, end: late + 60 * MINUTE },
      'every Tuesday, 23:00–00:00 CET (UTC+1), from Tuesday, 8 December 2026',
    ],
    [
      'a minute past midnight is another day',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU'], start: late, end: late + 61 * MINUTE },
      'repeats (see your invitation); next: Tuesday, 8 December 2026, 23:00 CET (UTC+1) – Wednesday, 9 December 2026, 00:01 CET (UTC+1)',
    ],
    [
      'an occurrence without length at midnight',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU'], start: at(BERLIN, 2026, 12, 8, 0), end: at(BERLIN, 2026, 12, 8, 0) },
      'every Tuesday, 00:00–00:00 CET (UTC+1), from Tuesday, 8 December 2026',
    ],
    [
      "the attendee's day counts, not the series' zone's",
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU'], start: late + 30 * MINUTE, timeZone: 'Europe/London' },
      'every Tuesday, 22:30–23:20 GMT (UTC), from Tuesday, 8 December 2026',
    ],
    [
      'an end on the same day of the next month',
      { lines: ['RRULE:FREQ=DAILY'], start: at(BERLIN, 2026, 11, 8, 10), end: TUE + 50 * MINUTE },
      'repeats (see your invitation); next: Sunday, 8 November 2026, 10:00 CET (UTC+1) – Tuesday, 8 December 2026, 10:50 CET (UTC+1)',
    ],
    [
      'an end on the same date of the next year',
      { lines: ['RRULE:FREQ=DAILY'], end: at(BERLIN, 2027, 12, 8, 10, 50) },
      'repeats (see your invitation); next: Tuesday, 8 December 2026, 10:00 CET (UTC+1) – Wednesday, 8 December 2027, 10:50 CET (UTC+1)',
    ],
  ])('%s', (_, c, expected) => {
    expect(phrase(c)).toBe(expected);
  });
});

describe('COUNT from the series start', () => {
  const SUNDAY = at(BERLIN, 2026, 12, 6, 10);
  test.each<[string, Case, string]>([
    [
      'every third day',
      { lines: ['RRULE:FREQ=DAILY;INTERVAL=3;COUNT=10'], first: TUE + 9 * DAY },
      'every 3 days, 10:00–10:50 CET (UTC+1), from Thursday, 17 December 2026, 7 times',
    ],
    [
      "weekly on the start's weekday",
      { lines: ['RRULE:FREQ=WEEKLY;COUNT=4'], first: TUE + 14 * DAY },
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 22 December 2026, 2 times',
    ],
    // Weeks from Monday (WKST=MO): Sunday 6 December ends the start's week, Monday 7 opens the week skipped.
    [
      'every other week, Sunday and Monday, a week after the start',
      { lines: ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;COUNT=10'], start: SUNDAY, first: SUNDAY + 8 * DAY },
      'every 2 weeks on Monday and Sunday, 10:00–10:50 CET (UTC+1), from Monday, 14 December 2026, 9 times',
    ],
    [
      'every other week, Sunday and Monday, three weeks after the start',
      { lines: ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;COUNT=10'], start: SUNDAY, first: SUNDAY + 22 * DAY },
      'every 2 weeks on Monday and Sunday, 10:00–10:50 CET (UTC+1), from Monday, 28 December 2026, 7 times',
    ],
    [
      'every third week from a Monday start, Tuesday and Wednesday',
      { lines: ['RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,WE;COUNT=6'], start: TUE - DAY, first: TUE + 22 * DAY },
      'every 3 weeks on Tuesday and Wednesday, 10:00–10:50 CET (UTC+1), from Wednesday, 30 December 2026, 2 times',
    ],
    [
      "in the series' zone when the attendee's day is another",
      {
        lines: ['RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=5'],
        start: at(BERLIN, 2026, 12, 9, 1, 30),
        first: at(BERLIN, 2026, 12, 23, 1, 30),
        timeZone: NEW_YORK,
      },
      'every Tuesday, 19:30–20:20 EST (UTC-5), from Tuesday, 22 December 2026, 3 times',
    ],
    [
      'every third month across the new year',
      { lines: ['RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=6'], first: at(BERLIN, 2027, 6, 8, 10) },
      'every 3 months on day 8, 10:00–10:50 CEST (UTC+2), from Tuesday, 8 June 2027, 4 times',
    ],
    [
      // Five does not divide twelve: the months are counted across the year, not within it.
      'every fifth month across the new year',
      { lines: ['RRULE:FREQ=MONTHLY;INTERVAL=5;COUNT=4'], first: at(BERLIN, 2027, 10, 8, 10) },
      'every 5 months on day 8, 10:00–10:50 CEST (UTC+2), from Friday, 8 October 2027, 2 times',
    ],
    [
      'the fifth Tuesday, in the months that have one',
      { lines: ['RRULE:FREQ=MONTHLY;BYDAY=5TU;COUNT=5'], start: at(BERLIN, 2026, 12, 29, 10), first: at(BERLIN, 2027, 8, 31, 10) },
      'every month on the fifth Tuesday, 10:00–10:50 CEST (UTC+2), from Tuesday, 31 August 2027, 2 times',
    ],
    [
      'the last Sunday: 31 January, not 24 January as well',
      { lines: ['RRULE:FREQ=MONTHLY;BYDAY=-1SU;COUNT=5'], start: at(BERLIN, 2026, 12, 27, 10), first: at(BERLIN, 2027, 2, 28, 10) },
      'every month on the last Sunday, 10:00–10:50 CET (UTC+1), from Sunday, 28 February 2027, 3 times',
    ],
    [
      'the second Tuesday every other month',
      { lines: ['RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=4'], first: at(BERLIN, 2027, 2, 9, 10) },
      'every 2 months on the second Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 9 February 2027, 3 times',
    ],
    [
      "the start's day of the month, two months on",
      { lines: ['RRULE:FREQ=MONTHLY;COUNT=4'], first: at(BERLIN, 2027, 2, 8, 10) },
      'every month on day 8, 10:00–10:50 CET (UTC+1), from Monday, 8 February 2027, 2 times',
    ],
    [
      'yearly, two years on',
      { lines: ['RRULE:FREQ=YEARLY;COUNT=5'], first: at(BERLIN, 2028, 12, 8, 10) },
      'every year on 8 December, 10:00–10:50 CET (UTC+1), from Friday, 8 December 2028, 3 times',
    ],
    [
      '29 February comes every fourth year',
      { lines: ['RRULE:FREQ=YEARLY;COUNT=3'], start: at(BERLIN, 2028, 2, 29, 10), first: at(BERLIN, 2032, 2, 29, 10) },
      'every year on 29 February, 10:00–10:50 CET (UTC+1), from Sunday, 29 February 2032, 2 times',
    ],
    [
      'a COUNT beats an UNTIL while occurrences are left',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6;UNTIL=20270126T225959Z'] },
      `every Tuesday${AT_TUE}, 6 times`,
    ],
    [
      'a COUNT gone past names none',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=1'], first: TUE + 14 * DAY },
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 22 December 2026',
    ],
    [
      'in German, with its thousands separator',
      { lines: ['RRULE:FREQ=DAILY;COUNT=10000'], first: at(BERLIN, 2027, 12, 8, 10), language: 'de' },
      'jeden Tag, 10:00–10:50 MEZ (UTC+1), ab Mittwoch, 8. Dezember 2027, 9.635-mal',
    ],
  ])('%s', (_, c, expected) => {
    expect(phrase(c)).toBe(expected);
  });

  // RFC 5545 §3.3.10: "The DTSTART property value always counts as the first occurrence", matching the rule or not.
  test.each<[string, Case, string]>([
    [
      'a weekly start on a Monday for Tuesdays and Thursdays',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5'], start: TUE - DAY, first: TUE + 7 * DAY },
      'every Tuesday and Thursday, 10:00–10:50 CET (UTC+1), from Tuesday, 15 December 2026, 2 times',
    ],
    [
      'a monthly start on the 8th for the 31st (February has none)',
      { lines: ['RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=6'], first: at(BERLIN, 2027, 3, 31, 10) },
      'every month on day 31, 10:00–10:50 CEST (UTC+2), from Wednesday, 31 March 2027, 3 times',
    ],
    [
      'a monthly start on a Tuesday for the second Wednesday',
      { lines: ['RRULE:FREQ=MONTHLY;BYDAY=2WE;COUNT=4'], first: at(BERLIN, 2026, 12, 9, 10) },
      'every month on the second Wednesday, 10:00–10:50 CET (UTC+1), from Wednesday, 9 December 2026, 3 times',
    ],
    [
      'the start itself is the first of them',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=5'], start: TUE - DAY },
      'every Thursday, 10:00–10:50 CET (UTC+1), from Monday, 7 December 2026, 5 times',
    ],
  ])('%s', (_, c, expected) => {
    expect(phrase(c)).toBe(expected);
  });

  test('the count walks at most twenty years of 366 days', () => {
    const longest = TUE + 366 * 20 * DAY;
    expect(phrase({ lines: ['RRULE:FREQ=DAILY;COUNT=10000'], first: longest })).toBe(
      'every day, 10:00–10:50 CET (UTC+1), from Sunday, 23 December 2046, 2,680 times',
    );
    expect(phrase({ lines: ['RRULE:FREQ=DAILY;COUNT=10000'], first: longest + DAY })).toBe(
      'every day, 10:00–10:50 CET (UTC+1), from Monday, 24 December 2046',
    );
    expect(phrase({ lines: ['RRULE:FREQ=DAILY;COUNT=10000;UNTIL=20470101T000000Z'], first: longest + DAY })).toBe(
      'every day, 10:00–10:50 CET (UTC+1), from Monday, 24 December 2046, until Tuesday, 1 January 2047',
    );
  });
});

describe('UNTIL', () => {
  test.each<[string, Case, string]>([
    [
      "a time just before midnight UTC is the next day in the attendee's zone",
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126T233000Z'] },
      `every Tuesday${AT_TUE}, until Wednesday, 27 January 2027`,
    ],
    [
      "a time just after midnight UTC is the day before in the attendee's zone",
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126T033000Z'], timeZone: NEW_YORK },
      'every Tuesday, 04:00–04:50 EST (UTC-5), from Tuesday, 8 December 2026, until Monday, 25 January 2027',
    ],
    [
      'a date alone is that date, even thirteen hours ahead of UTC',
      { lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126'], timeZone: 'Pacific/Auckland' },
      'every Tuesday, 22:00–22:50 UTC+13, from Tuesday, 8 December 2026, until Tuesday, 26 January 2027',
    ],
  ])('%s', (_, c, expected) => {
    expect(phrase(c)).toBe(expected);
  });
});

describe('EXDATE', () => {
  const weekly = 'RRULE:FREQ=WEEKLY;BYDAY=TU';
  test.each<[string, Case, string]>([
    [
      'exactly three are all named',
      { lines: [weekly, 'EXDATE:20261229T090000Z,20261215T090000Z,20261222T090000Z'] },
      `every Tuesday${AT_TUE}, except Tuesday, 15 December 2026, Tuesday, 22 December 2026 and Tuesday, 29 December 2026`,
    ],
    [
      'four name the first three and …',
      { lines: [weekly, 'EXDATE:20261229T090000Z,20261215T090000Z,20270105T090000Z,20261222T090000Z'] },
      `every Tuesday${AT_TUE}, except Tuesday, 15 December 2026, Tuesday, 22 December 2026, Tuesday, 29 December 2026 and …`,
    ],
    [
      'only those after the first occurrence',
      { lines: [weekly, 'EXDATE:20261215T090000Z,20261222T090000Z'], first: TUE + 7 * DAY },
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 15 December 2026, except Tuesday, 22 December 2026',
    ],
    [
      'a date-time in the zone at the first occurrence itself is not named either',
      { lines: [weekly, 'EXDATE;TZID=Europe/Berlin:20261208T100000,20261215T100000'] },
      `every Tuesday${AT_TUE}, except Tuesday, 15 December 2026`,
    ],
    [
      "a UTC one is on the attendee's day",
      {
        lines: ['RRULE:FREQ=WEEKLY;BYDAY=WE', 'EXDATE:20261215T233000Z'],
        start: at(BERLIN, 2026, 12, 9, 0, 30),
      },
      'every Wednesday, 00:30–01:20 CET (UTC+1), from Wednesday, 9 December 2026, except Wednesday, 16 December 2026',
    ],
    [
      'a date-time in the zone is the date as written, wherever the attendee is',
      {
        lines: [weekly, 'EXDATE:20261229T090000Z', 'EXDATE;TZID=Europe/Berlin:20261222T100000'],
        timeZone: 'Pacific/Kiritimati',
      },
      'every Tuesday, 23:00–23:50 UTC+14, from Tuesday, 8 December 2026, except Tuesday, 22 December 2026 and Tuesday, 29 December 2026',
    ],
    [
      "a date-time without a zone is in the series' zone",
      { lines: [weekly, 'EXDATE:20261208T100000,20261215T100000'] },
      `every Tuesday${AT_TUE}, except Tuesday, 15 December 2026`,
    ],
    [
      "a zone no one knows is read as the series' zone",
      { lines: [weekly, 'EXDATE;TZID=Mars/Olympus:20261208T100000,20261215T100000'] },
      `every Tuesday${AT_TUE}, except Tuesday, 15 December 2026`,
    ],
    [
      "a date-time in another zone is past by that zone's date",
      {
        // Sunday 20:00 in New York is Monday 02:00 in Berlin: Berlin's 7 December is the first occurrence itself.
        lines: ['RRULE:FREQ=WEEKLY;BYDAY=SU', 'EXDATE;TZID=Europe/Berlin:20261207T020000,20261214T020000'],
        start: at(NEW_YORK, 2026, 12, 6, 20),
        seriesZone: NEW_YORK,
        timeZone: NEW_YORK,
      },
      'every Sunday, 20:00–20:50 EST (UTC-5), from Sunday, 6 December 2026, except Monday, 14 December 2026',
    ],
    [
      'in German',
      { lines: [weekly, 'EXDATE:20261215T090000Z,20261222T090000Z'], language: 'de' },
      'jeden Dienstag, 10:00–10:50 MEZ (UTC+1), ab Dienstag, 8. Dezember 2026, außer Dienstag, 15. Dezember 2026 und Dienstag, 22. Dezember 2026',
    ],
  ])('%s', (_, c, expected) => {
    expect(phrase(c)).toBe(expected);
  });

  test('a date-time in a zone thirteen hours ahead of UTC is past when its date is', () => {
    const auckland = 'Pacific/Auckland';
    // Daily at 00:30 in Auckland (NZDT, UTC+13): 8 December is 7 December 11:30 UTC.
    const lines = ['RRULE:FREQ=DAILY', 'EXDATE;TZID=Pacific/Auckland:20261208T003000,20261210T003000'];
    expect(
      phrase({
        lines,
        seriesZone: auckland,
        timeZone: auckland,
        start: at(auckland, 2026, 12, 7, 0, 30),
        first: at(auckland, 2026, 12, 9, 0, 30),
      }),
    ).toBe('every day, 00:30–01:20 UTC+13, from Wednesday, 9 December 2026, except Thursday, 10 December 2026');
  });
});
