// Phone numbers: parse one to E.164 with a readable reason on failure, and find them in an event location.
// 'max' metadata (~190 KB minified with the library) validates the digits themselves, not just the
// length, so a mistyped number turns the event red before a WhatsApp message is wasted on it.
import {
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

function normalizeCharacters(text: string): string {
  return text
    .replace(INVISIBLES, '')
    .replace(EXOTIC_SPACES, ' ')
    .replace(EXOTIC_DASHES, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48));
}

const WHATSAPP_LINK =
  /^(?:https?:\/\/)?(?:www\.)?(?:wa\.me\/|api\.whatsapp\.com\/send\/?\?(?:[^#]*&)?phone=|whatsapp:\/\/send\/?\?(?:[^#]*&)?phone=)\+?(\d[\d\s().-]*)/i;
const PHONE_SCHEME = /^(?:tel|sms|callto|whatsapp):(?:\/\/)?\s*/i;

/** The dialable part of one number as people write it, with 00 turned into +. */
function toDialString(input: string): string {
  let text = normalizeCharacters(input).trim();
  const link = WHATSAPP_LINK.exec(text);
  if (link) return `+${link[1]}`;
  text = text.replace(PHONE_SCHEME, '');
  // The international 00 prefix, also written "(00 49)"; libphonenumber only understands it with a default country.
  return text.replace(/^(\(?\s*)00\s*(?=\d)/, '$1+');
}

function countryName(country: string): string {
  try {
    // Intl.DisplayNames may be missing in some runtimes; the code itself still reads fine.
    if (typeof Intl.DisplayNames === 'function') {
      const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(country);
      if (name && name !== country) return name;
    }
  } catch {
    // fall through to the code
  }
  return country;
}

function lengthProblem(dial: string, country: CountryCode | undefined): string {
  switch (validatePhoneNumberLength(dial, country)) {
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
  const shown = `"${normalizeCharacters(input ?? '').trim()}"`;
  const dial = toDialString(input ?? '');
  const { country, unknown } = defaultCountryOf(defaultCountry);
  if (!/\d/.test(dial)) return { ok: false, reason: `${shown} is not a phone number` };
  let parsed: PhoneNumber;
  try {
    parsed = parsePhoneNumberWithError(dial, country);
  } catch (error) {
    const code = error instanceof ParseError ? error.message : String(error);
    if (code === 'INVALID_COUNTRY') {
      if (dial.replace(/^\(\s*/, '').startsWith('+')) return { ok: false, reason: `${shown} has an unknown country code` };
      const why = unknown ? `the default country "${unknown}" is not a known country code` : 'no default country is set';
      return { ok: false, reason: `${shown} has no country code and ${why}` };
    }
    if (code === 'TOO_SHORT') return { ok: false, reason: `${shown} is too short to be a phone number` };
    if (code === 'TOO_LONG') return { ok: false, reason: `${shown} is too long to be a phone number` };
    return { ok: false, reason: `${shown} is not a phone number` };
  }
  if (!parsed.isValid()) {
    const where = parsed.country ? countryName(parsed.country) : `country code +${parsed.countryCallingCode}`;
    return { ok: false, reason: `${shown} is not a valid phone number for ${where}${lengthProblem(dial, country)}` };
  }
  return { ok: true, e164: parsed.number };
}

interface Candidate {
  index: number;
  text: string;
  // What precedes it on its line, for labels like "Meeting ID:".
  before: string;
  // From tel:, whatsapp: or a wa.me link: meant as a phone number whatever it looks like.
  explicit: boolean;
}

// Links are never phone numbers (meeting ids, map coordinates), except the ones that name a phone.
const URL_WITH_SCHEME = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`,;|]+/gi;
const BARE_URL = /(?:\b[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"'`,;|]*/gi;
const EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+/g;
const SCHEME_NUMBER = /\b(?:tel|sms|callto|whatsapp):(?:\/\/)?[ \t]*(?:\+[ \t]*|\([ \t]*\+?[ \t]*)?\d(?:[\d(). \t-]*\d)?/gi;
// Dates and times look like digit runs; the guards keep dotted phone numbers (01.23.45.67.89) intact.
const DATES = [
  /(?<![\d.\-/+])\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?![\d]|[.\-/]\d)/g,
  /(?<![\d.\-/+])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d]|[.\-/]\d)/g,
  /(?<![\d.\-/+])\d{4}\/\d{1,2}\/\d{1,2}(?![\d]|[.\-/]\d)/g,
];
const TIMES = /\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
// "030/1234567", "+49 30/1234567": a slash right after a leading area code joins; a slash after the end of
// a full number ("0151 23456789/0160 1234567") separates two numbers.
const AREA_CODE_SLASH = /(?<=(?:^|[^\d/.\-+ \t()])[ \t]*(?:\+\d{1,3}[ \t]*)?)(\d{1,5})\/(?=\d)/g;
const DIGIT_RUN = /(?:\+[ \t]*|\([ \t]*\+?[ \t]*)?\d(?:[\d(). \t-]*\d)?/g;
// Shapes that are long enough but not numbers to dial, even where some country would accept the digits: house number +
// postcode ("Hauptstraße 123 10115 Berlin"), US ZIP+4 ("CA 94103-1234"), a span of years ("2025-2026").
const NOT_PHONE_SHAPES = [/^[1-9]\d{0,3}[ \t]+\d{4,5}$/, /^\d{5}-\d{4}$/, /^(?:19|20)\d\d-(?:19|20)\d\d$/];
// Conference ids and PINs are labelled as such ("Meeting ID: 123 456 7890", "PIN: 1234567").
const ID_LABEL_BEFORE = /\b(?:id|pin|passcode|password|code)[ \t]*[:#]?[ \t]*$/i;
// A fax number cannot receive WhatsApp messages ("Tel +49 30 1234567, Fax +49 30 1234568").
const FAX_LABEL_BEFORE = /\b(?:fax|telefax)\.?[ \t]*[:#]?[ \t]*$/i;

/** Blanks out every match (keeping positions, so candidates stay in reading order) after reporting it. */
function mask(text: string, pattern: RegExp, onMatch?: (matched: string, index: number) => void): string {
  let masked = text;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    onMatch?.(match[0], index);
    masked = masked.slice(0, index) + ' '.repeat(match[0].length) + masked.slice(index + match[0].length);
  }
  return masked;
}

function candidatesIn(location: string): Candidate[] {
  const candidates: Candidate[] = [];
  const normalized = normalizeCharacters(location);
  let text = normalized;
  const before = (index: number): string =>
    normalized
      .slice(0, index)
      .split(/[\r\n]/)
      .pop() ?? '';
  const addLink = (matched: string, index: number): void => {
    const link = matched.replace(/[.)\]]+$/, '');
    if (WHATSAPP_LINK.test(link)) candidates.push({ index, text: link, before: before(index), explicit: true });
  };
  text = mask(text, URL_WITH_SCHEME, addLink);
  text = mask(text, BARE_URL, addLink);
  text = mask(text, SCHEME_NUMBER, (matched, index) =>
    candidates.push({ index, text: matched.trim(), before: before(index), explicit: true }),
  );
  text = mask(text, EMAIL);
  for (const pattern of DATES) text = mask(text, pattern);
  text = mask(text, TIMES);
  text = text.replace(AREA_CODE_SLASH, '$1 ');
  for (const match of text.matchAll(DIGIT_RUN)) {
    const index = match.index ?? 0;
    const previousCharacter = text.charAt(index - 1);
    const nextCharacter = text.charAt(index + match[0].length);
    const run = match[0].trim();
    // Glued to letters it is a code (IBAN, room B1234567, order no. 1234567x), not something to dial.
    if (!run.startsWith('+') && /[\p{L}\d_]/u.test(previousCharacter)) continue;
    if (/[\p{L}_]/u.test(nextCharacter)) continue;
    candidates.push({ index, text: run, before: before(index), explicit: false });
  }
  return candidates.sort((a, b) => a.index - b.index);
}

function looksLikePhone(candidate: Candidate): boolean {
  if (candidate.explicit) return true;
  const digits = (candidate.text.match(/\d/g) ?? []).length;
  // "+1" alone is more often "one more guest" than a phone number.
  if (candidate.text.replace(/^\(\s*/, '').startsWith('+')) return digits >= 4;
  return digits >= 7;
}

/** "Suite 200 0151 23456789": a valid number after a few leading groups of noise. */
function validSuffix(run: string, defaultCountry: string | undefined): string | undefined {
  const groups = run.split(/[ \t]+/);
  for (let skip = 1; skip < groups.length; skip++) {
    const suffix = groups.slice(skip).join(' ');
    if ((suffix.match(/\d/g) ?? []).length < 7) break;
    const parsed = parsePhone(suffix, defaultCountry);
    if (parsed.ok) return parsed.e164;
  }
  return undefined;
}

/**
 * Every phone number in an event location, in order, deduplicated. Things that are clearly meant as a
 * number but are not valid come back in `invalid` with a reason; addresses, links, dates and times are ignored.
 * Numbers may be separated by , ; / | newlines, "or", "and", or any text.
 */
export function phonesInLocation(location: string | undefined, defaultCountry?: string): LocationPhones {
  const result: LocationPhones = { phones: [], invalid: [] };
  if (!location) return result;
  const add = (e164: string): void => {
    if (!result.phones.includes(e164)) result.phones.push(e164);
  };
  for (const candidate of candidatesIn(location)) {
    if (!looksLikePhone(candidate) || FAX_LABEL_BEFORE.test(candidate.before)) continue;
    const international = /^\(?\s*(?:\+|00)/.test(candidate.text);
    if (!candidate.explicit && !international) {
      if (ID_LABEL_BEFORE.test(candidate.before)) continue;
      if (NOT_PHONE_SHAPES.some((pattern) => pattern.test(candidate.text))) continue;
    }
    const parsed = parsePhone(candidate.text, defaultCountry);
    if (parsed.ok) {
      add(parsed.e164);
      continue;
    }
    // A number written with its country code means that country: never re-read its tail as a local number.
    const suffix = candidate.explicit || international ? undefined : validSuffix(candidate.text, defaultCountry);
    if (suffix) {
      add(suffix);
    } else if (!result.invalid.some((entry) => entry.text === candidate.text)) {
      result.invalid.push({ text: candidate.text, reason: parsed.reason });
    }
  }
  return result;
}
