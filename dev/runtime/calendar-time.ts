// Time helpers for the fake Calendar: RFC 3339 parsing, IANA zone offsets and formatting, without libraries.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when `zone` is an IANA zone name the platform knows. */
export function isValidZone(zone: string): boolean {
  try {
    zoneFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC at instant `ms`, in minutes (Berlin in winter: 60). */
export function zoneOffsetMinutes(ms: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60000);
}

/** The instant at which the wall-clock time (in `zone`) reads the given fields. */
export function zonedToInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone: string): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let guess = wall - zoneOffsetMinutes(wall, zone) * 60000;
  const second = wall - zoneOffsetMinutes(guess, zone) * 60000;
  if (second !== guess) guess = second;
  return guess;
}

/** Parses an RFC 3339 timestamp that must carry an offset; undefined when it is not one. */
export function parseRfc3339WithOffset(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = RFC3339.exec(text);
  if (!m?.[8]) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Parses a dateTime, using `zone` when the text has no offset; undefined when it cannot be read. */
export function parseDateTime(text: string, zone: string | undefined): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  if (m[8]) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (!zone) return undefined;
  const frac = m[7] ? Math.round(Number(`0${m[7]}`) * 1000) : 0;
  return zonedToInstant(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], frac, zone);
}

/** True when the text has no offset (then a timeZone is required). */
export function lacksOffset(text: string): boolean {
  const m = RFC3339.exec(text);
  return !!m && !m[8];
}

/** Midnight of a 'YYYY-MM-DD' date in `zone`, or undefined when malformed. */
export function parseDateInZone(text: string, zone: string): number | undefined {
  const m = DATE_ONLY.exec(text);
  if (!m) return undefined;
  const probe = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (probe.getUTCMonth() !== +m[2] - 1 || probe.getUTCDate() !== +m[3]) return undefined;
  return zonedToInstant(+m[1], +m[2], +m[3], 0, 0, 0, 0, zone);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** '2026-01-05T10:00:00+01:00' in `zone`, or '2026-01-05T09:00:00Z' when zone is UTC/undefined. */
export function formatRfc3339(ms: number, zone: string | undefined): string {
  const offset = zone && zone !== 'UTC' && zone !== 'Etc/UTC' ? zoneOffsetMinutes(ms, zone) : 0;
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * 60000);
  const base =
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (offset === 0) return `${base}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
