import {
  eventKind,
  isOccurrenceId,
  occurrenceId,
  originalStartOfId,
  parseRecurrence,
  parseRule,
  seriesIdOf,
} from '../../src/domain/recurrence';

describe('what kind of event', () => {
  test('series, occurrence, single', () => {
    expect(eventKind({ recurrence: ['RRULE:FREQ=WEEKLY'] })).toBe('series');
    expect(eventKind({ recurringEventId: 'abc' })).toBe('occurrence');
    expect(eventKind({ recurrence: [] })).toBe('single');
    expect(eventKind({})).toBe('single');
  });

  test('instance ids name their series and original start', () => {
    expect(isOccurrenceId('abc123_20261208T090000Z')).toBe(true);
    expect(isOccurrenceId('abc123_20261208')).toBe(true);
    expect(isOccurrenceId('abc123')).toBe(false);
    expect(isOccurrenceId('abc_R20261208T090000')).toBe(false);
    expect(seriesIdOf('abc123_20261208T090000Z')).toBe('abc123');
    expect(seriesIdOf('abc123')).toBe('abc123');
    expect(originalStartOfId('abc123_20261208T090000Z')).toBe(Date.UTC(2026, 11, 8, 9, 0, 0));
    expect(originalStartOfId('abc123_20261208')).toBe(Date.UTC(2026, 11, 8));
    expect(originalStartOfId('abc123')).toBeNull();
    expect(occurrenceId('abc123', Date.UTC(2026, 11, 8, 9, 0, 0))).toBe('abc123_20261208T090000Z');
  });
});

describe('the RRULE subset Google writes', () => {
  test('weekly with COUNT', () => {
    expect(parseRule('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6')).toEqual({
      freq: 'WEEKLY',
      interval: 1,
      count: 6,
      until: null,
      untilIsDate: false,
      byDay: ['TU'],
      byWeekdayOrdinal: null,
      byMonthDay: null,
      unusual: false,
    });
  });

  test('every 2 weeks until a UTC instant; monthly by weekday and by date', () => {
    const rule = parseRule('RRULE:FREQ=WEEKLY;WKST=MO;INTERVAL=2;UNTIL=20270131T225959Z;BYDAY=MO,TH');
    expect(rule).toMatchObject({ interval: 2, until: Date.UTC(2027, 0, 31, 22, 59, 59), byDay: ['MO', 'TH'], unusual: false });
    expect(parseRule('RRULE:FREQ=MONTHLY;BYDAY=-1FR')).toMatchObject({ byWeekdayOrdinal: { ordinal: -1, day: 'FR' }, unusual: false });
    expect(parseRule('RRULE:FREQ=MONTHLY;BYMONTHDAY=15')).toMatchObject({ byMonthDay: 15, unusual: false });
    expect(parseRule('RRULE:FREQ=DAILY;UNTIL=20261231')).toMatchObject({ until: Date.UTC(2026, 11, 31, 23, 59, 59) });
  });

  test('rarer parts are unusual; nonsense is no rule', () => {
    expect(parseRule('RRULE:FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1')?.unusual).toBe(true);
    expect(parseRule('RRULE:FREQ=YEARLY;BYMONTH=3;BYHOUR=10')?.unusual).toBe(true);
    expect(parseRule('RRULE:FREQ=HOURLY')).toBeNull();
    expect(parseRule('RRULE:FREQ=WEEKLY;COUNT=0')).toBeNull();
    expect(parseRule('RRULE:FREQ=WEEKLY;BYDAY=XX')).toBeNull();
  });

  test('recurrence lines: EXDATE in a zone and in UTC; RDATE makes it unusual', () => {
    const parsed = parseRecurrence([
      'RRULE:FREQ=WEEKLY;BYDAY=TU',
      'EXDATE;TZID=Europe/Berlin:20261222T100000,20261229T100000',
      'EXDATE:20270105T090000Z',
    ]);
    expect(parsed.unusual).toBe(false);
    expect(parsed.exdates).toEqual([
      { date: '2026-12-22', utc: null, zone: 'Europe/Berlin' },
      { date: '2026-12-29', utc: null, zone: 'Europe/Berlin' },
      { date: '2027-01-05', utc: Date.UTC(2027, 0, 5, 9), zone: null },
    ]);
    expect(parseRecurrence(['RRULE:FREQ=WEEKLY', 'RDATE:20270105T090000Z']).unusual).toBe(true);
    expect(parseRecurrence(['RRULE:FREQ=WEEKLY', 'RRULE:FREQ=DAILY']).unusual).toBe(true);
    expect(parseRecurrence(['RRULE:FREQ=SECONDLY']).rule).toBeNull();
  });
});

describe('parseRule, one part at a time', () => {
  const base = {
    freq: 'WEEKLY',
    interval: 1,
    count: null,
    until: null,
    untilIsDate: false,
    byDay: [],
    byWeekdayOrdinal: null,
    byMonthDay: null,
    unusual: false,
  };

  it.each<[string, object]>([
    ['FREQ=DAILY', { freq: 'DAILY' }],
    ['RRULE:FREQ=WEEKLY', {}],
    ['rrule:freq=monthly', { freq: 'MONTHLY' }],
    ['FREQ=YEARLY', { freq: 'YEARLY' }],
    ['RRULE:  FREQ=WEEKLY  ', {}],
    ['FREQ=WEEKLY;WKST=SU', {}],
    ['FREQ=WEEKLY;INTERVAL=3', { interval: 3 }],
    ['FREQ=WEEKLY;INTERVAL=12', { interval: 12 }],
    ['FREQ=WEEKLY;UNTIL= 20261231', { until: Date.UTC(2026, 11, 31, 23, 59, 59), untilIsDate: true }],
    ['FREQ=WEEKLY;COUNT=1', { count: 1 }],
    ['FREQ=WEEKLY;UNTIL=20261231T100000Z', { until: Date.UTC(2026, 11, 31, 10), untilIsDate: false }],
    ['FREQ=WEEKLY;UNTIL=20261231T100000', { until: Date.UTC(2026, 11, 31, 10), untilIsDate: false }],
    ['FREQ=WEEKLY;UNTIL=20261231', { until: Date.UTC(2026, 11, 31, 23, 59, 59), untilIsDate: true }],
    ['FREQ=WEEKLY;BYDAY=SU,SA', { byDay: ['SU', 'SA'] }],
    ['FREQ=MONTHLY;BYDAY=2TU', { freq: 'MONTHLY', byWeekdayOrdinal: { ordinal: 2, day: 'TU' } }],
    ['FREQ=MONTHLY;BYDAY=+1MO', { freq: 'MONTHLY', byWeekdayOrdinal: { ordinal: 1, day: 'MO' } }],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', { freq: 'MONTHLY', byMonthDay: -1 }],
    ['FREQ=MONTHLY;BYMONTHDAY=31', { freq: 'MONTHLY', byMonthDay: 31 }],
    ['FREQ=MONTHLY;BYDAY=1MO,3MO', { freq: 'MONTHLY', unusual: true }],
    ['FREQ=MONTHLY;BYDAY=2TU,FR', { freq: 'MONTHLY', byWeekdayOrdinal: null, byDay: ['FR'], unusual: true }],
    ['FREQ=MONTHLY;BYDAY=MO', { freq: 'MONTHLY', byDay: ['MO'], unusual: true }],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', { freq: 'MONTHLY', unusual: true }],
    ['FREQ=MONTHLY;BYMONTHDAY=100', { freq: 'MONTHLY', unusual: true }],
    ['FREQ=MONTHLY;BYMONTHDAY=5;BYMONTHDAY=6', { freq: 'MONTHLY', byMonthDay: 6 }],
    ['FREQ=WEEKLY;BYDAY=2TU', { byWeekdayOrdinal: { ordinal: 2, day: 'TU' }, unusual: true }],
    ['FREQ=YEARLY;BYMONTHDAY=3', { freq: 'YEARLY', byMonthDay: 3, unusual: true }],
    ['FREQ=DAILY;BYDAY=MO', { freq: 'DAILY', byDay: ['MO'], unusual: true }],
    ['FREQ=WEEKLY;BYSETPOS=1', { unusual: true }],
    ['FREQ=WEEKLY;X-NAME=a=b', { unusual: true }],
  ])('%s', (line, fields) => {
    expect(parseRule(line)).toEqual({ ...base, ...fields });
  });

  it.each([
    '',
    'RRULE:',
    'RRULE:  ',
    'FREQ=HOURLY',
    'INTERVAL=2',
    'FREQ=WEEKLY;INTERVAL=0',
    'FREQ=WEEKLY;INTERVAL=two',
    'FREQ=WEEKLY;INTERVAL=-1',
    'FREQ=WEEKLY;COUNT=0',
    'FREQ=WEEKLY;COUNT=x',
    'FREQ=WEEKLY;COUNT=1.5',
    'FREQ=WEEKLY;UNTIL=tomorrow',
    'FREQ=WEEKLY;UNTIL=20261231T10',
    'FREQ=WEEKLY;BYDAY=MO,XX',
    'FREQ=WEEKLY;BYDAY=10MO',
    'FREQ=WEEKLY;COUNT',
    'FREQ=WEEKLY;=5',
    'FREQ=WEEKLY;;COUNT=2',
    'FREQ=WEEKLY;INTERVAL= 2',
    'FREQ=WEEKLY;INTERVAL=1E3',
    'FREQ=WEEKLY;UNTIL=120261231',
    'FREQ=WEEKLY;UNTIL=2026=1231',
    'FREQ=RRULE:WEEKLY',
    'FREQ=WEEKLY;WKST',
    'FREQ=WEEKLY;BYDAY=MOX',
  ])('%j is no rule', (line) => {
    expect(parseRule(line)).toBeNull();
  });
});

describe('parseRecurrence, one line at a time', () => {
  const weekly = parseRule('FREQ=WEEKLY');

  it.each<[string[], object]>([
    [['RRULE:FREQ=WEEKLY'], { rule: weekly, unusual: false, exdates: [] }],
    [['rrule:FREQ=WEEKLY'], { rule: weekly, unusual: false, exdates: [] }],
    [['RRULE:FREQ=WEEKLY;BYSETPOS=1'], { rule: { ...weekly, unusual: true }, unusual: true, exdates: [] }],
    [
      ['EXDATE:20270105T090000Z'],
      { rule: null, unusual: true, exdates: [{ date: '2027-01-05', utc: Date.UTC(2027, 0, 5, 9), zone: null }] },
    ],
    [
      ['RRULE:FREQ=WEEKLY', 'exdate;VALUE=DATE:20270105,nonsense'],
      { rule: weekly, unusual: false, exdates: [{ date: '2027-01-05', utc: null, zone: null }] },
    ],
    [
      ['RRULE:FREQ=WEEKLY', 'EXDATE;TZID=America/New_York;VALUE=DATE-TIME:20270105T090000'],
      { rule: weekly, unusual: false, exdates: [{ date: '2027-01-05', utc: null, zone: 'America/New_York' }] },
    ],
    [
      ['RRULE:FREQ=WEEKLY', 'EXDATE:20270105T093015Z,x20270106,20270107junk, 20270108'],
      {
        rule: weekly,
        unusual: false,
        exdates: [
          { date: '2027-01-05', utc: Date.UTC(2027, 0, 5, 9, 30, 15), zone: null },
          { date: '2027-01-08', utc: null, zone: null },
        ],
      },
    ],
    [
      ['RRULE:FREQ=WEEKLY', 'EXDATE:20270105,20270106;TZID=Europe/Paris'],
      { rule: weekly, unusual: false, exdates: [{ date: '2027-01-05', utc: null, zone: null }] },
    ],
    [['RRULE:FREQ=WEEKLY', 'EXRULE:FREQ=DAILY'], { rule: weekly, unusual: true, exdates: [] }],
    [['RRULE:FREQ=WEEKLY', 'RRULE:FREQ=DAILY'], { rule: weekly, unusual: true, exdates: [] }],
    [['RRULE:FREQ=WEEKLY', 'RRULE:FREQ=DAILY', 'RRULE:FREQ=MONTHLY'], { rule: weekly, unusual: true, exdates: [] }],
    [[], { rule: null, unusual: true, exdates: [] }],
  ])('%j', (lines, expected) => {
    expect(parseRecurrence(lines)).toEqual(expected);
  });
});

describe('instance ids, one part at a time', () => {
  it.each<[string, boolean, string, number | null]>([
    ['a_b_20261208T090000Z', true, 'a_b', Date.UTC(2026, 11, 8, 9)],
    ['abc_20261208T090000', false, 'abc_20261208T090000', null],
    ['abc_2026120', false, 'abc_2026120', null],
    ['_20261208', false, '_20261208', null],
    ['abc_20261208T093015Z', true, 'abc', Date.UTC(2026, 11, 8, 9, 30, 15)],
    ['x20261208', false, 'x20261208', null],
    ['a\nb_20261208', false, 'a\nb_20261208', null],
  ])('%s', (id, isOccurrence, series, start) => {
    expect(isOccurrenceId(id)).toBe(isOccurrence);
    expect(seriesIdOf(id)).toBe(series);
    expect(originalStartOfId(id)).toBe(start);
  });

  it('an occurrence id keeps the seconds and drops the milliseconds', () => {
    expect(occurrenceId('abc', Date.UTC(2026, 11, 8, 9, 30, 15, 250))).toBe('abc_20261208T093015Z');
  });

  it.each<[object, string]>([
    [{ recurrence: null, recurringEventId: null }, 'single'],
    [{ recurringEventId: '' }, 'single'],
    [{ recurrence: ['RRULE:FREQ=DAILY'], recurringEventId: 'abc' }, 'occurrence'],
  ])('%j is a %s event', (fields, kind) => {
    expect(eventKind(fields)).toBe(kind);
  });
});
