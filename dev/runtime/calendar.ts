// In-memory Google Calendar for the offline runtime: the `Calendar` advanced service (v3), a minimal CalendarApp, and a store API for the sandbox.

import { createHash } from 'node:crypto';
import { type RuntimeCore, notEmulated } from './core';
import { formatRfc3339, isValidZone, lacksOffset, parseDateInZone, parseDateTime, parseRfc3339WithOffset } from './calendar-time';

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
  ids: string[];
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
const SIGNIFICANT = ['start', 'end', 'location', 'summary', 'status'];

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
const NOT_WITH_SYNC_TOKEN = ['timeMin', 'timeMax', 'q', 'orderBy', 'updatedMin', 'iCalUID'];
const FREEBUSY_MAX_MS = 90 * 24 * 3600 * 1000;
const DEFAULT_PAGE = 250;
const MAX_PAGE = 2500;
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

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

  cancelEvent(calendarId: string, eventId: string): CalendarEvent {
    const method = 'calendar.events.delete';
    const cal = this.calendar(method, calendarId);
    this.doRemove(method, cal, eventId);
    return this.render(cal, this.event(method, cal, eventId), false);
  }

  getEvent(calendarId: string, eventId: string): CalendarEvent | undefined {
    const cal = this.calendars.get(this.resolveId(calendarId));
    const ev = cal?.events.get(eventId);
    return cal && ev ? this.render(cal, ev, false) : undefined;
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
        return this.render(cal, this.event(method, cal, eventId), false);
      },
      list: (calendarId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.list', headers);
        this.checkArgs('Calendar.Events.list', optionalArgs, LIST_ARGS);
        return this.list(calendarId, (optionalArgs ?? {}) as Json);
      },
      insert: (resource: object, calendarId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.insert', headers);
        this.checkArgs('Calendar.Events.insert', optionalArgs, WRITE_ARGS);
        const notify = this.sendUpdates('calendar.events.insert', optionalArgs);
        const created = this.doInsert('calendar.events.insert', calendarId, resource);
        this.recordNotification('insert', calendarId, created.id as string, notify);
        return created;
      },
      patch: (resource: object, calendarId: string, eventId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.patch', headers);
        this.checkArgs('Calendar.Events.patch', optionalArgs, WRITE_ARGS);
        const notify = this.sendUpdates('calendar.events.patch', optionalArgs);
        const patched = this.doPatch('calendar.events.patch', calendarId, eventId, resource);
        this.recordNotification('patch', calendarId, eventId, notify);
        return patched;
      },
      update: (resource: object, calendarId: string, eventId: string, optionalArgs?: object, headers?: object) => {
        this.enter('Calendar.Events.update', headers);
        this.checkArgs('Calendar.Events.update', optionalArgs, WRITE_ARGS);
        const notify = this.sendUpdates('calendar.events.update', optionalArgs);
        const updated = this.doUpdate('calendar.events.update', calendarId, eventId, resource);
        this.recordNotification('update', calendarId, eventId, notify);
        return updated;
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
    const ev = typeof eventId === 'string' ? cal.events.get(eventId) : undefined;
    if (!ev) throw apiError(method, 'Not Found');
    return ev;
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
  private validate(method: string, user: Json): void {
    if (user.recurrence !== undefined && user.recurrence !== null) notEmulated('recurring events');
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
    this.validate(method, user);
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
    this.validate(method, next);
    this.normalizeTimes(next, cal.timeZone);
    const significant = SIGNIFICANT.some((k) => JSON.stringify(ev.user[k]) !== JSON.stringify(next[k]));
    ev.user = next;
    if (significant) ev.sequence += 1;
    this.touch(cal, ev);
    return this.render(cal, ev, false);
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
    ev.user.status = 'cancelled';
    ev.sequence += 1;
    this.touch(cal, ev);
  }

  /** The resource as Google returns it; deleted events in lists carry only what the API guarantees. */
  private render(cal: CalendarData, ev: StoredEvent, minimalIfDeleted: boolean): CalendarEvent {
    const etag = `"${ev.updatedMs}${String(ev.changeSeq).padStart(6, '0')}"`;
    if (minimalIfDeleted && ev.user.status === 'cancelled') {
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
      creator: { email: this.primaryId, self: true },
      organizer: self ? { email: cal.id, self: true } : { email: cal.id, displayName: cal.summary, self: true },
      iCalUID: `${ev.id}@google.com`,
      sequence: ev.sequence,
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

    const ids = page.ids.slice(page.offset, page.offset + pageSize);
    const items = ids.map((id) => this.render(cal, cal.events.get(id) as StoredEvent, true));
    const result: Json = {
      kind: 'calendar#events',
      etag: `"${cal.updatedMs}"`,
      summary: cal.summary,
      updated: iso(cal.updatedMs),
      timeZone: page.zone,
      accessRole: 'owner',
      defaultReminders: [],
    };
    if (page.offset + pageSize < page.ids.length) {
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
      const changed = all.filter((ev) => ev.changeSeq > sync.seq).sort((a, b) => a.changeSeq - b.changeSeq);
      return { ...base, ids: changed.map((ev) => ev.id), giveSyncToken: true };
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
    if (orderBy === 'startTime' && args.singleEvents !== true) {
      throw apiError(method, 'The requested ordering is not available for the particular query.');
    }
    const q = typeof args.q === 'string' ? args.q.toLowerCase() : undefined;
    let events = all.filter((ev) => {
      const cancelled = ev.user.status === 'cancelled';
      if (updatedMin !== undefined) {
        if (ev.updatedMs < updatedMin) return false;
      } else if (cancelled && args.showDeleted !== true) {
        return false;
      }
      const { start, end } = this.instants(ev.user, zone);
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
    return { ...base, ids: events.map((ev) => ev.id), giveSyncToken };
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
      for (const ev of cal.events.values()) {
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
