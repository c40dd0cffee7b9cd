// Whether an event object is one Google's installable triggers send: the stored uid of that trigger and the fields its kind carries.

/** The uids of this project's two triggers, as setup stored them (ScriptApp's Trigger.getUniqueId()). */
export interface TriggerIds {
  calendarUid: string;
  /** The calendar the calendar trigger watches (ScriptApp's forUserCalendar id). */
  calendarId: string;
  tickUid: string;
}

/** A time-driven event names the moment it fired; allow for a queue delay before the execution starts. */
const FIRED_WITHIN_MS = 30 * 60_000;

type EventFields = Record<string, unknown>;

function fieldsOf(event: unknown): EventFields | null {
  // typeof null is 'object' too: null comes through as the null this answers anyway.
  return typeof event === 'object' && !Array.isArray(event) ? (event as EventFields | null) : null;
}

const AUTH_MODES = new Set(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

/** authMode is a ScriptApp.AuthMode enum value, whose string form is its name (a missing one reads "undefined" or "null"). */
function hasAuthMode(fields: EventFields): boolean {
  return AUTH_MODES.has(String(fields.authMode));
}

/** Compared as text: getUniqueId() answers a string, whatever type the event field has. */
function sameUid(value: unknown, uid: string): boolean {
  return uid !== '' && (typeof value === 'string' || typeof value === 'number') && String(value) === uid;
}

function wholeIn(value: unknown, min: number, max: number): value is number {
  // Number.isInteger is false for anything that is not a number.
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

export function parseTriggerIds(raw: string | null | undefined): TriggerIds | null {
  // Stryker disable next-line ConditionalExpression: JSON.parse of '', null or undefined throws or gives null, both null here
  if (!raw) return null;
  try {
    const value = fieldsOf(JSON.parse(raw));
    // Stryker disable next-line ConditionalExpression: destructuring null throws, and the catch answers null too
    if (!value) return null;
    const { calendarUid, calendarId, tickUid } = value;
    if (typeof calendarUid !== 'string' || typeof calendarId !== 'string' || typeof tickUid !== 'string') return null;
    return { calendarUid, calendarId, tickUid };
  } catch {
    return null;
  }
}

/**
 * A calendar trigger sends {authMode, calendarId, triggerUid}
 * (https://developers.google.com/apps-script/guides/triggers/events#google_calendar_events).
 */
export function isCalendarTriggerEvent(event: unknown, ids: TriggerIds): boolean {
  const fields = fieldsOf(event);
  if (!fields) return false;
  return sameUid(fields.triggerUid, ids.calendarUid) && fields.calendarId === ids.calendarId && hasAuthMode(fields);
}

/**
 * A time-driven trigger sends {authMode, year, month, week-of-year, day-of-month, day-of-week, hour, minute,
 * second, timezone, triggerUid} (https://developers.google.com/apps-script/guides/triggers/events#time-driven_events);
 * the time fields are in `timezone`, which Google documents as UTC, and name the moment the trigger fired.
 */
export function isTimeTriggerEvent(event: unknown, ids: TriggerIds, now: number): boolean {
  const fields = fieldsOf(event);
  if (!fields || !sameUid(fields.triggerUid, ids.tickUid) || !hasAuthMode(fields)) return false;
  const wellFormed =
    wholeIn(fields.year, 2000, 9999) &&
    wholeIn(fields.month, 1, 12) &&
    wholeIn(fields['week-of-year'], 1, 53) &&
    wholeIn(fields['day-of-month'], 1, 31) &&
    wholeIn(fields['day-of-week'], 1, 7) &&
    wholeIn(fields.hour, 0, 23) &&
    wholeIn(fields.minute, 0, 59) &&
    wholeIn(fields.second, 0, 59) &&
    typeof fields.timezone === 'string' &&
    fields.timezone !== '';
  if (!wellFormed) return false;
  if (fields.timezone !== 'UTC') return true;
  const named = Date.UTC(
    fields.year as number,
    (fields.month as number) - 1,
    fields['day-of-month'] as number,
    fields.hour as number,
    fields.minute as number,
    fields.second as number,
  );
  return Math.abs(now - named) <= FIRED_WITHIN_MS;
}
