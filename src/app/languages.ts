// One execution's language state: the Languages sheet (each number's own choice), the Texts sheet (the host's wording), read once each.
import { languageNamed, normalizeForMatching } from '../domain/commands';
import { descriptionLanguage } from '../domain/description';
import { chooseLanguage, type LanguageSource } from '../domain/i18n/choose';
import { type LanguageCode, languageOfTag } from '../domain/i18n/languages';
import { type TextError, type TextsListing, overrideRows, planTextsSave, textsListing } from '../domain/i18n/overrides';
import { type Overrides, Texts, isTextKey, overrideKey } from '../domain/i18n/texts';
import { parsePhone } from '../domain/phone';
import { now } from '../gas/platform';
import { SheetTable } from '../gas/sheets';
import type { AppContext } from './context';
import { sheetsReadTogether } from './read-group';

/** Each number's own choice; the host may read and edit it (a row per number; deleting one forgets the choice). */
export const LANGUAGES_SHEET = 'Languages';
export const LANGUAGE_COLUMNS = ['phone', 'language', 'via', 'updatedAt'] as const;
/** The host's own wording: one row per (key, language) that differs from the catalogue. */
export const TEXTS_SHEET = 'Texts';
export const TEXT_COLUMNS = ['key', 'language', 'text', 'updatedAt'] as const;

/**
 * A number typed by hand into the sheet, in whatever form the host copied it ("0049 151 …", "whatsapp:+49…"),
 * as E.164; one that lost its "+" (Sheets turns it into a number) gets it back.
 */
function phoneCell(cell: string): string {
  const written = parsePhone(cell);
  if (written.ok) return written.e164;
  const digits = cell.replace(/[\s()-]/g, '');
  const plus = /^\d{7,15}$/.test(digits) ? parsePhone(`+${digits}`) : written;
  return plus.ok ? plus.e164 : digits;
}

/** A language cell as the host types it: a code ("nl", "pt-BR") or a name ("Nederlands", "Dutch"). */
function languageCell(cell: string): LanguageCode | null {
  return languageNamed(normalizeForMatching(cell ?? ''));
}

export class LanguageChoices {
  /** Each row's number as E.164, parsed once per execution. */
  private readonly phones: string[];

  private constructor(
    private readonly table: SheetTable,
    private readonly rows: string[][],
  ) {
    this.phones = rows.map((row) => phoneCell(row[0]));
  }

  static load(): LanguageChoices {
    const table = SheetTable.inGroup(LANGUAGES_SHEET, LANGUAGE_COLUMNS, sheetsReadTogether);
    return new LanguageChoices(table, table.readRows());
  }

  of(phone: string): LanguageCode | null {
    const index = this.phones.indexOf(phone);
    return index < 0 ? null : languageCell(this.rows[index][1]);
  }

  /** Stores the number's choice in one write (one row per number); false when it was already that. */
  set(phone: string, language: LanguageCode, via: string, at: number): boolean {
    if (this.of(phone) === language) return false;
    const previous = this.rows.length;
    const kept = this.rows.filter((_, index) => this.phones[index] !== phone);
    kept.push([phone, language, via, new Date(at).toISOString()]);
    this.table.writeRows(kept, previous);
    this.rows.length = 0;
    this.rows.push(...kept);
    const keptPhones = this.phones.filter((known) => known !== phone);
    this.phones.length = 0;
    this.phones.push(...keptPhones, phone);
    return true;
  }
}

export interface TextRow {
  key: string;
  language: string;
  text: string;
  updatedAt: string;
}

export function readTextRows(table: SheetTable = SheetTable.inGroup(TEXTS_SHEET, TEXT_COLUMNS, sheetsReadTogether)): TextRow[] {
  return table
    .readRows()
    .map(([key, language, text, updatedAt]) => ({
      key: (key ?? '').trim(),
      language: (languageOfTag(language) ?? language ?? '').trim(),
      text: text ?? '',
      updatedAt: updatedAt ?? '',
    }))
    .filter((row) => row.key !== '');
}

export function overridesOf(rows: readonly TextRow[]): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const row of rows) {
    const language = languageOfTag(row.language);
    if (isTextKey(row.key) && language && row.text.trim() !== '') overrides.set(overrideKey(row.key, language), row.text);
  }
  return overrides;
}

/** getTexts(): every key in every language, with the default and whether the host's wording is in force. */
export function readTextsListing(): TextsListing {
  return textsListing(overridesOf(readTextRows()));
}

/** saveTexts(): all or nothing, then the Texts sheet is rewritten in one call. */
export function saveTextEntries(entries: unknown): { ok: true } | { ok: false; errors: TextError[] } {
  const table = SheetTable.open(TEXTS_SHEET, TEXT_COLUMNS);
  const rows = readTextRows(table);
  const plan = planTextsSave(overridesOf(rows), entries);
  if (!plan.ok) return plan;
  const stamp = new Date(now()).toISOString();
  const previous = new Map(rows.map((row) => [`${row.key}|${row.language}`, row]));
  const next = overrideRows(plan.overrides).map(({ key, language, text }) => {
    const before = previous.get(`${key}|${language}`);
    // An unchanged text keeps its date, so the sheet shows when each wording was last changed.
    return [key, language, text, before && before.text === text ? before.updatedAt : stamp];
  });
  // Rows the host typed that name no known text or language are no override, but still the host's words: kept as typed.
  const unknown = rows
    .filter((row) => !isTextKey(row.key) || !languageOfTag(row.language))
    .map((row) => [row.key, row.language, row.text, row.updatedAt]);
  table.writeRows([...next, ...unknown], rows.length);
  return { ok: true };
}

interface ExecutionState {
  choices?: LanguageChoices;
  overrides?: Overrides;
  texts: Map<LanguageCode, Texts>;
  /** The `Language:` line of each event this execution read from the calendar (src/domain/description.ts). */
  events: Map<string, string | null>;
}

// Apps Script starts every execution afresh; one AppContext is one execution, so the sheets are read once per execution.
const states = new WeakMap<AppContext, ExecutionState>();

function stateOf(context: AppContext): ExecutionState {
  let state = states.get(context);
  if (!state) {
    state = { texts: new Map(), events: new Map() };
    states.set(context, state);
  }
  return state;
}

export function choicesOf(context: AppContext): LanguageChoices {
  const state = stateOf(context);
  state.choices ??= LanguageChoices.load();
  return state.choices;
}

/** A language's texts with the host's overrides; the Texts sheet is read on first use. */
export function textsIn(context: AppContext, language: LanguageCode): Texts {
  const state = stateOf(context);
  let texts = state.texts.get(language);
  if (!texts) {
    state.overrides ??= overridesOf(readTextRows());
    texts = new Texts(language, state.overrides, context.settings.locale);
    state.texts.set(language, texts);
  }
  return texts;
}

/** The host's language, for pages that do not know who is reading. */
export function hostTexts(context: AppContext): Texts {
  return textsIn(context, context.settings.language);
}

/** Remembers the language the host set on an event read in this execution, for what it sends. */
export function noteEventLanguage(context: AppContext, eventId: string, description: string | undefined): void {
  stateOf(context).events.set(eventId, descriptionLanguage(description));
}

/** The language the host set on an event read in this execution, or null. */
export function eventLanguageOf(context: AppContext, eventId: string): string | null {
  return stateOf(context).events.get(eventId) ?? null;
}

/** The language one number is written to (see chooseLanguage for the order), with where it came from. */
export function attendeeLanguage(
  context: AppContext,
  phone: string,
  eventLanguage: string | null = null,
): { language: LanguageCode; source: LanguageSource } {
  return chooseLanguage({
    chosen: choicesOf(context).of(phone),
    event: languageOfTag(eventLanguage),
    phone,
    byCountry: context.settings.languageByCountry,
    host: context.settings.language,
  });
}

export function attendeeTexts(context: AppContext, phone: string, eventLanguage: string | null = null): Texts {
  return textsIn(context, attendeeLanguage(context, phone, eventLanguage).language);
}
