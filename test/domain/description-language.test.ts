// The event language a host writes in an event's description (`Language: de`), and what counts as one.
import { descriptionLanguage, withDeliveryBlock } from '../../src/domain/description';
import { languageOfTag } from '../../src/domain/i18n/languages';

describe('descriptionLanguage', () => {
  const cases: Array<[string, string | undefined, string | null]> = [
    ['a line of its own', 'Bring your card.\nLanguage: de\nSee you', 'de'],
    ['any case', 'LANGUAGE: DE', 'de'],
    ['a regional tag', 'language:pt-BR', 'pt'],
    ['spaces around', '  Language :  fr  ', 'fr'],
    ['every catalogue', 'Language: ar', 'ar'],
    ['an unknown code', 'Language: xx', null],
    ['a word, not a code', 'Language: German', null],
    ['inside a sentence', 'The language: de is spoken', null],
    ['no line', 'Checkup', null],
    ['no description', undefined, null],
  ];
  it.each(cases)('%s', (_name, description, expected) => {
    expect(languageOfTag(descriptionLanguage(description))).toBe(expected);
  });

  it('keeps the host line when our block is written back, and ignores a line inside our block', () => {
    const written = withDeliveryBlock('Language: es', ['Language: de', 'not delivered']);
    expect(written).toContain('Language: es');
    expect(descriptionLanguage(written)).toBe('es');
    expect(descriptionLanguage(withDeliveryBlock('', ['Language: de']))).toBeNull();
    expect(descriptionLanguage(withDeliveryBlock(written, []))).toBe('es');
  });
});
