// Table tests of the trigger-event checks: the stored ids, and each field of a calendar or time-driven event taken away one at a time.
import { isCalendarTriggerEvent, isTimeTriggerEvent, parseTriggerIds, type TriggerIds } from '../../src/domain/trigger-events';

const ids: TriggerIds = { calendarUid: '111', calendarId: 'host@example.com', tickUid: '222' };

describe('parseTriggerIds', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['', null],
    ['not json', null],
    ['null', null],
    ['[1,2]', null],
    ['"text"', null],
    ['{"calendarUid":1,"calendarId":"c","tickUid":"t"}', null],
    ['{"calendarUid":"u","calendarId":2,"tickUid":"t"}', null],
    ['{"calendarUid":"u","calendarId":"c","tickUid":3}', null],
    ['{"calendarUid":"u","calendarId":"c","tickUid":"t","extra":1}', { calendarUid: 'u', calendarId: 'c', tickUid: 't' }],
  ])('%s', (raw, expected) => {
    expect(parseTriggerIds(raw)).toEqual(expected);
  });
});

describe('isCalendarTriggerEvent', () => {
  const event = { authMode: 'FULL', calendarId: 'host@example.com', triggerUid: '111' };
  it.each([
    ['the event', event, true],
    ['a numeric uid', { ...event, triggerUid: 111 }, true],
    ['authMode LIMITED', { ...event, authMode: 'LIMITED' }, true],
    ['authMode NONE', { ...event, authMode: 'NONE' }, true],
    ['authMode CUSTOM_FUNCTION', { ...event, authMode: 'CUSTOM_FUNCTION' }, true],
    ['an enum-like authMode', { ...event, authMode: { toString: (): string => 'FULL' } }, true],
    ['null', null, false],
    ['a string', 'event', false],
    ['an array', [event], false],
    ['an array carrying the fields', Object.assign([], event), false],
    ['a function carrying the fields', Object.assign(() => undefined, event), false],
    ['a uid in an array', { ...event, triggerUid: ['111'] }, false],
    ['another uid', { ...event, triggerUid: '112' }, false],
    ['the tick uid', { ...event, triggerUid: '222' }, false],
    ['a boolean uid', { ...event, triggerUid: true }, false],
    ['no uid', { authMode: 'FULL', calendarId: 'host@example.com' }, false],
    ['another calendar', { ...event, calendarId: 'other@example.com' }, false],
    ['no authMode', { calendarId: 'host@example.com', triggerUid: '111' }, false],
    ['a null authMode', { ...event, authMode: null }, false],
    ['an unknown authMode', { ...event, authMode: 'ADMIN' }, false],
  ])('%s -> %s', (_, value, expected) => {
    expect(isCalendarTriggerEvent(value, ids)).toBe(expected);
  });

  it('an empty stored uid matches nothing, not even an empty one', () => {
    expect(isCalendarTriggerEvent({ ...event, triggerUid: '' }, { ...ids, calendarUid: '' })).toBe(false);
  });
});

describe('isTimeTriggerEvent', () => {
  const now = Date.UTC(2026, 0, 6, 10, 20, 30);
  const event: Record<string, unknown> = {
    authMode: 'FULL',
    triggerUid: '222',
    year: 2026,
    month: 1,
    'week-of-year': 2,
    'day-of-month': 6,
    'day-of-week': 2,
    hour: 10,
    minute: 20,
    second: 30,
    timezone: 'UTC',
  };
  const at = (ms: number) => {
    const d = new Date(ms);
    return {
      ...event,
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      'day-of-month': d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  };

  it.each([
    ['the event', event, true],
    ['fired 30 minutes ago', at(now - 30 * 60_000), true],
    ['fired 30 minutes and a second ago', at(now - 30 * 60_000 - 1000), false],
    ['named 30 minutes ahead', at(now + 30 * 60_000), true],
    ['named 30 minutes and a second ahead', at(now + 30 * 60_000 + 1000), false],
    ['another zone, whatever its time', { ...event, timezone: 'Europe/Berlin', hour: 3 }, true],
    ['null', null, false],
    ['another uid', { ...event, triggerUid: '111' }, false],
    ['no authMode', { ...event, authMode: undefined }, false],
    ['an empty zone', { ...event, timezone: '' }, false],
    ['a zone that is no string', { ...event, timezone: 0 }, false],
    ['a year as text', { ...event, year: '2026' }, false],
    ['a fractional minute', { ...event, minute: 20.5 }, false],
  ])('%s -> %s', (_, value, expected) => {
    expect(isTimeTriggerEvent(value, ids, now)).toBe(expected);
  });

  // Each field at its bounds (zone not UTC, so only the shape counts), then one past each bound.
  it.each([
    ['year', 2000, 9999],
    ['month', 1, 12],
    ['week-of-year', 1, 53],
    ['day-of-month', 1, 31],
    ['day-of-week', 1, 7],
    ['hour', 0, 23],
    ['minute', 0, 59],
    ['second', 0, 59],
  ])('%s within %i..%i', (field, min, max) => {
    const zoned = { ...event, timezone: 'Asia/Tokyo' };
    expect(isTimeTriggerEvent({ ...zoned, [field]: min }, ids, now)).toBe(true);
    expect(isTimeTriggerEvent({ ...zoned, [field]: max }, ids, now)).toBe(true);
    expect(isTimeTriggerEvent({ ...zoned, [field]: min - 1 }, ids, now)).toBe(false);
    expect(isTimeTriggerEvent({ ...zoned, [field]: max + 1 }, ids, now)).toBe(false);
    expect(isTimeTriggerEvent({ ...zoned, [field]: undefined }, ids, now)).toBe(false);
  });
});
