// The event language a host writes in an event's description (`Language: de`), and what counts as one.
import { BLOCK_END, BLOCK_START, descriptionLanguage, hostText, withDeliveryBlock } from '../../src/domain/description';
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

describe('descriptionLanguage, one rule of the HTML and the line at a time', () => {
  it.each<[string, string, string | null]>([
    ['a break written <br />', 'Bring your card<br />Language: de', 'de'],
    ['a heading opened after text', 'Details<h2>Language: de</h2>', 'de'],
    ['a list opened after text', 'Bring your card<ul><li>Language: de</li></ul>', 'de'],
    ['a paragraph with attributes opened after text', 'Bring your card<p dir="auto">Language: de</p>', 'de'],
    ['a tag that only starts like a line-making one', 'Bring your card<pre>Language: de</pre>', null],
    ['a no-break space keeps two words apart', 'Language: de&nbsp;x', null],
    ['&#160; keeps them apart too', 'Language: de&#160;x', null],
    ['a line that only ends with it', 'Our language: de', null],
    ['the raw code, as written', 'Language: pt_BR', 'pt_BR'],
  ])('%s', (_, description, expected) => {
    expect(descriptionLanguage(description)).toBe(expected);
  });
});

describe('our block in the description', () => {
  it('removes every copy of it, not only the first', () => {
    const block = (line: string): string => [BLOCK_START, line, BLOCK_END].join('\n');
    const twice = `Bring your card\n\n${block('first')}\n\n${block('second')}`;
    expect(hostText(twice)).toBe('Bring your card');
    expect(withDeliveryBlock(twice, ['third'])).toBe(`Bring your card\n\n${block('third')}`);
  });

  it('has markers a regular expression reads literally', () => {
    expect(`${BLOCK_START}${BLOCK_END}`).toMatch(/^[A-Za-z -]+$/);
  });
});
