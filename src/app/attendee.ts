// What an attendee does with a link token: see the appointment, cancel it, list free slots and move it.
import { type Appointment, appointmentKey, isOccurrenceRow, isSeriesRow } from '../domain/appointments';
import { formatUtc } from '../domain/ical';
import { originalStartOfId, seriesIdOf } from '../domain/recurrence';
import { storedSeriesWords } from '../domain/recurrence-words';
import { decodeSeriesRule } from '../domain/series';
import type { Interval } from '../domain/slots';
import { formatRange } from '../domain/time';
import { looksLikeToken } from '../domain/tokens';
import { languageOfTag } from '../domain/i18n/languages';
import type { Texts } from '../domain/i18n/texts';
import { pageLanguage } from '../web/page-language';
import { eventTimes, getEvent, patchEvent, removeEvent, type CalendarEvent } from '../gas/calendar';
import { withScriptLock } from '../gas/lock';
import { htmlPage, textOutput } from '../gas/output';
import { now } from '../gas/platform';
import { appointmentPage, type AppointmentStep, type SlotJson } from '../web/appointment-page';
import { ICS_FILE_NAME, appointmentIcs } from '../web/ics';
import { messagePage } from '../web/pages';
import { seriesPage } from '../web/series-page';
import { AppContext } from './context';
import { attendeeTexts, choicesOf, eventLanguageOf, hostTexts, noteEventLanguage, textsIn } from './languages';
import { guestUpdates, organizerAddress } from './invitations';
import { Ledger } from './ledger';
import { PAGE_LOCK_WAIT_MS, RequestError, iso, optionalInstant, requiredInstant, syncAfterChange } from './requests';
import { bookingRulesOf, freeSlots, isOfferableSlot } from './slots-service';

/** The attendee's texts for a row: their own choice, the event's, their number's country, the host's (chooseLanguage). */
function rowTexts(context: AppContext, row: Appointment): Texts {
  return attendeeTexts(context, row.phone, eventLanguageOf(context, row.eventId));
}

/** Reads the event's `Language:` line for the page, only when no choice of the number's own outranks it (one Calendar read). */
function readEventLanguage(context: AppContext, row: Appointment): void {
  if (row.state === 'cancelled' || choicesOf(context).of(row.phone)) return;
  const event = getEvent(context.settings.calendarId, row.eventId);
  if (event) noteEventLanguage(context, row.eventId, event.description);
}

type PageOutput = GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput;

/** The ledger row a token points to, only when the token is exactly that row's signature. */
export function rowForToken(context: AppContext, ledger: Ledger, token: unknown): Appointment | undefined {
  if (!looksLikeToken(token)) return undefined;
  const row = ledger.findBy((candidate) => candidate.token === token);
  return row && context.tokenMatches(token, row.key) ? row : undefined;
}

/** Why the attendee may not change this appointment from the page, or null when they may. */
function changeBlocker(context: AppContext, ledger: Ledger, row: Appointment, at: number, texts = rowTexts(context, row)): string | null {
  if (row.start <= at) return texts.t('page.startedNote');
  // Cancelling or moving the event would change it for everyone on it, so the host decides.
  const others = ledger.forEvent(row.eventId).filter((other) => other.state === 'active' && other.key !== row.key);
  if (others.length > 0) {
    return texts.t('page.sharedNote', { host: context.settings.hostName });
  }
  return null;
}

/** The series row of an occurrence row (same series, same number), or of itself. */
function seriesRowOf(ledger: Ledger, row: Appointment): Appointment | undefined {
  if (isSeriesRow(row)) return row;
  if (!isOccurrenceRow(row)) return undefined;
  return ledger.get(appointmentKey(row.seriesId || seriesIdOf(row.eventId), row.phone));
}

/** A series row's rule in the attendee's words, from its next occurrence on, or null for a row without one. */
function ruleWords(context: AppContext, seriesRow: Appointment | undefined, texts: Texts): string | null {
  const rule = seriesRow ? decodeSeriesRule(seriesRow.recurrence) : null;
  if (!seriesRow || !rule) return null;
  return storedSeriesWords(rule, { start: seriesRow.start, end: seriesRow.end }, context.timeZone, texts);
}

/** The active occurrence rows of a series for one number, from `at` on, in start order. */
function upcomingOccurrences(ledger: Ledger, seriesRow: Appointment, at: number): Appointment[] {
  return ledger
    .all()
    .filter(
      (row) =>
        isOccurrenceRow(row) &&
        row.seriesId === seriesRow.seriesId &&
        row.phone === seriesRow.phone &&
        row.state === 'active' &&
        row.end > at,
    )
    .sort((a, b) => a.start - b.start);
}

/**
 * The "add to calendar" file: a series row gives the series (its rule, the dates cancelled on their own as
 * EXDATE, the moved ones as RECURRENCE-ID events); an occurrence row that one date of it; any other row its event.
 */
function icsOf(context: AppContext, ledger: Ledger, row: Appointment, texts: Texts, title: string, link: string, at: number): string {
  const base = {
    uid: row.iCalUID || `${seriesIdOf(row.eventId)}@google.com`,
    title,
    hostName: context.settings.hostName,
    organizerEmail: organizerAddress(context),
    start: row.start,
    end: row.end,
    link,
    now: at,
    texts,
  };
  const rule = isSeriesRow(row) ? decodeSeriesRule(row.recurrence) : null;
  if (!rule)
    return appointmentIcs({ ...base, recurrenceId: isOccurrenceRow(row) ? (originalStartOfId(row.eventId) ?? undefined) : undefined });
  const occurrences = ledger
    .all()
    .filter((other) => isOccurrenceRow(other) && other.seriesId === row.seriesId && other.phone === row.phone);
  const cancelled: number[] = [];
  const moved: Array<{ originalStart: number; start: number; end: number }> = [];
  for (const occurrence of occurrences) {
    const originalStart = originalStartOfId(occurrence.eventId);
    if (originalStart === null) continue;
    // Only a date cancelled on its own (its cancel told, or being told) needs an EXDATE: an instance that left the
    // rule ended silently and the rule excludes it already (a repeated EXDATE trips some readers, ical.js among them).
    if (occurrence.state === 'cancelled') {
      if (occurrence.announcedKind === 'cancelled' || occurrence.pending === 'cancelled') cancelled.push(originalStart);
    } else if (occurrence.start !== originalStart || occurrence.end - occurrence.start !== rule.end - rule.start)
      moved.push({ originalStart, start: occurrence.start, end: occurrence.end });
  }
  const exdates = cancelled.sort((a, b) => a - b).map((ms) => `EXDATE:${formatUtc(ms)}`);
  return appointmentIcs({
    ...base,
    start: rule.start,
    end: rule.end,
    series: { zone: rule.zone, lines: [...rule.lines, ...exdates], moved },
  });
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

function friendlyPage(context: AppContext, texts: Texts, heading: string, text: string): GoogleAppsScript.HTML.HtmlOutput {
  const page = messagePage({
    hostName: context.settings.hostName,
    heading,
    text,
    action: { label: texts.t('page.bookNewTime'), href: `${context.bookingLink}&lang=${texts.language}` },
    language: pageLanguage(texts),
  });
  return htmlPage(page, heading);
}

/** A link that points nowhere says so in the language asked for (`&lang=`), else the host's: nobody is known. */
export function badLinkPage(context: AppContext, language: string | undefined = undefined): GoogleAppsScript.HTML.HtmlOutput {
  const code = languageOfTag(language);
  const texts = code ? textsIn(context, code) : hostTexts(context);
  return friendlyPage(context, texts, texts.t('page.badLinkTitle'), texts.t('page.badLinkText', { host: context.settings.hostName }));
}

function stepOf(value: string | undefined): AppointmentStep | 'ics' {
  if (value === 'cancel' || value === 'reschedule' || value === 'ics') return value;
  return 'view';
}

/** The appointment page; nothing here changes anything, whatever `do` says. */
export function attendeeGet(context: AppContext, token: string, action: string | undefined, language?: string): PageOutput {
  const ledger = Ledger.load();
  const row = rowForToken(context, ledger, token);
  if (!row) return badLinkPage(context, language);
  const at = now();
  const zone = context.timeZone;
  // The picker's choice (&lang=) shows the page in it; the page's script then remembers it for the number.
  const picked = languageOfTag(language);
  if (!picked) readEventLanguage(context, row);
  const texts = picked ? textsIn(context, picked) : rowTexts(context, row);
  const when = formatRange(row.start, row.end, zone, texts.locale);
  const title = row.title.trim() || texts.t('untitled');
  const host = context.settings.hostName;
  if (row.state === 'cancelled') {
    return friendlyPage(context, texts, texts.t('page.cancelledTitle'), texts.t('page.cancelledText', { title, host, when }));
  }
  // A series row names its next occurrence as of the last horizon pass (daily): one that just ended does not end the series.
  if (row.end < at && !isSeriesRow(row)) {
    return friendlyPage(context, texts, texts.t('page.overTitle'), texts.t('page.overText', { title, host, when }));
  }
  const step = stepOf(action);
  const link = context.appointmentLink(row.token);
  if (step === 'ics') return textOutput(icsOf(context, ledger, row, texts, title, link, at), 'ical', ICS_FILE_NAME);
  if (isSeriesRow(row)) {
    const occurrences = upcomingOccurrences(ledger, row, at).map((occurrence) => ({
      start: occurrence.start,
      end: occurrence.end,
      link: context.appointmentLink(occurrence.token),
    }));
    const page = seriesPage({
      hostName: host,
      title,
      rule: ruleWords(context, row, texts) ?? when,
      occurrences,
      timeZone: zone,
      texts,
      hrefFor: (code) => `${link}&lang=${code}`,
      icsLink: `${link}&do=ics`,
    });
    return htmlPage(page, texts.t('page.tabTitle', { title, host }));
  }
  const blocker = changeBlocker(context, ledger, row, at, texts);
  const rule = ruleWords(context, seriesRowOf(ledger, row), texts);
  const page = appointmentPage({
    hostName: context.settings.hostName,
    title,
    start: row.start,
    end: row.end,
    timeZone: zone,
    texts,
    hrefFor: (code) => `${link}&lang=${code}`,
    rememberLanguage: picked && picked !== choicesOf(context).of(row.phone) ? picked : '',
    token: row.token,
    icsLink: `${link}&do=ics`,
    bookingLink: context.bookingLink,
    step,
    canChange: blocker === null,
    note: blocker ?? undefined,
    slots: step === 'reschedule' && blocker === null ? slotsForRow(context, row) : undefined,
    takenText: texts.t('page.slotTaken'),
    seriesNote: rule === null ? undefined : texts.t('page.seriesMember', { rule }),
  });
  return htmlPage(page, texts.t('page.tabTitle', { title, host }));
}

// ---- google.script.run ----

function requireToken(token: unknown): string {
  if (!looksLikeToken(token)) throw new RequestError(hostTexts(AppContext.load()).t('page.badLink'));
  return token;
}

/** The row behind a token, refused with a readable reason unless the attendee may change it now. */
function changeableRow(context: AppContext, ledger: Ledger, token: string): Appointment {
  const row = rowForToken(context, ledger, token);
  if (!row) throw new RequestError(hostTexts(context).t('page.badLink'));
  if (row.state === 'cancelled') throw new RequestError(rowTexts(context, row).t('page.cancelledCannotChange'));
  return requireChangeable(context, ledger, row);
}

function requireChangeable(context: AppContext, ledger: Ledger, row: Appointment): Appointment {
  // The series' own event is the whole series: cancelling or moving it here would change every date.
  if (isSeriesRow(row)) throw new RequestError(rowTexts(context, row).t('page.seriesCannotChange'));
  const at = now();
  if (row.end < at) throw new RequestError(rowTexts(context, row).t('page.endedCannotChange'));
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
  // The host's wording is read with the ledger inside the lock (one call), or after it when the lock was busy.
  let texts = null as Texts | null;
  const locked = withScriptLock(PAGE_LOCK_WAIT_MS, (): { status: CancelResult['status']; syncNeeded: boolean } => {
    const ledger = Ledger.load();
    const row = rowForToken(context, ledger, token);
    if (!row) throw new RequestError(hostTexts(context).t('page.badLink'));
    texts = rowTexts(context, row);
    if (row.state === 'cancelled') return { status: 'already-cancelled', syncNeeded: false };
    requireChangeable(context, ledger, row);
    const event = getEvent(context.settings.calendarId, row.eventId);
    // Gone from the calendar but not yet from the ledger: the sync will send the one cancellation.
    if (!event || event.status === 'cancelled') return { status: 'already-cancelled', syncNeeded: true };
    removeEvent(context.settings.calendarId, row.eventId, guestUpdates(context, event));
    return { status: 'cancelled', syncNeeded: true };
  });
  if (!locked.ran || texts === null) throw new RequestError(hostTexts(context).t('page.busy'));
  const answer: Texts = texts;
  // After our lock is released: the sync takes the lock itself and announces the cancel like any other.
  if (locked.value.syncNeeded) syncAfterChange(context, 'cancel');
  const host = context.settings.hostName;
  return locked.value.status === 'cancelled'
    ? { status: 'cancelled', message: answer.t('page.cancelResult', { host }) }
    : { status: 'already-cancelled', message: answer.t('page.alreadyCancelled') };
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
  let texts = null as Texts | null;
  const locked = withScriptLock(PAGE_LOCK_WAIT_MS, (): Interval => {
    const row = changeableRow(context, Ledger.load(), token);
    const rowWords = rowTexts(context, row);
    texts = rowWords;
    const event = getEvent(calendarId, row.eventId);
    if (!event || event.status === 'cancelled') throw new RequestError(rowWords.t('page.cancelledCannotChange'));
    // The calendar, not the ledger, says where the event is now: the host may just have moved it.
    const current = eventInterval(event);
    if (!current) throw new RequestError(rowWords.t('page.cannotMove', { host: context.settings.hostName }));
    const target = { start, end: start + (current.end - current.start) };
    if (target.start === current.start) throw new RequestError(rowWords.t('page.alreadyAtTime'));
    if (!isOfferableSlot(context, rules, target, current)) throw new RequestError(rowWords.t('page.slotTaken'));
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
  if (!locked.ran || texts === null) throw new RequestError(hostTexts(context).t('page.busy'));
  const answer: Texts = texts;
  syncAfterChange(context, 'reschedule');
  const when = formatRange(locked.value.start, locked.value.end, context.timeZone, answer.locale);
  return {
    status: 'rescheduled',
    start: iso(locked.value.start),
    end: iso(locked.value.end),
    when,
    message: answer.t('page.movedResult', { when }),
  };
}

/** The page's picker: remembers a language for the number of a valid token; anything else is refused and changes nothing. */
export function chooseLanguageByToken(tokenInput: unknown, languageInput: unknown): { ok: true } {
  const token = requireToken(tokenInput);
  const context = AppContext.load();
  const language = languageOfTag(languageInput);
  if (!language) throw new RequestError(hostTexts(context).t('page.somethingWrong'));
  const locked = withScriptLock(PAGE_LOCK_WAIT_MS, (): void => {
    const row = rowForToken(context, Ledger.load(), token);
    if (!row) throw new RequestError(hostTexts(context).t('page.badLink'));
    choicesOf(context).set(row.phone, language, 'page', now());
  });
  if (!locked.ran) throw new RequestError(hostTexts(context).t('page.busy'));
  return { ok: true };
}
