// Phone numbers: parse one to E.164 with a readable reason on failure, and find them in an event location.
// 'max' metadata (~190 KB minified with the library) validates the digits themselves, not just the
// length, so a mistyped number turns the event red before a WhatsApp message is wasted on it.
import {
  findPhoneNumbersInText,
  parsePhoneNumberWithError,
  isSupportedCountry,
  validatePhoneNumberLength,
  ParseError,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

export type PhoneParse = { ok: true; e164: string } | { ok: false; reason: string };

export interface LocationPhones {
  phones: string[]; // unique E.164, in order of appearance
  invalid: Array<{ text: string; reason: string }>;
}

// Copy-pasted numbers carry exotic spaces, dashes and invisible direction marks (WhatsApp adds U+202A..U+202C).
const EXOTIC_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const EXOTIC_DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const INVISIBLES = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Arabic-Indic (U+0660..) and Extended Arabic-Indic / Persian (U+06F0..) digits.
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function normalizeCharacters(text: string): string {
  return text
    .replace(INVISIBLES, '')
    .replace(EXOTIC_SPACES, ' ')
    .replace(EXOTIC_DASHES, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48))
    .replace(ARABIC_DIGITS, (digit) => String((digit.charCodeAt(0) & 0x0f) % 10));
}

const WHATSAPP_LINK =
  /^(?:https?:\/\/)?(?:www\.)?(?:wa\.me\/|api\.whatsapp\.com\/send\/?\?(?:[^#]*&)?phone=|whatsapp:\/\/send\/?\?(?:[^#]*&)?phone=)\+?(\d[\d\s().-]*)/i;
const PHONE_SCHEME = /^(?:tel|sms|callto|whatsapp):(?:\/\/)?\s*/i;

// Written with its country code: "+49 …", "(+49) …".
const WITH_COUNTRY_CODE = /^\(?\s*\+/;

/** The dialable part of one number as people write it (already normalized), with 00 turned into +. */
function toDialString(written: string): string {
  const link = WHATSAPP_LINK.exec(written);
  if (link) return `+${link[1]}`;
  // The international 00 prefix, also written "(00 49)"; libphonenumber only understands it with a default country.
  return written.replace(PHONE_SCHEME, '').replace(/^(\(?\s*)00\s*(?=\d)/, '$1+');
}

function countryName(country: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames('en', { type: 'region' }).of(country);
  } catch {
    // Intl.DisplayNames may be missing in some runtimes; the code itself still reads fine.
  }
  return name ?? country;
}

/** Checked on the parsed E.164: the written text ("(+49 123") is not always one libphonenumber measures. */
function lengthProblem(e164: string): string {
  switch (validatePhoneNumberLength(e164)) {
    case 'TOO_SHORT':
      return ' (too short)';
    case 'TOO_LONG':
      return ' (too long)';
    case 'INVALID_LENGTH':
      return ' (wrong number of digits)';
    default:
      return '';
  }
}

function defaultCountryOf(defaultCountry: string | undefined): { country?: CountryCode; unknown?: string } {
  const code = defaultCountry?.trim().toUpperCase();
  if (!code) return {};
  return isSupportedCountry(code) ? { country: code } : { unknown: defaultCountry };
}

/** One phone number -> E.164, or a reason a person can act on. */
export function parsePhone(input: string, defaultCountry?: string): PhoneParse {
  const written = normalizeCharacters(input ?? '').trim();
  const shown = `"${written}"`;
  const dial = toDialString(written);
  const { country, unknown } = defaultCountryOf(defaultCountry);
  let parsed: PhoneNumber;
  try {
    parsed = parsePhoneNumberWithError(dial, country);
  } catch (error) {
    const code = error instanceof ParseError ? error.message : String(error);
    if (code === 'INVALID_COUNTRY') {
      if (WITH_COUNTRY_CODE.test(dial)) return { ok: false, reason: `${shown} has an unknown country code` };
      const why = unknown ? `the default country "${unknown}" is not a known country code` : 'no default country is set';
      return { ok: false, reason: `${shown} has no country code and ${why}` };
    }
    if (code === 'TOO_SHORT') return { ok: false, reason: `${shown} is too short to be a phone number` };
    if (code === 'TOO_LONG') return { ok: false, reason: `${shown} is too long to be a phone number` };
    return { ok: false, reason: `${shown} is not a phone number` };
  }
  if (!parsed.isValid()) {
    const where = parsed.country ? countryName(parsed.country) : `country code +${parsed.countryCallingCode}`;
    return { ok: false, reason: `${shown} is not a valid phone number for ${where}${lengthProblem(parsed.number)}` };
  }
  return { ok: true, e164: parsed.number };
}

interface Found {
  index: number;
  e164: string;
}

// Links are never phone numbers (meeting ids, map coordinates), except the ones that name a phone.
const URL_WITH_SCHEME = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`,;|]+/gi;
const BARE_URL = /(?:\b[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"'`,;|]*/gi;
const EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+/g;
const SCHEME_NUMBER = /\b(?:tel|sms|callto|whatsapp):(?:\/\/)?[ \t]*(?:\+[ \t]*|\([ \t]*\+?[ \t]*)?\d(?:[\d(). \t-]*\d)?/gi;
// What the matcher could take for digits to dial: coordinates ("52.5200, 13.4050", "@52.52,13.40"),
// dates and times. Masked before it reads the text.
const COORDINATES = /(?<![\d.])[-+]?\d{1,3}\.\d{4,}[ \t]*,?[ \t]*[-+]?\d{1,3}\.\d{4,}(?![\d.])/g;
// Room, suite and house numbers: "Suite 200", "Raum 1.23", "No. 5".
const ROOM_NUMBERS =
  /\b(?:suite|room|raum|zimmer|apt|apartment|unit|floor|etage|stock|salle|sala|no|nr|nº)\.?[ \t]*#?[ \t]*\d+(?:[.\-/]\d+)*/giu;
const DATES = [
  /(?<![\d.\-/+])\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?![\d]|[.\-/]\d)/g,
  /(?<![\d.\-/+])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d]|[.\-/]\d)/g,
  /(?<![\d.\-/+])\d{4}\/\d{1,2}\/\d{1,2}(?![\d]|[.\-/]\d)/g,
];
const TIMES = /\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
// Shapes the matcher accepts in some country but people do not dial: US ZIP+4 ("CA 94103-1234"), a span
// of years ("2025-2026").
const NOT_PHONE_SHAPE = /^(?:\d{5}-\d{4}|(?:19|20)\d\d-(?:19|20)\d\d)$/;
// Conference ids and PINs are labelled as such ("Meeting ID: 123 456 7890", "PIN: 1234567"), and so are
// order, booking and ticket references, which in Singapore or Hong Kong have a mobile number's 8 digits.
const ID_LABEL_BEFORE =
  /\b(?:id|pin|passcode|password|code|order|ref|reference|ticket|invoice|booking|confirmation|account|acct)\.?(?:[ \t]*(?:no|nr|number|num)\.?)?[ \t]*[:#]?[ \t]*$/i;
// A fax number cannot receive WhatsApp messages ("Tel +49 30 1234567, Fax +49 30 1234568").
const FAX_LABEL_BEFORE = /\b(?:fax|telefax)\.?[ \t]*[:#]?[ \t]*$/i;
// "Café Luise, Hauptstr. 5, Berlin, Tel. 030 1234567": a phone label after an address (text with a digit:
// house number, postcode) on the same line marks the venue's number (docs/ARCHITECTURE.md, "Phone numbers").
const VENUE_LABEL_BEFORE = /\d.*\b(?:tel|tél|tele|telefon|telephone|téléphone|phone|ph|fon|tfn|tlf)\.?[ \t]*[:#]?[ \t]*$/iu;
// Written with a country code: meant as a number, so one that does not validate is reported, not ignored.
const INTERNATIONAL_00 = /(?<!\d[ \t]*|\p{L})00(?=[ \t(]*[1-9])/gu;
const INTERNATIONAL_RUN = /\+[ \t]*\(?\d[\d(). \t-]*\d/g;
/** Blanks out every match (keeping positions, so numbers stay in reading order) after reporting it. */
function mask(text: string, pattern: RegExp, onMatch?: (matched: string, index: number) => void): string {
  let masked = text;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    onMatch?.(match[0], index);
    masked = masked.slice(0, index) + ' '.repeat(match[0].length) + masked.slice(index + match[0].length);
  }
  return masked;
}

/**
 * A number the host did not mean for the attendee: a fax, a meeting id or PIN, the venue's own line. The
 * label patterns end at the number and cross no line break, so only the number's own line counts.
 */
function labelledAway(before: string): boolean {
  return FAX_LABEL_BEFORE.test(before) || ID_LABEL_BEFORE.test(before) || VENUE_LABEL_BEFORE.test(before);
}

/**
 * Every phone number in an event location, in order, deduplicated, read by libphonenumber-js's own
 * matcher (findPhoneNumbersInText, "max" metadata, leniency VALID: only numbers valid for their country)
 * with the host's default country for national numbers. Links, e-mail addresses, coordinates, dates and
 * times are masked first; fax, meeting-id and venue ("…, Tel. 030 …" after an address) numbers are
 * skipped. `invalid` holds what was clearly meant as a number and is not valid: a tel:/wa.me link, or a
 * number written with its country code. A national-looking run that does not validate is not reported:
 * it may be a room number or a postcode, and must not turn the event red.
 */
export function phonesInLocation(location: string | undefined, defaultCountry?: string): LocationPhones {
  const result: LocationPhones = { phones: [], invalid: [] };
  if (!location) return result;
  const { country } = defaultCountryOf(defaultCountry);
  const normalized = normalizeCharacters(location);
  const found: Found[] = [];
  // Scheme numbers and links hold no space at either end (their patterns begin and end with a non-space).
  const explicit = (matched: string, index: number): void => {
    const parsed = parsePhone(matched, defaultCountry);
    if (parsed.ok) found.push({ index, e164: parsed.e164 });
    else if (!result.invalid.some((entry) => entry.text === matched)) result.invalid.push({ text: matched, reason: parsed.reason });
  };
  const link = (matched: string, index: number): void => {
    const trimmed = matched.replace(/[.)\]]+$/, '');
    if (WHATSAPP_LINK.test(trimmed)) explicit(trimmed, index);
  };
  let text = normalized;
  text = mask(text, URL_WITH_SCHEME, link);
  text = mask(text, BARE_URL, link);
  text = mask(text, SCHEME_NUMBER, explicit);
  text = mask(text, EMAIL);
  text = mask(text, COORDINATES);
  text = mask(text, ROOM_NUMBERS);
  for (const pattern of DATES) text = mask(text, pattern);
  text = mask(text, TIMES);
  // Same length, so positions hold: the 00 international prefix as "+ " (the matcher reads 00 only for
  // countries that dial it). Dots between digits ("030.1234567") the matcher reads itself.
  text = text.replace(INTERNATIONAL_00, '+ ');

  const options = { defaultCountry: country, leniency: 'VALID' } as Parameters<typeof findPhoneNumbersInText>[1];
  const matches = findPhoneNumbersInText(text, options);
  for (const match of matches) {
    // The matcher's span begins and ends with the number itself, never with a space.
    const written = text.slice(match.startsAt, match.endsAt);
    const before = text.slice(0, match.startsAt);
    if (labelledAway(before)) continue;
    if (!WITH_COUNTRY_CODE.test(written)) {
      // The tail of a longer run of digit groups is a guess at where the number starts: not messaged.
      if (/\d[ \t.-]*$/.test(before)) continue;
      if (NOT_PHONE_SHAPE.test(written)) continue;
      // Written nationally without the trunk prefix its country dials ("123 10115" in Germany, where numbers
      // begin with 0): an address, not a number. Countries without one (Singapore, Hong Kong …) pass.
      if (match.number.formatNational().replace(/\D/g, '') !== written.replace(/\D/g, '')) continue;
    }
    found.push({ index: match.startsAt, e164: match.number.number });
  }
  for (const run of text.matchAll(INTERNATIONAL_RUN)) {
    const index = run.index ?? 0;
    const end = index + run[0].length;
    if (matches.some((match) => match.startsAt < end && match.endsAt > index)) continue;
    if (labelledAway(text.slice(0, index)) || run[0].replace(/\D/g, '').length < 4) continue;
    const parsed = parsePhone(run[0], defaultCountry);
    // The run begins with + and ends with a digit: nothing to trim.
    const shown = run[0];
    if (parsed.ok) found.push({ index, e164: parsed.e164 });
    else if (!result.invalid.some((entry) => entry.text === shown)) result.invalid.push({ text: shown, reason: parsed.reason });
  }
  for (const { e164 } of found.sort((a, b) => a.index - b.index)) if (!result.phones.includes(e164)) result.phones.push(e164);
  return result;
}
