// In-memory Google Calendar for the offline runtime: the `Calendar` advanced service (v3), a minimal CalendarApp, and a store API for the sandbox.

import { createHash } from 'node:crypto';
import { type RuntimeCore, notEmulated } from './core';
import { formatRfc3339, lacksOffset, parseDateInZone, parseDateTime, parseRfc3339WithOffset } from './calendar-time';
import {
  MAX_INSTANCES,
  type Occurrence,
  endBefore,
  expandOccurrences,
  isValidRecurrence,
  lastOccurrenceStart,
  parseStamp,
} from './calendar-recurrence';
import { isValidZone } from './zones';

export type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

type Json = Record<string, unknown>;

interface StoredEvent {
  /** Fields the client controls (summary, start, status, colorId, ...). */
  user: Json;
  id: string;
  createdMs: number;
  updatedMs: number;
  sequence: number;
  /** The store's change number at this event's last change (drives sync tokens and etags). */
  changeSeq: number;
  /** Creation order, the "unspecified but stable" order of unsorted lists. */
  order: number;
  /** An instance of a series (stored once it became an exception): the series' id and the instance's original start. */
  recurringEventId?: string;
  originalStartTime?: Json;
  /** Not stored: an unchanged instance computed from its series. */
  virtual?: boolean;
  /** Someone else organizes it and the calendar's owner was invited: this is the guest's copy. */
  invitedBy?: { email: string; displayName?: string };
}

interface CalendarData {
  id: string;
  timeZone: string;
  summary: string;
  updatedMs: number;
  events: Map<string, StoredEvent>;
}

interface PageState {
  calendarId: string;
  /** Stored events are rendered as they are when the page is served; computed instances as they were at the first page. */
  entries: StoredEvent[];
  offset: number;
  /** Change number the eventual nextSyncToken stands for (taken when the first page was served). */
  syncSeq: number;
  giveSyncToken: boolean;
  zone: string;
}

interface SyncTokenState {
  calendarId: string;
  seq: number;
  epoch: number;
}

/** Fields Google computes; a client's values for them are ignored. */
const READ_ONLY = new Set([
  'kind',
  'etag',
  'id',
  'htmlLink',
  'created',
  'updated',
  'creator',
  'organizer',
  'iCalUID',
  'sequence',
  'recurringEventId',
  'originalStartTime',
]);

/** Changes to these fields make the event a new revision for guests (RFC 5545 SEQUENCE). */
const SIGNIFICANT = ['start', 'end', 'location', 'summary', 'status', 'recurrence'];

/** Google's field order in an event resource, for realistic output. */
const FIELD_ORDER = [
  'kind',
  'etag',
  'id',
  'status',
  'htmlLink',
  'created',
  'updated',
  'summary',
  'description',
  'location',
  'colorId',
  'creator',
  'organizer',
  'start',
  'end',
  'endTimeUnspecified',
  'recurrence',
  'recurringEventId',
  'originalStartTime',
  'transparency',
  'visibility',
  'iCalUID',
  'sequence',
  'attendees',
  'extendedProperties',
  'hangoutLink',
  'conferenceData',
  'anyoneCanAddSelf',
  'guestsCanInviteOthers',
  'guestsCanModify',
  'guestsCanSeeOtherGuests',
  'privateCopy',
  'locked',
  'reminders',
  'source',
  'attachments',
  'eventType',
];

const LIST_ARGS = new Set([
  'timeMin',
  'timeMax',
  'singleEvents',
  'orderBy',
  'showDeleted',
  'maxResults',
  'pageToken',
  'syncToken',
  'updatedMin',
  'q',
  'timeZone',
  'showHiddenInvitations',
]);
const WRITE_ARGS = new Set(['sendUpdates', 'sendNotifications', 'conferenceDataVersion', 'supportsAttachments']);
const REMOVE_ARGS = new Set(['sendUpdates', 'sendNotifications']);
// https://developers.google.com/calendar/api/v3/reference/events/instances (optional query parameters).
const INSTANCES_ARGS = new Set([
  'timeMin',
  'timeMax',
  'maxResults',
  'pageToken',
  'showDeleted',
  'timeZone',
  'originalStart',
  'maxAttendees',
]);
/** A list without timeMax stops expanding an endless series this far ahead (Google's own bound is undocumented). */
const OPEN_END_MS = 2 * 366 * 24 * 3600_000;
const NOT_WITH_SYNC_TOKEN = ['timeMin', 'timeMax', 'q', 'orderBy', 'updatedMin', 'iCalUID'];
const FREEBUSY_MAX_MS = 90 * 24 * 3600 * 1000;
const DEFAULT_PAGE = 250;
const MAX_PAGE = 2500;
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/**
 * Event fields Google sets on events it returns that this fake does not model (eventType "default"
 * and default reminders it does set; Meet, working-location, out-of-office, focus-time and birthday
 * events carry fields of their own): a script that reads one of them from an event the fake made gets "not
 * emulated", instead of an undefined that Google would never give. A field the caller set is read
 * back as stored. https://developers.google.com/calendar/api/v3/reference/events#resource
 */
export const NOT_EMULATED_EVENT_FIELDS = new Set([
  'conferenceData',
  'hangoutLink',
  'attendeesOmitted',
  'endTimeUnspecified',
  'gadget',
  'locked',
  'privateCopy',
  'source',
  'attachments',
  'workingLocationProperties',
  'outOfOfficeProperties',
  'focusTimeProperties',
  'birthdayProperties',
]);

/** An event resource as the script receives it: reading a field the fake does not model throws. */
function forScript<T extends object>(event: T): T {
  return new Proxy(event, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && NOT_EMULATED_EVENT_FIELDS.has(prop) && !(prop in target)) {
        return notEmulated(`Calendar event field ${prop}`);
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/** Properties that test tools and `await` probe on any object; answering undefined is harmless. */
const PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', '_isMockFunction']);

/** The error an advanced service throws for an HTTP error: the message is all a script can inspect. */
function apiError(method: string, message: string): Error {
  const error = new Error(`API call to ${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** An object whose listed members work and whose every other method throws "not emulated: path.name". */
function strict<T>(path: string, impl: Json, accessThrows = false): T {
  return new Proxy(impl, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol' || prop in target) return Reflect.get(target, prop, receiver) as unknown;
      if (PROBES.has(prop) || prop.startsWith('@@')) return undefined;
      if (accessThrows && /^[A-Z]/.test(prop)) return notEmulated(`${path}.${prop}`);
      return (..._args: unknown[]) => notEmulated(`${path}.${prop}`);
    },
  }) as unknown as T;
}

export class CalendarService {
  readonly primaryId: string;
  readonly guestNotifications: Array<{ method: string; calendarId: string; eventId: string; sendUpdates: string }> = [];
  private readonly calendars = new Map<string, CalendarData>();
  private changeSeq = 0;
  private orderCounter = 0;
  private epoch = 1;
  private readonly syncTokens = new Map<string, SyncTokenState>();
  private readonly pages = new Map<string, PageState>();
  private pageCounter = 0;

  constructor(
    private readonly core: RuntimeCore,
    options: { primaryId?: string; timeZone?: string } = {},
  ) {
    this.primaryId = options.primaryId ?? core.ownerEmail;
    this.addCalendar(this.primaryId, options.timeZone ?? core.timeZone, this.primaryId);
  }

  /** Increases by one on every change to any event, from the store or from the script. */
  get version(): number {
    return this.changeSeq;
  }

  // ---------------------------------------------------------------- store API (no counting, no quota)

  addCalendar(id: string, timeZone?: string, summary?: string): void {
    const zone = timeZone ?? this.core.timeZone;
    if (!isValidZone(zone)) throw new Error(`addCalendar: unknown time zone ${zone}`);
    if (this.calendars.has(id)) throw new Error(`addCalendar: calendar ${id} exists`);
    this.calendars.set(id, { id, timeZone: zone, summary: summary ?? id, updatedMs: this.core.now, events: new Map() });
  }

  insertEvent(calendarId: string, resource: object): CalendarEvent {
    return this.doInsert('calendar.events.insert', calendarId, resource);
  }

  patchEvent(calendarId: string, eventId: string, patch: object): CalendarEvent {
    return this.doPatch('calendar.events.patch', calendarId, eventId, patch);
  }

  /**
   * An event someone else organizes, as it appears on this calendar once its owner was invited: the
   * organizer (and creator) is the other person, without `self`; the owner is an attendee with
   * `self: true` who has not answered yet. "organizer.self: Whether the organizer corresponds to the
   * calendar on which this copy of the event appears … The default is False."
   * (https://developers.google.com/calendar/api/v3/reference/events#resource)
   */
  insertInvitation(calendarId: string, resource: object, organizer: { email: string; displayName?: string }): CalendarEvent {
    const method = 'calendar.events.insert';
    const cal = this.calendar(method, calendarId);
    const guests = Array.isArray((resource as Json).attendees) ? ((resource as Json).attendees as Json[]) : [];
    const attendees = [
      {
        email: organizer.email,
        ...(organizer.displayName ? { displayName: organizer.displayName } : {}),
        organizer: true,
        responseStatus: 'accepted',
      },
      ...guests,
      { email: cal.id, self: true, responseStatus: 'needsAction' },
    ];
    const created = this.doInsert(method, calendarId, { ...resource, attendees });
    const ev = cal.events.get(created.id as string) as StoredEvent;
    ev.invitedBy = { ...organizer };
    return this.render(cal, ev, false);
  }

  cancelEvent(calendarId: string, eventId: string): CalendarEvent {
    const method = 'calendar.events.delete';
    const cal = this.calendar(method, calendarId);
    this.doRemove(method, cal, eventId);
    return this.render(cal, this.event(method, cal, eventId), false);
  }

  getEvent(calendarId: string, eventId: string): CalendarEvent | undefined {
    const cal = this.calendars.get(this.resolveId(calendarId));
    const ev = cal ? this.resolve(cal, eventId) : undefined;
    return cal && ev ? this.render(cal, ev, false) : undefined;
  }

  /** The instances of a series in a window, as `Events.instances` lists them (cancelled ones too). */
  instancesOf(calendarId: string, eventId: string, fromMs?: number, toMs?: number): CalendarEvent[] {
    const method = 'calendar.events.instances';
    const cal = this.calendar(method, calendarId);
    const master = this.event(method, cal, eventId);
    return this.seriesInstances(cal, master, fromMs, toMs, true).map((ev) => this.render(cal, ev, true));
  }

  /** Every event in a window with series expanded (`singleEvents=true&orderBy=startTime`), for the sandbox's week view. */
  listExpanded(calendarId: string, fromMs: number, toMs: number): CalendarEvent[] {
    const cal = this.calendar('calendar.events.list', calendarId);
    return this.sortByStart(this.expandedEntries(cal, fromMs, toMs, false), cal.timeZone).map((ev) => this.render(cal, ev, false));
  }

  /**
   * "This and following events", as Google Calendar's editor does it through the API
   * (https://developers.google.com/calendar/api/guides/recurringevents#modifying_all_following_instances:
   * two requests, the first trims the original series, the second creates the new one):
   * the series is ended with UNTIL before the chosen instance, and a new series starts at that instance with
   * the patch applied (its COUNT is what remained of the old one). Returns [old series, new series].
   */
  splitSeries(calendarId: string, instanceId: string, patch: object): [CalendarEvent, CalendarEvent] {
    const method = 'calendar.events.patch';
    const cal = this.calendar(method, calendarId);
    const instance = this.event(method, cal, instanceId);
    const master = instance.recurringEventId ? cal.events.get(instance.recurringEventId) : undefined;
    if (!master || !instance.originalStartTime) throw apiError(method, 'Not Found');
    const originalMs = this.originalStartMs(cal, instance.originalStartTime);
    const lines = master.user.recurrence as string[];
    const before = expandOccurrences(lines, master.user.start as Json, cal.timeZone, -Infinity, originalMs).length;
    const rest = lines.map((line) =>
      line.replace(
        /(^RRULE:.*?)(COUNT=)(\d+)/i,
        (_all, head: string, key: string, n: string) => `${head}${key}${Math.max(1, Number(n) - before)}`,
      ),
    );
    const next = clone(master.user);
    next.start = clone(instance.user.start);
    next.end = clone(instance.user.end);
    next.recurrence = rest;
    for (const [key, value] of Object.entries(clone(patch) as Json)) {
      if (READ_ONLY.has(key) || value === undefined) continue;
      if (value === null) delete next[key];
      else next[key] = value;
    }
    const ended = this.doPatch(method, calendarId, master.id, { recurrence: endBefore(lines, originalMs) });
    const created = this.doInsert('calendar.events.insert', calendarId, next);
    return [ended, created];
  }

  listAll(calendarId: string): CalendarEvent[] {
    const cal = this.calendar('calendar.events.list', calendarId);
    return this.sortByStart([...cal.events.values()], cal.timeZone).map((ev) => this.render(cal, ev, false));
  }

  invalidateSyncTokens(): void {
    this.epoch += 1;
    this.syncTokens.clear();
  }

  // ---------------------------------------------------------------- script-facing globals

  advanced(): GoogleAppsScript.Calendar {
    const events = strict<GoogleAppsScript.Calendar.Collection.EventsCollection>('Calendar.Events', {
      get: (calendarId: string, eventId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.get', headers);
        this.checkArgs('Calendar.Events.get', optionalArgs, new Set());
        const method = 'calendar.events.get';
        const cal = this.calendar(method, calendarId);
        return forScript(this.render(cal, this.event(method, cal, eventId), false));
      },
      list: (calendarId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.list', headers);
        this.checkArgs('Calendar.Events.list', optionalArgs, LIST_ARGS);
        const page = this.list(calendarId, (optionalArgs ?? {}) as Json);
        if (page.items) page.items = page.items.map(forScript);
        return page;
      },
      insert: (resource: object, calendarId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.insert', headers);
        this.checkArgs('Calendar.Events.insert', optionalArgs, WRITE_ARGS);
        const notify = this.sendUpdates('calendar.events.insert', optionalArgs);
        const created = this.doInsert('calendar.events.insert', calendarId, resource);
        this.recordNotification('insert', calendarId, created.id as string, notify);
        return forScript(created);
      },
      patch: (resource: object, calendarId: string, eventId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.patch', headers);
        this.checkArgs('Calendar.Events.patch', optionalArgs, WRITE_ARGS);
        const notify = this.sendUpdates('calendar.events.patch', optionalArgs);
        const patched = this.doPatch('calendar.events.patch', calendarId, eventId, resource);
        this.recordNotification('patch', calendarId, eventId, notify);
        return forScript(patched);
      },
      update: (resource: object, calendarId: string, eventId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.update', headers);
        this.checkArgs('Calendar.Events.update', optionalArgs, WRITE_ARGS);
        const notify = this.sendUpdates('calendar.events.update', optionalArgs);
        const updated = this.doUpdate('calendar.events.update', calendarId, eventId, resource);
        this.recordNotification('update', calendarId, eventId, notify);
        return forScript(updated);
      },
      instances: (calendarId: string, eventId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.instances', headers);
        this.checkArgs('Calendar.Events.instances', optionalArgs, INSTANCES_ARGS);
        const page = this.instances(calendarId, eventId, (optionalArgs ?? {}) as Json);
        if (page.items) page.items = page.items.map(forScript);
        return page;
      },
      remove: (calendarId: string, eventId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.remove', headers);
        this.checkArgs('Calendar.Events.remove', optionalArgs, REMOVE_ARGS);
        const method = 'calendar.events.delete';
        const notify = this.sendUpdates(method, optionalArgs);
        this.doRemove(method, this.calendar(method, calendarId), eventId);
        this.recordNotification('remove', calendarId, eventId, notify);
      },
    });
    const freebusy = strict<GoogleAppsScript.Calendar.Collection.FreebusyCollection>('Calendar.Freebusy', {
      query: (resource: object, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Freebusy.query', headers);
        this.checkArgs('Calendar.Freebusy.query', optionalArgs, new Set());
        return this.freebusy(resource as Json);
      },
    });
    const calendars = strict<GoogleAppsScript.Calendar.Collection.CalendarsCollection>('Calendar.Calendars', {
      get: (calendarId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Calendars.get', headers);
        this.checkArgs('Calendar.Calendars.get', optionalArgs, new Set());
        const cal = this.calendar('calendar.calendars.get', calendarId);
        return {
          kind: 'calendar#calendar',
          etag: `"${cal.updatedMs}"`,
          id: cal.id,
          summary: cal.summary,
          timeZone: cal.timeZone,
        };
      },
    });
    const builder = () => ({});
    const top: Json = {
      Events: events,
      Freebusy: freebusy,
      Calendars: calendars,
      newEvent: builder,
      newEventDateTime: builder,
      newEventAttendee: builder,
      newEventReminders: builder,
      newEventReminder: builder,
      newEventExtendedProperties: builder,
      newFreeBusyRequest: builder,
      newFreeBusyRequestItem: builder,
    };
    for (const name of ['Acl', 'CalendarList', 'Channels', 'Colors', 'Settings']) {
      top[name] = strict(`Calendar.${name}`, {});
    }
    return strict<GoogleAppsScript.Calendar>('Calendar', top);
  }

  calendarApp(): GoogleAppsScript.Calendar.CalendarApp {
    const wrap = (cal: CalendarData): GoogleAppsScript.Calendar.Calendar =>
      strict<GoogleAppsScript.Calendar.Calendar>('CalendarApp.Calendar', {
        getId: () => {
          this.core.count('CalendarApp.Calendar.getId');
          return cal.id;
        },
        getTimeZone: () => {
          this.core.count('CalendarApp.Calendar.getTimeZone');
          return cal.timeZone;
        },
        getName: () => {
          this.core.count('CalendarApp.Calendar.getName');
          return cal.summary;
        },
      });
    return strict<GoogleAppsScript.Calendar.CalendarApp>(
      'CalendarApp',
      {
        getDefaultCalendar: () => {
          this.enter('CalendarApp.getDefaultCalendar');
          return wrap(this.calendars.get(this.primaryId) as CalendarData);
        },
        getCalendarById: (id: string) => {
          this.enter('CalendarApp.getCalendarById');
          const cal = this.calendars.get(this.resolveId(String(id)));
          return cal ? wrap(cal) : null;
        },
        getTimeZone: () => {
          this.enter('CalendarApp.getTimeZone');
          return (this.calendars.get(this.primaryId) as CalendarData).timeZone;
        },
      },
      true,
    );
  }

  // ---------------------------------------------------------------- plumbing

  private enter(name: string, headers?: object): void {
    this.core.count(name);
    this.core.consume('calendarCalls');
    if (headers !== undefined && headers !== null && Object.keys(headers).length > 0) {
      notEmulated(`${name} with request headers`);
    }
  }

  private checkArgs(name: string, args: object | undefined, allowed: Set<string>): void {
    if (args === undefined || args === null) return;
    for (const key of Object.keys(args)) {
      if (!allowed.has(key)) notEmulated(`${name} optional argument ${key}`);
    }
  }

  private sendUpdates(method: string, args: object | undefined): string | undefined {
    const a = (args ?? {}) as Json;
    if (a.sendUpdates !== undefined) {
      if (!['all', 'externalOnly', 'none'].includes(a.sendUpdates as string)) throw apiError(method, 'Invalid Value');
      return a.sendUpdates as string;
    }
    if (a.sendNotifications === true) return 'all';
    return undefined;
  }

  private recordNotification(method: string, calendarId: string, eventId: string, sendUpdates?: string): void {
    if (sendUpdates && sendUpdates !== 'none') {
      this.guestNotifications.push({ method, calendarId: this.resolveId(calendarId), eventId, sendUpdates });
    }
  }

  private resolveId(calendarId: string): string {
    return calendarId === 'primary' ? this.primaryId : calendarId;
  }

  private calendar(method: string, calendarId: unknown): CalendarData {
    if (typeof calendarId !== 'string' || calendarId === '') throw apiError(method, 'Not Found');
    const cal = this.calendars.get(this.resolveId(calendarId));
    if (!cal) throw apiError(method, 'Not Found');
    return cal;
  }

  private event(method: string, cal: CalendarData, eventId: unknown): StoredEvent {
    const ev = typeof eventId === 'string' ? this.resolve(cal, eventId) : undefined;
    if (!ev) throw apiError(method, 'Not Found');
    return ev;
  }

  private isSeries(ev: StoredEvent): boolean {
    return Array.isArray(ev.user.recurrence) && ev.recurringEventId === undefined;
  }

  /**
   * A stored event, or an unchanged instance computed from its series. Instance ids are
   * `<seriesId>_<original start as YYYYMMDDTHHMMSSZ>` (`_YYYYMMDD` for all-day series), as Google forms them
   * (https://developers.google.com/calendar/api/guides/recurringevents).
   */
  private resolve(cal: CalendarData, id: string): StoredEvent | undefined {
    const stored = cal.events.get(id);
    if (stored) return stored;
    const cut = id.lastIndexOf('_');
    if (cut <= 0) return undefined;
    const master = cal.events.get(id.slice(0, cut));
    const wanted = parseStamp(id.slice(cut + 1));
    if (!master || !wanted || !this.isSeries(master)) return undefined;
    const zone = cal.timeZone;
    const at =
      wanted.ms ?? (parseDateInZone(wanted.date as string, ((master.user.start as Json).timeZone as string | undefined) ?? zone) as number);
    const found = expandOccurrences(master.user.recurrence as string[], master.user.start as Json, zone, at, at + 1, 1)[0];
    if (!found || `${master.id}_${found.stamp}` !== id) return undefined;
    return this.virtualInstance(cal, master, found);
  }

  /** An instance as the series makes it: the series' fields at this occurrence, without `recurrence`. */
  private virtualInstance(cal: CalendarData, master: StoredEvent, occ: Occurrence): StoredEvent {
    const user = clone(master.user);
    delete user.recurrence;
    const start = master.user.start as Json;
    const end = master.user.end as Json;
    if (typeof start.date === 'string') {
      const days = Math.round((Date.parse(end.date as string) - Date.parse(start.date)) / 86_400_000);
      const from = occ.originalStartTime.date as string;
      user.start = { date: from };
      user.end = { date: new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10) };
    } else {
      const { start: s, end: e } = this.instants(master.user, cal.timeZone);
      const startZone = (start.timeZone as string | undefined) ?? cal.timeZone;
      const endZone = (end.timeZone as string | undefined) ?? startZone;
      user.start = { dateTime: formatRfc3339(occ.startMs, startZone), ...(start.timeZone ? { timeZone: start.timeZone } : {}) };
      user.end = { dateTime: formatRfc3339(occ.startMs + (e - s), endZone), ...(end.timeZone ? { timeZone: end.timeZone } : {}) };
    }
    return {
      user,
      id: `${master.id}_${occ.stamp}`,
      createdMs: master.createdMs,
      updatedMs: master.updatedMs,
      sequence: master.sequence,
      changeSeq: master.changeSeq,
      order: master.order,
      recurringEventId: master.id,
      originalStartTime: clone(occ.originalStartTime) as Json,
      virtual: true,
      invitedBy: master.invitedBy,
    };
  }

  private originalStartMs(cal: CalendarData, original: Json): number {
    if (typeof original.date === 'string') return parseDateInZone(original.date, cal.timeZone) as number;
    return Date.parse(original.dateTime as string);
  }

  private exceptionsOf(cal: CalendarData, master: StoredEvent): StoredEvent[] {
    return [...cal.events.values()].filter((ev) => ev.recurringEventId === master.id);
  }

  /**
   * A series' instances overlapping [fromMs, toMs): its exceptions (moved, changed or cancelled instances,
   * stored as events of their own) replace the computed ones. Without toMs an endless series stops
   * OPEN_END_MS after fromMs (or now).
   */
  private seriesInstances(
    cal: CalendarData,
    master: StoredEvent,
    fromMs: number | undefined,
    toMs: number | undefined,
    withCancelled: boolean,
  ): StoredEvent[] {
    const { start, end } = this.instants(master.user, cal.timeZone);
    const duration = end - start;
    const lower = fromMs ?? -Infinity;
    const upper = toMs ?? Math.max(fromMs ?? this.core.now, this.core.now) + OPEN_END_MS;
    const exceptions = new Map(this.exceptionsOf(cal, master).map((ev) => [ev.id, ev]));
    const out: StoredEvent[] = [];
    const occurrences = expandOccurrences(
      master.user.recurrence as string[],
      master.user.start as Json,
      cal.timeZone,
      lower - duration,
      upper,
      MAX_INSTANCES,
    );
    for (const occ of occurrences) {
      const id = `${master.id}_${occ.stamp}`;
      if (exceptions.has(id)) continue;
      const ev = this.virtualInstance(cal, master, occ);
      if (master.user.status === 'cancelled' && !withCancelled) continue;
      if (occ.startMs + duration > lower || (duration === 0 && occ.startMs >= lower)) out.push(ev);
    }
    for (const ev of exceptions.values()) {
      if (ev.user.status === 'cancelled' && !withCancelled) continue;
      const t = this.instants(ev.user, cal.timeZone);
      if (t.end > lower && t.start < upper) out.push(ev);
    }
    return this.sortByStart(out, cal.timeZone);
  }

  /** Single events, exceptions and computed instances overlapping a window: `singleEvents=true`. */
  private expandedEntries(cal: CalendarData, fromMs: number | undefined, toMs: number | undefined, withCancelled: boolean): StoredEvent[] {
    const out: StoredEvent[] = [];
    for (const ev of [...cal.events.values()].sort((a, b) => a.order - b.order)) {
      if (ev.recurringEventId !== undefined) continue;
      if (this.isSeries(ev)) {
        if (ev.user.status === 'cancelled') continue;
        out.push(...this.seriesInstances(cal, ev, fromMs, toMs, withCancelled));
        continue;
      }
      if (ev.user.status === 'cancelled' && !withCancelled) continue;
      const t = this.instants(ev.user, cal.timeZone);
      if ((fromMs === undefined || t.end > fromMs) && (toMs === undefined || t.start < toMs)) out.push(ev);
    }
    return out;
  }

  private newId(): string {
    for (;;) {
      const digest = createHash('sha256').update(`${this.primaryId}|${this.core.nextId()}|${this.orderCounter}`).digest();
      let id = '';
      for (let i = 0; i < 26; i += 1) id += BASE32HEX[digest[i] % 32];
      if (![...this.calendars.values()].some((c) => c.events.has(id))) return id;
    }
  }

  private touch(cal: CalendarData, ev: StoredEvent): void {
    this.changeSeq += 1;
    ev.changeSeq = this.changeSeq;
    ev.updatedMs = this.core.now;
    cal.updatedMs = this.core.now;
  }

  /** Start and end instants; all-day dates are read in `zone`. */
  private instants(user: Json, zone: string): { start: number; end: number } {
    const at = (t: Json): number => {
      if (typeof t.dateTime === 'string') {
        return parseDateTime(t.dateTime, (t.timeZone as string | undefined) ?? zone) as number;
      }
      return parseDateInZone(t.date as string, zone) as number;
    };
    return { start: at(user.start as Json), end: at(user.end as Json) };
  }

  /** Google answers every dateTime as RFC 3339 with an offset, whatever form it was written in. */
  private normalizeTimes(user: Json, calendarZone: string): void {
    for (const which of ['start', 'end'] as const) {
      const t = user[which] as Json;
      if (typeof t?.dateTime !== 'string') continue;
      const zone = (t.timeZone as string | undefined) ?? calendarZone;
      t.dateTime = formatRfc3339(parseDateTime(t.dateTime, zone) as number, zone);
    }
  }

  /** Checks an event's client fields as the API does; throws the API's 400 messages. */
  private validate(method: string, user: Json, instance = false, calendarZone = 'UTC'): void {
    const kinds: string[] = [];
    for (const which of ['start', 'end'] as const) {
      const t = user[which];
      if (!isObject(t) || (t.dateTime === undefined && t.date === undefined)) {
        throw apiError(method, `Missing ${which} time.`);
      }
      if (t.timeZone !== undefined && (typeof t.timeZone !== 'string' || !isValidZone(t.timeZone))) {
        throw apiError(method, `Invalid time zone definition for ${which} time.`);
      }
      if (t.dateTime !== undefined && t.date !== undefined) throw apiError(method, `Invalid ${which} time.`);
      if (t.dateTime !== undefined) {
        if (typeof t.dateTime !== 'string' || parseDateTime(t.dateTime, 'UTC') === undefined) {
          throw apiError(method, `Invalid ${which} time.`);
        }
        if (lacksOffset(t.dateTime) && t.timeZone === undefined) {
          throw apiError(method, `Missing time zone definition for ${which} time.`);
        }
        kinds.push('dateTime');
      } else {
        if (typeof t.date !== 'string' || parseDateInZone(t.date, 'UTC') === undefined) {
          throw apiError(method, `Invalid ${which} time.`);
        }
        kinds.push('date');
      }
    }
    if (kinds[0] !== kinds[1]) throw apiError(method, 'Start and end times must either both be date or both be dateTime.');
    if (user.recurrence !== undefined) {
      // https://developers.google.com/calendar/api/v3/reference/events#resource: `recurrence` is for the series, never an instance,
      // and a timed series needs start.timeZone ("the time zone in which the recurrence is expanded").
      const start = user.start as Json;
      if (instance || !isValidRecurrence(user.recurrence, start, calendarZone)) throw apiError(method, 'Invalid recurrence rule.');
      if (start.dateTime !== undefined && start.timeZone === undefined)
        throw apiError(method, 'Missing time zone definition for start time.');
    }
    const { start, end } = this.instants(user, 'UTC');
    if (end < start) throw apiError(method, 'The specified time range is empty.');
    if (user.status !== undefined && !['confirmed', 'tentative', 'cancelled'].includes(user.status as string)) {
      throw apiError(method, 'Invalid Value');
    }
    if (user.transparency !== undefined && !['opaque', 'transparent'].includes(user.transparency as string)) {
      throw apiError(method, 'Invalid Value');
    }
    if (user.colorId !== undefined) {
      const n = Number(user.colorId);
      if (!Number.isInteger(n) || n < 1 || n > 11) throw apiError(method, 'Invalid Value');
      user.colorId = String(n);
    }
    if (user.eventType !== undefined && user.eventType !== 'default') notEmulated(`eventType ${String(user.eventType)}`);
    if (user.attendees !== undefined) {
      if (!Array.isArray(user.attendees)) throw apiError(method, 'Invalid Value');
      for (const a of user.attendees as Json[]) {
        if (!isObject(a) || typeof a.email !== 'string' || !a.email.includes('@')) {
          throw apiError(method, 'Invalid attendee email.');
        }
        if (a.responseStatus === undefined) a.responseStatus = 'needsAction';
      }
    }
  }

  private clientFields(resource: object): Json {
    if (!isObject(resource)) throw new Error('Invalid argument: resource');
    const copy = clone(resource) as Json;
    for (const key of Object.keys(copy)) {
      if (READ_ONLY.has(key) || copy[key] === null || copy[key] === undefined) delete copy[key];
    }
    return copy;
  }

  private withDefaults(user: Json): Json {
    return { status: 'confirmed', reminders: { useDefault: true }, eventType: 'default', ...user };
  }

  private doInsert(method: string, calendarId: string, resource: object): CalendarEvent {
    const cal = this.calendar(method, calendarId);
    const user = this.withDefaults(this.clientFields(resource));
    this.validate(method, user, false, cal.timeZone);
    this.normalizeTimes(user, cal.timeZone);
    const given = (resource as Json).id;
    let id: string;
    if (given !== undefined && given !== null) {
      if (typeof given !== 'string' || !/^[0-9a-v]{5,1024}$/.test(given)) throw apiError(method, 'Invalid resource id value.');
      if ([...this.calendars.values()].some((c) => c.events.has(given))) {
        throw apiError(method, 'The requested identifier already exists.');
      }
      id = given;
    } else {
      id = this.newId();
    }
    this.orderCounter += 1;
    const ev: StoredEvent = {
      user,
      id,
      createdMs: this.core.now,
      updatedMs: this.core.now,
      sequence: 0,
      changeSeq: 0,
      order: this.orderCounter,
    };
    cal.events.set(id, ev);
    this.touch(cal, ev);
    return this.render(cal, ev, false);
  }

  private applyChange(method: string, cal: CalendarData, ev: StoredEvent, next: Json): CalendarEvent {
    this.validate(method, next, ev.recurringEventId !== undefined, cal.timeZone);
    this.normalizeTimes(next, cal.timeZone);
    const significant = SIGNIFICANT.some((k) => JSON.stringify(ev.user[k]) !== JSON.stringify(next[k]));
    const ruleChanged = this.isSeries(ev) && JSON.stringify(ev.user.recurrence) !== JSON.stringify(next.recurrence);
    if (ev.virtual) {
      // Changing one instance makes it an exception: an event of its own with recurringEventId and originalStartTime
      // (https://developers.google.com/calendar/api/guides/recurringevents).
      delete ev.virtual;
      this.orderCounter += 1;
      ev.order = this.orderCounter;
      cal.events.set(ev.id, ev);
    }
    ev.user = next;
    // `sequence` is the iCalendar SEQUENCE (https://developers.google.com/calendar/api/v3/reference/events#resource),
    // which rises with each significant revision: times, rule, status (RFC 5545 3.8.7.4); an exception carries on
    // from its series' number, so its first change already outranks the series the guest holds.
    if (significant) ev.sequence += 1;
    this.touch(cal, ev);
    if (ruleChanged) {
      // Exceptions of occurrences the new rule no longer has (a series ended earlier) belong to nothing: cancelled.
      for (const exception of this.exceptionsOf(cal, ev)) {
        if (exception.user.status === 'cancelled' || this.resolveOccurrence(cal, ev, exception)) continue;
        exception.user.status = 'cancelled';
        exception.sequence += 1;
        this.touch(cal, exception);
      }
    }
    return this.render(cal, ev, false);
  }

  private resolveOccurrence(cal: CalendarData, master: StoredEvent, exception: StoredEvent): boolean {
    const at = this.originalStartMs(cal, exception.originalStartTime as Json);
    const found = expandOccurrences(master.user.recurrence as string[], master.user.start as Json, cal.timeZone, at, at + 1, 1)[0];
    return found !== undefined && `${master.id}_${found.stamp}` === exception.id;
  }

  private doPatch(method: string, calendarId: string, eventId: string, patch: object): CalendarEvent {
    const cal = this.calendar(method, calendarId);
    const ev = this.event(method, cal, eventId);
    if (!isObject(patch)) throw new Error('Invalid argument: resource');
    const next = clone(ev.user);
    for (const [key, value] of Object.entries(clone(patch) as Json)) {
      if (READ_ONLY.has(key) || value === undefined) continue;
      if (value === null) delete next[key];
      else next[key] = value;
    }
    return this.applyChange(method, cal, ev, next);
  }

  private doUpdate(method: string, calendarId: string, eventId: string, resource: object): CalendarEvent {
    const cal = this.calendar(method, calendarId);
    const ev = this.event(method, cal, eventId);
    return this.applyChange(method, cal, ev, this.withDefaults(this.clientFields(resource)));
  }

  private doRemove(method: string, cal: CalendarData, eventId: string): void {
    const ev = this.event(method, cal, eventId);
    if (ev.user.status === 'cancelled') throw apiError(method, 'Resource has been deleted');
    if (ev.virtual) {
      // Deleting one instance stores it as a cancelled exception, which lists and syncs then return.
      delete ev.virtual;
      this.orderCounter += 1;
      ev.order = this.orderCounter;
      cal.events.set(ev.id, ev);
    }
    // A cancel is a significant revision too (STATUS, RFC 5545 3.8.7.4): the iMIP CANCEL outranks the last REQUEST.
    ev.user.status = 'cancelled';
    ev.sequence += 1;
    this.touch(cal, ev);
    if (this.isSeries(ev)) {
      // Deleting a series deletes all its instances, exceptions included.
      for (const exception of this.exceptionsOf(cal, ev)) {
        if (exception.user.status === 'cancelled') continue;
        exception.user.status = 'cancelled';
        exception.sequence += 1;
        this.touch(cal, exception);
      }
    }
  }

  /** The resource as Google returns it; deleted events in lists carry only what the API guarantees. */
  private render(cal: CalendarData, ev: StoredEvent, minimalIfDeleted: boolean): CalendarEvent {
    const etag = `"${ev.updatedMs}${String(ev.changeSeq).padStart(6, '0')}"`;
    if (minimalIfDeleted && ev.user.status === 'cancelled') {
      // A cancelled instance carries little more than its id and which occurrence it was
      // (https://developers.google.com/calendar/api/guides/recurringevents: "id, recurringEventId and originalStartTime").
      if (ev.recurringEventId !== undefined) {
        return {
          kind: 'calendar#event',
          etag,
          id: ev.id,
          status: 'cancelled',
          recurringEventId: ev.recurringEventId,
          originalStartTime: clone(ev.originalStartTime),
        } as CalendarEvent;
      }
      return { kind: 'calendar#event', etag, id: ev.id, status: 'cancelled' };
    }
    const self = cal.id === this.primaryId;
    const all: Json = {
      ...clone(ev.user),
      kind: 'calendar#event',
      etag,
      id: ev.id,
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${ev.id} ${cal.id}`).toString('base64').replace(/=+$/, '')}`,
      created: iso(ev.createdMs),
      updated: iso(ev.updatedMs),
      creator: ev.invitedBy ? { email: ev.invitedBy.email } : { email: this.primaryId, self: true },
      organizer: ev.invitedBy
        ? { ...ev.invitedBy }
        : self
          ? { email: cal.id, self: true }
          : { email: cal.id, displayName: cal.summary, self: true },
      // Instances share their series' iCalUID (https://developers.google.com/calendar/api/v3/reference/events#resource).
      iCalUID: `${ev.recurringEventId ?? ev.id}@google.com`,
      sequence: ev.sequence,
      recurringEventId: ev.recurringEventId,
      originalStartTime: clone(ev.originalStartTime),
    };
    const out: Json = {};
    for (const key of FIELD_ORDER) if (all[key] !== undefined) out[key] = all[key];
    for (const key of Object.keys(all)) if (!(key in out)) out[key] = all[key];
    return out as CalendarEvent;
  }

  private sortByStart(events: StoredEvent[], zone: string): StoredEvent[] {
    const keyed = events.map((ev) => ({ ev, start: this.instants(ev.user, zone).start }));
    keyed.sort((a, b) => a.start - b.start || a.ev.order - b.ev.order);
    return keyed.map((k) => k.ev);
  }

  private issueSyncToken(cal: CalendarData, seq: number): string {
    const calIndex = [...this.calendars.keys()].indexOf(cal.id);
    const raw = Buffer.from([8, ...Buffer.from(`${this.epoch}.${calIndex}.${seq}`)]);
    const token = `C${raw.toString('base64')}`;
    this.syncTokens.set(token, { calendarId: cal.id, seq, epoch: this.epoch });
    return token;
  }

  private list(calendarId: string, args: Json): GoogleAppsScript.Calendar.Schema.Events {
    const method = 'calendar.events.list';
    const cal = this.calendar(method, calendarId);
    let pageSize = DEFAULT_PAGE;
    if (args.maxResults !== undefined) {
      const n = Number(args.maxResults);
      if (!Number.isInteger(n) || n < 1) throw apiError(method, 'Invalid Value');
      pageSize = Math.min(n, MAX_PAGE);
    }
    let zone = cal.timeZone;
    if (args.timeZone !== undefined) {
      if (typeof args.timeZone !== 'string' || !isValidZone(args.timeZone)) throw apiError(method, 'Invalid Value');
      zone = args.timeZone;
    }
    let syncState: SyncTokenState | undefined;
    if (args.syncToken !== undefined) {
      for (const key of NOT_WITH_SYNC_TOKEN) {
        if (args[key] !== undefined) throw apiError(method, 'Bad Request');
      }
      if (args.singleEvents === true) notEmulated('Calendar.Events.list with syncToken and singleEvents');
      const state = this.syncTokens.get(String(args.syncToken));
      if (!state || state.epoch !== this.epoch || state.calendarId !== cal.id) {
        throw apiError(method, 'Sync token is no longer valid, a full sync is required.');
      }
      syncState = state;
    }

    let page: PageState;
    if (args.pageToken !== undefined) {
      const found = this.pages.get(String(args.pageToken));
      if (!found || found.calendarId !== cal.id) throw apiError(method, 'Invalid Value');
      page = found;
    } else {
      page = this.firstPage(method, cal, args, zone, syncState);
    }

    const items = page.entries.slice(page.offset, page.offset + pageSize).map((ev) => this.render(cal, ev, true));
    const result: Json = {
      kind: 'calendar#events',
      etag: `"${cal.updatedMs}"`,
      summary: cal.summary,
      updated: iso(cal.updatedMs),
      timeZone: page.zone,
      accessRole: 'owner',
      defaultReminders: [],
    };
    if (page.offset + pageSize < page.entries.length) {
      this.pageCounter += 1;
      const token = Buffer.from(`page.${this.pageCounter}.${cal.id}`).toString('base64').replace(/=+$/, '');
      this.pages.set(token, { ...page, offset: page.offset + pageSize });
      result.nextPageToken = token;
    } else if (page.giveSyncToken) {
      result.nextSyncToken = this.issueSyncToken(cal, page.syncSeq);
    }
    result.items = items;
    return result as GoogleAppsScript.Calendar.Schema.Events;
  }

  private firstPage(method: string, cal: CalendarData, args: Json, zone: string, sync?: SyncTokenState): PageState {
    const all = [...cal.events.values()].sort((a, b) => a.order - b.order);
    const base = { calendarId: cal.id, offset: 0, syncSeq: this.changeSeq, zone };
    if (sync) {
      // An incremental sync returns changed series, exceptions and cancelled instances as stored events.
      const changed = all.filter((ev) => ev.changeSeq > sync.seq).sort((a, b) => a.changeSeq - b.changeSeq);
      return { ...base, entries: changed, giveSyncToken: true };
    }
    const bound = (name: string): number | undefined => {
      if (args[name] === undefined) return undefined;
      const ms = parseRfc3339WithOffset(args[name]);
      if (ms === undefined) throw apiError(method, 'Bad Request');
      return ms;
    };
    const timeMin = bound('timeMin');
    const timeMax = bound('timeMax');
    const updatedMin = bound('updatedMin');
    if (timeMin !== undefined && timeMax !== undefined && timeMax <= timeMin) {
      throw apiError(method, 'The specified time range is empty.');
    }
    const orderBy = args.orderBy;
    if (orderBy !== undefined && orderBy !== 'startTime' && orderBy !== 'updated') throw apiError(method, 'Invalid Value');
    // "startTime: Order by the start date/time (ascending). This is only available when querying single events
    // (i.e. the parameter singleEvents is True)" (https://developers.google.com/calendar/api/v3/reference/events/list).
    if (orderBy === 'startTime' && args.singleEvents !== true) {
      throw apiError(method, 'The requested ordering is not available for the particular query.');
    }
    const q = typeof args.q === 'string' ? args.q.toLowerCase() : undefined;
    const single = args.singleEvents === true;
    // singleEvents=true: series are expanded into instances and not listed themselves
    // (https://developers.google.com/calendar/api/v3/reference/events/list).
    const candidates = single ? this.expandedEntries(cal, timeMin, timeMax, args.showDeleted === true || updatedMin !== undefined) : all;
    let events = candidates.filter((ev) => {
      const cancelled = ev.user.status === 'cancelled';
      if (updatedMin !== undefined) {
        if (ev.updatedMs < updatedMin) return false;
      } else if (cancelled && args.showDeleted !== true && (single || ev.recurringEventId === undefined)) {
        // "Cancelled instances of recurring events (but not the underlying recurring event) will still be
        // included if showDeleted and singleEvents are both False." (events/list, showDeleted)
        return false;
      }
      let { start, end } = this.instants(ev.user, zone);
      if (!single && this.isSeries(ev))
        end = lastOccurrenceStart(ev.user.recurrence as string[], ev.user.start as Json, zone) + (end - start);
      if (timeMin !== undefined && !(end > timeMin)) return false;
      if (timeMax !== undefined && !(start < timeMax)) return false;
      if (q !== undefined) {
        const attendees = (ev.user.attendees as Json[] | undefined) ?? [];
        const text = [ev.user.summary, ev.user.description, ev.user.location]
          .concat(attendees.flatMap((a) => [a.email, a.displayName]))
          .filter((v) => typeof v === 'string')
          .join('\n')
          .toLowerCase();
        if (!text.includes(q)) return false;
      }
      return true;
    });
    if (orderBy === 'startTime') events = this.sortByStart(events, zone);
    if (orderBy === 'updated') events = [...events].sort((a, b) => a.updatedMs - b.updatedMs || a.changeSeq - b.changeSeq);
    // Filters that cannot be combined with a sync token give no nextSyncToken (conservative reading of the docs).
    const giveSyncToken = orderBy === undefined && q === undefined && updatedMin === undefined;
    return { ...base, entries: events, giveSyncToken };
  }

  /** https://developers.google.com/calendar/api/v3/reference/events/instances */
  private instances(calendarId: string, eventId: string, args: Json): GoogleAppsScript.Calendar.Schema.Events {
    const method = 'calendar.events.instances';
    const cal = this.calendar(method, calendarId);
    const master = this.event(method, cal, eventId);
    if (!this.isSeries(master)) notEmulated('Calendar.Events.instances of an event that is not a series');
    let pageSize = DEFAULT_PAGE;
    if (args.maxResults !== undefined) {
      const n = Number(args.maxResults);
      if (!Number.isInteger(n) || n < 1) throw apiError(method, 'Invalid Value');
      pageSize = Math.min(n, MAX_PAGE);
    }
    let zone = cal.timeZone;
    if (args.timeZone !== undefined) {
      if (typeof args.timeZone !== 'string' || !isValidZone(args.timeZone)) throw apiError(method, 'Invalid Value');
      zone = args.timeZone;
    }
    let page: PageState;
    if (args.pageToken !== undefined) {
      const found = this.pages.get(String(args.pageToken));
      if (!found || found.calendarId !== cal.id) throw apiError(method, 'Invalid Value');
      page = found;
    } else {
      const bound = (name: string): number | undefined => {
        if (args[name] === undefined) return undefined;
        const ms = parseRfc3339WithOffset(args[name]);
        if (ms === undefined) throw apiError(method, 'Bad Request');
        return ms;
      };
      const timeMin = bound('timeMin');
      const timeMax = bound('timeMax');
      if (timeMin !== undefined && timeMax !== undefined && timeMax <= timeMin)
        throw apiError(method, 'The specified time range is empty.');
      let entries = this.seriesInstances(cal, master, timeMin, timeMax, args.showDeleted === true);
      if (args.originalStart !== undefined) {
        const wanted = parseRfc3339WithOffset(args.originalStart);
        entries = entries.filter((ev) => this.originalStartMs(cal, ev.originalStartTime as Json) === wanted);
      }
      page = { calendarId: cal.id, entries, offset: 0, syncSeq: this.changeSeq, giveSyncToken: false, zone };
    }
    const result: Json = {
      kind: 'calendar#events',
      etag: `"${cal.updatedMs}"`,
      summary: cal.summary,
      updated: iso(cal.updatedMs),
      timeZone: page.zone,
      accessRole: 'owner',
      defaultReminders: [],
    };
    if (page.offset + pageSize < page.entries.length) {
      this.pageCounter += 1;
      const token = Buffer.from(`page.${this.pageCounter}.${cal.id}`).toString('base64').replace(/=+$/, '');
      this.pages.set(token, { ...page, offset: page.offset + pageSize });
      result.nextPageToken = token;
    }
    result.items = page.entries.slice(page.offset, page.offset + pageSize).map((ev) => this.render(cal, ev, true));
    return result as GoogleAppsScript.Calendar.Schema.Events;
  }

  private freebusy(request: Json): GoogleAppsScript.Calendar.Schema.FreeBusyResponse {
    const method = 'calendar.freebusy.query';
    if (!isObject(request)) throw new Error('Invalid argument: resource');
    const timeMin = parseRfc3339WithOffset(request.timeMin);
    const timeMax = parseRfc3339WithOffset(request.timeMax);
    if (timeMin === undefined || timeMax === undefined) throw apiError(method, 'Bad Request');
    let outZone: string | undefined;
    if (request.timeZone !== undefined) {
      if (typeof request.timeZone !== 'string' || !isValidZone(request.timeZone)) throw apiError(method, 'Invalid Value');
      outZone = request.timeZone;
    }
    if (timeMax <= timeMin) throw apiError(method, 'The specified time range is empty.');
    if (timeMax - timeMin > FREEBUSY_MAX_MS) throw apiError(method, 'The requested time range is too long.');
    if (request.groupExpansionMax !== undefined) notEmulated('Calendar.Freebusy.query groupExpansionMax');
    const items = Array.isArray(request.items) ? (request.items as Json[]) : [];
    const calendars: Json = {};
    for (const item of items) {
      const requested = String(item?.id);
      const cal = this.calendars.get(this.resolveId(requested));
      if (!cal) {
        calendars[requested] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
        continue;
      }
      const intervals: Array<[number, number]> = [];
      for (const ev of this.expandedEntries(cal, timeMin, timeMax, false)) {
        if (ev.user.status === 'cancelled' || ev.user.transparency === 'transparent') continue;
        const { start, end } = this.instants(ev.user, cal.timeZone);
        const s = Math.max(start, timeMin);
        const e = Math.min(end, timeMax);
        if (e > s) intervals.push([s, e]);
      }
      intervals.sort((a, b) => a[0] - b[0]);
      const merged: Array<[number, number]> = [];
      for (const [s, e] of intervals) {
        const last = merged[merged.length - 1];
        if (last && s <= last[1]) last[1] = Math.max(last[1], e);
        else merged.push([s, e]);
      }
      calendars[requested] = {
        busy: merged.map(([s, e]) => ({ start: formatRfc3339(s, outZone), end: formatRfc3339(e, outZone) })),
      };
    }
    return {
      kind: 'calendar#freeBusy',
      timeMin: iso(timeMin),
      timeMax: iso(timeMax),
      calendars,
    } as GoogleAppsScript.Calendar.Schema.FreeBusyResponse;
  }
}
