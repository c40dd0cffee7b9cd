// Table tests that trip one guard of the reminder rules at a time: offset parsing, marks and dueReminders, with exact values.
import type { Appointment } from '../../src/domain/appointments';
import {
  DEFAULT_REMINDER_OFFSETS,
  dueReminders,
  parseReminderOffsets,
  reminderMark,
  wasReminded,
  withReminderMark,
} from '../../src/domain/reminders';

const HOUR = 3600_000;
const MINUTE = 60_000;
const START = Date.UTC(2026, 0, 6, 10, 0);
const START_ISO = '2026-01-06T10:00:00.000Z';

function row(overrides: Partial<Appointment> = {}): Appointment {
  return {
    key: 'evt1|+4915123456789',
    eventId: 'evt1',
    iCalUID: 'evt1@google.com',
    phone: '+4915123456789',
    email: '',
    title: 'Checkup',
    start: START,
    end: START + 30 * MINUTE,
    state: 'active',
    pending: '',
    announcedKind: 'scheduled',
    announcedStart: START,
    announcedEnd: START + 30 * MINUTE,
    announcedAt: START - 3 * 24 * HOUR,
    messageSid: 'SM1',
    delivery: 'delivered',
    error: '',
    attempts: 0,
    retryAt: null,
    token: 'pCcVPqwUUNrJxwcl',
    updatedAt: 0,
    reminded: '',
    remindedAt: null,
    confirmedAt: null,
    attempt: '',
    ...overrides,
  };
}

describe('parseReminderOffsets, one input at a time', () => {
  it.each([
    ['24h,2h', [1440, 120]],
    [DEFAULT_REMINDER_OFFSETS, [1440, 120]],
    ['off', []],
    [' OFF ', []],
    ['none', []],
    ['None', []],
    ['', []],
    ['   ', []],
    [',', []],
    [',24h', [1440]],
    ['24H', [1440]],
    [' 2h ; 30m ', [120, 30]],
    ['2h\t1d', [1440, 120]],
    ['5m', [5]],
    ['7d', [10080]],
    ['168h', [10080]],
    ['9999m', [9999]],
    ['1d,24h,1440m', [1440]],
  ])('%j → %j', (text, expected) => {
    expect(parseReminderOffsets(text)).toEqual(expected);
  });

  it.each([
    ['x24h', '"x24h" is not an offset such as 24h, 2h, 30m or 1d'],
    ['24hx', '"24hx" is not an offset such as 24h, 2h, 30m or 1d'],
    ['24xh', '"24xh" is not an offset such as 24h, 2h, 30m or 1d'],
    ['24', '"24" is not an offset such as 24h, 2h, 30m or 1d'],
    ['h', '"h" is not an offset such as 24h, 2h, 30m or 1d'],
    ['24 h', '"24" is not an offset such as 24h, 2h, 30m or 1d'],
    ['12345m', '"12345m" is not an offset such as 24h, 2h, 30m or 1d'],
    ['2w', '"2w" is not an offset such as 24h, 2h, 30m or 1d'],
    ['-2h', '"-2h" is not an offset such as 24h, 2h, 30m or 1d'],
    ['4m', '"4m" must be between 5m and 7d'],
    ['0h', '"0h" must be between 5m and 7d'],
    ['169h', '"169h" must be between 5m and 7d'],
    ['8d', '"8d" must be between 5m and 7d'],
    ['170h', '"170h" must be between 5m and 7d'],
    ['2h,4m', '"4m" must be between 5m and 7d'],
  ])('%j throws %j', (text, message) => {
    expect(() => parseReminderOffsets(text)).toThrow(new Error(message));
  });
});

describe('reminder marks', () => {
  it('writes the offset and the start instant', () => {
    expect(reminderMark(120, START)).toBe(`120@${START_ISO}`);
  });

  it.each([
    ['', `120@${START_ISO}`],
    [`120@${START_ISO}`, `120@${START_ISO}`],
    [`1440@${START_ISO}`, `1440@${START_ISO} 120@${START_ISO}`],
    [`1440@2026-01-05T10:00:00.000Z 120@2026-01-05T10:00:00.000Z`, `120@${START_ISO}`],
    [`  1440@${START_ISO}   `, `1440@${START_ISO} 120@${START_ISO}`],
  ])('withReminderMark(%j, 120) → %j', (reminded, expected) => {
    expect(withReminderMark(reminded, 120, START)).toBe(expected);
  });

  it.each([
    ['', false],
    [`120@${START_ISO}`, true],
    [` 1440@${START_ISO}  120@${START_ISO}`, true],
    [`1440@${START_ISO}`, false],
    [`120@2026-01-05T10:00:00.000Z`, false],
  ])('wasReminded(%j, 120) is %s', (reminded, expected) => {
    expect(wasReminded({ reminded }, 120, START)).toBe(expected);
  });
});

describe('dueReminders, one guard at a time', () => {
  const twoHoursBefore = START - 2 * HOUR;
  const input = { offsetsMinutes: [1440, 120], now: twoHoursBefore, optedOut: new Set<string>() };

  it('sends the 2-hour reminder for a booked row at its moment (the baseline every case below changes once)', () => {
    expect(dueReminders([row()], input)).toEqual([{ row: row(), offsetMinutes: 120 }]);
  });

  it.each<[string, Partial<Appointment>]>([
    ['a cancelled row with nothing pending', { state: 'cancelled' }],
    ['a row with a move pending', { pending: 'rescheduled' }],
    ['a row whose cancellation was announced', { announcedKind: 'cancelled' }],
    ['a row never announced', { announcedKind: '' }],
    ['a row announced exactly at the reminder moment', { announcedAt: twoHoursBefore }],
    ['a row announced after the reminder moment', { announcedAt: twoHoursBefore + 1 }],
    ['a row already reminded at this offset and start', { reminded: `120@${START_ISO}` }],
    ['a row whose number opted out by reply', { delivery: 'opted-out' }],
    ['a row starting now', { start: twoHoursBefore, end: twoHoursBefore + 30 * MINUTE }],
  ])('sends nothing for %s', (_name, overrides) => {
    expect(dueReminders([row(overrides)], input)).toEqual([]);
  });

  it.each<[string, Partial<Appointment>, number]>([
    ['a rescheduled row', { announcedKind: 'rescheduled' }, 120],
    ['a row announced a millisecond before the moment', { announcedAt: twoHoursBefore - 1 }, 120],
    ['a row whose announcement time is unknown', { announcedAt: null }, 120],
    ['a row reminded for its earlier start only', { reminded: '120@2026-01-05T10:00:00.000Z' }, 120],
    ['a row reminded 24 hours before', { reminded: `1440@${START_ISO}` }, 120],
  ])('sends the reminder for %s', (_name, overrides, offsetMinutes) => {
    expect(dueReminders([row(overrides)], input)).toEqual([{ row: row(overrides), offsetMinutes }]);
  });

  it('sends nothing without offsets, nor before the first moment even when the announcement time is unknown', () => {
    expect(dueReminders([row()], { ...input, offsetsMinutes: [] })).toEqual([]);
    expect(dueReminders([row({ announcedAt: null })], { ...input, now: START - 25 * HOUR })).toEqual([]);
  });

  it('sends nothing to a number on the opt-out list', () => {
    expect(dueReminders([row()], { ...input, optedOut: new Set(['+4915123456789']) })).toEqual([]);
    expect(dueReminders([row()], { ...input, optedOut: new Set(['+4915100000000']) })).toHaveLength(1);
  });

  it('orders by start, then by key', () => {
    const b = row({ key: 'b', start: START + HOUR });
    const a = row({ key: 'a', start: START + HOUR });
    const first = row({ key: 'z' });
    const now = START - HOUR;
    expect(dueReminders([b, a, first], { ...input, now }).map((due) => due.row.key)).toEqual(['z', 'a', 'b']);
  });
});
