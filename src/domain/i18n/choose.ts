// Which language one attendee is written to: their own choice, the event's, their number's country, then the host's.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { LanguageCode } from './languages';

/**
 * The language most people with a number of this country read, where one is clear enough to guess.
 * Multilingual countries get their majority language (Switzerland German, Belgium Dutch, Canada English,
 * Luxembourg French); India gets English, the one language a number there cannot be wrong about for
 * business messages (Hindi is one of 22 scheduled languages). Countries not listed get the host's language.
 */
const COUNTRY_LANGUAGES: Readonly<Record<LanguageCode, readonly string[]>> = {
  en: ['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'ZA', 'IN', 'NG', 'KE', 'GH', 'UG', 'ZM', 'ZW', 'JM', 'TT', 'SG', 'PH', 'MT'],
  es: ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'PR', 'GQ'],
  pt: ['BR', 'PT', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL'],
  de: ['DE', 'AT', 'CH', 'LI'],
  fr: [
    'FR',
    'LU',
    'MC',
    'SN',
    'CI',
    'ML',
    'BF',
    'NE',
    'TG',
    'BJ',
    'GN',
    'CM',
    'CD',
    'CG',
    'GA',
    'MG',
    'HT',
    'RE',
    'GP',
    'MQ',
    'GF',
    'NC',
    'PF',
  ],
  it: ['IT', 'SM', 'VA'],
  nl: ['NL', 'BE', 'SR', 'AW', 'CW', 'SX'],
  tr: ['TR'],
  id: ['ID'],
  // Stryker disable next-line ArrayDeclaration: a list holding a made-up word names no country a number can have
  hi: [],
  ar: ['SA', 'AE', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MA', 'DZ', 'TN', 'OM', 'QA', 'BH', 'SY', 'YE', 'PS', 'SD', 'MR'],
};

const LANGUAGE_OF_COUNTRY: ReadonlyMap<string, LanguageCode> = new Map(
  (Object.entries(COUNTRY_LANGUAGES) as Array<[LanguageCode, readonly string[]]>).flatMap(([code, countries]) =>
    countries.map((country) => [country, code] as [string, LanguageCode]),
  ),
);

export function countryOfNumber(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

export function languageOfCountry(country: string | null): LanguageCode | null {
  return country === null ? null : (LANGUAGE_OF_COUNTRY.get(country.toUpperCase()) ?? null);
}

export type LanguageSource = 'attendee' | 'event' | 'country' | 'host';

export interface LanguageInputs {
  /** What the attendee chose (chat command, page picker), from the Languages sheet. */
  chosen: LanguageCode | null;
  /** What the host set on the event, or the booking page's browser language stored with the booking. */
  event: LanguageCode | null;
  phone: string;
  byCountry: boolean;
  host: LanguageCode;
}

/** The order of choice (README, "Languages"): the attendee, the event, the number's country, the host. */
export function chooseLanguage(inputs: LanguageInputs): { language: LanguageCode; source: LanguageSource } {
  if (inputs.chosen) return { language: inputs.chosen, source: 'attendee' };
  if (inputs.event) return { language: inputs.event, source: 'event' };
  if (inputs.byCountry) {
    const fromCountry = languageOfCountry(countryOfNumber(inputs.phone));
    if (fromCountry) return { language: fromCountry, source: 'country' };
  }
  return { language: inputs.host, source: 'host' };
}
