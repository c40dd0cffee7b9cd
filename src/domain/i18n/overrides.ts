// The host's own wording as a list and as a save plan: one entry per key and language, every refusal with its reason.
import { LANGUAGE_CODES, type LanguageCode, isLanguageCode } from './languages';
import { TEXT_KEYS, type TextKey, defaultText, isTextKey, overrideKey, overrideProblem } from './texts';

/** Longer than any text we ship several times over, far below a sheet cell's 50,000 characters. */
export const MAX_TEXT_CHARS = 2000;

export interface TextEntry {
  key: TextKey;
  language: LanguageCode;
  /** What attendees read: the override when there is one, else the default. */
  text: string;
  default: string;
  overridden: boolean;
  /** Why a stored override is not used (typed into the sheet by hand with a bad placeholder); absent when fine. */
  problem?: string;
}

export interface TextsListing {
  languages: LanguageCode[];
  texts: TextEntry[];
}

export function textsListing(overrides: ReadonlyMap<string, string>): TextsListing {
  const texts: TextEntry[] = [];
  for (const language of LANGUAGE_CODES) {
    for (const key of TEXT_KEYS) {
      const fallback = defaultText(key, language);
      const stored = overrides.get(overrideKey(key, language));
      const problem = stored === undefined ? null : overrideProblem(key, stored);
      const entry: TextEntry = {
        key,
        language,
        text: stored !== undefined && problem === null ? stored : fallback,
        default: fallback,
        overridden: stored !== undefined && problem === null,
      };
      if (problem) entry.problem = problem;
      texts.push(entry);
    }
  }
  return { languages: [...LANGUAGE_CODES], texts };
}

export interface TextError {
  key: string;
  language: string;
  error: string;
}

export type TextsSavePlan = { ok: true; overrides: Map<string, string> } | { ok: false; errors: TextError[] };

/**
 * Applies [{key, language, text}] to the stored overrides: all or nothing. Empty text (or the default's
 * own wording) removes the override; any refused entry leaves everything as it was.
 */
export function planTextsSave(current: ReadonlyMap<string, string>, input: unknown): TextsSavePlan {
  if (!Array.isArray(input))
    return { ok: false, errors: [{ key: '', language: '', error: 'saveTexts takes a list of {key, language, text}' }] };
  const errors: TextError[] = [];
  const next = new Map(current);
  for (const item of input) {
    const entry = (item ?? {}) as Record<string, unknown>;
    const key = typeof entry.key === 'string' ? entry.key : '';
    const language = typeof entry.language === 'string' ? entry.language : '';
    const fail = (error: string): void => {
      errors.push({ key, language, error });
    };
    if (!isTextKey(key)) {
      fail(`unknown text "${key.slice(0, 60)}"`);
      continue;
    }
    if (!isLanguageCode(language)) {
      fail(`unknown language "${language.slice(0, 20)}"; use one of ${LANGUAGE_CODES.join(', ')}`);
      continue;
    }
    if (typeof entry.text !== 'string') {
      fail('the text must be a string (empty to go back to the default)');
      continue;
    }
    const text = entry.text.replace(/\r\n?/g, '\n');
    if (text.length > MAX_TEXT_CHARS) {
      fail(`longer than ${MAX_TEXT_CHARS} characters`);
      continue;
    }
    const problem = overrideProblem(key, text);
    if (problem) {
      fail(problem);
      continue;
    }
    if (text.trim() === '' || text === defaultText(key, language)) next.delete(overrideKey(key, language));
    else next.set(overrideKey(key, language), text);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, overrides: next };
}

/** The Texts sheet's rows for a set of overrides, in catalogue order. */
export function overrideRows(overrides: ReadonlyMap<string, string>): Array<{ key: TextKey; language: LanguageCode; text: string }> {
  const rows: Array<{ key: TextKey; language: LanguageCode; text: string }> = [];
  for (const language of LANGUAGE_CODES) {
    for (const key of TEXT_KEYS) {
      const text = overrides.get(overrideKey(key, language));
      if (text !== undefined) rows.push({ key, language, text });
    }
  }
  return rows;
}
