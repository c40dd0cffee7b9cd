// Email invitations (RFC 5545/5546/6047): which guest gets a REQUEST or CANCEL, and the mail that carries it.
import { html, type SafeHtml } from './html';
import type { TextKey, Texts } from './i18n/texts';
import { buildCalendar, formatUtc, type IcsEvent, type IcsMethod } from './ical';
import { parseRecurrence } from './recurrence';
import type { InvitationMode } from './settings';
import { formatRange } from './time';

export type InvitationMethod = Extract<IcsMethod, 'REQUEST' | 'CANCEL'>;

/** A guest of the event who gets invitations: an email address and the name to greet. */
export interface Guest {
  email: string;
  name: string;
}

/** The shape of a Calendar API attendee, as plain values. */
export interface AttendeeLike {
  email?: string | null;
  displayName?: string | null;
  self?: boolean | null;
  organizer?: boolean | null;
  resource?: boolean | null;
}

/** What the invitations need to know about one calendar event. */
export interface InvitationEventFacts {
  eventId: string;
  iCalUID: string;
  cancelled: boolean;
  allDay: boolean;
  summary: string;
  start: number | null;
  end: number | null;
  /** Google's own SEQUENCE of the event; ours never falls below it, so Google's invitations never outrank ours. */
  sequence: number;
  guests: Guest[];
  /** A series master: the zone its rule repeats in and its RRULE/EXDATE/RDATE lines; start/end are its first occurrence's. */
  series?: SeriesLines;
  /** One occurrence of a series changed or cancelled on its own (an exception): which series, and its original start. */
  occurrenceOf?: { seriesId: string; originalStart: number };
}

export interface SeriesLines {
  zone: string;
  lines: string[];
}

/** One row of the Invitations sheet: one (event, guest email) pair and what that guest was last sent. */
export interface Invitation {
  /** `${eventId}|${email in lower case}` */
  key: string;
  eventId: string;
  email: string;
  name: string;
  title: string;
  start: number;
  end: number;
  uid: string;
  eventSequence: number;
  /** SEQUENCE of the last object sent to this guest; -1 before the first. */
  sequence: number;
  lastMethod: '' | InvitationMethod;
  lastStart: number | null;
  lastEnd: number | null;
  state: 'active' | 'cancelled';
  /** A REQUEST or CANCEL decided but not yet accepted by MailApp (quota, failure). */
  pending: '' | InvitationMethod;
  error: string;
  attempts: number;
  sentAt: number | null;
  updatedAt: number;
  /** A series row: the rule the guest is sent (one VEVENT with RRULE). */
  series?: SeriesLines;
  /** An occurrence row: its original start, the RECURRENCE-ID of its VEVENT under the series' UID. */
  recurrenceId?: number;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const MAX_NAME = 100;
// Controls would break a header line or a calendar property; they carry nothing a guest needs to read.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

export function invitationKey(eventId: string, email: string): string {
  return `${eventId}|${email.toLowerCase()}`;
}

/**
 * The event's guests who get invitations: real addresses, not the host (the calendar's owner, the
 * organizer, or the configured ORGANIZER_EMAIL), not rooms or other resources, each address once.
 */
export function invitationGuests(attendees: readonly AttendeeLike[] | null | undefined, hostEmails: readonly string[]): Guest[] {
  // An empty host address excludes nobody: no guest without an address gets this far.
  const excluded = new Set(hostEmails.map((email) => email.toLowerCase()));
  const guests: Guest[] = [];
  const seen = new Set<string>();
  // Stryker disable next-line ArrayDeclaration: a list element that is no attendee has no address, so it is skipped like none
  for (const attendee of attendees ?? []) {
    if (!attendee.email || attendee.self || attendee.organizer || attendee.resource) continue;
    const email = attendee.email.trim();
    const lower = email.toLowerCase();
    if (!EMAIL.test(email) || excluded.has(lower) || seen.has(lower)) continue;
    seen.add(lower);
    guests.push({ email, name: cleanDisplayName(attendee.displayName ?? '') });
  }
  return guests;
}

function cleanDisplayName(name: string): string {
  return Array.from(name.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim()).slice(0, MAX_NAME).join('');
}

/** Google mode: the project's own Calendar writes ask Google to mail the guests, when there are any. */
export function sendUpdatesFor(mode: InvitationMode, guestCount: number): 'all' | 'none' {
  return mode === 'google' && guestCount > 0 ? 'all' : 'none';
}

/** A series is live until its UNTIL; a COUNT series that ran out only comes back when the host edits it. */
function seriesLive(series: SeriesLines, now: number): boolean {
  const until = parseRecurrence(series.lines).rule?.until ?? null;
  return until === null || until > now;
}

function isLive(event: InvitationEventFacts, now: number): boolean {
  if (event.cancelled || event.allDay || event.start === null || event.end === null) return false;
  return event.series ? seriesLive(event.series, now) : event.end > now;
}

function sameSeries(a: SeriesLines | undefined, b: SeriesLines | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * An occurrence changed or cancelled on its own has no rows yet: each guest who was sent the series holds
 * it at its original time, under the series' UID and last SEQUENCE. These rows are what reconcileInvitations
 * then compares the exception with, so a move is an update and a cancel a CANCEL of that date only.
 */
export function occurrenceRowsFromSeries(input: {
  eventId: string;
  originalStart: number;
  seriesRows: readonly Invitation[];
  now: number;
}): Invitation[] {
  return input.seriesRows
    .filter((row) => row.state === 'active' && row.lastMethod === 'REQUEST' && row.series !== undefined)
    .map((row) => {
      const start = input.originalStart;
      const end = start + (row.end - row.start);
      return {
        ...row,
        key: invitationKey(input.eventId, row.email),
        eventId: input.eventId,
        start,
        end,
        lastStart: start,
        lastEnd: end,
        pending: '' as const,
        error: '',
        attempts: 0,
        series: undefined,
        recurrenceId: start,
        updatedAt: input.now,
      };
    });
}

/**
 * Compares one changed event with its Invitations rows and returns the rows that change: new guests
 * get a REQUEST, a move gets a REQUEST (unless it moved back to what the guest was last sent), a
 * cancelled event or a removed guest gets a CANCEL if a REQUEST ever went out. A title change is
 * recorded silently, as for WhatsApp, so a host's renaming spends no mail quota.
 */
export function reconcileInvitations(input: { event: InvitationEventFacts; rows: readonly Invitation[]; now: number }): Invitation[] {
  const { event, rows, now } = input;
  const live = isLive(event, now);
  if (!event.cancelled && !live) return [];
  const wanted = new Map((live ? event.guests : []).map((guest) => [guest.email.toLowerCase(), guest]));
  const changed: Invitation[] = [];
  const known = new Set<string>();

  for (const row of rows) {
    known.add(row.email.toLowerCase());
    const guest = wanted.get(row.email.toLowerCase());
    const next: Invitation = { ...row, eventSequence: Math.max(row.eventSequence, event.sequence) };
    if (!guest) {
      if (row.state === 'cancelled') continue;
      next.state = 'cancelled';
      next.pending = row.lastMethod === 'REQUEST' ? 'CANCEL' : '';
    } else {
      const start = event.start as number;
      const end = event.end as number;
      if (row.state === 'cancelled') {
        next.state = 'active';
        next.pending = 'REQUEST';
      } else if (start !== row.start || end !== row.end || !sameSeries(row.series, event.series)) {
        const backToLastSent =
          sameSeries(row.series, event.series) && row.lastMethod === 'REQUEST' && start === row.lastStart && end === row.lastEnd;
        next.pending = backToLastSent ? '' : 'REQUEST';
      } else if (
        row.title === event.summary &&
        row.name === guest.name &&
        row.uid === event.iCalUID &&
        next.eventSequence === row.eventSequence
      ) {
        continue;
      }
      next.start = start;
      next.end = end;
      next.title = event.summary;
      next.name = guest.name;
      next.uid = event.iCalUID || row.uid;
      next.series = event.series;
    }
    if (next.pending !== row.pending) {
      next.attempts = 0;
      next.error = '';
    }
    next.updatedAt = now;
    changed.push(next);
  }

  for (const [lower, guest] of wanted) {
    if (known.has(lower)) continue;
    changed.push({
      key: invitationKey(event.eventId, guest.email),
      eventId: event.eventId,
      email: guest.email,
      name: guest.name,
      title: event.summary,
      start: event.start as number,
      end: event.end as number,
      uid: event.iCalUID,
      eventSequence: Math.max(0, event.sequence),
      sequence: -1,
      lastMethod: '',
      lastStart: null,
      lastEnd: null,
      state: 'active',
      pending: 'REQUEST',
      error: '',
      attempts: 0,
      sentAt: null,
      updatedAt: now,
      series: event.series,
      recurrenceId: event.occurrenceOf?.originalStart,
    });
  }
  return changed;
}

/** A REQUEST for an appointment that has already begun is no longer worth a mail; a CANCEL still is. */
export function isStaleInvitation(row: Invitation, now: number): boolean {
  if (row.series) return row.pending === 'REQUEST' && !seriesLive(row.series, now);
  return row.pending === 'REQUEST' && row.start <= now;
}

/** The SEQUENCE of the next object sent to this guest: above the last one sent, never below Google's. */
export function nextSequence(row: Invitation): number {
  const own = row.lastMethod === '' ? 0 : row.sequence + 1;
  return Math.max(own, row.eventSequence, 0);
}

/** The row after MailApp accepted the invitation. */
export function invitationSent(row: Invitation, sequence: number, now: number): Invitation {
  const method = row.pending as InvitationMethod;
  return {
    ...row,
    pending: '',
    sequence,
    lastMethod: method,
    lastStart: method === 'REQUEST' ? row.start : row.lastStart,
    lastEnd: method === 'REQUEST' ? row.end : row.lastEnd,
    error: '',
    attempts: 0,
    sentAt: now,
    updatedAt: now,
  };
}

export interface InvitationMailInput {
  row: Invitation;
  sequence: number;
  organizer: { email: string; name: string };
  hostName: string;
  timeZone: string;
  /** The guest's language: the words and the locale of the date. */
  texts: Texts;
  /** The attendee's own appointment page when they also get WhatsApp, else the booking page. */
  link: string;
  now: number;
  /** A series: the rule in words, for the text ("every Tuesday, 10:00–10:50 CET (UTC+1), from …"). */
  seriesWhen?: string;
  /**
   * A series: this guest's occurrence rows. A REQUEST of the series replaces what the guest holds of it
   * (RFC 5546 3.2.2), so it carries each moved date as a RECURRENCE-ID VEVENT and each cancelled one as EXDATE.
   */
  occurrences?: readonly Invitation[];
}

export interface InvitationMail {
  method: InvitationMethod;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The iCalendar object: RFC 6047 wants the MIME part's method to equal the object's METHOD. */
  attachment: { fileName: string; contentType: string; content: string };
}

export const INVITATION_FILE_NAME = 'invite.ics';

export function calendarContentType(method: InvitationMethod): string {
  return `text/calendar; charset=UTF-8; method=${method}`;
}

function oneLine(text: string): string {
  return text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A series as one VEVENT with its rule in its own zone, plus (for a REQUEST) an EXDATE per date cancelled on
 * its own and a RECURRENCE-ID VEVENT per moved date, all under the same UID and SEQUENCE. A CANCEL of the
 * series is one VEVENT without RECURRENCE-ID: every date goes (RFC 5546 3.2.5).
 */
function seriesEvents(event: IcsEvent, series: SeriesLines, cancel: boolean, occurrences: readonly Invitation[]): IcsEvent[] {
  const master: IcsEvent = { ...event, zone: series.zone, recurrence: series.lines, recurrenceId: undefined };
  if (cancel) return [master];
  const mine = occurrences.filter((row) => row.recurrenceId !== undefined);
  const exdates = mine
    .filter((row) => row.state === 'cancelled')
    .map((row) => row.recurrenceId as number)
    .sort((a, b) => a - b)
    .map((ms) => `EXDATE:${formatUtc(ms)}`);
  const moved = mine
    .filter((row) => row.state === 'active' && (row.start !== row.recurrenceId || row.end - row.start !== event.end - event.start))
    .map((row) => ({ ...event, start: row.start, end: row.end, zone: series.zone, recurrenceId: row.recurrenceId }));
  return [{ ...master, recurrence: [...series.lines, ...exdates] }, ...moved];
}

/** A text with {link} as HTML: the text escaped, each {link} an anchor (the host's wording may place it anywhere). */
function withLinkHtml(texts: Texts, key: TextKey, link: string): SafeHtml {
  const marker = '\u0000';
  const parts = texts.t(key, { link: marker }).split(marker);
  return html`${parts.map((part, index) => (index === 0 ? html`${part}` : html`<a href="${link}">${link}</a>${part}`))}`;
}

/** The invitation mail for the row's pending method, in the guest's language: iCalendar object, subject, text and HTML bodies. */
export function invitationMail(input: InvitationMailInput): InvitationMail {
  const { row, organizer, hostName, texts } = input;
  const method = row.pending;
  if (method === '') throw new Error(`invitation ${row.key} has nothing pending`);
  const cancel = method === 'CANCEL';
  const title = oneLine(row.title) || texts.t('untitled');
  // A CANCEL names the time the guest was last sent, which is the one in their calendar.
  const start = cancel ? (row.lastStart ?? row.start) : row.start;
  const end = cancel ? (row.lastEnd ?? row.end) : row.end;
  const when = row.series && input.seriesWhen ? input.seriesWhen : formatRange(start, end, input.timeZone, texts.locale);
  const values = { title, host: hostName, when };
  const summary = texts.t('mail.summary', { title, host: oneLine(hostName) });
  const isUpdate = !cancel && row.lastMethod === 'REQUEST';
  const headlineKey: TextKey = row.series
    ? cancel
      ? 'mail.seriesCancelled'
      : isUpdate
        ? 'mail.seriesChanged'
        : 'mail.seriesInvited'
    : cancel
      ? 'mail.cancelled'
      : isUpdate
        ? 'mail.moved'
        : 'mail.invited';
  const headline = texts.t(headlineKey, values);
  const actionKey: TextKey = cancel ? 'mail.book' : 'mail.see';
  const action = texts.t(actionKey, { link: input.link });
  const rsvpLine = cancel ? '' : texts.t('mail.rsvp');

  const event: IcsEvent = {
    uid: row.uid || `${row.eventId}@google.com`,
    sequence: input.sequence,
    dtstamp: input.now,
    start,
    end,
    summary,
    description: `${headline}\n${action}`,
    url: input.link,
    // buildCalendar writes STATUS:CANCELLED for every VEVENT of a CANCEL (RFC 5546 3.2.5).
    status: 'CONFIRMED',
    organizer: { email: organizer.email, name: organizer.name },
    attendees: [{ email: row.email, name: row.name || undefined, rsvp: !cancel, partstat: 'NEEDS-ACTION' }],
    recurrenceId: row.recurrenceId,
  };
  const ics = buildCalendar({
    method,
    // Stryker disable next-line ArrayDeclaration: an element that is no row has no recurrenceId, so it is left out like none
    events: row.series ? seriesEvents(event, row.series, cancel, input.occurrences ?? []) : [event],
  });

  const greeting = row.name ? texts.t('mail.hello', { name: row.name }) : texts.t('mail.helloAnonymous');
  const text = [greeting, headline, rsvpLine, action, `— ${hostName}`].filter((line) => line !== '').join('\n\n');
  const body: SafeHtml = html`<div lang="${texts.language}" dir="${texts.dir}">
<p>${greeting}</p>
<p><strong>${headline}</strong></p>
${rsvpLine ? html`<p>${rsvpLine}</p>` : ''}
<p>${withLinkHtml(texts, actionKey, input.link)}</p>
<p>— ${hostName}</p>
</div>`;
  const subjectKey: TextKey = cancel ? 'mail.subjectCancelled' : isUpdate ? 'mail.subjectUpdated' : 'mail.subjectInvitation';
  return {
    method,
    to: row.email,
    subject: oneLine(texts.t(subjectKey, values)),
    text,
    html: body.value,
    attachment: { fileName: INVITATION_FILE_NAME, contentType: calendarContentType(method), content: ics },
  };
}
