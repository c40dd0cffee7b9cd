// Every catalogue has every English text with exactly English's placeholders, in its own script, and no English left in it.
import { en } from '../../src/domain/i18n/catalogues/en';
import { CATALOGUES, LANGUAGE_CODES, LANGUAGES, languageOfTag, localeFor } from '../../src/domain/i18n/languages';
import { TEXT_KEYS, Texts, catalogueProblems, fill, overrideProblem, placeholdersOf } from '../../src/domain/i18n/texts';

describe('catalogues', () => {
  it('has all eleven languages', () => {
    expect([...LANGUAGE_CODES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'hi', 'id', 'it', 'nl', 'pt', 'tr']);
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LANGUAGE_CODES].sort());
  });

  it.each(LANGUAGE_CODES)('%s has every text, each with exactly the placeholders of the English one', (code) => {
    expect(catalogueProblems(code, CATALOGUES[code])).toEqual([]);
  });

  it('finds a missing text, a lost placeholder and an invented one', () => {
    const broken = { ...CATALOGUES.de, 'message.scheduled': 'Gebucht: {when}', 'reply.stop': 'Tschüss {name} {host}' } as Record<
      string,
      string
    >;
    delete broken['reply.busy'];
    expect(catalogueProblems('de', broken as never)).toEqual([
      'de message.scheduled: placeholders {when} instead of {host,link,title,when}',
      'de reply.stop: placeholders {host,name} instead of {host}',
      'de reply.busy: missing',
    ]);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['a text of spaces only is missing', { 'reply.busy': '  ' }, ['de reply.busy: missing']],
    ['a key English does not have', { 'reply.extra': 'Hallo' }, ['de reply.extra: not an English key']],
  ])('%s', (_, change, problems) => {
    expect(catalogueProblems('de', { ...CATALOGUES.de, ...change } as never)).toEqual(problems);
  });

  it.each(LANGUAGE_CODES.filter((code) => code !== 'en'))('%s leaves no English sentence untranslated', (code) => {
    // Texts that may legitimately read the same (a word shared with English) are listed; everything else must differ.
    const sameAllowed = new Set(['button.confirm', 'button.cancel']);
    const same = TEXT_KEYS.filter((key) => !sameAllowed.has(key) && CATALOGUES[code][key] === en[key]);
    expect(same).toEqual([]);
    const englishWords = /(?<!\p{L})(your|appointment|reply|cancel|reschedule|the|with|please|thank you)(?!\p{L})/iu;
    const leftovers = TEXT_KEYS.filter((key) => englishWords.test(fill(CATALOGUES[code][key], {})));
    expect(leftovers).toEqual([]);
  });

  it('writes Hindi in Devanagari and Arabic in Arabic script, right to left', () => {
    const letters = (text: string, script: RegExp) => Array.from(text).filter((char) => script.test(char)).length;
    for (const key of TEXT_KEYS) {
      // Brand names stay Latin ("WhatsApp"), as in every Hindi and Arabic app.
      const hindi = CATALOGUES.hi[key].replace(/WhatsApp|\{\w+\}/g, '');
      const arabic = CATALOGUES.ar[key].replace(/\{\w+\}/g, '');
      expect(letters(hindi, /\p{Script=Devanagari}/u)).toBeGreaterThan(letters(hindi, /\p{Script=Latin}/u));
      expect(letters(arabic, /\p{Script=Arabic}/u)).toBeGreaterThan(letters(arabic, /\p{Script=Latin}/u));
    }
    expect(LANGUAGES.ar.dir).toBe('rtl');
    expect(LANGUAGE_CODES.filter((code) => LANGUAGES[code].dir === 'rtl')).toEqual(['ar']);
  });
});

describe('language tags and locales', () => {
  it.each([
    ['de', 'de'],
    ['DE-at', 'de'],
    ['pt_BR', 'pt'],
    ['pt-PT', 'pt'],
    ['in', 'id'],
    ['ar-SA', 'ar'],
    ['ja', null],
    ['', null],
  ])('%s is %s', (tag, code) => expect(languageOfTag(tag)).toBe(code));

  it("keeps the host's LOCALE for its own language only", () => {
    expect(localeFor('en', 'en-US')).toBe('en-US');
    expect(localeFor('en', 'en')).toBe('en-GB');
    expect(localeFor('de', 'en-US')).toBe('de-DE');
    expect(localeFor('pt', 'pt')).toBe('pt-BR');
  });
});

describe("the host's own wording", () => {
  it('accepts the default placeholders in any order and refuses the others, with the reason', () => {
    expect(overrideProblem('message.scheduled', 'Hola {title} {when} {host} {link}')).toBeNull();
    expect(overrideProblem('message.scheduled', 'See you {when} {link} {price}')).toBe(
      'unknown placeholder {price}; this text can use {title}, {host}, {when}, {link}',
    );
    expect(overrideProblem('message.scheduled', 'See you {when}')).toBe(
      'it must keep {link}: without it the attendee cannot cancel, move or book',
    );
    expect(overrideProblem('reply.busy', 'Busy {link}')).toBe('unknown placeholder {link}; this text can use none');
    expect(overrideProblem('reply.busy', 'Busy {')).toBe('a brace that is not part of a placeholder such as {title}');
    expect(overrideProblem('message.scheduled', '')).toBeNull();
  });

  it('uses a valid override and ignores an invalid one, so the default stays in force', () => {
    const overrides = new Map([
      ['message.cancelled|es', 'Cancelada: {title}. Nueva hora: {link}'],
      ['message.scheduled|es', 'Reservada {when}'],
    ]);
    const texts = new Texts('es', overrides);
    expect(texts.t('message.cancelled', { title: 'Revisión', link: 'L' })).toBe('Cancelada: Revisión. Nueva hora: L');
    expect(texts.template('message.scheduled')).toBe(CATALOGUES.es['message.scheduled']);
    expect(new Texts('de', overrides).template('message.cancelled')).toBe(CATALOGUES.de['message.cancelled']);
  });

  it('lists placeholders once, in order', () => {
    expect(placeholdersOf(en['reply.help'])).toEqual(['host', 'languages', 'link']);
  });
});
