// Time helpers for the fake Calendar: RFC 3339 parsing and formatting in IANA zones (offsets from ./zones).
import { ianaZone, wallClockToInstant, zoneOffsetMinutes } from './zones';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

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
  return wallClockToInstant(ianaZone(zone), +m[1], +m[2], +m[3], +m[4], +m[5], +m[6], frac);
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
  return wallClockToInstant(ianaZone(zone), +m[1], +m[2], +m[3], 0, 0);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** '2026-01-05T10:00:00+01:00' in `zone`, or '2026-01-05T09:00:00Z' when zone is UTC/undefined. */
export function formatRfc3339(ms: number, zone: string | undefined): string {
  const offset = zone && zone !== 'UTC' && zone !== 'Etc/UTC' ? zoneOffsetMinutes(ms, ianaZone(zone)) : 0;
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * 60000);
  const base =
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (offset === 0) return `${base}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
