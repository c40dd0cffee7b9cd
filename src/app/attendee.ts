// What an attendee does with a link token: see the appointment, cancel it, list free slots and move it.
import type { Appointment } from '../domain/appointments';
import type { Interval } from '../domain/slots';
import { formatRange } from '../domain/time';
import { looksLikeToken } from '../domain/tokens';
import { eventTimes, getEvent, patchEvent, removeEvent, type CalendarEvent } from '../gas/calendar';
import { withScriptLock } from '../gas/lock';
import { htmlPage, textOutput } from '../gas/output';
import { now } from '../gas/platform';
import { appointmentPage, type AppointmentStep, type SlotJson } from '../web/appointment-page';
import { ICS_FILE_NAME, appointmentIcs } from '../web/ics';
import { messagePage } from '../web/pages';
import { AppContext } from './context';
import { guestUpdates, organizerAddress } from './invitations';
import { Ledger } from './ledger';
import { BUSY_MESSAGE, PAGE_LOCK_WAIT_MS, RequestError, iso, optionalInstant, requiredInstant, syncAfterChange } from './requests';
import { bookingRulesOf, freeSlots, isOfferableSlot } from './slots-service';

export const SLOT_TAKEN_MESSAGE = 'That time was just taken. Please pick another.';
export const BAD_LINK_MESSAGE = 'This link does not work. Please use the link in your latest WhatsApp message.';
const CANCELLED_MESSAGE = 'This appointment is cancelled, so it cannot be changed. You can book a new time instead.';
const ENDED_MESSAGE = 'This appointment is over, so it cannot be changed. You can book a new time instead.';

type PageOutput = GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput;

/** The ledger row a token points to, only when the token is exactly that row's signature. */
export function rowForToken(context: AppContext, ledger: Ledger, token: unknown): Appointment | undefined {
  if (!looksLikeToken(token)) return undefined;
  const row = ledger.findBy((candidate) => candidate.token === token);
  return row && context.tokenMatches(token, row.key) ? row : undefined;
}

/** Why the attendee may not change this appointment from the page, or null when they may. */
function changeBlocker(context: AppContext, ledger: Ledger, row: Appointment, at: number): string | null {
  if (row.start <= at) return 'This appointment has already started, so it can no longer be changed here.';
  // Cancelling or moving the event would change it for everyone on it, so the host decides.
  const others = ledger.forEvent(row.eventId).filter((other) => other.state === 'active' && other.key !== row.key);
  if (others.length > 0) {
    return `This appointment includes other people, so it cannot be changed here. Please reply to your WhatsApp message to ask ${context.settings.hostName}.`;
  }
  return null;
}

function eventInterval(event: CalendarEvent): Interval | null {
  const { start, end } = eventTimes(event);
  return start === null || end === null ? null : { start, end };
}

function slotsJson(slots: Interval[]): SlotJson[] {
  return slots.map((slot) => ({ start: iso(slot.start), end: iso(slot.end) }));
}

function slotsForRow(context: AppContext, row: Appointment, from?: number): SlotJson[] {
  const current = { start: row.start, end: row.end };
  const slots = freeSlots(context, bookingRulesOf(context), {
    durationMinutes: (row.end - row.start) / 60_000,
    from,
    ignore: current,
  });
  return slotsJson(slots.filter((slot) => slot.start !== row.start));
}

// ---- GET ?l=token ----

function friendlyPage(context: AppContext, heading: string, text: string): GoogleAppsScript.HTML.HtmlOutput {
  return htmlPage(
    messagePage({ hostName: context.settings.hostName, heading, text, action: { label: 'Book a new time', href: context.bookingLink } }),
    heading,
  );
}

export function badLinkPage(context: AppContext): GoogleAppsScript.HTML.HtmlOutput {
  return friendlyPage(
    context,
    'This link does not work',
    `It may be incomplete or out of date. Nothing was changed. Please open the link in your latest WhatsApp message from ${context.settings.hostName}, reply to that message, or book a new time.`,
  );
}

function stepOf(value: string | undefined): AppointmentStep | 'ics' {
  if (value === 'cancel' || value === 'reschedule' || value === 'ics') return value;
  return 'view';
}

/** The appointment page; nothing here changes anything, whatever `do` says. */
export function attendeeGet(context: AppContext, token: string, action: string | undefined): PageOutput {
  const ledger = Ledger.load();
  const row = rowForToken(context, ledger, token);
  if (!row) return badLinkPage(context);
  const at = now();
  const zone = context.timeZone;
  const when = formatRange(row.start, row.end, zone, context.settings.locale);
  const title = row.title.trim() || 'Appointment';
  if (row.state === 'cancelled') {
    return friendlyPage(
      context,
      'This appointment is cancelled',
      `"${title}" with ${context.settings.hostName} on ${when} is cancelled. Nothing else needs doing. If you would like to come another time, book a new time.`,
    );
  }
  if (row.end < at) {
    return friendlyPage(
      context,
      'This appointment is over',
      `"${title}" with ${context.settings.hostName} was on ${when}. To meet again, book a new time or reply to your WhatsApp message.`,
    );
  }
  const step = stepOf(action);
  const link = context.appointmentLink(row.token);
  if (step === 'ics') {
    const ics = appointmentIcs({
      uid: row.iCalUID || `${row.eventId}@google.com`,
      title,
      hostName: context.settings.hostName,
      organizerEmail: organizerAddress(context),
      start: row.start,
      end: row.end,
      link,
      now: at,
    });
    return textOutput(ics, 'ical', ICS_FILE_NAME);
  }
  const blocker = changeBlocker(context, ledger, row, at);
  const page = appointmentPage({
    hostName: context.settings.hostName,
    title,
    start: row.start,
    end: row.end,
    timeZone: zone,
    locale: context.settings.locale,
    token: row.token,
    icsLink: `${link}&do=ics`,
    bookingLink: context.bookingLink,
    step,
    canChange: blocker === null,
    note: blocker ?? undefined,
    slots: step === 'reschedule' && blocker === null ? slotsForRow(context, row) : undefined,
    takenText: SLOT_TAKEN_MESSAGE,
  });
  return htmlPage(page, `${title} with ${context.settings.hostName}`);
}

// ---- google.script.run ----

function requireToken(token: unknown): string {
  if (!looksLikeToken(token)) throw new RequestError(BAD_LINK_MESSAGE);
  return token;
}

/** The row behind a token, refused with a readable reason unless the attendee may change it now. */
function changeableRow(context: AppContext, ledger: Ledger, token: string): Appointment {
  const row = rowForToken(context, ledger, token);
  if (!row) throw new RequestError(BAD_LINK_MESSAGE);
  if (row.state === 'cancelled') throw new RequestError(CANCELLED_MESSAGE);
  return requireChangeable(context, ledger, row);
}

function requireChangeable(context: AppContext, ledger: Ledger, row: Appointment): Appointment {
  const at = now();
  if (row.end < at) throw new RequestError(ENDED_MESSAGE);
  const blocker = changeBlocker(context, ledger, row, at);
  if (blocker) throw new RequestError(blocker);
  return row;
}

export interface CancelResult {
  status: 'cancelled' | 'already-cancelled';
  message: string;
}

export function cancelByToken(tokenInput: unknown): CancelResult {
  const token = requireToken(tokenInput);
  const context = AppContext.load();
  const locked = withScriptLock(PAGE_LOCK_WAIT_MS, (): { status: CancelResult['status']; syncNeeded: boolean } => {
    const ledger = Ledger.load();
    const row = rowForToken(context, ledger, token);
    if (!row) throw new RequestError(BAD_LINK_MESSAGE);
    if (row.state === 'cancelled') return { status: 'already-cancelled', syncNeeded: false };
    requireChangeable(context, ledger, row);
    const event = getEvent(context.settings.calendarId, row.eventId);
    // Gone from the calendar but not yet from the ledger: the sync will send the one cancellation.
    if (!event || event.status === 'cancelled') return { status: 'already-cancelled', syncNeeded: true };
    removeEvent(context.settings.calendarId, row.eventId, guestUpdates(context, event));
    return { status: 'cancelled', syncNeeded: true };
  });
  if (!locked.ran) throw new RequestError(BUSY_MESSAGE);
  // After our lock is released: the sync takes the lock itself and announces the cancel like any other.
  if (locked.value.syncNeeded) syncAfterChange('cancel');
  const host = context.settings.hostName;
  return locked.value.status === 'cancelled'
    ? { status: 'cancelled', message: `Your appointment is cancelled. ${host} has been told, and a WhatsApp message confirms it.` }
    : { status: 'already-cancelled', message: 'This appointment is already cancelled. Nothing else needs doing.' };
}

export function listSlotsByToken(tokenInput: unknown, fromInput: unknown): SlotJson[] {
  const token = requireToken(tokenInput);
  const from = optionalInstant(fromInput, 'a start date');
  const context = AppContext.load();
  const row = changeableRow(context, Ledger.load(), token);
  return slotsForRow(context, row, from);
}

export interface RescheduleResult {
  status: 'rescheduled';
  start: string;
  end: string;
  /** The new time as the host's calendar shows it, for the page. */
  when: string;
  message: string;
}

export function rescheduleByToken(tokenInput: unknown, startInput: unknown): RescheduleResult {
  const token = requireToken(tokenInput);
  const start = requiredInstant(startInput, 'a new time');
  const context = AppContext.load();
  const rules = bookingRulesOf(context);
  const calendarId = context.settings.calendarId;
  const locked = withScriptLock(PAGE_LOCK_WAIT_MS, (): Interval => {
    const row = changeableRow(context, Ledger.load(), token);
    const event = getEvent(calendarId, row.eventId);
    if (!event || event.status === 'cancelled') throw new RequestError(CANCELLED_MESSAGE);
    // The calendar, not the ledger, says where the event is now: the host may just have moved it.
    const current = eventInterval(event);
    if (!current)
      throw new RequestError(
        `This appointment cannot be moved here. Please reply to your WhatsApp message to ask ${context.settings.hostName}.`,
      );
    const target = { start, end: start + (current.end - current.start) };
    if (target.start === current.start) throw new RequestError('Your appointment is already at that time.');
    if (!isOfferableSlot(context, rules, target, current)) throw new RequestError(SLOT_TAKEN_MESSAGE);
    const zoneField = (time: CalendarEvent['start']): { timeZone?: string } => (time?.timeZone ? { timeZone: time.timeZone } : {});
    patchEvent(
      calendarId,
      row.eventId,
      {
        start: { dateTime: iso(target.start), ...zoneField(event.start) },
        end: { dateTime: iso(target.end), ...zoneField(event.end) },
      },
      guestUpdates(context, event),
    );
    return target;
  });
  if (!locked.ran) throw new RequestError(BUSY_MESSAGE);
  syncAfterChange('reschedule');
  const when = formatRange(locked.value.start, locked.value.end, context.timeZone, context.settings.locale);
  return {
    status: 'rescheduled',
    start: iso(locked.value.start),
    end: iso(locked.value.end),
    when,
    message: `Moved to ${when}. A WhatsApp message confirms the new time.`,
  };
}
