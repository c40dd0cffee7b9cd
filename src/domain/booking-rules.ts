// The host's slot and booking settings (working hours, step, buffer, notice, horizon, booking length, caps) read from script properties.
import { errorMessage } from './errors';
import { SettingsError } from './settings';
import { DEFAULT_SLOT_RULES, parseLocalTime, type SlotRules, type WorkingHours } from './slots';

/** Script property names of the slot and booking settings; all optional, with the defaults below. */
export const BOOKING_PROP = {
  workingHours: 'WORKING_HOURS',
  slotStep: 'SLOT_STEP_MINUTES',
  buffer: 'BUFFER_MINUTES',
  minNotice: 'MIN_NOTICE_MINUTES',
  horizon: 'HORIZON_DAYS',
  bookingMinutes: 'BOOKING_MINUTES',
  extraCalendars: 'EXTRA_CALENDARS',
  maxOpenBookings: 'MAX_OPEN_BOOKINGS_PER_NUMBER',
} as const;

export interface BookingRules {
  workingHours: WorkingHours;
  stepMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** The length of an appointment booked on the booking page. */
  bookingMinutes: number;
  /** Calendars whose busy time also blocks slots (besides the host's own calendar). */
  extraCalendars: string[];
  maxOpenBookingsPerNumber: number;
}

export const DEFAULT_MAX_OPEN_BOOKINGS = 3;
/** Google's free/busy query refuses long windows; two months stays well inside what it answers. */
export const MAX_HORIZON_DAYS = 60;
const MAX_EXTRA_CALENDARS = 10;

const WEEKDAY_KEYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const WEEKDAY_ALIASES: Record<string, string> = {
  sunday: 'sun',
  monday: 'mon',
  tuesday: 'tue',
  wednesday: 'wed',
  thursday: 'thu',
  friday: 'fri',
  saturday: 'sat',
};

const WORKING_HOURS_EXAMPLE = '{"mon":[["09:00","17:00"]],"tue":[["09:00","12:00"],["13:00","17:00"]]}';

function whole(props: Record<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = (props[name] ?? '').trim();
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new SettingsError(name, `"${raw}" must be a whole number from ${min} to ${max}`);
  const value = Number(raw);
  if (value < min || value > max) throw new SettingsError(name, `${value} must be from ${min} to ${max}`);
  return value;
}

function parseWorkingHours(raw: string): WorkingHours {
  const name = BOOKING_PROP.workingHours;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SettingsError(name, `is not valid JSON; write it like ${WORKING_HOURS_EXAMPLE}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SettingsError(name, `must be a JSON object of weekday to time ranges, like ${WORKING_HOURS_EXAMPLE}`);
  }
  const hours: WorkingHours = {};
  for (const [key, ranges] of Object.entries(parsed as Record<string, unknown>)) {
    const lower = key.trim().toLowerCase();
    const dayKey = WEEKDAY_ALIASES[lower] ?? lower;
    const weekday = WEEKDAY_KEYS[dayKey];
    if (weekday === undefined) throw new SettingsError(name, `"${key}" is not a weekday; use mon, tue, wed, thu, fri, sat or sun`);
    if (hours[weekday]) throw new SettingsError(name, `names ${dayKey} twice`);
    if (!Array.isArray(ranges)) throw new SettingsError(name, `${dayKey} must be a list of ["from","to"] pairs, e.g. [["09:00","17:00"]]`);
    const windows: Array<[string, string]> = [];
    for (const range of ranges) {
      if (!Array.isArray(range) || range.length !== 2 || typeof range[0] !== 'string' || typeof range[1] !== 'string') {
        throw new SettingsError(name, `${dayKey} has ${JSON.stringify(range)}; each range must be a pair like ["09:00","17:00"]`);
      }
      let from: number;
      let to: number;
      try {
        from = parseLocalTime(range[0]);
        to = parseLocalTime(range[1]);
      } catch (error) {
        throw new SettingsError(name, `${dayKey}: ${errorMessage(error)}`);
      }
      if (from >= to) throw new SettingsError(name, `${dayKey}: "${range[0]}" to "${range[1]}" ends before it starts`);
      windows.push([range[0].trim(), range[1].trim()]);
    }
    hours[weekday] = windows;
  }
  return hours;
}

function parseCalendarList(raw: string): string[] {
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length > MAX_EXTRA_CALENDARS)
    throw new SettingsError(BOOKING_PROP.extraCalendars, `names ${ids.length} calendars; at most ${MAX_EXTRA_CALENDARS} are allowed`);
  for (const id of ids) {
    if (/\s/.test(id) || id.length > 200)
      throw new SettingsError(BOOKING_PROP.extraCalendars, `"${id}" is not a calendar id; separate ids with commas`);
  }
  return Array.from(new Set(ids));
}

/** Reads and validates the slot and booking settings; the first problem throws a SettingsError naming the property. */
export function parseBookingRules(props: Record<string, string>): BookingRules {
  const rawHours = (props[BOOKING_PROP.workingHours] ?? '').trim();
  return {
    workingHours: rawHours === '' ? DEFAULT_SLOT_RULES.workingHours : parseWorkingHours(rawHours),
    stepMinutes: whole(props, BOOKING_PROP.slotStep, DEFAULT_SLOT_RULES.stepMinutes, 5, 24 * 60),
    bufferMinutes: whole(props, BOOKING_PROP.buffer, DEFAULT_SLOT_RULES.bufferMinutes, 0, 24 * 60),
    minNoticeMinutes: whole(props, BOOKING_PROP.minNotice, DEFAULT_SLOT_RULES.minNoticeMinutes, 0, MAX_HORIZON_DAYS * 24 * 60),
    horizonDays: whole(props, BOOKING_PROP.horizon, DEFAULT_SLOT_RULES.horizonDays, 1, MAX_HORIZON_DAYS),
    bookingMinutes: whole(props, BOOKING_PROP.bookingMinutes, DEFAULT_SLOT_RULES.durationMinutes, 5, 12 * 60),
    extraCalendars: parseCalendarList(props[BOOKING_PROP.extraCalendars] ?? ''),
    maxOpenBookingsPerNumber: whole(props, BOOKING_PROP.maxOpenBookings, DEFAULT_MAX_OPEN_BOOKINGS, 1, 100),
  };
}

/** The rules findFreeSlots takes, for an appointment of `durationMinutes` in the host's zone. */
export function slotRulesFor(rules: BookingRules, timeZone: string, durationMinutes: number): SlotRules {
  return {
    timeZone,
    workingHours: rules.workingHours,
    durationMinutes,
    stepMinutes: rules.stepMinutes,
    bufferMinutes: rules.bufferMinutes,
    minNoticeMinutes: rules.minNoticeMinutes,
    horizonDays: rules.horizonDays,
  };
}
