// Unit tests of the reminder rules: offsets, exactly once per offset and start, catch-up, re-arming, cancel, opt-out, DST.
import type { Appointment } from '../../src/domain/appointments';
import { dueReminders, parseReminderOffsets, reminderMark, withReminderMark } from '../../src/domain/reminders';

const HOUR = 3600_000;
const MINUTE = 60_000;
const START = Date.UTC(2026, 0, 6, 10, 0);
const OFFSETS = [1440, 120];

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

const due = (rows: Appointment[], now: number, optedOut: string[] = []) =>
  dueReminders(rows, { offsetsMinutes: OFFSETS, now, optedOut: new Set(optedOut) }).map((item) => item.offsetMinutes);

describe('parseReminderOffsets', () => {
  it('reads hours, minutes and days, largest first, without duplicates', () => {
    expect(parseReminderOffsets('24h,2h')).toEqual([1440, 120]);
    expect(parseReminderOffsets('2h, 1d; 30m 120m')).toEqual([1440, 120, 30]);
    expect(parseReminderOffsets('off')).toEqual([]);
    expect(parseReminderOffsets('')).toEqual([]);
  });

  it('names what it cannot read', () => {
    expect(() => parseReminderOffsets('24 hours')).toThrow('"24"');
    expect(() => parseReminderOffsets('1m')).toThrow('between 5m and 7d');
    expect(() => parseReminderOffsets('8d')).toThrow('between 5m and 7d');
  });
});

describe('dueReminders', () => {
  it('sends nothing before the first moment, the 24-hour reminder at its moment and the 2-hour one at its own', () => {
    expect(due([row()], START - 24 * HOUR - MINUTE)).toEqual([]);
    expect(due([row()], START - 24 * HOUR)).toEqual([1440]);
    expect(due([row()], START - 3 * HOUR)).toEqual([1440]);
    expect(due([row()], START - 2 * HOUR)).toEqual([120]);
  });

  it('sends each offset once per start time', () => {
    const reminded = row({ reminded: reminderMark(1440, START) });
    expect(due([reminded], START - 20 * HOUR)).toEqual([]);
    const both = row({ reminded: withReminderMark(reminded.reminded, 120, START) });
    expect(both.reminded).toBe(`${reminderMark(1440, START)} ${reminderMark(120, START)}`);
    expect(due([both], START - HOUR)).toEqual([]);
  });

  it('catches up after a missed tick but skips a 24-hour reminder once the 2-hour one is due', () => {
    expect(due([row()], START - 24 * HOUR + 25 * MINUTE)).toEqual([1440]);
    expect(due([row()], START - 90 * MINUTE)).toEqual([120]);
    const late = dueReminders([row()], { offsetsMinutes: OFFSETS, now: START - 90 * MINUTE, optedOut: new Set() });
    expect(late).toHaveLength(1);
  });

  it('never sends once the appointment began, for a cancelled row, or before the announcement went out', () => {
    expect(due([row()], START)).toEqual([]);
    expect(due([row()], START + MINUTE)).toEqual([]);
    expect(due([row({ state: 'cancelled', announcedKind: 'cancelled' })], START - HOUR)).toEqual([]);
    expect(due([row({ announcedKind: '', pending: 'scheduled' })], START - HOUR)).toEqual([]);
    expect(due([row({ pending: 'rescheduled' })], START - HOUR)).toEqual([]);
  });

  it('sends nothing to an opted-out number', () => {
    expect(due([row()], START - HOUR, ['+4915123456789'])).toEqual([]);
    expect(due([row({ delivery: 'opted-out' })], START - HOUR)).toEqual([]);
  });

  it('skips a reminder whose moment passed before the announcement itself went out', () => {
    // Booked 5 hours ahead: no 24-hour reminder, the 2-hour one still comes.
    const booked = row({ announcedAt: START - 5 * HOUR });
    expect(due([booked], START - 4 * HOUR)).toEqual([]);
    expect(due([booked], START - 2 * HOUR)).toEqual([120]);
  });

  it('re-arms every offset when the appointment moves, and keeps only marks of the current start', () => {
    const moved = START + 24 * HOUR;
    const remindedBefore = row({ reminded: `${reminderMark(1440, START)} ${reminderMark(120, START)}` });
    const after = {
      ...remindedBefore,
      start: moved,
      end: moved + 30 * MINUTE,
      announcedKind: 'rescheduled' as const,
      announcedAt: START - 30 * HOUR,
    };
    expect(due([after], moved - 24 * HOUR)).toEqual([1440]);
    expect(withReminderMark(after.reminded, 1440, moved)).toBe(reminderMark(1440, moved));
  });

  it('counts offsets in real hours across a DST change', () => {
    // Sunday 29 March 2026: Berlin jumps from 02:00 to 03:00. 24 hours before Monday 10:00 CEST is Sunday 09:00 CEST.
    const monday = Date.UTC(2026, 2, 30, 8, 0);
    const dst = row({ start: monday, end: monday + 30 * MINUTE, announcedAt: monday - 5 * 24 * HOUR });
    expect(due([dst], monday - 24 * HOUR - MINUTE)).toEqual([]);
    expect(due([dst], monday - 24 * HOUR)).toEqual([1440]);
  });

  it('orders reminders by start', () => {
    const later = row({ key: 'b', start: START + HOUR, end: START + 2 * HOUR });
    const result = dueReminders([later, row()], { offsetsMinutes: OFFSETS, now: START - 23 * HOUR, optedOut: new Set() });
    expect(result.map((item) => item.row.key)).toEqual(['evt1|+4915123456789', 'b']);
  });
});
