// Expansion of a Calendar event's `recurrence` (RRULE, EXDATE, RDATE) into its instances, with ical.js, for the fake Calendar.
//
// Google keeps a series as one event whose `recurrence` holds RFC 5545 lines; the rule is expanded in the
// wall-clock time of `start.timeZone`, so a weekly 10:00 Berlin series stays at 10:00 across DST
// (https://developers.google.com/calendar/api/guides/recurringevents, and the `timeZone` field of
// https://developers.google.com/calendar/api/v3/reference/events#resource: "For recurring events this field
// is required and specifies the time zone in which the recurrence is expanded").
import ICAL from 'ical.js';
import { formatRfc3339, parseDateInZone } from './calendar-time';
import { ianaZone, wallClockToInstant, zoneOffsetMinutes } from './zones';

/** One occurrence of a series, as Google names it. */
export interface Occurrence {
  /** The original start instant (for all-day series: midnight of the date in the calendar's zone). */
  startMs: number;
  /** `YYYYMMDDTHHMMSSZ` (UTC) for timed series, `YYYYMMDD` for all-day ones: the instance id's suffix. */
  stamp: string;
  /** The `originalStartTime` an instance carries. */
  originalStartTime: { dateTime?: string; date?: string; timeZone?: string };
}

export interface SeriesStart {
  /** `start.dateTime` (with offset) or `start.date`. */
  dateTime?: string;
  date?: string;
  /** `start.timeZone`: required for timed series. */
  timeZone?: string;
}

/** A safety bound for endless rules: Google's own bound for lists without timeMax is undocumented. */
export const MAX_INSTANCES = 730;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

interface ParsedRecurrence {
  rules: ICAL.Recur[];
  exdates: Array<{ ms?: number; date?: string }>;
  rdates: Array<{ ms?: number; date?: string }>;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function wallOf(ms: number, zone: string): Wall {
  const local = new Date(ms + zoneOffsetMinutes(ms, ianaZone(zone)) * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

function dateText(w: { year: number; month: number; day: number }): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Reads one iCalendar date or date-time value (`20261215T100000Z`, `20261215T100000` in `zone`, `20261215`). */
function readValue(text: string, zone: string, isDate: boolean): { ms?: number; date?: string } | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text.trim());
  if (!m) return undefined;
  if (m[4] === undefined || isDate) return { date: `${m[1]}-${m[2]}-${m[3]}` };
  const fields = [+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]] as const;
  if (m[7] === 'Z') return { ms: Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]) };
  return { ms: wallClockToInstant(ianaZone(zone), fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]) };
}

/** Parses the lines Google accepts; undefined when one is malformed (Google answers 400 "Invalid recurrence rule."). */
function parse(lines: readonly string[], zone: string): ParsedRecurrence | undefined {
  const out: ParsedRecurrence = { rules: [], exdates: [], rdates: [] };
  for (const line of lines) {
    if (typeof line !== 'string') return undefined;
    const colon = line.indexOf(':');
    if (colon < 0) return undefined;
    const [name, ...params] = line.slice(0, colon).toUpperCase().split(';');
    const value = line.slice(colon + 1);
    if (name === 'RRULE') {
      if (!/(^|;)FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;|$)/i.test(value)) return undefined;
      let rule: ICAL.Recur;
      try {
        rule = ICAL.Recur.fromString(value);
      } catch {
        return undefined;
      }
      out.rules.push(rule);
      continue;
    }
    if (name !== 'EXDATE' && name !== 'RDATE') return undefined;
    const tzParam = params.find((p) => p.startsWith('TZID='));
    const valueZone = tzParam
      ? (line
          .slice(0, colon)
          .split(';')
          .find((p) => /^tzid=/i.test(p))
          ?.slice(5) ?? zone)
      : zone;
    const isDate = params.includes('VALUE=DATE');
    if (params.includes('VALUE=PERIOD')) return undefined;
    for (const item of value.split(',')) {
      const read = readValue(item, valueZone, isDate);
      if (!read) return undefined;
      (name === 'EXDATE' ? out.exdates : out.rdates).push(read);
    }
  }
  if (out.rules.length === 0 && out.rdates.length === 0) return undefined;
  return out;
}

/** True when Google would accept these `recurrence` lines for a series starting at `start`. */
export function isValidRecurrence(lines: unknown, start: SeriesStart, calendarZone: string): boolean {
  if (!Array.isArray(lines) || lines.length === 0) return false;
  return parse(lines as string[], start.timeZone ?? calendarZone) !== undefined;
}

function occurrenceAt(startMs: number, allDay: boolean, zone: string, date?: string): Occurrence {
  if (allDay) {
    const d = date ?? dateText(wallOf(startMs, zone));
    return { startMs, stamp: d.replace(/-/g, ''), originalStartTime: { date: d } };
  }
  const u = new Date(startMs);
  const stamp =
    `${pad(u.getUTCFullYear(), 4)}${pad(u.getUTCMonth() + 1)}${pad(u.getUTCDate())}` +
    `T${pad(u.getUTCHours())}${pad(u.getUTCMinutes())}${pad(u.getUTCSeconds())}Z`;
  return { startMs, stamp, originalStartTime: { dateTime: formatRfc3339(startMs, zone), timeZone: zone } };
}

/**
 * The occurrences whose original start lies in [fromMs, toMs) (a series' instance overlaps a window when it
 * ends after fromMs: callers widen fromMs by the duration), at most `limit`, in start order. EXDATEs are
 * removed and RDATEs added as RFC 5545 3.8.5 says; a COUNT counts from DTSTART, whatever the window.
 */
export function expandOccurrences(
  lines: readonly string[],
  start: SeriesStart,
  calendarZone: string,
  fromMs: number,
  toMs: number,
  limit = MAX_INSTANCES,
): Occurrence[] {
  const allDay = start.date !== undefined;
  const zone = start.timeZone ?? calendarZone;
  const parsed = parse(lines, zone);
  if (!parsed) return [];
  const firstMs = allDay ? (parseDateInZone(start.date as string, zone) as number) : Date.parse(start.dateTime as string);
  const first = wallOf(firstMs, zone);
  const dtstart = ICAL.Time.fromData({ ...first, isDate: allDay });
  const excluded = new Set<string>();
  for (const ex of parsed.exdates) {
    if (ex.date !== undefined) excluded.add(`d:${ex.date}`);
    if (ex.ms !== undefined) excluded.add(`t:${ex.ms}`);
  }
  const isExcluded = (ms: number): boolean => {
    const d = dateText(wallOf(ms, zone));
    return excluded.has(`d:${d}`) || excluded.has(`t:${ms}`);
  };
  const found = new Map<number, Occurrence>();
  const toInstant = (t: ICAL.Time): number =>
    allDay
      ? (parseDateInZone(dateText(t), zone) as number)
      : wallClockToInstant(ianaZone(zone), t.year, t.month, t.day, t.hour, t.minute, t.second);
  for (const rule of parsed.rules) {
    const until = rule.until;
    let untilMs: number | undefined;
    if (until) {
      // UNTIL in UTC (RFC 5545 requires it with a TZID start), or a date: the series' last day, inclusive.
      untilMs = until.isDate
        ? (parseDateInZone(dateText(until), zone) as number) + (allDay ? 0 : 24 * 3600_000 - 1)
        : until.zone === ICAL.Timezone.utcTimezone
          ? Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute, until.second)
          : wallClockToInstant(ianaZone(zone), until.year, until.month, until.day, until.hour, until.minute, until.second);
      rule.until = null;
    }
    const iterator = rule.iterator(dtstart);
    let guard = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++guard > 100_000) break;
      const ms = toInstant(next);
      if (untilMs !== undefined && ms > untilMs) break;
      if (ms >= toMs) break;
      if (ms >= fromMs && !isExcluded(ms)) found.set(ms, occurrenceAt(ms, allDay, zone));
      if (found.size >= limit * 2) break;
    }
    if (until) rule.until = until;
  }
  for (const r of parsed.rdates) {
    const ms = r.ms ?? (parseDateInZone(r.date as string, zone) as number);
    if (ms >= fromMs && ms < toMs && !isExcluded(ms)) found.set(ms, occurrenceAt(ms, allDay, zone, r.date));
  }
  return [...found.values()].sort((a, b) => a.startMs - b.startMs).slice(0, limit);
}

/** The last occurrence's start, or Infinity for an endless rule (for time-range filters on the master). */
export function lastOccurrenceStart(lines: readonly string[], start: SeriesStart, calendarZone: string): number {
  const zone = start.timeZone ?? calendarZone;
  const parsed = parse(lines, zone);
  if (!parsed) return -Infinity;
  if (parsed.rules.some((r) => !r.count && !r.until)) return Infinity;
  const all = expandOccurrences(lines, start, calendarZone, -Infinity, Infinity, 100_000);
  return all.length === 0 ? -Infinity : all[all.length - 1].startMs;
}

/** The occurrence an instance id suffix names, if the series has one there. */
export function parseStamp(stamp: string): { ms?: number; date?: string } | undefined {
  const timed = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  if (timed) return { ms: Date.UTC(+timed[1], +timed[2] - 1, +timed[3], +timed[4], +timed[5], +timed[6]) };
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(stamp);
  if (date) return { date: `${date[1]}-${date[2]}-${date[3]}` };
  return undefined;
}

/** The RRULE with its UNTIL replaced (or COUNT dropped) so the series ends before `beforeMs`: Google's "this and following" split. */
export function endBefore(lines: readonly string[], beforeMs: number): string[] {
  const u = new Date(beforeMs - 1000);
  const until =
    `${pad(u.getUTCFullYear(), 4)}${pad(u.getUTCMonth() + 1)}${pad(u.getUTCDate())}` +
    `T${pad(u.getUTCHours())}${pad(u.getUTCMinutes())}${pad(u.getUTCSeconds())}Z`;
  return lines.map((line) => {
    if (!/^RRULE:/i.test(line)) return line;
    const parts = line
      .slice(6)
      .split(';')
      .filter((p) => !/^(UNTIL|COUNT)=/i.test(p));
    return `RRULE:${[...parts, `UNTIL=${until}`].join(';')}`;
  });
}
