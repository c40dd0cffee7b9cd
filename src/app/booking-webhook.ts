// The booking webhook (POST ?hook=booking&key=…, JSON): a booking widget creates an appointment; WhatsApp and invitations follow.
import { appointmentKey } from '../domain/appointments';
import { phonesInLocation } from '../domain/phone';
import { formatDateTime, parseIsoInstant } from '../domain/time';
import { constantTimeEqual } from '../domain/tokens';
import { busyIntervals, eventTimes, insertEvent, listEventsBetween, type CalendarEvent } from '../gas/calendar';
import { withScriptLock } from '../gas/lock';
import { logError } from '../gas/log';
import { now } from '../gas/platform';
import { cleanEmail, cleanName, cleanPhone } from './booking';
import { AppContext } from './context';
import { guestUpdates } from './invitations';
import { BUSY_MESSAGE, PAGE_LOCK_WAIT_MS, RequestError, iso, syncAfterChange } from './requests';
import { bookingRulesOf, horizonEndOf } from './slots-service';

export type BookingHookAnswer = { ok: true; id: string; link: string | null; duplicate?: true } | { ok: false; error: string };

const MINUTE_MS = 60_000;
const MAX_BODY_LENGTH = 10_000;
const MAX_TITLE = 200;
const MAX_NOTES = 2000;
const MAX_LENGTH_MINUTES = 12 * 60;
const FIELDS = new Set(['name', 'email', 'phone', 'start', 'end', 'title', 'notes', 'allowBusy']);
const UNAUTHORISED = 'Unauthorised: the URL needs key=<BOOKING_API_KEY>.';
const INTERNAL = 'Something went wrong on our side. Nothing was booked. Please try again in a few minutes.';
const ZONED_EXAMPLE = '2026-01-06T11:00:00+01:00';
// Controls and bidirectional overrides; notes keep their line breaks.
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export interface HookBooking {
  name: string;
  email: string;
  phone: string;
  start: number;
  end: number;
  title: string;
  notes: string;
  allowBusy: boolean;
}

/** Runs a field's check and names the field in its refusal, since an API caller has no form to look at. */
function field<T>(name: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof RequestError) throw new RequestError(`"${name}": ${error.message}`);
    throw error;
  }
}

function optionalText(input: Record<string, unknown>, name: string, max: number, singleLine: boolean): string {
  const value = input[name];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new RequestError(`"${name}" must be a string.`);
  let text = value.replace(UNPRINTABLE, ' ');
  text = singleLine ? text.replace(/\s+/g, ' ') : text.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ');
  text = text.trim();
  if (Array.from(text).length > max) throw new RequestError(`"${name}" may be at most ${max} characters.`);
  return text;
}

function zonedInstant(value: unknown, name: string): number {
  if (typeof value !== 'string' || value.length > 40)
    throw new RequestError(`"${name}" must be an ISO 8601 time with a zone, like ${ZONED_EXAMPLE}.`);
  const ms = parseIsoInstant(value);
  if (ms === null)
    throw new RequestError(`"${name}" must be an ISO 8601 time with a zone (Z or an offset), like ${ZONED_EXAMPLE}; got "${value}".`);
  return ms;
}

/** Parses and checks the request body; every refusal is a RequestError that says what to fix. */
export function readHookBooking(
  contents: unknown,
  input: { defaultCountry: string; bookingMinutes: number; now: number; horizonEnd: number; horizonDays: number; timeZone: string },
): HookBooking {
  if (typeof contents !== 'string' || contents.trim() === '')
    throw new RequestError('The request needs a JSON body: {"name", "email" or "phone", "start"}.');
  if (contents.length > MAX_BODY_LENGTH) throw new RequestError(`The body may be at most ${MAX_BODY_LENGTH} characters.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(contents);
  } catch {
    throw new RequestError('The body is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new RequestError('The body must be a JSON object.');
  const body = parsed as Record<string, unknown>;
  const unknown = Object.keys(body).filter((name) => !FIELDS.has(name));
  if (unknown.length > 0)
    throw new RequestError(`Unknown field ${unknown.map((name) => `"${name}"`).join(', ')}; allowed: ${Array.from(FIELDS).join(', ')}.`);

  const name = field('name', () => cleanName(body.name));
  const email = field('email', () => cleanEmail(body.email));
  const phoneInput = body.phone;
  const phone =
    phoneInput === undefined || phoneInput === null || phoneInput === ''
      ? ''
      : field('phone', () => cleanPhone(phoneInput, input.defaultCountry));
  if (email === '' && phone === '')
    throw new RequestError('Give at least one of "email" and "phone", so the attendee hears about the appointment.');
  const start = zonedInstant(body.start, 'start');
  const end = body.end === undefined || body.end === null ? start + input.bookingMinutes * MINUTE_MS : zonedInstant(body.end, 'end');
  if (!(end > start)) throw new RequestError('"end" must be after "start".');
  if (end - start > MAX_LENGTH_MINUTES * MINUTE_MS)
    throw new RequestError(`An appointment may last at most ${MAX_LENGTH_MINUTES / 60} hours.`);
  if (start <= input.now) throw new RequestError('"start" must be in the future (it is in the past or right now).');
  if (end > input.horizonEnd) {
    const until = formatDateTime(input.horizonEnd, input.timeZone);
    throw new RequestError(
      `The appointment must end by the booking horizon, ${until} (HORIZON_DAYS = ${input.horizonDays}), as on the booking page.`,
    );
  }
  if (body.allowBusy !== undefined && typeof body.allowBusy !== 'boolean') throw new RequestError('"allowBusy" must be true or false.');
  return {
    name,
    email,
    phone,
    start,
    end,
    title: optionalText(body, 'title', MAX_TITLE, true),
    notes: optionalText(body, 'notes', MAX_NOTES, false),
    allowBusy: body.allowBusy === true,
  };
}

export function hookEvent(booking: HookBooking, timeZone: string): CalendarEvent {
  const lines = [booking.notes, booking.notes ? '' : null, 'Booked through the booking webhook.', `Name: ${booking.name}`];
  if (booking.phone) lines.push(`WhatsApp: ${booking.phone}`);
  if (booking.email) lines.push(`Email: ${booking.email}`);
  const event: CalendarEvent = {
    summary: booking.title || `${booking.name} – booked online`,
    description: lines.filter((line): line is string => line !== null).join('\n'),
    start: { dateTime: iso(booking.start), timeZone },
    end: { dateTime: iso(booking.end), timeZone },
  };
  // As for any event the host makes: the number in the location, the email as a guest.
  if (booking.phone) event.location = booking.phone;
  if (booking.email) event.attendees = [{ email: booking.email, displayName: booking.name }];
  return event;
}

/**
 * The calendar is the idempotency record: an event at the same start for the same number or guest
 * email is the booking this request already made (a widget retrying after a timeout), so it is
 * answered again instead of booked twice. No separate store can drift from the calendar.
 */
function existingBooking(context: AppContext, booking: HookBooking): CalendarEvent | undefined {
  const country = context.settings.defaultCountry || undefined;
  return listEventsBetween(context.settings.calendarId, booking.start, booking.start + MINUTE_MS).find((event) => {
    if (event.status === 'cancelled' || eventTimes(event).start !== booking.start) return false;
    const samePhone = booking.phone !== '' && phonesInLocation(event.location ?? '', country).phones.includes(booking.phone);
    const sameEmail =
      booking.email !== '' && (event.attendees ?? []).some((guest) => (guest.email ?? '').toLowerCase() === booking.email.toLowerCase());
    return samePhone || sameEmail;
  });
}

function slotIsFree(context: AppContext, booking: HookBooking): boolean {
  const rules = bookingRulesOf(context);
  const calendars = Array.from(new Set([context.settings.calendarId, ...rules.extraCalendars]));
  return !busyIntervals(calendars, booking.start, booking.end).some((busy) => busy.start < booking.end && busy.end > booking.start);
}

function createOnce(context: AppContext, booking: HookBooking): { id: string; created: boolean } {
  const locked = withScriptLock(PAGE_LOCK_WAIT_MS, () => {
    const existing = existingBooking(context, booking);
    if (existing) return { id: String(existing.id), created: false };
    if (!booking.allowBusy && !slotIsFree(context, booking))
      throw new RequestError("That time is not free in the host's calendar. Nothing was booked.");
    const event = hookEvent(booking, context.timeZone);
    const created = insertEvent(context.settings.calendarId, event, guestUpdates(context, event));
    return { id: String(created.id), created: true };
  });
  if (!locked.ran) throw new RequestError(BUSY_MESSAGE);
  return locked.value;
}

/** Answers one webhook request; never throws, never shows internals. `key` comes from the query, as doPost cannot read headers. */
export function handleBookingHook(key: string | undefined, contents: unknown): BookingHookAnswer {
  try {
    const context = AppContext.load();
    const expected = context.bookingApiKey;
    if (expected === '' || !constantTimeEqual(key ?? '', expected)) return { ok: false, error: UNAUTHORISED };
    const rules = bookingRulesOf(context);
    const at = now();
    const booking = readHookBooking(contents, {
      defaultCountry: context.settings.defaultCountry,
      bookingMinutes: rules.bookingMinutes,
      now: at,
      horizonEnd: horizonEndOf(context, rules, at),
      horizonDays: rules.horizonDays,
      timeZone: context.timeZone,
    });
    const result = createOnce(context, booking);
    // The sync announces it on WhatsApp and sends email invitations like for any event the host adds.
    if (result.created) syncAfterChange(context, 'booking webhook');
    const link = booking.phone ? context.appointmentLink(context.tokenFor(appointmentKey(result.id, booking.phone))) : null;
    return result.created ? { ok: true, id: result.id, link } : { ok: true, id: result.id, link, duplicate: true };
  } catch (error) {
    if (error instanceof RequestError) return { ok: false, error: error.message };
    logError('booking webhook failed', error);
    return { ok: false, error: INTERNAL };
  }
}
