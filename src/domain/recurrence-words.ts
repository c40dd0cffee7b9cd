// A series' rule in the attendee's words ("every Tuesday, 10:00–10:50 CET (UTC+1), from …, 6 times"), through the catalogues and Intl.
import type { TextKey, Texts } from './i18n/texts';
import { parseRecurrence, type Recurrence, type Rule, WEEKDAYS, type Weekday } from './recurrence';
import { formatDay, formatRange, formatTime, isValidTimeZone, plainSpaces, zonedParts, zoneSuffix } from './time';

export interface SeriesPhraseInput {
  recurrence: Recurrence;
  /** The zone the rule is expanded in (the series' `start.timeZone`): its BYDAY weekdays are that zone's. */
  seriesZone: string;
  /** The master's own first start: COUNT counts from there. */
  seriesStart: number;
  /** The occurrence the phrase starts from (the next one), in the attendee's zone. */
  first: { start: number; end: number };
  timeZone: string;
}

const MAX_EXDATES = 3;
const ORDINAL_KEYS: Record<string, TextKey> = {
  '1': 'recurrence.ordinal1',
  '2': 'recurrence.ordinal2',
  '3': 'recurrence.ordinal3',
  '4': 'recurrence.ordinal4',
  '5': 'recurrence.ordinal5',
  '-1': 'recurrence.ordinalLast',
};

/** 0 = Monday … 6 = Sunday of an instant in a zone. */
function weekdayIndex(ms: number, zone: string): number {
  return (zonedParts(ms, zone).weekday + 6) % 7;
}

/** A weekday's long name in the locale: 5 January 2026 was a Monday. */
function weekdayName(index: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5 + index));
}

function listOf(items: string[], locale: string): string {
  const ListFormat = (Intl as unknown as { ListFormat?: new (l: string, o: object) => { format(items: string[]): string } }).ListFormat;
  return ListFormat ? new ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items) : items.join(', ');
}

function number(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** The rule alone ("every 2 weeks on Tuesday"), or null when it is one the words do not cover. */
function ruleWords(rule: Rule, input: SeriesPhraseInput, texts: Texts): string | null {
  const locale = texts.locale;
  // The attendee's zone may put an occurrence on another day than the series' zone does.
  const shift = (weekdayIndex(input.first.start, input.timeZone) - weekdayIndex(input.first.start, input.seriesZone) + 7) % 7;
  const n = number(rule.interval, locale);
  switch (rule.freq) {
    case 'DAILY':
      return rule.interval === 1 ? texts.t('recurrence.daily') : texts.t('recurrence.everyNDays', { n });
    case 'WEEKLY': {
      const days: Weekday[] = rule.byDay.length > 0 ? rule.byDay : [WEEKDAYS[weekdayIndex(input.seriesStart, input.seriesZone)]];
      const indexes = [...new Set(days.map((day) => (WEEKDAYS.indexOf(day) + shift) % 7))].sort((a, b) => a - b);
      const names = listOf(
        indexes.map((index) => weekdayName(index, locale)),
        locale,
      );
      return rule.interval === 1 ? texts.t('recurrence.weekly', { days: names }) : texts.t('recurrence.everyNWeeks', { n, days: names });
    }
    case 'MONTHLY': {
      if (shift !== 0) return null;
      if (rule.byWeekdayOrdinal) {
        // With BYMONTHDAY too only the days both name are kept (RFC 5545 §3.3.10): not simply "the second Tuesday".
        if (rule.byMonthDay !== null) return null;
        const ordinalKey = ORDINAL_KEYS[String(rule.byWeekdayOrdinal.ordinal)];
        if (!ordinalKey) return null;
        const values = { n, ordinal: texts.t(ordinalKey), weekday: weekdayName(WEEKDAYS.indexOf(rule.byWeekdayOrdinal.day), locale) };
        return texts.t(rule.interval === 1 ? 'recurrence.monthlyWeekday' : 'recurrence.everyNMonthsWeekday', values);
      }
      const day = rule.byMonthDay ?? zonedParts(input.seriesStart, input.seriesZone).day;
      if (day < 1) return null;
      return texts.t(rule.interval === 1 ? 'recurrence.monthlyDay' : 'recurrence.everyNMonthsDay', { n, day: number(day, locale) });
    }
    case 'YEARLY': {
      if (shift !== 0 || rule.interval !== 1 || rule.byDay.length > 0 || rule.byMonthDay !== null || rule.byWeekdayOrdinal) return null;
      const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: input.timeZone }).format(input.first.start);
      return texts.t('recurrence.yearly', { date: plainSpaces(date) });
    }
  }
}

const DAY_MS = 86_400_000;
/** Longest stretch (in days) between a series' start and its next occurrence that the count walks. */
const MAX_COUNT_WALK_DAYS = 366 * 20;

/** Days since 1 January 1970 of an instant's date in a zone. */
function dayNumber(ms: number, zone: string): number {
  const parts = zonedParts(ms, zone);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / DAY_MS;
}

/** Whether the rule makes an occurrence on a date (a day number), for a series whose first date is `startDay`. */
function onDate(rule: Rule, startDay: number, day: number): boolean {
  const date = new Date(day * DAY_MS);
  const start = new Date(startDay * DAY_MS);
  const weekday = (date.getUTCDay() + 6) % 7;
  switch (rule.freq) {
    case 'DAILY':
      return (day - startDay) % rule.interval === 0;
    case 'WEEKLY': {
      const days = rule.byDay.length > 0 ? rule.byDay : [WEEKDAYS[(start.getUTCDay() + 6) % 7]];
      // 1 January 1970 was a Thursday: weeks counted from Mondays (RFC 5545's default WKST=MO).
      const week = (n: number) => Math.floor((n + 3) / 7);
      return days.includes(WEEKDAYS[weekday]) && (week(day) - week(startDay)) % rule.interval === 0;
    }
    case 'MONTHLY': {
      const months = (date.getUTCFullYear() - start.getUTCFullYear()) * 12 + date.getUTCMonth() - start.getUTCMonth();
      if (months % rule.interval !== 0) return false;
      const ordinal = rule.byWeekdayOrdinal;
      if (ordinal) {
        if (WEEKDAYS[weekday] !== ordinal.day) return false;
        const monthDays = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
        return ordinal.ordinal === -1 ? date.getUTCDate() + 7 > monthDays : Math.ceil(date.getUTCDate() / 7) === ordinal.ordinal;
      }
      return date.getUTCDate() === (rule.byMonthDay ?? start.getUTCDate());
    }
    case 'YEARLY':
      // The words cover a yearly rule with INTERVAL=1 only: every year on the start's date.
      return date.getUTCMonth() === start.getUTCMonth() && date.getUTCDate() === start.getUTCDate();
  }
}

/**
 * How many of COUNT's occurrences are left from the next one on: COUNT counts from the series' start
 * (RFC 5545 §3.3.10, EXDATEs included), so a series joined later has fewer. The start is the first of them
 * even on a day the rule would not make ("the DTSTART property value always counts as the first
 * occurrence"). Dates in the series' zone, not hours, so a DST change between them does not matter. Null
 * when the walk would be too long. Only rules ruleWords phrases get here (no BYMONTHDAY below 1).
 */
function countLeft(rule: Rule, count: number, input: SeriesPhraseInput): number | null {
  const startDay = dayNumber(input.seriesStart, input.seriesZone);
  const firstDay = dayNumber(input.first.start, input.seriesZone);
  if (firstDay - startDay > MAX_COUNT_WALK_DAYS) return null;
  let before = 0;
  for (let day = startDay; day < firstDay; day++) if (day === startDay || onDate(rule, startDay, day)) before++;
  return count - before;
}

function sameDay(a: number, b: number, zone: string): boolean {
  const pa = zonedParts(a, zone);
  const pb = zonedParts(b, zone);
  return pa.year === pb.year && pa.month === pb.month && pa.day === pb.day;
}

/** A usual rule with each occurrence within one day (an end at midnight still is), and its words, or null. */
function coveredRule(input: SeriesPhraseInput, texts: Texts): { rule: Rule; words: string } | null {
  const { first, timeZone } = input;
  const rule = input.recurrence.unusual ? null : input.recurrence.rule;
  if (rule === null || !sameDay(first.start, Math.max(first.start, first.end - 1), timeZone)) return null;
  const words = ruleWords(rule, input, texts);
  return words === null ? null : { rule, words };
}

/**
 * The series in words from its next occurrence on. A rule the words do not cover (RDATE, BYSETPOS, a day
 * the attendee's zone shifts for a monthly rule …) reads "repeats: see your invitation" and still names the
 * next occurrence, in full.
 */
export function seriesWords(input: SeriesPhraseInput, texts: Texts): string {
  const { first, timeZone } = input;
  const locale = texts.locale;
  const covered = coveredRule(input, texts);
  if (covered === null) return texts.t('recurrence.fallback', { next: formatRange(first.start, first.end, timeZone, locale) });
  const { rule, words } = covered;
  const time = `${formatTime(first.start, timeZone, locale)}–${formatTime(first.end, timeZone, locale)} ${zoneSuffix(first.start, timeZone, locale)}`;
  const base = { rule: words, time, first: formatDay(first.start, timeZone, locale) };
  let phrase: string;
  // None left (or too long a walk to tell) names no count.
  const left = rule.count === null ? 0 : (countLeft(rule, rule.count, input) ?? 0);
  if (left > 0) {
    phrase = texts.t('recurrence.seriesCount', { ...base, n: number(left, locale) });
  } else if (rule.until !== null) {
    phrase = texts.t('recurrence.seriesUntil', { ...base, until: formatDay(rule.until, rule.untilIsDate ? 'UTC' : timeZone, locale) });
  } else {
    phrase = texts.t('recurrence.series', base);
  }
  const skipped = skippedDates(input);
  if (skipped.length === 0) return phrase;
  const shown = skipped.slice(0, MAX_EXDATES).map((date) => formatDay(date.ms, date.zone, locale));
  if (skipped.length > MAX_EXDATES) shown.push('…');
  return texts.t('recurrence.except', { series: phrase, dates: listOf(shown, locale) });
}

/**
 * The EXDATEs after the first occurrence, in order, each with the zone its day is shown in. A UTC one is an
 * instant, shown on the attendee's day. A wall-clock one names a date in its zone (its TZID, else the
 * series'): past when that date is the first occurrence's there or earlier (the words cover rules with one
 * occurrence a day), and shown as written (its midnight in UTC).
 */
function skippedDates(input: SeriesPhraseInput): Array<{ ms: number; zone: string }> {
  const dates: Array<{ ms: number; zone: string }> = [];
  for (const exdate of input.recurrence.exdates) {
    if (exdate.utc !== null) {
      if (exdate.utc > input.first.start) dates.push({ ms: exdate.utc, zone: input.timeZone });
      continue;
    }
    const zone = isValidTimeZone(exdate.zone ?? '') ? (exdate.zone as string) : input.seriesZone;
    const midnight = Date.parse(exdate.date);
    if (midnight / DAY_MS > dayNumber(input.first.start, zone)) dates.push({ ms: midnight, zone: 'UTC' });
  }
  return dates.sort((a, b) => a.ms - b.ms);
}

/** A stored series (its RRULE/EXDATE lines, zone and own first start) in words from `first` on. */
export function storedSeriesWords(
  series: { lines: readonly string[]; zone: string; start: number },
  first: { start: number; end: number },
  timeZone: string,
  texts: Texts,
): string {
  return seriesWords(
    { recurrence: parseRecurrence(series.lines), seriesZone: series.zone, seriesStart: series.start, first, timeZone },
    texts,
  );
}
