// Google Calendar through the advanced service: incremental sync, reads and the script's own writes.
import { errorMessage } from '../domain/errors';
export type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

/** The advanced service is declared optional in the typings; the manifest enables it. */
function api(): GoogleAppsScript.Calendar {
  return Calendar as GoogleAppsScript.Calendar;
}

export interface EventPage {
  items: CalendarEvent[];
  nextSyncToken: string;
  /** The calendar's own zone: every Events.list answer names it (https://developers.google.com/calendar/api/v3/reference/events/list#response). */
  timeZone: string;
}

/** A timed event's start and end instants (null for all-day or unreadable times); Google sends RFC 3339 with an offset. */
export function eventTimes(event: CalendarEvent): { start: number | null; end: number | null } {
  const instant = (value: string | undefined): number | null => {
    const ms = value ? Date.parse(value) : NaN;
    return Number.isNaN(ms) ? null : ms;
  };
  return { start: instant(event.start?.dateTime), end: instant(event.end?.dateTime) };
}

/** A series or one of its instances: the sync lists masters with `recurrence` and changed instances with `recurringEventId`. */
export function isRecurringEvent(event: CalendarEvent): boolean {
  return (event.recurrence?.length ?? 0) > 0 || Boolean(event.recurringEventId);
}

/** Someone else's event the host was invited to: `organizer.self` is true only for this calendar's own events (false is left out). */
export function isOrganizedElsewhere(event: CalendarEvent): boolean {
  return event.organizer != null && event.organizer.self !== true;
}

/** The advanced service reports HTTP errors only through the message text. */
function isSyncTokenExpired(error: unknown): boolean {
  const message = errorMessage(error);
  return /\b410\b|full sync|fullSyncRequired|sync token is no longer valid/i.test(message);
}

function listAllPages(calendarId: string, args: Record<string, unknown>): EventPage {
  const items: CalendarEvent[] = [];
  let pageToken: string | undefined;
  for (;;) {
    const page = api().Events!.list(calendarId, pageToken ? { ...args, pageToken } : args);
    for (const item of page.items ?? []) items.push(item);
    if (page.nextPageToken) {
      pageToken = page.nextPageToken;
      continue;
    }
    return { items, nextSyncToken: page.nextSyncToken ?? '', timeZone: page.timeZone ?? '' };
  }
}

/** Every event changed since the token, deleted ones included; 'expired' when Google asks for a full sync. */
export function listChangedEvents(calendarId: string, syncToken: string): EventPage | 'expired' {
  try {
    return listAllPages(calendarId, { syncToken, maxResults: 2500 });
  } catch (error) {
    if (isSyncTokenExpired(error)) return 'expired';
    throw error;
  }
}

/** Events that end after `fromMs`, with a sync token for the changes that follow. */
export function listUpcomingEvents(calendarId: string, fromMs: number): EventPage {
  return listAllPages(calendarId, { timeMin: new Date(fromMs).toISOString(), maxResults: 2500 });
}

/** Events overlapping a window, expanded and in start order (for reminders and attendee lists). */
export function listEventsBetween(calendarId: string, fromMs: number, toMs: number): CalendarEvent[] {
  const items: CalendarEvent[] = [];
  let pageToken: string | undefined;
  do {
    const page = api().Events!.list(calendarId, {
      timeMin: new Date(fromMs).toISOString(),
      timeMax: new Date(toMs).toISOString(),
      singleEvents: true,
      orderBy: 'startTime',
      maxResults: 2500,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const item of page.items ?? []) items.push(item);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return items;
}

/** The first instances of a series from `fromMs` on (`Events.instances`, one call): for a series with none in the horizon. */
export function firstInstances(calendarId: string, seriesId: string, fromMs: number, max: number): CalendarEvent[] {
  return api().Events!.instances(calendarId, seriesId, { timeMin: new Date(fromMs).toISOString(), maxResults: max }).items ?? [];
}

export function getEvent(calendarId: string, eventId: string): CalendarEvent | null {
  try {
    return api().Events!.get(calendarId, eventId);
  } catch (error) {
    if (/not found|404/i.test(errorMessage(error))) return null;
    throw error;
  }
}

export type SendUpdates = 'all' | 'externalOnly' | 'none';

export function patchEvent(calendarId: string, eventId: string, patch: CalendarEvent, sendUpdates: SendUpdates = 'none'): CalendarEvent {
  return api().Events!.patch(patch, calendarId, eventId, { sendUpdates });
}

export function insertEvent(calendarId: string, event: CalendarEvent, sendUpdates: SendUpdates = 'none'): CalendarEvent {
  return api().Events!.insert(event, calendarId, { sendUpdates });
}

/** Deletes (cancels) an event; the sync then sees it as cancelled like any other cancel. */
export function removeEvent(calendarId: string, eventId: string, sendUpdates: SendUpdates = 'none'): void {
  api().Events!.remove(calendarId, eventId, { sendUpdates });
}

export function calendarTimeZone(calendarId: string): string {
  return api().Calendars!.get(calendarId).timeZone ?? Session.getScriptTimeZone();
}

export interface BusyInterval {
  start: number;
  end: number;
}

/** One Freebusy query across calendars for the whole window. */
export function busyIntervals(calendarIds: string[], fromMs: number, toMs: number): BusyInterval[] {
  const response = api().Freebusy!.query({
    timeMin: new Date(fromMs).toISOString(),
    timeMax: new Date(toMs).toISOString(),
    items: calendarIds.map((id) => ({ id })),
  });
  const busy: BusyInterval[] = [];
  for (const [id, calendar] of Object.entries(response.calendars ?? {})) {
    // A calendar Google could not read has unknown busy time: offering slots over it would double-book.
    const reason = calendar.errors?.[0]?.reason;
    if (reason) throw new Error(`Free/busy of calendar ${id} is not available (${reason})`);
    for (const period of calendar.busy ?? []) {
      busy.push({ start: Date.parse(String(period.start)), end: Date.parse(String(period.end)) });
    }
  }
  return busy;
}
