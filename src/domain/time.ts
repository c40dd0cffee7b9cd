// Time-zone-correct wall-clock arithmetic and human-readable date formatting, built on Intl only.

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0=Sunday
}

export interface WallTime {
  year: number;
  month: number; // 1-12; out-of-range values roll over like Date.UTC
  day: number; // out-of-range values roll over, which is what day arithmetic relies on
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Creating a DateTimeFormat is far more expensive than using one; slot finding calls this thousands of times.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function displayFormatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    displayFormatters.set(key, formatter);
  }
  return formatter;
}

export function isValidTimeZone(tz: string): boolean {
  // Intl refuses an empty or blank name itself, but takes undefined for the machine's own zone.
  if (typeof tz !== 'string') return false;
  try {
    partsFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const values: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(epochMs)) values[part.type] = part.value;
  // The formatter counts years before year 1 as 1 BC, 2 BC, ...; astronomical years are 0, -1, ...
  const year = Number(values.year);
  return {
    year: values.era === 'BC' ? 1 - year : year,
    month: Number(values.month),
    day: Number(values.day),
    // Some engines still print midnight as 24 despite hourCycle h23.
    hour: Number(values.hour) % 24,
    minute: Number(values.minute),
    second: Number(values.second),
    weekday: WEEKDAYS[values.weekday] ?? 0,
  };
}

/** Milliseconds the zone's wall clock is ahead of UTC at this instant. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const wholeSecond = epochMs - mod(epochMs, 1000);
  const p = zonedParts(wholeSecond, timeZone);
  return wallAsUtc(p) - wholeSecond;
}

/**
 * Local wall time -> instant. A wall time inside a DST gap does not exist: it is moved forward by the
 * length of the gap (02:30 on a spring-forward day becomes 03:30), as Google Calendar and Temporal's
 * "compatible" disambiguation do. A wall time that occurs twice (fall back) resolves to the earlier one.
 */
export function zonedToEpoch(parts: WallTime, timeZone: string): number {
  const wall = wallAsUtc(parts);
  // At most one transition happens within a day of any wall time, so the offsets a day before and a day
  // after are the only two candidates.
  const offsetBefore = zoneOffsetMs(wall - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMs(wall + DAY_MS, timeZone);
  const candidateBefore = wall - offsetBefore;
  const candidateAfter = wall - offsetAfter;
  const beforeMatches = zoneOffsetMs(candidateBefore, timeZone) === offsetBefore;
  const afterMatches = zoneOffsetMs(candidateAfter, timeZone) === offsetAfter;
  // A wall time that occurs twice matches both, and the pre-transition offset, the larger one there, gives the
  // earlier instant. In a gap neither matches, and the pre-transition offset, the smaller one there, lands
  // after the gap.
  return afterMatches && !beforeMatches ? candidateAfter : candidateBefore;
}

/** Same wall-clock time N calendar days later (or earlier), whatever DST does in between. */
export function addDaysInZone(epochMs: number, days: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  return zonedToEpoch(
    { year: p.year, month: p.month, day: p.day + days, hour: p.hour, minute: p.minute, second: p.second, millisecond: mod(epochMs, 1000) },
    timeZone,
  );
}

/** The first instant of the calendar day (in the zone) that contains epochMs; 01:00 where midnight is skipped. */
export function startOfDayInZone(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  return zonedToEpoch({ year: p.year, month: p.month, day: p.day }, timeZone);
}

/** 'UTC+1', 'UTC-4', 'UTC+5:30', 'UTC' for zero. */
export function utcOffsetLabel(epochMs: number, timeZone: string): string {
  const offsetMinutes = Math.round(zoneOffsetMs(epochMs, timeZone) / MINUTE_MS);
  if (offsetMinutes === 0) return 'UTC';
  // Stryker disable next-line EqualityOperator: zero returned 'UTC' above, so < 0 and <= 0 agree.
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  return `UTC${sign}${hours}${minutes ? `:${pad2(minutes)}` : ''}`;
}

// Bare 'en' means US conventions in ICU; the product speaks international English (3 March 2026, 14:30).
function resolveLocale(locale: string | undefined): string {
  if (!locale || locale.toLowerCase() === 'en') return 'en-GB';
  return locale;
}

const LETTERS_ONLY = /^\p{L}{2,6}$/u;

/**
 * A short zone abbreviation when one exists ('CET', 'CEST', 'EST', 'PDT', 'GMT', German 'MEZ'), else
 * 'UTC+5:30' style. 'GMT+1' is never returned: readers mistake it for the British zone.
 */
export function zoneLabel(epochMs: number, timeZone: string, locale?: string): string {
  // English fallbacks: en-US knows the American abbreviations, en-GB the European ones.
  for (const candidateLocale of [resolveLocale(locale), 'en-US', 'en-GB']) {
    try {
      const name = displayFormatter(candidateLocale, timeZone, { timeZoneName: 'short' })
        .formatToParts(epochMs)
        // Stryker disable next-line OptionalChaining: timeZoneName 'short' always yields that part, and a throw would be caught below alike.
        .find((part) => part.type === 'timeZoneName')?.value;
      if (name && LETTERS_ONLY.test(name)) return name;
    } catch {
      // A locale Intl does not know: the next one.
    }
  }
  return utcOffsetLabel(epochMs, timeZone);
}

// ICU puts narrow no-break spaces before AM/PM and inside dates; plain spaces survive every channel.
export function plainSpaces(text: string): string {
  return text.replace(/[\u00A0\u202F\u2009]/g, ' ');
}

/** 'Tuesday, 3 March 2026' ('Tuesday, March 3, 2026' in en-US). */
export function formatDay(epochMs: number, timeZone: string, locale?: string): string {
  const formatter = displayFormatter(resolveLocale(locale), timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return plainSpaces(formatter.format(epochMs));
}

/** '14:30' ('2:30 PM' in en-US). */
export function formatTime(epochMs: number, timeZone: string, locale?: string): string {
  const resolved = resolveLocale(locale);
  let formatter = displayFormatter(resolved, timeZone, { hour: 'numeric', minute: '2-digit' });
  // 24-hour clocks read best as 09:05; 12-hour ones as 9:05 AM.
  if (!formatter.resolvedOptions().hour12) {
    formatter = displayFormatter(resolved, timeZone, { hour: '2-digit', minute: '2-digit' });
  }
  return plainSpaces(formatter.format(epochMs));
}

/** Between the day and the time: Arabic script writes its own comma. */
function dateTimeSeparator(locale?: string): string {
  // No locale reads as 'undefined', which no Arabic-script language tag is.
  return /^(ar|fa|ur)\b/i.test(String(locale)) ? '، ' : ', ';
}

/** 'CET (UTC+1)', or just 'UTC+5:30' when there is no abbreviation to explain. */
export function zoneSuffix(epochMs: number, timeZone: string, locale?: string): string {
  const label = zoneLabel(epochMs, timeZone, locale);
  const offset = utcOffsetLabel(epochMs, timeZone);
  return label === offset ? label : `${label} (${offset})`;
}

/** 'Tuesday, 3 March 2026, 14:30 CET (UTC+1)'. */
export function formatDateTime(epochMs: number, timeZone: string, locale?: string): string {
  return `${formatDay(epochMs, timeZone, locale)}${dateTimeSeparator(locale)}${formatTime(epochMs, timeZone, locale)} ${zoneSuffix(epochMs, timeZone, locale)}`;
}

function sameDay(a: number, b: number, timeZone: string): boolean {
  const pa = zonedParts(a, timeZone);
  const pb = zonedParts(b, timeZone);
  return pa.year === pb.year && pa.month === pb.month && pa.day === pb.day;
}

/**
 * 'Tuesday, 3 March 2026, 14:30–15:00 CET (UTC+1)'. Spanning days prints both ends in full; an end at
 * midnight still counts as the same day. A DST change inside the range labels both times.
 */
export function formatRange(startMs: number, endMs: number, timeZone: string, locale?: string): string {
  const lastInstant = endMs > startMs ? endMs - 1 : endMs;
  if (!sameDay(startMs, lastInstant, timeZone)) {
    return `${formatDateTime(startMs, timeZone, locale)} – ${formatDateTime(endMs, timeZone, locale)}`;
  }
  const day = formatDay(startMs, timeZone, locale);
  const startTime = formatTime(startMs, timeZone, locale);
  const endTime = formatTime(endMs, timeZone, locale);
  const startZone = zoneSuffix(startMs, timeZone, locale);
  const endZone = zoneSuffix(endMs, timeZone, locale);
  const separator = dateTimeSeparator(locale);
  if (startZone !== endZone) return `${day}${separator}${startTime} ${startZone} – ${endTime} ${endZone}`;
  return `${day}${separator}${startTime}–${endTime} ${startZone}`;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** ISO-8601 instant with an explicit zone (Z or ±hh:mm); null for anything else or any impossible field. */
export function parseIsoInstant(text: string): number | null {
  if (typeof text !== 'string') return null;
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offH, offM] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const millisecond = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (!zulu) {
    const hours = Number(offH);
    const minutes = Number(offM);
    if (hours > 23 || minutes > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return wallAsUtc({ year, month, day, hour, minute, second, millisecond }) - offsetMinutes * MINUTE_MS;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall time read as if it were UTC; Date.UTC alone maps years 0-99 to 1900-1999. */
function wallAsUtc(parts: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, parts.millisecond ?? 0);
  return date.getTime();
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
