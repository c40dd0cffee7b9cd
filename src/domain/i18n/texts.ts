// A language's texts with the host's overrides applied: placeholder filling, and the rules an override must follow.
import { type Catalogue, type TextKey, en } from './catalogues/en';
import { MESSAGE_MAX_CHARS } from '../message-limits';
import { CATALOGUES, LANGUAGES, type LanguageCode, isLanguageCode, localeFor } from './languages';

export type { TextKey } from './catalogues/en';

/**
 * The longest own wording of a WhatsApp message or chat reply: the filled-in message must stay within Twilio's
 * MESSAGE_MAX_CHARS, and a longer text would be cut at the end, taking the attendee's {link} with it. The
 * catalogues' longest is under 450; 1000 leaves 600 for the date, the host, the link and (cut to fit) the title.
 */
export const MESSAGE_TEXT_MAX_CHARS = 1000;

/**
 * A quick-reply button's title: at most 20 characters in WhatsApp
 * (https://www.twilio.com/docs/content/twilio-quick-reply), counted as characters a person sees.
 */
export const BUTTON_TEXT_MAX_CHARS = 20;

/** The host's own wording: text by `${key}|${language}`. */
export type Overrides = ReadonlyMap<string, string>;

export const TEXT_KEYS = Object.keys(en) as TextKey[];

export function isTextKey(value: unknown): value is TextKey {
  return typeof value === 'string' && Object.getOwnPropertyDescriptor(en, value) !== undefined;
}

export function overrideKey(key: TextKey, language: LanguageCode): string {
  return `${key}|${language}`;
}

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** The placeholder names in a text, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) if (!names.includes(match[1])) names.push(match[1]);
  return names;
}

export function defaultText(key: TextKey, language: LanguageCode): string {
  return CATALOGUES[language][key];
}

/**
 * Why an override cannot be used, or null when it can: it may use only the placeholders of the English
 * text (the same in every language), and must keep {link} where the default has one (the attendee
 * would lose the way to cancel or move). Empty means "remove the override" and is always fine.
 */
export function overrideProblem(key: TextKey, text: string): string | null {
  if (text.trim() === '') return null;
  const allowed = placeholdersOf(en[key]);
  const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    const list = allowed.length === 0 ? 'none' : allowed.map((name) => `{${name}}`).join(', ');
    return `unknown placeholder ${unknown.map((name) => `{${name}}`).join(', ')}; this text can use ${list}`;
  }
  if (allowed.includes('link') && !text.includes('{link}'))
    return 'it must keep {link}: without it the attendee cannot cancel, move or book';
  // Stryker disable next-line StringLiteral: only braces are looked for, and any replacement without one leaves the same braces
  if (/[{}]/.test(text.replace(PLACEHOLDER, ''))) return 'a brace that is not part of a placeholder such as {title}';
  if ((key.startsWith('message.') || key.startsWith('reply.')) && text.length > MESSAGE_TEXT_MAX_CHARS)
    return `longer than ${MESSAGE_TEXT_MAX_CHARS} characters: a WhatsApp message holds ${MESSAGE_MAX_CHARS} with the date, the names and the link`;
  if (key.startsWith('button.') && Array.from(text.trim()).length > BUTTON_TEXT_MAX_CHARS)
    return `longer than ${BUTTON_TEXT_MAX_CHARS} characters: WhatsApp allows no more on a quick-reply button`;
  return null;
}

export type TextValues = Readonly<Record<string, string | number>>;

/** Replaces every {name} with its value; a placeholder without a value stays visible rather than vanishing. */
export function fill(template: string, values: TextValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.getOwnPropertyDescriptor(values, name) !== undefined ? String(values[name]) : whole,
  );
}

/** One language's texts for one execution: the catalogue, the host's valid overrides on top, and its locale. */
export class Texts {
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';

  constructor(
    readonly language: LanguageCode,
    private readonly overrides: Overrides = new Map(),
    hostLocale?: string,
  ) {
    this.locale = localeFor(language, hostLocale);
    this.dir = LANGUAGES[language].dir;
  }

  /** The text the attendee reads for this key: the host's override when one is valid, else the catalogue's. */
  template(key: TextKey): string {
    const override = this.overrides.get(overrideKey(key, this.language));
    return override !== undefined && override.trim() !== '' && overrideProblem(key, override) === null
      ? override
      : defaultText(key, this.language);
  }

  t(key: TextKey, values: TextValues = {}): string {
    return fill(this.template(key), values);
  }
}

export function textsFor(language: string, overrides?: Overrides, hostLocale?: string): Texts {
  return new Texts(isLanguageCode(language) ? language : 'en', overrides, hostLocale);
}

/** Every catalogue's texts, checked by the tests: a missing key or a different set of placeholders is a bug. */
export function catalogueProblems(language: LanguageCode, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const key of TEXT_KEYS) {
    const text = catalogue[key];
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(`${language} ${key}: missing`);
      continue;
    }
    const expected = placeholdersOf(en[key]).sort().join(',');
    const actual = placeholdersOf(text).sort().join(',');
    if (expected !== actual) problems.push(`${language} ${key}: placeholders {${actual}} instead of {${expected}}`);
  }
  for (const key of Object.keys(catalogue)) if (!isTextKey(key)) problems.push(`${language} ${key}: not an English key`);
  return problems;
}
