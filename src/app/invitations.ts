// Email-mode invitations: the Invitations sheet, the pass the sync runs on the events it saw, and queued mail the tick retries.
import { errorMessage } from '../domain/errors';
import { originalStartOfId, seriesIdOf } from '../domain/recurrence';
import { storedSeriesWords } from '../domain/recurrence-words';
import {
  invitationGuests,
  invitationMail,
  occurrenceRowsFromSeries,
  invitationSent,
  sendUpdatesFor,
  isStaleInvitation,
  nextSequence,
  reconcileInvitations,
  type Invitation,
  type InvitationEventFacts,
  type InvitationMethod,
  type SeriesLines,
} from '../domain/invitations';
import type { Texts } from '../domain/i18n/texts';
import { PROP } from '../domain/settings';
import { eventTimes, isOrganizedElsewhere, type CalendarEvent } from '../gas/calendar';
import { isBadAddressError, isMailQuotaError, remainingDailyQuota, sendMail } from '../gas/mail';
import { logWarning } from '../gas/log';
import { now } from '../gas/platform';
import { writeScriptProperties } from '../gas/properties';
import { SheetTable } from '../gas/sheets';
import type { AppContext } from './context';
import { attendeeTexts, hostTexts } from './languages';
import { type Ledger, cellToTime, timeToCell } from './ledger';

export const INVITATIONS_SHEET = 'Invitations';

export const INVITATION_COLUMNS = [
  'key',
  'eventId',
  'email',
  'name',
  'title',
  'start',
  'end',
  'uid',
  'eventSequence',
  'sequence',
  'lastMethod',
  'lastStart',
  'lastEnd',
  'state',
  'pending',
  'error',
  'attempts',
  'sentAt',
  'updatedAt',
  'series',
] as const;

type Column = (typeof INVITATION_COLUMNS)[number];
const TIME_COLUMNS = new Set<Column>(['start', 'end', 'lastStart', 'lastEnd', 'sentAt', 'updatedAt']);

/**
 * In the script properties (read with every run anyway), so a run with nothing to do reads no sheet:
 * the ids of events with live invitations (or '*' when too many to list), and whether mail is queued.
 */
const OPEN_EVENTS_PROP = 'INVITATIONS_OPEN';
const QUEUED_PROP = 'INVITATIONS_QUEUED';
/** Script property values hold at most 9 KB. */
const MAX_OPEN_LIST = 8000;

/** A send that fails for a reason other than quota or a bad address is tried this many times. */
const MAX_ATTEMPTS = 5;
export const QUOTA_WAIT_NOTE = "queued: today's mail quota is used up; sent when it renews";

function method(value: string): '' | InvitationMethod {
  return value === 'REQUEST' || value === 'CANCEL' ? value : '';
}

/** `series {"zone","lines"}` for a series' row, `occurrence <original start>` for one date of it, '' otherwise. */
function seriesToCell(row: Invitation): string {
  if (row.series) return `series ${JSON.stringify(row.series)}`;
  if (row.recurrenceId !== undefined) return `occurrence ${timeToCell(row.recurrenceId)}`;
  return '';
}

function seriesFromCell(cell: string): Pick<Invitation, 'series' | 'recurrenceId'> {
  if (cell.startsWith('occurrence ')) return { recurrenceId: cellToTime(cell.slice(11)) ?? undefined };
  if (!cell.startsWith('series ')) return {};
  try {
    const value = JSON.parse(cell.slice(7)) as Partial<SeriesLines>;
    if (typeof value.zone === 'string' && Array.isArray(value.lines))
      return { series: { zone: value.zone, lines: value.lines.map(String) } };
  } catch {
    // A hand-edited cell: the row is read as a single appointment.
  }
  return {};
}

export function invitationToRow(row: Invitation): string[] {
  return INVITATION_COLUMNS.map((column) => {
    if (column === 'series') return seriesToCell(row);
    return TIME_COLUMNS.has(column) ? timeToCell(row[column] as number | null) : String(row[column] ?? '');
  });
}

export function rowToInvitation(cells: readonly string[]): Invitation {
  const cell = (column: Column): string => cells[INVITATION_COLUMNS.indexOf(column)] ?? '';
  const whole = (column: Column, fallback: number): number =>
    cell(column) === '' || Number.isNaN(Number(cell(column))) ? fallback : Number(cell(column));
  return {
    key: cell('key'),
    eventId: cell('eventId'),
    email: cell('email'),
    name: cell('name'),
    title: cell('title'),
    start: cellToTime(cell('start')) ?? 0,
    end: cellToTime(cell('end')) ?? 0,
    uid: cell('uid'),
    eventSequence: whole('eventSequence', 0),
    sequence: whole('sequence', -1),
    lastMethod: method(cell('lastMethod')),
    lastStart: cellToTime(cell('lastStart')),
    lastEnd: cellToTime(cell('lastEnd')),
    state: cell('state') === 'cancelled' ? 'cancelled' : 'active',
    pending: method(cell('pending')),
    error: cell('error'),
    attempts: whole('attempts', 0),
    sentAt: cellToTime(cell('sentAt')),
    updatedAt: cellToTime(cell('updatedAt')) ?? 0,
    ...seriesFromCell(cell('series')),
  };
}

/** The Invitations sheet of one run: read once, written back in one call when something changed. */
export class InvitationBook {
  private readonly rows = new Map<string, Invitation>();
  private previousCount: number;
  private dirty = false;

  private constructor(
    private readonly table: SheetTable,
    cells: string[][],
  ) {
    for (const row of cells.map(rowToInvitation)) if (row.key !== '' && !this.rows.has(row.key)) this.rows.set(row.key, row);
    this.previousCount = cells.length;
  }

  static load(): InvitationBook {
    const table = SheetTable.open(INVITATIONS_SHEET, INVITATION_COLUMNS);
    return new InvitationBook(table, table.readRows());
  }

  all(): Invitation[] {
    return Array.from(this.rows.values());
  }

  forEvent(eventId: string): Invitation[] {
    return this.all().filter((row) => row.eventId === eventId);
  }

  put(row: Invitation): void {
    this.rows.set(row.key, row);
    this.dirty = true;
  }

  /** Rows of appointments long over and settled leave the sheet, so each run reads only current rows. */
  prune(before: number): void {
    for (const row of this.all()) {
      // A series row's end is its first occurrence's: it stays while the series does.
      const liveSeries = row.series !== undefined && row.state === 'active';
      if (row.pending === '' && row.end < before && !liveSeries) {
        this.rows.delete(row.key);
        this.dirty = true;
      }
    }
  }

  save(): void {
    if (!this.dirty) return;
    const cells = this.all().map(invitationToRow);
    this.table.writeRows(cells, this.previousCount);
    this.previousCount = cells.length;
    this.dirty = false;
  }
}

/** Records which events have live invitations and whether mail is queued, when that changed. */
function saveFlags(context: AppContext, book: InvitationBook): void {
  const rows = book.all();
  const ids = Array.from(new Set(rows.filter((row) => row.state === 'active' || row.pending !== '').map((row) => row.eventId))).join(',');
  const open = ids.length > MAX_OPEN_LIST ? '*' : ids;
  const queued = rows.some((row) => row.pending !== '') ? '1' : '';
  const changed: Record<string, string> = {};
  if ((context.props[OPEN_EVENTS_PROP] ?? '') !== open) changed[OPEN_EVENTS_PROP] = open;
  if ((context.props[QUEUED_PROP] ?? '') !== queued) changed[QUEUED_PROP] = queued;
  if (Object.keys(changed).length > 0) writeScriptProperties(changed);
}

/** Whether an event may have live invitations, by the list saveFlags keeps. */
function mayHaveInvitations(context: AppContext, eventId: string): boolean {
  const open = context.props[OPEN_EVENTS_PROP] ?? '';
  return open === '*' || open.split(',').includes(eventId);
}

/** The address that organizes the host's appointments: ORGANIZER_EMAIL, else the owner, else a calendar id that is an address. */
export function organizerAddress(context: AppContext): string {
  const calendarId = context.settings.calendarId;
  return context.settings.organizerEmail || (calendarId.includes('@') ? calendarId : '');
}

/** The host's addresses, never invited to their own appointment. */
function hostEmails(context: AppContext): string[] {
  const calendarId = context.settings.calendarId;
  return [context.settings.organizerEmail, context.props[PROP.ownerEmail] ?? '', calendarId.includes('@') ? calendarId : ''];
}

/** Google mode: what the project's own Calendar writes pass as sendUpdates, so Google mails the event's guests. */
export function guestUpdates(context: AppContext, event: CalendarEvent): 'all' | 'none' {
  return sendUpdatesFor(context.settings.invitationMode, invitationGuests(event.attendees, hostEmails(context)).length);
}

export function invitationFacts(context: AppContext, event: CalendarEvent): InvitationEventFacts {
  const { start, end } = eventTimes(event);
  return {
    eventId: String(event.id),
    iCalUID: event.iCalUID ?? '',
    cancelled: event.status === 'cancelled',
    allDay: Boolean(event.start?.date) && !event.start?.dateTime,
    summary: event.summary ?? '',
    start,
    end,
    sequence: Number(event.sequence ?? 0) || 0,
    guests: event.status === 'cancelled' ? [] : invitationGuests(event.attendees, hostEmails(context)),
    ...recurrenceFacts(context, event),
  };
}

/**
 * A master's rule (expanded in `start.timeZone`), or which occurrence an exception is: a cancelled instance
 * carries little more than its id, so its original start is read from the id when `originalStartTime` is missing
 * (https://developers.google.com/calendar/api/guides/recurringevents).
 */
function recurrenceFacts(context: AppContext, event: CalendarEvent): Pick<InvitationEventFacts, 'series' | 'occurrenceOf'> {
  if ((event.recurrence?.length ?? 0) > 0 && !event.recurringEventId) {
    return { series: { zone: event.start?.timeZone || context.timeZone, lines: [...(event.recurrence ?? [])] } };
  }
  const id = String(event.id ?? '');
  if (!event.recurringEventId && seriesIdOf(id) === id) return {};
  const original = event.originalStartTime?.dateTime ? Date.parse(event.originalStartTime.dateTime) : originalStartOfId(id);
  if (original === null || Number.isNaN(original)) return {};
  return { occurrenceOf: { seriesId: event.recurringEventId || seriesIdOf(id), originalStart: original } };
}

/**
 * The guest's own appointment page when the same person also gets WhatsApp (the ledger row names
 * their email, or the event has exactly one number and one guest); otherwise the booking page, so
 * a link never lets one guest change another person's appointment. The mail is in that number's
 * language; a guest without one reads the host's.
 */
function linkFor(context: AppContext, ledger: () => Ledger, book: InvitationBook, row: Invitation): { link: string; texts: Texts } {
  const phones = ledger()
    .forEvent(row.eventId)
    .filter((candidate) => candidate.token !== '' && (candidate.state === 'active' || row.pending === 'CANCEL'));
  const guests = book.forEvent(row.eventId).filter((candidate) => candidate.state === 'active' || candidate.key === row.key);
  const own = phones.find((candidate) => candidate.email.toLowerCase() === row.email.toLowerCase());
  const only = phones.length === 1 && guests.length === 1 ? phones[0] : undefined;
  const match = own ?? only;
  const texts = match ? attendeeTexts(context, match.phone) : hostTexts(context);
  if (row.pending === 'CANCEL') return { link: context.bookingLink, texts };
  return { link: match ? context.appointmentLink(match.token) : context.bookingLink, texts };
}

/** A series in the words of the mail's language. */
function seriesWhen(context: AppContext, row: Invitation, series: SeriesLines, texts: Texts): string {
  return storedSeriesWords({ ...series, start: row.start }, { start: row.start, end: row.end }, context.timeZone, texts);
}

/** Mails every due invitation while the day's quota lasts; the rest stay pending for the tick. */
function sendDueInvitations(context: AppContext, book: InvitationBook, ledger: () => Ledger): number {
  const at = now();
  let remaining: number | null = null;
  let sent = 0;
  const organizer = { email: context.settings.organizerEmail, name: context.settings.hostName };
  for (const row of book.all()) {
    if (row.pending === '') continue;
    if (isStaleInvitation(row, at)) {
      book.put({ ...row, pending: '', error: 'not sent: the appointment began before the invitation could go out', updatedAt: at });
      continue;
    }
    if (organizer.email === '') {
      if (row.error === '') book.put({ ...row, error: 'queued: no organizer address; set ORGANIZER_EMAIL or run setup()', updatedAt: at });
      continue;
    }
    if (remaining === null) remaining = remainingDailyQuota();
    if (remaining <= 0) {
      if (row.error !== QUOTA_WAIT_NOTE) book.put({ ...row, error: QUOTA_WAIT_NOTE, updatedAt: at });
      continue;
    }
    const siblings =
      row.uid === '' ? [] : book.all().filter((other) => other.uid === row.uid && other.email.toLowerCase() === row.email.toLowerCase());
    // One SEQUENCE per UID and guest, for the series and its dates alike: each object outranks every one before it.
    const sequence = Math.max(nextSequence(row), ...siblings.filter((other) => other.lastMethod !== '').map((other) => other.sequence + 1));
    const { link, texts } = linkFor(context, ledger, book, row);
    const mail = invitationMail({
      row,
      sequence,
      organizer,
      hostName: context.settings.hostName,
      timeZone: context.timeZone,
      link,
      texts,
      now: at,
      seriesWhen: row.series ? seriesWhen(context, row, row.series, texts) : undefined,
      occurrences: row.series ? siblings.filter((other) => other.recurrenceId !== undefined) : undefined,
    });
    try {
      sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        senderName: context.settings.invitationSenderName,
        // Mail goes out from the script owner's account; replies belong with the configured organizer.
        replyTo: organizer.email.toLowerCase() !== (context.props[PROP.ownerEmail] ?? '').toLowerCase() ? organizer.email : undefined,
        attachments: [mail.attachment],
      });
      remaining -= 1;
      sent += 1;
      book.put(invitationSent(row, sequence, at));
    } catch (error) {
      const reason = errorMessage(error);
      if (isMailQuotaError(error)) {
        remaining = 0;
        book.put({ ...row, error: QUOTA_WAIT_NOTE, updatedAt: at });
      } else if (isBadAddressError(error) || row.attempts + 1 >= MAX_ATTEMPTS) {
        book.put({ ...row, pending: '', error: `not sent: ${reason}`, attempts: row.attempts + 1, updatedAt: at });
      } else {
        book.put({ ...row, error: `retrying: ${reason}`, attempts: row.attempts + 1, updatedAt: at });
      }
      logWarning(`invitation ${row.pending} to ${row.email} for ${row.eventId} not sent: ${reason}`);
    }
  }
  return sent;
}

/** Rows of appointments that ended this long ago leave the Invitations sheet. */
const PRUNE_AFTER_MS = 14 * 24 * 3600_000;

/**
 * Called by the sync, under its lock, with every event it just listed. Reads the Invitations sheet
 * only when a listed event has guests or had them (a deleted event comes without attendees, so the
 * ids of events with live invitations are kept in a script property); otherwise it costs nothing. `mode` 'baseline' (first run after setup) invites nobody to old events.
 */
export function runInvitationPass(context: AppContext, ledger: Ledger, input: { events: CalendarEvent[]; mode: string }): void {
  if (context.settings.invitationMode !== 'email' || input.mode === 'baseline') return;
  // Not someone else's meeting. A series is one object (RRULE); a date of it changed on its own is a RECURRENCE-ID
  // object under the same UID (RFC 5546 3.2.2, 3.2.5).
  const ours = input.events.filter((event) => event.id && !isOrganizedElsewhere(event));
  const facts = ours.map((event) => invitationFacts(context, event));
  const anyGuests = facts.some((event) => event.guests.length > 0);
  const someLive = (context.props[OPEN_EVENTS_PROP] ?? '') !== '';
  const mayDropGuests =
    (input.mode === 'full' && someLive) ||
    facts.some(
      (event) =>
        mayHaveInvitations(context, event.eventId) || (event.occurrenceOf && mayHaveInvitations(context, event.occurrenceOf.seriesId)),
    );
  if (!anyGuests && !mayDropGuests) return;

  const at = now();
  const book = InvitationBook.load();
  // Series first: a date of a series deleted in the same change goes with the series' one CANCEL.
  const ordered = [...facts.filter((event) => !event.occurrenceOf), ...facts.filter((event) => event.occurrenceOf)];
  for (const event of ordered) {
    let rows = book.forEvent(event.eventId);
    const of = event.occurrenceOf;
    if (of) {
      const seriesRows = book.forEvent(of.seriesId);
      if (seriesRows.length > 0 && seriesRows.every((row) => row.state === 'cancelled')) {
        for (const row of rows) if (row.pending !== '') book.put({ ...row, pending: '', state: 'cancelled', updatedAt: at });
        continue;
      }
      // Guests who hold the series hold this date too, at its original time.
      const known = new Set(rows.map((row) => row.email.toLowerCase()));
      const seeded = occurrenceRowsFromSeries({ eventId: event.eventId, originalStart: of.originalStart, seriesRows, now: at });
      rows = [...rows, ...seeded.filter((row) => !known.has(row.email.toLowerCase()))];
      for (const row of seeded) if (!known.has(row.email.toLowerCase())) book.put(row);
    }
    for (const row of reconcileInvitations({ event, rows, now: at })) book.put(row);
  }
  // A full resync lists only events that still exist: a live invitation missing from it was deleted.
  if (input.mode === 'full') {
    const seen = new Set(input.events.map((event) => String(event.id)));
    const gone = new Set(
      book
        .all()
        .filter((row) => row.state === 'active' && row.end > at && !seen.has(row.eventId))
        .map((row) => row.eventId),
    );
    for (const eventId of gone) {
      const deleted: InvitationEventFacts = {
        eventId,
        iCalUID: '',
        cancelled: true,
        allDay: false,
        summary: '',
        start: null,
        end: null,
        sequence: 0,
        guests: [],
      };
      for (const row of reconcileInvitations({ event: deleted, rows: book.forEvent(eventId), now: at })) book.put(row);
    }
  }
  sendDueInvitations(context, book, () => ledger);
  book.prune(at - PRUNE_AFTER_MS);
  book.save();
  saveFlags(context, book);
}

/**
 * Mails invitations queued by a spent quota or a failure; the tick runs it inside its sync run (lock
 * held, ledger shared). Costs nothing when nothing is queued, one quota check while the quota is spent.
 */
export function retryQueuedInvitations(context: AppContext, ledger: Ledger): number {
  if (context.settings.invitationMode !== 'email' || context.props[QUEUED_PROP] !== '1') return 0;
  if (remainingDailyQuota() <= 0) return 0;
  const book = InvitationBook.load();
  const sent = sendDueInvitations(context, book, () => ledger);
  book.save();
  saveFlags(context, book);
  return sent;
}
