// What kind of calendar event this is (single, series, occurrence), instance ids, and the RRULE subset Google Calendar writes.

/**
 * Google names an occurrence of a series `<seriesId>_<original start>`: `YYYYMMDDTHHMMSSZ` (UTC) for timed
 * series, `YYYYMMDD` for all-day ones (https://developers.google.com/calendar/api/guides/recurringevents).
 * Event ids themselves use base32hex (a–v, 0–9), so the last `_` splits an instance id.
 */
const INSTANCE_ID = /^(.+)_(\d{8}(?:T\d{6}Z)?)$/;

export type EventKind = 'single' | 'series' | 'occurrence';

/** The fields of a Calendar event that say what kind it is. */
export interface RecurrenceFields {
  id?: string | null;
  recurrence?: readonly string[] | null;
  recurringEventId?: string | null;
}

/** A series master carries `recurrence`; an instance or exception carries `recurringEventId`. */
export function eventKind(event: RecurrenceFields): EventKind {
  if (event.recurringEventId) return 'occurrence';
  if ((event.recurrence?.length ?? 0) > 0) return 'series';
  return 'single';
}

/** Whether an id names one occurrence of a series (an instance id). */
export function isOccurrenceId(id: string): boolean {
  return INSTANCE_ID.test(id);
}

/** The series an id belongs to: the series id of an instance id, otherwise the id itself. */
export function seriesIdOf(id: string): string {
  const match = INSTANCE_ID.exec(id);
  return match ? match[1] : id;
}

/** The original start an instance id names (epoch ms; all-day ids give midnight UTC of the date), or null. */
export function originalStartOfId(id: string): number | null {
  const match = INSTANCE_ID.exec(id);
  if (!match) return null;
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(match[2]) as RegExpExecArray;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

/** The instance id of a timed series' occurrence that originally started at `originalStartMs`. */
export function occurrenceId(seriesId: string, originalStartMs: number): string {
  return `${seriesId}_${new Date(originalStartMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}`;
}

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One RRULE as Google Calendar's editor makes it; anything it cannot hold is `unusual`. */
export interface Rule {
  freq: Frequency;
  interval: number;
  count: number | null;
  /** UNTIL as an instant (a date-only UNTIL is the end of that day in UTC). */
  until: number | null;
  /** UNTIL was a date (no time): it names that day as written, in no zone. */
  untilIsDate: boolean;
  /** BYDAY without ordinals (weekly), e.g. ['TU', 'TH']. */
  byDay: Weekday[];
  /** Monthly by weekday: ordinal (1..5, or -1 for last) and weekday, e.g. 2TU. */
  byWeekdayOrdinal: { ordinal: number; day: Weekday } | null;
  /** Monthly by date: BYMONTHDAY. */
  byMonthDay: number | null;
  /** Parts the phrasing does not know (BYSETPOS, BYHOUR, several ordinals …): the rule is read out as the fallback. */
  unusual: boolean;
}

export interface Recurrence {
  /** The first RRULE; null when there is none (RDATE only) or it cannot be read. */
  rule: Rule | null;
  /** More than one RRULE, an EXRULE or an RDATE: phrased as the fallback. */
  unusual: boolean;
  /** EXDATE values: an instant (`…Z`), or a wall-clock date/time in `zone` (TZID, or the series' zone when null). */
  exdates: ExDate[];
}

function readInstant(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text.trim());
  if (!m) return null;
  if (m[4] === undefined) return Date.UTC(+m[1], +m[2] - 1, +m[3], 23, 59, 59);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

export interface ExDate {
  /** `YYYY-MM-DD` as written (in UTC when `utc`). */
  date: string;
  /** The instant, when the value is UTC (`…Z`). */
  utc: number | null;
  zone: string | null;
}

function readExDate(text: string, zone: string | null): ExDate | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text.trim());
  if (!m) return null;
  const utc = m[7] === 'Z' ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : null;
  return { date: `${m[1]}-${m[2]}-${m[3]}`, utc, zone };
}

/** Parses one `RRULE:` line (or its value); null when it is not a rule at all. */
export function parseRule(line: string): Rule | null {
  const value = line.replace(/^RRULE:/i, '').trim();
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    const [name, ...rest] = part.split('=');
    // An empty value ("" or ";;") has a part without a name.
    if (!name || rest.length === 0) return null;
    parts.set(name.toUpperCase(), rest.join('=').toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY') return null;
  const rule: Rule = {
    freq,
    interval: 1,
    count: null,
    until: null,
    untilIsDate: false,
    byDay: [],
    byWeekdayOrdinal: null,
    byMonthDay: null,
    unusual: false,
  };
  for (const [name, text] of parts) {
    switch (name) {
      case 'FREQ':
      case 'WKST':
        break;
      case 'INTERVAL':
        rule.interval = /^\d+$/.test(text) ? Number(text) : 0;
        if (rule.interval === 0) return null;
        break;
      case 'COUNT':
        if (!/^\d+$/.test(text) || Number(text) === 0) return null;
        rule.count = Number(text);
        break;
      case 'UNTIL':
        rule.until = readInstant(text);
        if (rule.until === null) return null;
        // readInstant took it: eight characters are a date alone, more carry a time.
        rule.untilIsDate = text.trim().length === 8;
        break;
      case 'BYDAY': {
        const days = text.split(',');
        for (const day of days) {
          const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day);
          if (!m) return null;
          if (m[1] === undefined) rule.byDay.push(m[2] as Weekday);
          else if (days.length === 1) rule.byWeekdayOrdinal = { ordinal: Number(m[1]), day: m[2] as Weekday };
          else rule.unusual = true;
        }
        break;
      }
      case 'BYMONTHDAY':
        // Each name is read once (the parts are a map), so a second BYMONTHDAY= replaces the first.
        if (/^-?\d{1,2}$/.test(text)) rule.byMonthDay = Number(text);
        else rule.unusual = true;
        break;
      default:
        rule.unusual = true;
    }
  }
  if (rule.freq === 'MONTHLY' && rule.byDay.length > 0) rule.unusual = true;
  if (rule.freq !== 'MONTHLY' && (rule.byWeekdayOrdinal !== null || rule.byMonthDay !== null)) rule.unusual = true;
  if (rule.freq === 'DAILY' && rule.byDay.length > 0) rule.unusual = true;
  return rule;
}

/** Reads a series' `recurrence` lines (RRULE, EXRULE, RDATE, EXDATE) as Google stores them. */
export function parseRecurrence(lines: readonly string[]): Recurrence {
  const out: Recurrence = { rule: null, unusual: false, exdates: [] };
  let rules = 0;
  for (const line of lines) {
    const name = line.slice(0, line.search(/[:;]/)).toUpperCase();
    const value = line.slice(line.indexOf(':') + 1);
    if (name === 'RRULE') {
      rules++;
      if (rules === 1) out.rule = parseRule(value);
      else out.unusual = true;
    } else if (name === 'EXDATE') {
      const zone = /;TZID=([^;:]+)/i.exec(line.slice(0, line.indexOf(':')))?.[1] ?? null;
      for (const text of value.split(',')) {
        const exdate = readExDate(text, zone);
        if (exdate !== null) out.exdates.push(exdate);
      }
    } else {
      out.unusual = true;
    }
  }
  if (out.rule === null || out.rule.unusual) out.unusual = true;
  return out;
}
