// RFC 5545 / RFC 5546 iCalendar writer for invitations, updates, cancellations and "add to calendar" files.
import { parseRecurrence } from './recurrence';
import { zonedParts, zoneOffsetMs } from './time';

export interface IcsAttendee {
  email: string;
  name?: string;
  rsvp?: boolean;
  partstat?: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  role?: string;
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  dtstamp: number;
  start: number;
  end: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  organizer?: { email: string; name?: string };
  attendees?: IcsAttendee[];
  /**
   * DTSTART/DTEND as wall-clock times of this IANA zone (with its VTIMEZONE), as a series needs: a rule
   * repeats the wall-clock time, so a UTC start would drift by an hour across DST (RFC 5545 3.8.2.4).
   */
  zone?: string;
  /** A series' RRULE, EXDATE and RDATE lines, as Google Calendar stores them in `recurrence`. */
  recurrence?: readonly string[];
  /** One occurrence of a series: its original start (RFC 5545 3.8.4.4), same UID as the series. */
  recurrenceId?: number;
}

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export const DEFAULT_PRODID = '-//calendar-whatsapp//Appointments//EN';

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

// TEXT may not hold control characters other than TAB (RFC 5545 3.3.11); newlines are escaped separately.
const CONTROL_EXCEPT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ANY_CONTROL = /[\u0000-\u001F\u007F]/g;

/** TEXT value escaping: backslash, semicolon, comma and newlines (any of CRLF, CR, LF become \n). */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL_EXCEPT_TAB_AND_NEWLINE, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Parameter value (CN and the like): RFC 6868 caret escaping for ^, newline and DQUOTE, which a
 * parameter cannot otherwise hold, and quoted when it contains ':' ';' or ','.
 */
export function escapeParam(value: string): string {
  const escaped = value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/\^/g, '^^')
    .replace(/\n/g, '^n')
    .replace(/"/g, "^'")
    .replace(ANY_CONTROL, '');
  return /[:;,]/.test(escaped) ? `"${escaped}"` : escaped;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Folds a content line at 75 octets of UTF-8 without splitting a character; continuations start with one space. */
export function foldLine(line: string): string {
  const physical: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const character of line) {
    const octets = utf8Length(character.codePointAt(0) ?? 0);
    if (currentOctets + octets > MAX_LINE_OCTETS) {
      physical.push(current);
      current = ' ';
      currentOctets = 1;
    }
    current += character;
    currentOctets += octets;
  }
  physical.push(current);
  return physical.join(CRLF);
}

/** 20260303T133000Z */
export function formatUtc(epochMs: number): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${epochMs} is not a valid time`);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** 20260303T143000: the wall-clock time of an instant in a zone, for a TZID value. */
export function formatLocal(epochMs: number, zone: string): string {
  const p = zonedParts(epochMs, zone);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

function offsetText(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

const WEEK_MS = 7 * 86_400_000;
const YEAR_MS = 366 * 86_400_000;
/** An endless series' zone is written this far ahead; past it the last offset stays (a rule-less VTIMEZONE is exact, not guessed). */
const ENDLESS_ZONE_YEARS = 10;

/** The instants in (fromMs, toMs] where the zone's UTC offset changes (to the minute), with the offsets on each side. */
function transitions(zone: string, fromMs: number, toMs: number): Array<{ at: number; from: number; to: number }> {
  const out: Array<{ at: number; from: number; to: number }> = [];
  let previous = zoneOffsetMs(fromMs, zone);
  // No zone changes its offset twice within a week, so weekly probes find every change; a search narrows it.
  for (let probe = fromMs + WEEK_MS; probe - WEEK_MS < toMs; probe += WEEK_MS) {
    const offset = zoneOffsetMs(probe, zone);
    if (offset === previous) continue;
    let low = probe - WEEK_MS;
    let high = probe;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (zoneOffsetMs(middle, zone) === previous) low = middle;
      else high = middle;
    }
    out.push({ at: high, from: previous, to: offset });
    previous = offset;
  }
  return out;
}

/**
 * A VTIMEZONE for `zone` over a span (RFC 5545 3.6.5), from Intl's zone data: one observance per offset
 * change, each with its first onset as DTSTART and the later onsets of the same change as RDATEs.
 */
export function timeZoneLines(zone: string, fromMs: number, toMs: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const changes = transitions(zone, fromMs, toMs);
  if (changes.length === 0) {
    const offset = offsetText(zoneOffsetMs(fromMs, zone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  const groups = new Map<string, Array<{ at: number; from: number; to: number }>>();
  for (const change of changes) {
    const key = `${change.from}|${change.to}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  for (const group of groups.values()) {
    // Stryker disable next-line EqualityOperator: a change is between two different offsets, never equal ones
    const kind = group[0].to > group[0].from ? 'DAYLIGHT' : 'STANDARD';
    // An onset is written in the wall-clock time in force before it (TZOFFSETFROM).
    const onsets = group.map((change) => formatUtc(change.at + change.from).slice(0, -1));
    lines.push(`BEGIN:${kind}`, `DTSTART:${onsets[0]}`);
    // One RDATE per onset, the first one too (a duplicate of DTSTART counts once, RFC 5545 3.8.5.2): ical.js reads
    // only the first value of an RDATE list, and without an RRULE it takes the onsets from RDATE alone.
    for (const onset of onsets) lines.push(`RDATE:${onset}`);
    lines.push(`TZOFFSETFROM:${offsetText(group[0].from)}`, `TZOFFSETTO:${offsetText(group[0].to)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The zones the events name (their own, and TZIDs in EXDATE/RDATE lines) with the span each must cover. */
function zoneSpans(events: readonly IcsEvent[]): Map<string, { from: number; to: number }> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const event of events) {
    const zones = [event.zone];
    let to = event.end;
    if (event.recurrence) {
      for (const line of event.recurrence) zones.push(/;TZID=([^;:]+)/i.exec(line.slice(0, line.indexOf(':')))?.[1]);
      const until = parseRecurrence(event.recurrence).rule?.until ?? null;
      to = until ?? event.start + ENDLESS_ZONE_YEARS * YEAR_MS;
    }
    for (const zone of zones) {
      if (!zone || zone === 'UTC') continue;
      const span = spans.get(zone);
      spans.set(zone, { from: Math.min(span?.from ?? Infinity, event.start - YEAR_MS), to: Math.max(span?.to ?? -Infinity, to + YEAR_MS) });
    }
  }
  return spans;
}

/** A URI value must stay on one logical line and may not carry controls; it is not TEXT-escaped. */
function uriValue(value: string): string {
  return value.replace(ANY_CONTROL, '').trim();
}

function mailto(email: string): string {
  return `mailto:${uriValue(email).replace(/^mailto:/i, '')}`;
}

function calAddressLine(name: 'ORGANIZER' | 'ATTENDEE', email: string, params: Array<[string, string | undefined]>): string {
  const rendered = params
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `;${key}=${escapeParam(value)}`)
    .join('');
  return `${name}${rendered}:${mailto(email)}`;
}

function timeLine(name: string, epochMs: number, zone: string | undefined): string {
  return zone && zone !== 'UTC' ? `${name};TZID=${zone}:${formatLocal(epochMs, zone)}` : `${name}:${formatUtc(epochMs)}`;
}

function eventLines(event: IcsEvent, method: IcsMethod | undefined): string[] {
  if (!(event.end >= event.start)) throw new RangeError(`event ${event.uid} ends before it starts`);
  const scheduling = method === 'REQUEST' || method === 'CANCEL';
  const attendees = event.attendees ?? [];
  // RFC 5546 3.2.1-3.2.5: PUBLISH, REQUEST and CANCEL each require exactly one ORGANIZER;
  // REQUEST and CANCEL also need the attendees they address.
  if (method && !event.organizer) throw new Error(`METHOD:${method} needs an ORGANIZER (event ${event.uid})`);
  if (scheduling && attendees.length === 0) throw new Error(`METHOD:${method} needs at least one ATTENDEE (event ${event.uid})`);
  const status = method === 'CANCEL' ? 'CANCELLED' : event.status;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${Math.max(0, Math.floor(event.sequence))}`,
    `DTSTAMP:${formatUtc(event.dtstamp)}`,
    timeLine('DTSTART', event.start, event.zone),
  ];
  // DTEND must be later than DTSTART (RFC 5545 3.8.2.2): an event of no length has none and ends at its start (3.6.1).
  if (event.end > event.start) lines.push(timeLine('DTEND', event.end, event.zone));
  if (event.recurrenceId !== undefined) lines.push(timeLine('RECURRENCE-ID', event.recurrenceId, event.zone));
  // Google's own lines are RFC 5545 content lines already (RRULE, EXDATE, RDATE): written as they are.
  for (const line of event.recurrence ?? []) lines.push(line.replace(ANY_CONTROL, ''));
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  if (status) lines.push(`STATUS:${status}`);
  if (event.organizer) {
    lines.push(calAddressLine('ORGANIZER', event.organizer.email, [['CN', event.organizer.name]]));
  }
  for (const attendee of attendees) {
    lines.push(
      calAddressLine('ATTENDEE', attendee.email, [
        ['CN', attendee.name],
        ['ROLE', attendee.role ?? 'REQ-PARTICIPANT'],
        ['PARTSTAT', attendee.partstat ?? 'NEEDS-ACTION'],
        ['RSVP', attendee.rsvp === false ? 'FALSE' : 'TRUE'],
      ]),
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** A complete VCALENDAR with CRLF after every line, folded at 75 octets; times are written in UTC. */
export function buildCalendar(input: { method?: IcsMethod; prodId?: string; events: IcsEvent[] }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(input.prodId ?? DEFAULT_PRODID)}`, 'CALSCALE:GREGORIAN'];
  if (input.method) lines.push(`METHOD:${input.method}`);
  for (const [zone, span] of zoneSpans(input.events)) lines.push(...timeZoneLines(zone, span.from, span.to));
  for (const event of input.events) lines.push(...eventLines(event, input.method));
  lines.push('END:VCALENDAR');
  return lines.map((line) => foldLine(line) + CRLF).join('');
}
