// Table tests that trip one rule of the inbound parser at a time: digits of other scripts, cleaning, buttons, items, languages.
import {
  CANCEL_WORDS,
  CONFIRM_WORDS,
  cleanInboundText,
  type Command,
  HELP_WORDS,
  LANGUAGE_NAMES,
  LANGUAGE_WORDS,
  LIST_WORDS,
  languageNamed,
  MAX_INBOUND_CHARS,
  normalizeForMatching,
  parseCommand,
  START_WORDS,
  STOP_WORDS,
} from '../../src/domain/commands';

const TOKEN = 'AbCdEfGhIjKlMn0_';

describe('digits of other scripts read as ASCII digits', () => {
  it.each([
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'], // Arabic-Indic
    ['۰۱۲۳۴۵۶۷۸۹', '0123456789'], // Eastern Arabic-Indic
    ['०१२३४५६७८९', '0123456789'], // Devanagari
    ['cancel ٣', 'cancel 3'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeForMatching(text)).toBe(expected);
  });

  it.each([
    ['١', { kind: 'confirm', item: null }],
    ['۲', { kind: 'cancel', item: null }],
    ['२', { kind: 'cancel', item: null }],
    ['cancel ٩', { kind: 'cancel', item: 9 }],
    ['إلغاء ١٢', { kind: 'cancel', item: 12 }],
  ])('%s → %j', (body, expected) => {
    expect(parseCommand({ body })).toEqual(expected);
  });
});

describe('cleanInboundText', () => {
  it.each([
    ['a\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['a\tb', 'a b'],
    ['  padded \n', 'padded'],
    ['x\u202Ey\u200Bz\u0007', 'xyz'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanInboundText(raw)).toBe(expected);
  });

  it('keeps a message of exactly the limit and cuts one character more, without splitting an emoji', () => {
    const exact = '😀'.repeat(MAX_INBOUND_CHARS);
    expect(cleanInboundText(exact)).toBe(exact);
    expect(cleanInboundText(`${exact}a`)).toBe(`${exact}…`);
    expect(MAX_INBOUND_CHARS).toBe(5000);
  });
});

describe('button payloads', () => {
  it.each([
    [`confirm:${TOKEN}`, { kind: 'button', action: 'confirm', token: TOKEN }],
    [`cancel:${TOKEN}`, { kind: 'button', action: 'cancel', token: TOKEN }],
    [`  cancel:${TOKEN} `, { kind: 'button', action: 'cancel', token: TOKEN }],
    ['CONFIRM', { kind: 'confirm', item: null }],
    ['1', { kind: 'confirm', item: null }],
    ['Cancel', { kind: 'cancel', item: null }],
    ['2', { kind: 'cancel', item: null }],
    ['confirm:', { kind: 'confirm', item: null }], // no token: read like the typed word
  ])('payload %j → %j (whatever the text says)', (buttonPayload, expected) => {
    expect(parseCommand({ body: 'help', buttonPayload })).toEqual(expected);
  });

  it.each([
    [`confirm:${TOKEN}x`], // not a token: 17 characters
    [`remind:${TOKEN}`], // an unknown action
    ['something else'],
  ])('payload %j is no command: the text decides', (buttonPayload) => {
    expect(parseCommand({ body: 'help', buttonPayload })).toEqual({ kind: 'help' });
  });
});

describe('items with a command word', () => {
  it.each([
    ['cancel 2', { kind: 'cancel', item: 2 }],
    ['2 cancel', { kind: 'cancel', item: 2 }],
    ['cancel nr 2', { kind: 'cancel', item: 2 }],
    ['cancel no 12', { kind: 'cancel', item: 12 }],
    ['cancel number 3', { kind: 'cancel', item: 3 }],
    ['confirm 4', { kind: 'confirm', item: 4 }],
    ['yes', { kind: 'confirm', item: null }],
    ['cancel 123', { kind: 'list' }], // three digits: no item, two short words get the list
    ['banana 2', { kind: 'list' }],
  ])('%s → %j', (body, expected) => {
    expect(parseCommand({ body })).toEqual(expected);
  });
});

describe('language requests', () => {
  it.each([
    ['Deutsch', 'de'],
    ['language de', 'de'],
    ['idioma español', 'es'],
    ['langue français', 'fr'],
    ['bahasa indonesia', 'id'],
    ['language pt br', 'pt'],
    ['language', null],
    ['language klingon', null],
  ])('%s → %s', (body, language) => {
    expect(parseCommand({ body })).toEqual({ kind: 'language', language });
  });

  it.each([
    ['de', 'de'],
    ['pt br', 'pt'],
    ['english', 'en'],
    ['klingon', null],
  ])('languageNamed(%j) → %s', (name, code) => {
    expect(languageNamed(name)).toBe(code);
  });

  it('a two-word text whose first word is no language word is no language request', () => {
    expect(parseCommand({ body: 'hello de' })).toEqual({ kind: 'list' });
  });
});

describe('what is forwarded and what gets the list', () => {
  it.each([
    ['where are you?', 'forward'],
    ['late', 'list'],
    ['running late', 'list'],
    ['I am running late', 'forward'],
    ['?', 'help'],
    ['؟', 'help'],
  ])('%j → %s', (body, kind) => {
    expect(parseCommand({ body }).kind).toBe(kind);
  });

  it.each([
    [2, { kind: 'media', count: 2 }],
    [0, { kind: 'empty' }],
    [undefined, { kind: 'empty' }],
  ])('an empty text with %s attachments → %j', (mediaCount, expected) => {
    expect(parseCommand({ body: '  ', mediaCount })).toEqual(expected);
  });
});

describe('every listed word is its command, in whatever case and accents people type', () => {
  const tables: Array<[string, readonly string[], Command]> = [
    ['list', LIST_WORDS, { kind: 'list' }],
    ['help', HELP_WORDS, { kind: 'help' }],
    ['stop', STOP_WORDS, { kind: 'stop' }],
    ['start', START_WORDS, { kind: 'start' }],
    ['cancel', CANCEL_WORDS, { kind: 'cancel', item: null }],
    ['confirm', CONFIRM_WORDS, { kind: 'confirm', item: null }],
    ['language', LANGUAGE_WORDS, { kind: 'language', language: null }],
  ];
  it.each(tables)('%s words', (_kind, words, expected) => {
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) {
      expect([word, parseCommand({ body: word })]).toEqual([word, expected]);
      expect([word, parseCommand({ body: ` ${word.toUpperCase()}! ` })]).toEqual([word, expected]);
    }
  });

  it.each(Object.entries(LANGUAGE_NAMES))('the names of %s', (code, names) => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect([name, parseCommand({ body: name })]).toEqual([name, { kind: 'language', language: code }]);
    // A code counts after a language word only.
    expect(parseCommand({ body: `language ${code}` })).toEqual({ kind: 'language', language: code });
  });
});

describe('the edges of each pattern', () => {
  it.each([
    ['مدرسة', 'مدرسه'], // ta marbuta folds to ha
    ['على', 'علي'], // alif maqsura folds to ya
  ])('normalizeForMatching(%j) → %j', (text, expected) => {
    expect(normalizeForMatching(text)).toBe(expected);
  });

  it.each([
    ['12 cancel', { kind: 'cancel', item: 12 }],
    ['99 confirm', { kind: 'confirm', item: 99 }],
    ['123 cancel', { kind: 'list' }], // three digits before the word: no item, and not the last two of them
    ['langs', { kind: 'list' }], // a language word with a letter more is no language word
    ['languages', { kind: 'list' }],
    ['language de at', { kind: 'language', language: 'de' }], // a code with its region, spaced
    ['?', { kind: 'help' }],
    ['!!!', { kind: 'list' }],
  ])('%j → %j', (body, expected) => {
    expect(parseCommand({ body })).toEqual(expected);
  });

  it.each([
    ['de at', 'de'],
    ['pt br', 'pt'],
    ['deat', null],
  ])('languageNamed(%j) → %s', (name, code) => {
    expect(languageNamed(name)).toBe(code);
  });

  it.each([
    [`xconfirm:${TOKEN}`], // text before the action
    [`confirm:${TOKEN}\nx`], // a second line after the token
  ])('payload %j is no button: the text decides', (buttonPayload) => {
    expect(parseCommand({ body: 'help', buttonPayload })).toEqual({ kind: 'help' });
  });
});
