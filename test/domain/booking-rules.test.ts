// Slot and booking settings from script properties: defaults, valid forms, and errors that name the property.
import { BOOKING_PROP, DEFAULT_MAX_OPEN_BOOKINGS, parseBookingRules, slotRulesFor } from '../../src/domain/booking-rules';
import { SettingsError } from '../../src/domain/settings';
import { DEFAULT_SLOT_RULES, findFreeSlots } from '../../src/domain/slots';

function problem(props: Record<string, string>): SettingsError {
  try {
    parseBookingRules(props);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return error as SettingsError;
  }
  throw new Error('expected a SettingsError');
}

describe('parseBookingRules', () => {
  test('defaults come from DEFAULT_SLOT_RULES', () => {
    expect(parseBookingRules({})).toEqual({
      workingHours: DEFAULT_SLOT_RULES.workingHours,
      stepMinutes: DEFAULT_SLOT_RULES.stepMinutes,
      bufferMinutes: DEFAULT_SLOT_RULES.bufferMinutes,
      minNoticeMinutes: DEFAULT_SLOT_RULES.minNoticeMinutes,
      horizonDays: DEFAULT_SLOT_RULES.horizonDays,
      bookingMinutes: DEFAULT_SLOT_RULES.durationMinutes,
      extraCalendars: [],
      maxOpenBookingsPerNumber: DEFAULT_MAX_OPEN_BOOKINGS,
    });
    expect(parseBookingRules({ WORKING_HOURS: '  ', SLOT_STEP_MINUTES: '' }).stepMinutes).toBe(30);
  });

  test('reads every setting', () => {
    const rules = parseBookingRules({
      WORKING_HOURS: '{"Mon":[["08:00","12:00"],["13:00","17:30"]],"saturday":[[" 10:00 ","24:00"]],"sun":[]}',
      SLOT_STEP_MINUTES: '15',
      BUFFER_MINUTES: '10',
      MIN_NOTICE_MINUTES: '0',
      HORIZON_DAYS: '14',
      BOOKING_MINUTES: '45',
      EXTRA_CALENDARS: ' team@example.com, ,holidays@group.calendar.google.com,team@example.com ',
      MAX_OPEN_BOOKINGS_PER_NUMBER: '1',
    });
    expect(rules).toEqual({
      workingHours: {
        1: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        6: [['10:00', '24:00']],
        0: [],
      },
      stepMinutes: 15,
      bufferMinutes: 10,
      minNoticeMinutes: 0,
      horizonDays: 14,
      bookingMinutes: 45,
      extraCalendars: ['team@example.com', 'holidays@group.calendar.google.com'],
      maxOpenBookingsPerNumber: 1,
    });
  });

  test.each([
    [{ WORKING_HOURS: 'mon 9-5' }, BOOKING_PROP.workingHours, /not valid JSON/],
    [{ WORKING_HOURS: '[["09:00","17:00"]]' }, BOOKING_PROP.workingHours, /JSON object of weekday/],
    [{ WORKING_HOURS: '{"funday":[["09:00","17:00"]]}' }, BOOKING_PROP.workingHours, /"funday" is not a weekday/],
    [{ WORKING_HOURS: '{"mon":"09:00-17:00"}' }, BOOKING_PROP.workingHours, /mon must be a list/],
    [{ WORKING_HOURS: '{"mon":[["09:00"]]}' }, BOOKING_PROP.workingHours, /each range must be a pair/],
    [{ WORKING_HOURS: '{"mon":[["9am","5pm"]]}' }, BOOKING_PROP.workingHours, /"9am" is not a time of day/],
    [{ WORKING_HOURS: '{"mon":[["17:00","09:00"]]}' }, BOOKING_PROP.workingHours, /ends before it starts/],
    [{ WORKING_HOURS: '{"mon":[],"monday":[]}' }, BOOKING_PROP.workingHours, /names mon twice/],
    [{ SLOT_STEP_MINUTES: 'half an hour' }, BOOKING_PROP.slotStep, /whole number from 5 to 1440/],
    [{ SLOT_STEP_MINUTES: '0' }, BOOKING_PROP.slotStep, /from 5 to 1440/],
    [{ BUFFER_MINUTES: '-5' }, BOOKING_PROP.buffer, /whole number/],
    [{ MIN_NOTICE_MINUTES: '1.5' }, BOOKING_PROP.minNotice, /whole number/],
    [{ HORIZON_DAYS: '365' }, BOOKING_PROP.horizon, /from 1 to 60/],
    [{ HORIZON_DAYS: '0' }, BOOKING_PROP.horizon, /from 1 to 60/],
    [{ BOOKING_MINUTES: '1' }, BOOKING_PROP.bookingMinutes, /from 5 to 720/],
    [{ EXTRA_CALENDARS: 'a@example.com b@example.com' }, BOOKING_PROP.extraCalendars, /separate ids with commas/],
    [{ EXTRA_CALENDARS: Array.from({ length: 11 }, (_, i) => `c${i}@example.com`).join(',') }, BOOKING_PROP.extraCalendars, /at most 10/],
    [{ MAX_OPEN_BOOKINGS_PER_NUMBER: '0' }, BOOKING_PROP.maxOpenBookings, /from 1 to 100/],
  ])('%j is refused naming %s', (props, property, message) => {
    const error = problem(props as Record<string, string>);
    expect(error.property).toBe(property);
    expect(error.message).toMatch(new RegExp(`^Setting ${property}: `));
    expect(error.message).toMatch(message);
  });

  const EXAMPLE = '{"mon":[["09:00","17:00"]],"tue":[["09:00","12:00"],["13:00","17:00"]]}';

  test.each([
    ['sunday', 0],
    ['monday', 1],
    ['tuesday', 2],
    ['wednesday', 3],
    ['thursday', 4],
    ['friday', 5],
    ['saturday', 6],
    [' Wed ', 3],
    ['SAT', 6],
  ])('the weekday %j is day %i', (key, weekday) => {
    const hours = parseBookingRules({ WORKING_HOURS: JSON.stringify({ [key]: [['09:00', '10:00']] }) }).workingHours;
    expect(hours).toEqual({ [weekday]: [['09:00', '10:00']] });
  });

  test('both ends of a range are trimmed', () => {
    expect(parseBookingRules({ WORKING_HOURS: '{"mon":[[" 09:00 "," 17:00 "]]}' }).workingHours).toEqual({ 1: [['09:00', '17:00']] });
  });

  test.each([
    ['a number with spaces around it', { SLOT_STEP_MINUTES: ' 15 ' }, 'stepMinutes', 15],
    ['the largest step', { SLOT_STEP_MINUTES: '1440' }, 'stepMinutes', 1440],
    ['the smallest step', { SLOT_STEP_MINUTES: '5' }, 'stepMinutes', 5],
    ['the longest horizon', { HORIZON_DAYS: '60' }, 'horizonDays', 60],
    ['the longest notice: the horizon in minutes', { MIN_NOTICE_MINUTES: '86400' }, 'minNoticeMinutes', 86400],
    ['the longest booking', { BOOKING_MINUTES: '720' }, 'bookingMinutes', 720],
    ['the most open bookings', { MAX_OPEN_BOOKINGS_PER_NUMBER: '100' }, 'maxOpenBookingsPerNumber', 100],
  ] as const)('%s is taken', (_, props, field, value) => {
    expect(parseBookingRules(props)[field]).toBe(value);
  });

  test('ten extra calendars and an id of 200 characters are taken', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `c${i}@example.com`);
    expect(parseBookingRules({ EXTRA_CALENDARS: ten.join(',') }).extraCalendars).toEqual(ten);
    const long = `${'a'.repeat(188)}@example.com`;
    expect(long).toHaveLength(200);
    expect(parseBookingRules({ EXTRA_CALENDARS: long }).extraCalendars).toEqual([long]);
  });

  test.each([
    [{ WORKING_HOURS: '{"mon":[' }, `is not valid JSON; write it like ${EXAMPLE}`],
    [{ WORKING_HOURS: 'null' }, `must be a JSON object of weekday to time ranges, like ${EXAMPLE}`],
    [{ WORKING_HOURS: '"mon"' }, `must be a JSON object of weekday to time ranges, like ${EXAMPLE}`],
    [{ WORKING_HOURS: '5' }, `must be a JSON object of weekday to time ranges, like ${EXAMPLE}`],
    [{ WORKING_HOURS: '{"mon":["09:00","17:00"]}' }, 'mon has "09:00"; each range must be a pair like ["09:00","17:00"]'],
    [
      { WORKING_HOURS: '{"mon":[["09:00","12:00","17:00"]]}' },
      'mon has ["09:00","12:00","17:00"]; each range must be a pair like ["09:00","17:00"]',
    ],
    [{ WORKING_HOURS: '{"mon":[[9,"17:00"]]}' }, 'mon has [9,"17:00"]; each range must be a pair like ["09:00","17:00"]'],
    [{ WORKING_HOURS: '{"mon":[["09:00",17]]}' }, 'mon has ["09:00",17]; each range must be a pair like ["09:00","17:00"]'],
    [{ WORKING_HOURS: '{"mon":[["09:00","09:00"]]}' }, 'mon: "09:00" to "09:00" ends before it starts'],
    [{ WORKING_HOURS: '{"tue":[["09:00","25:00"]]}' }, 'tue: "25:00" is not a time of day like 09:00'],
    [{ SLOT_STEP_MINUTES: '1441' }, '1441 must be from 5 to 1440'],
    [{ SLOT_STEP_MINUTES: '4' }, '4 must be from 5 to 1440'],
    [{ BUFFER_MINUTES: '1441' }, '1441 must be from 0 to 1440'],
    [{ MIN_NOTICE_MINUTES: '86401' }, '86401 must be from 0 to 86400'],
    [{ HORIZON_DAYS: '61' }, '61 must be from 1 to 60'],
    [{ BOOKING_MINUTES: '721' }, '721 must be from 5 to 720'],
    [{ MAX_OPEN_BOOKINGS_PER_NUMBER: '101' }, '101 must be from 1 to 100'],
    [{ MAX_OPEN_BOOKINGS_PER_NUMBER: 'ten' }, '"ten" must be a whole number from 1 to 100'],
    [
      { EXTRA_CALENDARS: `${'a'.repeat(189)}@example.com` },
      `"${'a'.repeat(189)}@example.com" is not a calendar id; separate ids with commas`,
    ],
    [{ EXTRA_CALENDARS: 'a@example.com,b\tc@example.com' }, '"b\tc@example.com" is not a calendar id; separate ids with commas'],
  ])('%j: the exact problem', (props, expected) => {
    expect(problem(props as Record<string, string>).problem).toBe(expected);
  });

  test('slotRulesFor gives findFreeSlots what it needs', () => {
    const rules = parseBookingRules({ WORKING_HOURS: '{"mon":[["09:00","10:00"]]}', MIN_NOTICE_MINUTES: '0', SLOT_STEP_MINUTES: '20' });
    const slotRules = slotRulesFor(rules, 'Europe/Berlin', 20);
    const now = Date.UTC(2026, 0, 5, 7, 0);
    const slots = findFreeSlots({ busy: [], now, rules: slotRules, limit: 3 });
    expect(slots.map((slot) => new Date(slot.start).toISOString())).toEqual([
      '2026-01-05T08:00:00.000Z',
      '2026-01-05T08:20:00.000Z',
      '2026-01-05T08:40:00.000Z',
    ]);
  });
});
