// The languages attendees can be written to in: codes, the locale dates are formatted in, direction, and their catalogues.
import { ar } from './catalogues/ar';
import { de } from './catalogues/de';
import { type Catalogue, en } from './catalogues/en';
import { es } from './catalogues/es';
import { fr } from './catalogues/fr';
import { hi } from './catalogues/hi';
import { id } from './catalogues/id';
import { it } from './catalogues/it';
import { nl } from './catalogues/nl';
import { pt } from './catalogues/pt';
import { tr } from './catalogues/tr';

export const LANGUAGE_CODES = ['en', 'es', 'pt', 'de', 'fr', 'it', 'nl', 'tr', 'id', 'hi', 'ar'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export interface Language {
  code: LanguageCode;
  /** The name in the language itself, as the picker and the chat show it. */
  name: string;
  /** Intl locale for dates and times ('en' is international English: 3 March 2026, 14:30). */
  locale: string;
  /** WhatsApp's template language code (Content API `language`). */
  templateLanguage: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: Readonly<Record<LanguageCode, Language>> = {
  en: { code: 'en', name: 'English', locale: 'en-GB', templateLanguage: 'en', dir: 'ltr' },
  es: { code: 'es', name: 'Español', locale: 'es-ES', templateLanguage: 'es', dir: 'ltr' },
  pt: { code: 'pt', name: 'Português (Brasil)', locale: 'pt-BR', templateLanguage: 'pt_BR', dir: 'ltr' },
  de: { code: 'de', name: 'Deutsch', locale: 'de-DE', templateLanguage: 'de', dir: 'ltr' },
  fr: { code: 'fr', name: 'Français', locale: 'fr-FR', templateLanguage: 'fr', dir: 'ltr' },
  it: { code: 'it', name: 'Italiano', locale: 'it-IT', templateLanguage: 'it', dir: 'ltr' },
  nl: { code: 'nl', name: 'Nederlands', locale: 'nl-NL', templateLanguage: 'nl', dir: 'ltr' },
  tr: { code: 'tr', name: 'Türkçe', locale: 'tr-TR', templateLanguage: 'tr', dir: 'ltr' },
  id: { code: 'id', name: 'Bahasa Indonesia', locale: 'id-ID', templateLanguage: 'id', dir: 'ltr' },
  hi: { code: 'hi', name: 'हिन्दी', locale: 'hi-IN', templateLanguage: 'hi', dir: 'ltr' },
  ar: { code: 'ar', name: 'العربية', locale: 'ar', templateLanguage: 'ar', dir: 'rtl' },
};

export const CATALOGUES: Readonly<Record<LanguageCode, Catalogue>> = { en, es, pt, de, fr, it, nl, tr, id, hi, ar };

export function isLanguageCode(value: unknown): value is LanguageCode {
  // includes() compares with ===, so a value that is not a string is simply not found.
  return (LANGUAGE_CODES as readonly unknown[]).includes(value);
}

/**
 * 'de', 'DE', 'de-AT', 'pt_BR', 'pt-PT' → the catalogue's code; null for a language we have no catalogue for.
 * Regional variants share their language's catalogue (pt-PT readers get Brazilian Portuguese, not English).
 */
export function languageOfTag(tag: unknown): LanguageCode | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  // Indonesian's old ISO code is still sent by some Android browsers.
  const code = primary === 'in' ? 'id' : primary;
  return isLanguageCode(code) ? code : null;
}

/**
 * The locale dates are written in: the host's LOCALE when it is a variant of this language (en-US keeps
 * US dates for English), otherwise the language's own.
 */
export function localeFor(code: LanguageCode, hostLocale?: string): string {
  if (hostLocale && languageOfTag(hostLocale) === code && hostLocale.toLowerCase() !== code) return hostLocale;
  return LANGUAGES[code].locale;
}
