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
