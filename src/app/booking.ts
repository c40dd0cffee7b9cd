// Booking by anyone with the booking link: validated request, capped per number, slot re-checked under the lock.
import { isOccurrenceRow } from '../domain/appointments';
import { looksLikeLink } from '../domain/links';
import { parsePhone } from '../domain/phone';
import { insertEvent, type CalendarEvent } from '../gas/calendar';
import { withScriptLock } from '../gas/lock';
import { htmlPage } from '../gas/output';
import { logInfo } from '../gas/log';
import { now } from '../gas/platform';
import type { SlotJson } from '../web/appointment-page';
import { bookingPage } from '../web/booking-page';
import { AppContext } from './context';
import { choicesOf, hostTexts, textsIn } from './languages';
import { languageOfTag } from '../domain/i18n/languages';
import { type Texts, defaultText, textsFor } from '../domain/i18n/texts';
import { guestUpdates } from './invitations';
import { Ledger } from './ledger';
import { PAGE_LOCK_WAIT_MS, RequestError, iso, optionalInstant, requiredInstant, syncAfterChange } from './requests';
import { bookingRulesOf, freeSlots, isOfferableSlot } from './slots-service';

/** The form's refusals for callers that are not a page visitor (the booking webhook answers the host's system). */
const ENGLISH = textsFor('en');

const MINUTE_MS = 60_000;
const MAX_NAME_LENGTH = 100;
const MAX_PHONE_INPUT = 40;
const MAX_EMAIL_LENGTH = 254;
// Controls, and bidirectional overrides that could make a name display as something else in the calendar.
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export interface BookingRequest {
  name: string;
  /** E.164 */
  phone: string;
  email: string;
  start: number;
}

/**
 * Always `{ ok: true, link: '' }`: booked, refused at the cap, or a bot. The answer must not tell a stranger
 * whether the number typed already holds bookings; the appointment's link reaches only that number, on WhatsApp.
 */
export interface BookingResult {
  ok: true;
  link: '';
}

/** The visitor's name as it will appear in the host's calendar: printable, single-spaced, 1 to 100 characters. */
export function cleanName(value: unknown, texts: () => Texts = () => ENGLISH): string {
  if (typeof value !== 'string' || value.length > 1000) throw new RequestError(texts().t('form.name'));
  const name = value.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
  if (name === '' || Array.from(name).length > MAX_NAME_LENGTH) throw new RequestError(texts().t('form.name'));
  // The name is quoted in the WhatsApp message sent to the number given: no links through it.
  if (looksLikeLink(name)) throw new RequestError(texts().t('form.nameLink'));
  return name;
}

export function cleanEmail(value: unknown, texts: () => Texts = () => ENGLISH): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > 1000) throw new RequestError(texts().t('form.email'));
  const email = value.trim();
  if (email === '') return '';
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) {
    throw new RequestError(texts().t('form.emailInvalid'));
  }
  return email;
}

export function cleanPhone(value: unknown, defaultCountry: string, texts: () => Texts = () => ENGLISH): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_PHONE_INPUT) {
    throw new RequestError(texts().t('form.phoneMissing'));
  }
  const parsed = parsePhone(value, defaultCountry || undefined);
  if (!parsed.ok) {
    // The parser says why in English: English readers get that reason unless the host wrote their own text.
    const reader = texts();
    const ownWording = reader.template('form.phoneInvalid') !== defaultText('form.phoneInvalid', reader.language);
    throw new RequestError(
      reader.language === 'en' && !ownWording ? `Please check your WhatsApp number: ${parsed.reason}.` : reader.t('form.phoneInvalid'),
    );
  }
  return parsed.e164;
}

/** True when the hidden field a person never sees was filled in: a bot. */
export function isTrapped(input: Record<string, unknown>): boolean {
  const trap = input.website;
  return trap !== undefined && trap !== null && trap !== '';
}

export function readBookingRequest(
  input: Record<string, unknown>,
  defaultCountry: string,
  texts: () => Texts = () => ENGLISH,
): BookingRequest {
  return {
    name: cleanName(input.name, texts),
    phone: cleanPhone(input.phone, defaultCountry, texts),
    email: cleanEmail(input.email, texts),
    start: requiredInstant(input.start, 'a time'),
  };
}

function asObject(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new RequestError(ENGLISH.t('form.fillIn'));
  return input as Record<string, unknown>;
}

export function bookingEvent(request: BookingRequest, timeZone: string, durationMinutes: number): CalendarEvent {
  const end = request.start + durationMinutes * MINUTE_MS;
  const lines = ['Booked online.', `Name: ${request.name}`, `WhatsApp: ${request.phone}`];
  if (request.email) lines.push(`Email: ${request.email}`);
  const event: CalendarEvent = {
    summary: `${request.name} – booked online`,
    // The sync reads the attendee's number from the location, as for any event the host makes.
    location: request.phone,
    description: lines.join('\n'),
    start: { dateTime: iso(request.start), timeZone },
    end: { dateTime: iso(end), timeZone },
  };
  if (request.email) event.attendees = [{ email: request.email, displayName: request.name }];
  return event;
}

export function listBookingSlotsPublic(fromInput: unknown): SlotJson[] {
  const from = optionalInstant(fromInput, 'a start date');
  const context = AppContext.load();
  const rules = bookingRulesOf(context);
  return freeSlots(context, rules, { durationMinutes: rules.bookingMinutes, from }).map((slot) => ({
    start: iso(slot.start),
    end: iso(slot.end),
  }));
}

export function book(input: unknown): BookingResult {
  const fields = asObject(input);
  // A bot that filled the hidden field gets what a person would see, and nothing is created.
  if (isTrapped(fields)) {
    logInfo('booking refused: honeypot field filled');
    return { ok: true, link: '' };
  }
  const context = AppContext.load();
  // The page's language (picked, or the browser's own) answers this request and is stored with the booking.
  const language = languageOfTag(fields.language);
  // Read when first needed: inside the lock it comes with the ledger's read (src/app/read-group.ts).
  const texts = (): Texts => (language ? textsIn(context, language) : hostTexts(context));
  const request = readBookingRequest(fields, context.settings.defaultCountry, texts);
  const rules = bookingRulesOf(context);
  const calendarId = context.settings.calendarId;
  const locked = withScriptLock(PAGE_LOCK_WAIT_MS, (): boolean => {
    const at = now();
    // The slot first: "just taken" must not depend on the number typed, or it would tell the cap apart.
    const slot = { start: request.start, end: request.start + rules.bookingMinutes * MINUTE_MS };
    if (!isOfferableSlot(context, rules, slot)) throw new RequestError(texts().t('page.slotTaken'));
    const open = Ledger.load()
      .all()
      // A series counts once (its row), not once per occurrence in the ledger's horizon.
      .filter((row) => row.phone === request.phone && row.state === 'active' && row.end > at && !isOccurrenceRow(row)).length;
    if (open >= rules.maxOpenBookingsPerNumber) {
      logInfo(`booking not made: ${request.phone} already has ${open} upcoming bookings (MAX_OPEN_BOOKINGS_PER_NUMBER)`);
      return false;
    }
    const event = bookingEvent(request, context.timeZone, rules.bookingMinutes);
    insertEvent(calendarId, event, guestUpdates(context, event));
    // The number's own choice (chat, picker) stays; a first booking records the page's language for it.
    if (language && choicesOf(context).of(request.phone) === null) choicesOf(context).set(request.phone, language, 'booking page', at);
    return true;
  });
  if (!locked.ran) throw new RequestError(texts().t('page.busy'));
  // The sync announces the booking like any event the host adds, with the link, to the number only.
  if (locked.value) syncAfterChange(context, 'booking');
  return { ok: true, link: '' };
}

/** GET ?p=book */
export function bookingGet(context: AppContext, languageParam?: string): GoogleAppsScript.HTML.HtmlOutput {
  const picked = languageOfTag(languageParam);
  const texts = picked ? textsIn(context, picked) : hostTexts(context);
  const rules = bookingRulesOf(context);
  const slots = freeSlots(context, rules, { durationMinutes: rules.bookingMinutes });
  return htmlPage(
    bookingPage({
      hostName: context.settings.hostName,
      timeZone: context.timeZone,
      texts,
      chosenLanguage: picked ?? '',
      hrefFor: (code) => `${context.bookingLink}&lang=${code}`,
      bookingMinutes: rules.bookingMinutes,
      defaultCountry: context.settings.defaultCountry,
      slots: slots.map((slot) => ({ start: iso(slot.start), end: iso(slot.end) })),
      takenText: texts.t('page.slotTaken'),
    }),
    `${texts.t('page.bookTitle')}: ${context.settings.hostName}`,
  );
}
