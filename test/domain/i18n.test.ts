// Table tests of the language machinery: each language's facts, tags and locales, who picks the language, and the host's overrides as listing and save plan.
import { getCountries } from 'libphonenumber-js/max';
import { chooseLanguage, countryOfNumber, type LanguageInputs, languageOfCountry } from '../../src/domain/i18n/choose';
import { CATALOGUES, isLanguageCode, LANGUAGE_CODES, LANGUAGES, languageOfTag, localeFor } from '../../src/domain/i18n/languages';
import { MAX_TEXT_CHARS, overrideRows, planTextsSave, textsListing } from '../../src/domain/i18n/overrides';
import {
  defaultText,
  fill,
  isTextKey,
  MESSAGE_TEXT_MAX_CHARS,
  overrideKey,
  overrideProblem,
  TEXT_KEYS,
  type TextKey,
  Texts,
  textsFor,
} from '../../src/domain/i18n/texts';

describe('languages', () => {
  // Names as each language writes itself; locales for Intl; WhatsApp's template codes (pt_BR, https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/supported-languages).
  it.each([
    ['en', 'English', 'en-GB', 'en', 'ltr'],
    ['es', 'Español', 'es-ES', 'es', 'ltr'],
    ['pt', 'Português (Brasil)', 'pt-BR', 'pt_BR', 'ltr'],
    ['de', 'Deutsch', 'de-DE', 'de', 'ltr'],
    ['fr', 'Français', 'fr-FR', 'fr', 'ltr'],
    ['it', 'Italiano', 'it-IT', 'it', 'ltr'],
    ['nl', 'Nederlands', 'nl-NL', 'nl', 'ltr'],
    ['tr', 'Türkçe', 'tr-TR', 'tr', 'ltr'],
    ['id', 'Bahasa Indonesia', 'id-ID', 'id', 'ltr'],
    ['hi', 'हिन्दी', 'hi-IN', 'hi', 'ltr'],
    ['ar', 'العربية', 'ar', 'ar', 'rtl'],
  ] as const)('%s: %s, %s, template %s, %s', (code, name, locale, templateLanguage, dir) => {
    expect(LANGUAGES[code]).toEqual({ code, name, locale, templateLanguage, dir });
    expect(CATALOGUES[code]['reply.busy']).toBe(defaultText('reply.busy', code));
    const texts = textsFor(code);
    expect([texts.language, texts.locale, texts.dir]).toEqual([code, locale, dir]);
  });

  it('catalogues are their own languages', () => {
    expect(CATALOGUES.de.untitled).toBe('Termin');
    expect(CATALOGUES.en.untitled).toBe('Appointment');
    expect(new Set(LANGUAGE_CODES.map((code) => CATALOGUES[code]['reply.busy'])).size).toBe(11);
  });

  it.each([
    ['de', true],
    ['ar', true],
    ['DE', false],
    ['xx', false],
    ['', false],
    [3, false],
    [null, false],
  ])('isLanguageCode(%j) is %s', (value, expected) => {
    expect(isLanguageCode(value)).toBe(expected);
  });

  it.each([
    [' fr-CA ', 'fr'],
    ['IN', 'id'],
    ['id_ID', 'id'],
    ['nl-BE', 'nl'],
    ['hin', null],
    [42, null],
    [undefined, null],
  ])('languageOfTag(%j) is %s', (tag, expected) => {
    expect(languageOfTag(tag)).toBe(expected);
  });

  it.each([
    ['en', '', 'en-GB'],
    ['en', 'EN', 'en-GB'],
    ['en', 'en-US', 'en-US'],
    ['pt', 'pt-PT', 'pt-PT'],
    ['de', 'de-CH', 'de-CH'],
    ['de', 'fr-CH', 'de-DE'],
    ['ar', 'ar', 'ar'],
  ] as const)('localeFor(%s, %j) is %s', (code, host, expected) => {
    expect(localeFor(code, host)).toBe(expected);
  });
});

describe('chooseLanguage', () => {
  const base: LanguageInputs = { chosen: null, event: null, phone: '+4915123456789', byCountry: true, host: 'en' };
  it.each([
    ['the attendee first', { chosen: 'fr', event: 'es' }, 'fr', 'attendee'],
    ['then the event', { event: 'es' }, 'es', 'event'],
    ['then the country', {}, 'de', 'country'],
    ['a country without a language: the host', { phone: '+81312345678', host: 'it' }, 'it', 'host'],
    ['an unparsable number: the host', { phone: 'garbage', host: 'nl' }, 'nl', 'host'],
    ['country guessing off: the host', { byCountry: false, host: 'tr' }, 'tr', 'host'],
    ['a Brazilian number', { phone: '+5511987654321' }, 'pt', 'country'],
    ['an Indian number is English', { phone: '+919876543210', host: 'de' }, 'en', 'country'],
  ] as const)('%s', (_, overrides, language, source) => {
    expect(chooseLanguage({ ...base, ...overrides })).toEqual({ language, source });
  });

  it.each([
    ['+4915123456789', 'DE'],
    ['+33612345678', 'FR'],
    ['+12025550123', 'US'],
    ['+80012345678', null],
    ['nothing', null],
  ])('countryOfNumber(%s) is %s', (phone, country) => {
    expect(countryOfNumber(phone)).toBe(country);
  });

  // The country policy of README "Languages", every country listed: a country dropped or moved is caught.
  const POLICY: Array<[string, string[]]> = [
    ['en', ['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'ZA', 'IN', 'NG', 'KE', 'GH', 'UG', 'ZM', 'ZW', 'JM', 'TT', 'SG', 'PH', 'MT']],
    ['es', ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'PR', 'GQ']],
    ['pt', ['BR', 'PT', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL']],
    ['de', ['DE', 'AT', 'CH', 'LI']],
    [
      'fr',
      [
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
    ],
    ['it', ['IT', 'SM', 'VA']],
    ['nl', ['NL', 'BE', 'SR', 'AW', 'CW', 'SX']],
    ['tr', ['TR']],
    ['id', ['ID']],
    ['ar', ['SA', 'AE', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MA', 'DZ', 'TN', 'OM', 'QA', 'BH', 'SY', 'YE', 'PS', 'SD', 'MR']],
  ];
  it.each(POLICY)('%s is read in %j', (language, countries) => {
    for (const country of countries) expect([country, languageOfCountry(country)]).toEqual([country, language]);
  });

  it('every other country of libphonenumber has no language of its own: the host decides', () => {
    const listed = new Set(POLICY.flatMap(([, countries]) => countries));
    const others = getCountries().filter((country) => !listed.has(country));
    expect(others.length).toBeGreaterThan(100);
    expect(others.filter((country) => languageOfCountry(country) !== null)).toEqual([]);
  });

  it.each([
    ['US', 'en'],
    ['gb', 'en'],
    ['MX', 'es'],
    ['BR', 'pt'],
    ['CH', 'de'],
    ['LU', 'fr'],
    ['PF', 'fr'],
    ['SM', 'it'],
    ['BE', 'nl'],
    ['TR', 'tr'],
    ['ID', 'id'],
    ['MR', 'ar'],
    ['GQ', 'es'],
    ['TL', 'pt'],
    ['JP', null],
    [null, null],
  ])('languageOfCountry(%s) is %s', (country, language) => {
    expect(languageOfCountry(country)).toBe(language);
  });
});

describe('texts', () => {
  it.each([
    ['untitled', true],
    ['reply.busy', true],
    ['toString', false],
    ['constructor', false],
    ['nope', false],
    [5, false],
    [['untitled'], false],
  ])('isTextKey(%j) is %s', (value, expected) => {
    expect(isTextKey(value)).toBe(expected);
  });

  it('fill keeps unknown placeholders and ignores inherited names', () => {
    expect(fill('{a} {b} {toString}', { a: 1 })).toBe('1 {b} {toString}');
    expect(fill('{a}{a}', { a: 'x' })).toBe('xx');
  });

  it('an override made only of spaces is no override', () => {
    const texts = new Texts('en', new Map([[overrideKey('reply.busy', 'en'), '   ']]));
    expect(texts.t('reply.busy')).toBe(CATALOGUES.en['reply.busy']);
  });

  it('an unknown language falls back to English, with the host locale', () => {
    const texts = textsFor('xx', undefined, 'en-US');
    expect([texts.language, texts.locale]).toEqual(['en', 'en-US']);
  });

  it('a brace left over after placeholders is refused, a good text passes', () => {
    expect(overrideProblem('reply.busy', 'Busy }')).toBe('a brace that is not part of a placeholder such as {title}');
    expect(overrideProblem('reply.stop', 'Bye from {host}')).toBeNull();
    expect(overrideProblem('button.confirm', 'Ja, ich komme gerne!')).toBeNull();
    expect(overrideProblem('button.confirm', 'Ja, ich komme gerne!!')).toBe(
      'longer than 20 characters: WhatsApp allows no more on a quick-reply button',
    );
    expect(overrideProblem('button.cancel', '  تأكيد الموعد الآن ')).toBeNull();
    expect(overrideProblem('button.cancel', '👍'.repeat(20))).toBeNull();
    expect(overrideProblem('button.cancel', '👍'.repeat(21))).toBe(
      'longer than 20 characters: WhatsApp allows no more on a quick-reply button',
    );
    expect(overrideProblem('reply.stop', 'Bye {host} {x} {y}')).toBe('unknown placeholder {x}, {y}; this text can use {host}');
  });
});

describe('overrideProblem, one rule at a time', () => {
  const tooLongMessage = 'longer than 1000 characters: a WhatsApp message holds 1600 with the date, the names and the link';
  const tooLongButton = 'longer than 20 characters: WhatsApp allows no more on a quick-reply button';
  it.each<[string, TextKey, string, string | null]>([
    ['only spaces: no override, fine even without {link}', 'message.scheduled', '   ', null],
    ['a reply of exactly the limit', 'reply.busy', 'x'.repeat(MESSAGE_TEXT_MAX_CHARS), null],
    ['a reply one over the limit', 'reply.busy', 'x'.repeat(MESSAGE_TEXT_MAX_CHARS + 1), tooLongMessage],
    ['a message one over the limit', 'message.scheduled', `${'x'.repeat(MESSAGE_TEXT_MAX_CHARS - 5)}{link}`, tooLongMessage],
    ['a page text is no message: no limit here', 'page.back', 'x'.repeat(MESSAGE_TEXT_MAX_CHARS + 1), null],
    ['a mail text is no message: no limit here', 'mail.summary', `{title} ${'x'.repeat(MESSAGE_TEXT_MAX_CHARS)}`, null],
    ['a button of 20 characters between spaces', 'button.confirm', ' Ja, ich komme gerne! ', null],
    ['a button of 21 characters', 'button.confirm', 'Ja, ich komme gerne!!', tooLongButton],
  ])('%s', (_, key, text, expected) => {
    expect(overrideProblem(key, text)).toBe(expected);
  });
});

describe('override listing and save plan', () => {
  const key = 'reply.busy';
  const stopKey = 'reply.stop';

  it('lists every key in every language, overrides marked, bad ones with their problem', () => {
    const overrides = new Map([
      [overrideKey(key, 'de'), 'Moment bitte.'],
      [overrideKey(stopKey, 'fr'), 'Au revoir {nom}'],
    ]);
    const listing = textsListing(overrides);
    expect(listing.languages).toEqual([...LANGUAGE_CODES]);
    expect(listing.texts).toHaveLength(LANGUAGE_CODES.length * TEXT_KEYS.length);
    expect(listing.texts[0]).toEqual({
      key: TEXT_KEYS[0],
      language: 'en',
      text: defaultText(TEXT_KEYS[0], 'en'),
      default: defaultText(TEXT_KEYS[0], 'en'),
      overridden: false,
    });
    const find = (k: string, language: string) => listing.texts.find((entry) => entry.key === k && entry.language === language);
    expect(find(key, 'de')).toEqual({ key, language: 'de', text: 'Moment bitte.', default: CATALOGUES.de[key], overridden: true });
    expect(find(stopKey, 'fr')).toEqual({
      key: stopKey,
      language: 'fr',
      text: CATALOGUES.fr[stopKey],
      default: CATALOGUES.fr[stopKey],
      overridden: false,
      problem: 'unknown placeholder {nom}; this text can use {host}',
    });
    expect(find(key, 'en')).toEqual({ key, language: 'en', text: CATALOGUES.en[key], default: CATALOGUES.en[key], overridden: false });
  });

  it('an empty stored override is listed as overridden with empty text', () => {
    const listing = textsListing(new Map([[overrideKey(key, 'en'), '']]));
    expect(listing.texts.find((entry) => entry.key === key && entry.language === 'en')).toEqual({
      key,
      language: 'en',
      text: '',
      default: CATALOGUES.en[key],
      overridden: true,
    });
  });

  it('refuses what is not a list', () => {
    expect(planTextsSave(new Map(), { key })).toEqual({
      ok: false,
      errors: [{ key: '', language: '', error: 'saveTexts takes a list of {key, language, text}' }],
    });
  });

  it.each([
    ['an unknown key', { key: 'x'.repeat(80), language: 'en', text: 'a' }, 'x'.repeat(80), 'en', `unknown text "${'x'.repeat(60)}"`],
    ['no key', { language: 'en', text: 'a' }, '', 'en', 'unknown text ""'],
    ['null', null, '', '', 'unknown text ""'],
    [
      'an unknown language',
      { key, language: 'y'.repeat(30), text: 'a' },
      key,
      'y'.repeat(30),
      `unknown language "${'y'.repeat(20)}"; use one of en, es, pt, de, fr, it, nl, tr, id, hi, ar`,
    ],
    [
      'a language that is no string',
      { key, language: 7, text: 'a' },
      key,
      '',
      'unknown language ""; use one of en, es, pt, de, fr, it, nl, tr, id, hi, ar',
    ],
    ['text that is no string', { key, language: 'en', text: 5 }, key, 'en', 'the text must be a string (empty to go back to the default)'],
    ['too long', { key, language: 'en', text: 'z'.repeat(MAX_TEXT_CHARS + 1) }, key, 'en', 'longer than 2000 characters'],
    [
      'a bad placeholder',
      { key: stopKey, language: 'en', text: '{who}' },
      stopKey,
      'en',
      'unknown placeholder {who}; this text can use {host}',
    ],
  ])('refuses %s, leaving everything as it was', (_, entry, k, language, error) => {
    const current = new Map([[overrideKey(key, 'de'), 'Moment.']]);
    const good = { key, language: 'fr', text: 'Un instant.' };
    expect(planTextsSave(current, [good, entry])).toEqual({ ok: false, errors: [{ key: k, language, error }] });
    expect(current).toEqual(new Map([[overrideKey(key, 'de'), 'Moment.']]));
  });

  it('sets, replaces and removes overrides; CRLF becomes LF; exactly the limit is fine', () => {
    const current = new Map([
      [overrideKey(key, 'de'), 'Moment.'],
      [overrideKey(key, 'es'), 'Un momento.'],
      [overrideKey(key, 'it'), 'Un attimo.'],
    ]);
    const plan = planTextsSave(current, [
      { key, language: 'fr', text: 'Un\r\ninstant.\rMerci.' },
      { key, language: 'de', text: '  ' },
      { key, language: 'es', text: CATALOGUES.es[key] },
      { key, language: 'it', text: 'Subito.' },
      { key, language: 'nl', text: 'a'.repeat(MESSAGE_TEXT_MAX_CHARS) },
      { key: 'page.badLinkTitle', language: 'nl', text: 'b'.repeat(MAX_TEXT_CHARS) },
    ]);
    expect(plan).toEqual({
      ok: true,
      overrides: new Map([
        [overrideKey(key, 'it'), 'Subito.'],
        [overrideKey(key, 'fr'), 'Un\ninstant.\nMerci.'],
        [overrideKey(key, 'nl'), 'a'.repeat(MESSAGE_TEXT_MAX_CHARS)],
        [overrideKey('page.badLinkTitle', 'nl'), 'b'.repeat(MAX_TEXT_CHARS)],
      ]),
    });
    expect(current.size).toBe(3);
  });

  it('an empty list changes nothing', () => {
    const current = new Map([[overrideKey(key, 'de'), 'Moment.']]);
    expect(planTextsSave(current, [])).toEqual({ ok: true, overrides: current });
  });

  it('rows in catalogue order, language by language', () => {
    const overrides = new Map([
      [overrideKey(stopKey, 'de'), 'Tschüss {host}'],
      [overrideKey(key, 'de'), 'Moment.'],
      [overrideKey(key, 'en'), 'Wait.'],
    ]);
    const busyFirst = TEXT_KEYS.indexOf(key) < TEXT_KEYS.indexOf(stopKey);
    const deRows = [
      { key, language: 'de', text: 'Moment.' },
      { key: stopKey, language: 'de', text: 'Tschüss {host}' },
    ];
    expect(overrideRows(overrides)).toEqual([{ key, language: 'en', text: 'Wait.' }, ...(busyFirst ? deRows : deRows.reverse())]);
    expect(overrideRows(new Map())).toEqual([]);
  });
});
