// RFC 5545 / RFC 5546 iCalendar writer for invitations, updates, cancellations and "add to calendar" files.

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
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
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
  for (const event of input.events) lines.push(...eventLines(event, input.method));
  lines.push('END:VCALENDAR');
  return lines.map((line) => foldLine(line) + CRLF).join('');
}
