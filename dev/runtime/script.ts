// ScriptApp: installable triggers (calendar, clock, spreadsheet) kept in a registry the sandbox schedules, and the web-app URL.
import { type RuntimeCore, notEmulated } from './core';
import { enumOf, expose, isDate, unwrap } from './expose';
import { resolveZone, zonedFields, zonedTimeToEpoch } from './zones';

export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');

/** Apps Script's limit of installable triggers per user per script. */
export const MAX_TRIGGERS = 20;
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];
const HOUR = 3600000;
const DAY = 24 * HOUR;
const WEEKDAY_INDEX: Record<string, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

export type SpreadsheetEvent = 'open' | 'edit' | 'change' | 'formSubmit';

/** A trigger as the sandbox sees it. */
export interface TriggerInfo {
  id: string;
  handlerFunction: string;
  kind: 'calendar' | 'clock' | 'spreadsheet';
  calendarId?: string;
  spreadsheetId?: string;
  event?: SpreadsheetEvent;
  /** Clock triggers: the period of a recurring trigger (absent for one-shot `after`/`at`). */
  everyMs?: number;
  /** Clock triggers: epoch ms of the next run. */
  nextRunAt?: number;
  /** Clock triggers with atHour: the wall-clock time of day and zone they keep across DST. */
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
}

/** Next instant after `after` that is `hour:minute` in `timeZone`, `stepDays` apart and on `weekday` if given. */
function nextWallClock(after: number, timeZone: string, hour: number, minute: number, weekday?: number): number {
  const zone = resolveZone(timeZone);
  const today = zonedFields(after, zone);
  for (let offset = 0; offset < 8; offset += 1) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (weekday !== undefined && day.getUTCDay() !== weekday) continue;
    const at = zonedTimeToEpoch(timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute);
    if (at > after) return at;
  }
  return after + DAY;
}

/**
 * A trigger's unique id as Google makes them: a long decimal number that does not follow from the one
 * before (the events guide shows `triggerUid: 4034124084959907503`,
 * https://developers.google.com/apps-script/guides/triggers/events). Derived from the runtime's counter
 * with a 64-bit mix, so runs stay reproducible while neighbours are not guessable from each other.
 */
function triggerUid(counter: number): string {
  let x = (BigInt(counter) + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
  x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
  x ^= x >> 31n;
  // 19 digits, never starting with 0, like Google's.
  return String(1_000_000_000_000_000_000n + (x % 8_000_000_000_000_000_000n));
}

/**
 * The event object of a time-driven trigger, field for field as the events guide lists it
 * (https://developers.google.com/apps-script/guides/triggers/events#time-driven-events): the time in UTC,
 * day-of-week 1 (Monday) to 7 (Sunday), week-of-year as the ISO week.
 */
export function timeDrivenEvent(at: number, triggerUidValue: string): Record<string, unknown> {
  const date = new Date(at);
  const weekday = ((date.getUTCDay() + 6) % 7) + 1;
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 4 - weekday));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const weekOfYear = Math.floor((thursday.getTime() - yearStart) / DAY / 7) + 1;
  return {
    authMode: AuthMode.FULL,
    'day-of-month': date.getUTCDate(),
    'day-of-week': weekday,
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    month: date.getUTCMonth() + 1,
    second: date.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid: triggerUidValue,
    'week-of-year': weekOfYear,
    year: date.getUTCFullYear(),
  };
}

export class TriggerRegistry {
  private readonly triggers: TriggerInfo[] = [];

  constructor(private readonly core: RuntimeCore) {}

  /** Copies of the installed triggers, in creation order. */
  list(): TriggerInfo[] {
    return this.triggers.map((t) => ({ ...t }));
  }

  get(id: string): TriggerInfo | undefined {
    return this.triggers.find((t) => t.id === id);
  }

  add(trigger: Omit<TriggerInfo, 'id'>): TriggerInfo {
    if (this.triggers.length >= MAX_TRIGGERS) throw new Error(TOO_MANY_TRIGGERS);
    const created = { id: triggerUid(this.core.nextId()), ...trigger };
    this.triggers.push(created);
    return created;
  }

  delete(id: string): void {
    const index = this.triggers.findIndex((t) => t.id === id);
    if (index >= 0) this.triggers.splice(index, 1);
  }

  clear(): void {
    this.triggers.length = 0;
  }

  /** Clock triggers whose next run is at or before `atMs`, earliest first. */
  due(atMs: number = this.core.now): TriggerInfo[] {
    return this.triggers
      .filter((t) => t.kind === 'clock' && t.nextRunAt !== undefined && t.nextRunAt <= atMs)
      .sort((a, b) => (a.nextRunAt as number) - (b.nextRunAt as number))
      .map((t) => ({ ...t }));
  }

  /** After a clock trigger ran at `atMs`: schedule its next run, or remove it when it was one-shot. */
  markRan(id: string, atMs: number = this.core.now): void {
    const trigger = this.get(id);
    if (trigger?.kind !== 'clock') return;
    if (trigger.everyMs === undefined) {
      this.delete(id);
      return;
    }
    if (trigger.atHour !== undefined && trigger.timeZone) {
      const step = trigger.everyMs - HOUR;
      const weekday =
        trigger.everyMs % (7 * DAY) === 0 && trigger.nextRunAt !== undefined
          ? zonedFields(trigger.nextRunAt, resolveZone(trigger.timeZone)).weekday
          : undefined;
      trigger.nextRunAt = nextWallClock(atMs + step, trigger.timeZone, trigger.atHour, trigger.nearMinute ?? 0, weekday);
    } else {
      trigger.nextRunAt = atMs + trigger.everyMs;
    }
  }
}

/** The script-facing Trigger. */
export class Trigger {
  constructor(readonly info: TriggerInfo) {}

  getUniqueId(): string {
    return this.info.id;
  }

  getHandlerFunction(): string {
    return this.info.handlerFunction;
  }

  getEventType(): string {
    if (this.info.kind === 'clock') return EventType.CLOCK;
    if (this.info.kind === 'calendar') return EventType.ON_EVENT_UPDATED;
    const events: Record<SpreadsheetEvent, string> = {
      open: EventType.ON_OPEN,
      edit: EventType.ON_EDIT,
      change: EventType.ON_CHANGE,
      formSubmit: EventType.ON_FORM_SUBMIT,
    };
    return events[this.info.event as SpreadsheetEvent];
  }

  getTriggerSource(): string {
    return { clock: TriggerSource.CLOCK, calendar: TriggerSource.CALENDAR, spreadsheet: TriggerSource.SPREADSHEETS }[this.info.kind];
  }

  getTriggerSourceId(): string | null {
    return this.info.calendarId ?? this.info.spreadsheetId ?? null;
  }
}

class CalendarTriggerBuilder {
  private updated = false;

  constructor(
    private readonly app: ScriptAppEmulation,
    private readonly handler: string,
    private readonly calendarId: string,
  ) {}

  onEventUpdated(): CalendarTriggerBuilder {
    this.updated = true;
    return this;
  }

  create(): unknown {
    if (!this.updated) throw new Error('Invalid trigger: call onEventUpdated() before create().');
    return this.app.install({ handlerFunction: this.handler, kind: 'calendar', calendarId: this.calendarId });
  }
}

class SpreadsheetTriggerBuilder {
  private event: SpreadsheetEvent | null = null;

  constructor(
    private readonly app: ScriptAppEmulation,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  onOpen(): SpreadsheetTriggerBuilder {
    this.event = 'open';
    return this;
  }

  onEdit(): SpreadsheetTriggerBuilder {
    this.event = 'edit';
    return this;
  }

  onChange(): SpreadsheetTriggerBuilder {
    this.event = 'change';
    return this;
  }

  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.event = 'formSubmit';
    return this;
  }

  create(): unknown {
    if (!this.event) throw new Error('Invalid trigger: choose onOpen(), onEdit(), onChange() or onFormSubmit() before create().');
    return this.app.install({ handlerFunction: this.handler, kind: 'spreadsheet', spreadsheetId: this.spreadsheetId, event: this.event });
  }
}

class ClockTriggerBuilder {
  private everyMs?: number;
  private runAt?: number;
  private unit?: 'minutes' | 'hours' | 'days' | 'weeks';
  private atHourValue?: number;
  private nearMinuteValue?: number;
  private weekDay?: number;
  private timeZone: string;

  constructor(
    private readonly app: ScriptAppEmulation,
    private readonly core: RuntimeCore,
    private readonly handler: string,
  ) {
    this.timeZone = core.timeZone;
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    if (!EVERY_MINUTES.includes(Number(n))) {
      throw new Error(`Invalid argument: everyMinutes(${String(n)}). The value must be 1, 5, 10, 15 or 30.`);
    }
    this.unit = 'minutes';
    this.everyMs = Number(n) * 60000;
    return this;
  }

  everyHours(n: number): ClockTriggerBuilder {
    if (!EVERY_HOURS.includes(Number(n))) {
      throw new Error(`Invalid argument: everyHours(${String(n)}). The value must be 1, 2, 4, 6, 8 or 12.`);
    }
    this.unit = 'hours';
    this.everyMs = Number(n) * HOUR;
    return this;
  }

  everyDays(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(Number(n)) || Number(n) < 1) throw new Error(`Invalid argument: everyDays(${String(n)})`);
    this.unit = 'days';
    this.everyMs = Number(n) * DAY;
    return this;
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(Number(n)) || Number(n) < 1) throw new Error(`Invalid argument: everyWeeks(${String(n)})`);
    this.unit = 'weeks';
    this.everyMs = Number(n) * 7 * DAY;
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    const ms = Number(durationMilliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new Error('Invalid argument: durationMilliseconds');
    this.runAt = this.core.now + ms;
    return this;
  }

  at(date: Date): ClockTriggerBuilder {
    if (!isDate(date)) throw new Error('Invalid argument: date');
    this.runAt = date.getTime();
    return this;
  }

  atHour(hour: number): ClockTriggerBuilder {
    if (!Number.isInteger(Number(hour)) || hour < 0 || hour > 23) throw new Error(`Invalid argument: atHour(${String(hour)})`);
    this.atHourValue = Number(hour);
    return this;
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    if (!Number.isInteger(Number(minute)) || minute < 0 || minute > 59) throw new Error(`Invalid argument: nearMinute(${String(minute)})`);
    this.nearMinuteValue = Number(minute);
    return this;
  }

  onWeekDay(day: unknown): ClockTriggerBuilder {
    const index = WEEKDAY_INDEX[String(day)];
    if (index === undefined) throw new Error('Invalid argument: day');
    this.weekDay = index;
    return this;
  }

  inTimezone(timezone: string): ClockTriggerBuilder {
    this.timeZone = String(timezone);
    return this;
  }

  create(): unknown {
    const base = { handlerFunction: this.handler, kind: 'clock' as const };
    if (this.runAt !== undefined) {
      if (this.everyMs !== undefined) throw new Error('Invalid trigger: a one-time trigger (after/at) cannot also repeat.');
      return this.app.install({ ...base, nextRunAt: this.runAt });
    }
    if (this.everyMs === undefined || this.unit === undefined) {
      throw new Error('Invalid trigger: a clock trigger needs everyMinutes, everyHours, everyDays, everyWeeks, after or at.');
    }
    if ((this.atHourValue !== undefined || this.nearMinuteValue !== undefined) && (this.unit === 'minutes' || this.unit === 'hours')) {
      throw new Error('Invalid trigger: atHour/nearMinute need everyDays or everyWeeks.');
    }
    if (this.weekDay !== undefined && this.unit !== 'weeks') throw new Error('Invalid trigger: onWeekDay needs everyWeeks.');
    if (this.unit === 'days' || this.unit === 'weeks') {
      // Without atHour Apps Script picks an hour; the emulation picks the current wall-clock hour.
      const zone = resolveZone(this.timeZone);
      const now = zonedFields(this.core.now, zone);
      const hour = this.atHourValue ?? now.hour;
      const minute = this.nearMinuteValue ?? (this.atHourValue === undefined ? now.minute : 0);
      const weekday = this.unit === 'weeks' ? (this.weekDay ?? now.weekday) : undefined;
      const nextRunAt = nextWallClock(this.core.now, this.timeZone, hour, minute, weekday);
      return this.app.install({ ...base, everyMs: this.everyMs, nextRunAt, atHour: hour, nearMinute: minute, timeZone: this.timeZone });
    }
    return this.app.install({ ...base, everyMs: this.everyMs, nextRunAt: this.core.now + this.everyMs });
  }
}

class TriggerBuilder {
  constructor(
    private readonly app: ScriptAppEmulation,
    private readonly core: RuntimeCore,
    private readonly handler: string,
  ) {}

  forUserCalendar(emailId: string): unknown {
    if (!emailId) throw new Error('Invalid argument: emailId');
    return expose(this.core, new CalendarTriggerBuilder(this.app, this.handler, String(emailId)), 'CalendarTriggerBuilder');
  }

  timeBased(): unknown {
    return expose(this.core, new ClockTriggerBuilder(this.app, this.core, this.handler), 'ClockTriggerBuilder');
  }

  forSpreadsheet(sheet: unknown): unknown {
    const raw = unwrap(sheet) as { getId?: () => string } | string;
    const id = typeof raw === 'string' ? raw : typeof raw?.getId === 'function' ? raw.getId() : '';
    if (!id) throw new Error('Invalid argument: sheet');
    return expose(this.core, new SpreadsheetTriggerBuilder(this.app, this.handler, id), 'SpreadsheetTriggerBuilder');
  }
}

export class ScriptAppEmulation {
  readonly triggers: TriggerRegistry;

  constructor(
    private readonly core: RuntimeCore,
    private readonly options: { webAppUrl?: string | null; scriptId?: string } = {},
  ) {
    this.triggers = new TriggerRegistry(core);
  }

  /** @internal creates and wraps a trigger */
  install(info: Omit<TriggerInfo, 'id'>): GoogleAppsScript.Script.Trigger {
    return this.wrap(this.triggers.add(info));
  }

  private wrap(info: TriggerInfo): GoogleAppsScript.Script.Trigger {
    return expose(this.core, new Trigger(info), 'Trigger') as unknown as GoogleAppsScript.Script.Trigger;
  }

  service(): GoogleAppsScript.Script.ScriptApp {
    const core = this.core;
    const url = this.options.webAppUrl ?? null;
    const service = {
      EventType,
      TriggerSource,
      AuthMode,
      WeekDay,
      newTrigger: (functionName: string) => {
        if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
        return expose(core, new TriggerBuilder(this, core, functionName), 'TriggerBuilder');
      },
      getProjectTriggers: () => this.triggers.list().map((info) => this.wrap(info)),
      deleteTrigger: (trigger: unknown) => {
        const raw = unwrap(trigger);
        if (!(raw instanceof Trigger)) throw new Error('Invalid argument: trigger');
        this.triggers.delete(raw.info.id);
      },
      getService: () => expose(core, { getUrl: () => url, isEnabled: () => url !== null }, 'Service'),
      getScriptId: () => this.options.scriptId ?? 'sandbox-script-id',
      getOAuthToken: (): never => notEmulated('ScriptApp.getOAuthToken'),
      getIdentityToken: (): never => notEmulated('ScriptApp.getIdentityToken'),
    };
    return expose(core, service, 'ScriptApp') as unknown as GoogleAppsScript.Script.ScriptApp;
  }
}
