// Time zones for the fake services, with Intl only: Java-style zone ids, wall-clock fields and offsets at an instant, wall clock back to an instant.
// Written apart from src/domain/time.ts on purpose: a fake that shared the product's zone code would share its bugs.

export interface Zone {
  /** IANA id for Intl, or null for a fixed offset. */
  id: string | null;
  fixedOffsetMinutes: number;
}

export interface ZonedFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function zoneFormatter(id: string, extra: Intl.DateTimeFormatOptions = {}, locale = 'en-US'): Intl.DateTimeFormat {
  const key = `${locale}|${id}|${JSON.stringify(extra)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: id, ...extra });
    formatters.set(key, f);
  }
  return f;
}

/** True when `zone` is an IANA zone name the platform knows. */
export function isValidZone(zone: string): boolean {
  try {
    zoneFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone name as a Zone, for services that accept only those (Calendar). */
export function ianaZone(id: string): Zone {
  return { id, fixedOffsetMinutes: 0 };
}

/** Java's TimeZone.getTimeZone: IANA ids, "GMT+hh:mm" style offsets, and GMT for anything unknown. */
export function resolveZone(timeZone: string): Zone {
  const fixed = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    return { id: null, fixedOffsetMinutes: fixed[1] === '-' ? -minutes : minutes };
  }
  return isValidZone(timeZone) ? ianaZone(timeZone) : { id: 'GMT', fixedOffsetMinutes: 0 };
}

/** Calendar fields of an instant in a zone, with the zone's offset from UTC at that instant. */
export function zonedFields(ms: number, zone: Zone): ZonedFields {
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const wholeSeconds = ms - millisecond;
  if (zone.id === null) {
    const d = new Date(wholeSeconds + zone.fixedOffsetMinutes * 60000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond,
      weekday: d.getUTCDay(),
      offsetMinutes: zone.fixedOffsetMinutes,
    };
  }
  const parts = zoneFormatter(zone.id, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    era: 'short',
  }).formatToParts(new Date(wholeSeconds));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0';
  let year = Number(get('year'));
  if (/^B/i.test(get('era'))) year = 1 - year;
  const fields = {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
  };
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  const weekday = new Date(Date.UTC(fields.year, fields.month - 1, fields.day)).getUTCDay();
  return { ...fields, millisecond, weekday, offsetMinutes: Math.round((asUtc - wholeSeconds) / 60000) };
}

/** Offset of `zone` from UTC at instant `ms`, in minutes (Berlin in winter: 60). */
export function zoneOffsetMinutes(ms: number, zone: Zone): number {
  return zonedFields(ms, zone).offsetMinutes;
}

/**
 * The instant at which the wall clock in `zone` reads these fields (month 1-12): two rounds of "wall
 * minus the offset there". In zones east of UTC a time in a spring-forward gap lands after the gap and
 * an autumn overlap takes the standard-time reading; west of UTC the two rounds land an hour earlier.
 */
export function wallClockToInstant(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second = 0,
  millisecond = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const guess = wall - zoneOffsetMinutes(wall, zone) * 60000;
  return wall - zoneOffsetMinutes(guess, zone) * 60000;
}

/** wallClockToInstant for a Java-style zone id, as Apps Script's services read one. */
export function zonedTimeToEpoch(timeZone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  return wallClockToInstant(resolveZone(timeZone), year, month, day, hour, minute);
}
