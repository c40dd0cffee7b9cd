// Free slots of the host: slot settings plus one Freebusy query across the host's calendars for the whole window.
import { parseBookingRules, slotRulesFor, type BookingRules } from '../domain/booking-rules';
import { findFreeSlots, type Interval } from '../domain/slots';
import { addDaysInZone, startOfDayInZone } from '../domain/time';
import { busyIntervals } from '../gas/calendar';
import { now } from '../gas/platform';
import type { AppContext } from './context';

const MINUTE_MS = 60_000;
/** A page never needs more than this many buttons; it also bounds the reply to an anonymous caller. */
export const MAX_SLOTS = 400;

export function bookingRulesOf(context: AppContext): BookingRules {
  return parseBookingRules(context.props);
}

function calendarsOf(context: AppContext, rules: BookingRules): string[] {
  return Array.from(new Set([context.settings.calendarId, ...rules.extraCalendars]));
}

/** The end of the bookable window: the start of the day HORIZON_DAYS after today, in the host's zone. Page and webhook share it. */
export function horizonEndOf(context: AppContext, rules: BookingRules, at: number): number {
  return addDaysInZone(startOfDayInZone(at, context.timeZone), rules.horizonDays, context.timeZone);
}

/** Every free slot of `durationMinutes` from now (or `from`) to the horizon, with exactly one Freebusy call. */
export function freeSlots(
  context: AppContext,
  rules: BookingRules,
  input: { durationMinutes: number; from?: number; ignore?: Interval; limit?: number },
): Interval[] {
  const at = now();
  const zone = context.timeZone;
  const slotRules = slotRulesFor(rules, zone, input.durationMinutes);
  const horizonEnd = horizonEndOf(context, rules, at);
  const windowStart = Math.max(at, input.from ?? at) - rules.bufferMinutes * MINUTE_MS;
  const windowEnd = horizonEnd + rules.bufferMinutes * MINUTE_MS;
  if (!(windowEnd > windowStart)) return [];
  const busy = busyIntervals(calendarsOf(context, rules), windowStart, windowEnd);
  return findFreeSlots({ busy, now: at, from: input.from, rules: slotRules, ignore: input.ignore, limit: input.limit ?? MAX_SLOTS });
}

/**
 * Whether `slot` is one the page could offer right now: aligned to the working hours and step,
 * inside notice and horizon, and free in a fresh Freebusy query around it (buffer included).
 */
export function isOfferableSlot(context: AppContext, rules: BookingRules, slot: Interval, ignore?: Interval): boolean {
  const at = now();
  const zone = context.timeZone;
  const durationMinutes = (slot.end - slot.start) / MINUTE_MS;
  if (!(durationMinutes > 0) || !Number.isInteger(durationMinutes)) return false;
  const horizonEnd = horizonEndOf(context, rules, at);
  if (slot.start <= at || slot.end > horizonEnd) return false;
  const buffer = rules.bufferMinutes * MINUTE_MS;
  const busy = busyIntervals(calendarsOf(context, rules), slot.start - buffer - MINUTE_MS, slot.end + buffer + MINUTE_MS);
  const [first] = findFreeSlots({ busy, now: at, from: slot.start, rules: slotRulesFor(rules, zone, durationMinutes), ignore, limit: 1 });
  return first !== undefined && first.start === slot.start && first.end === slot.end;
}
