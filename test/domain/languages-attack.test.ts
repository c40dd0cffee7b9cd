// Attacks on the language rules in the domain: greetings that look like codes, odd command forms.
import { parseCommand } from '../../src/domain/commands';

describe('a language code alone is no language request', () => {
  it.each(['Hi', 'hi!', 'HI', 'de', 'es', 'en', 'id', 'it', 'ar'])('%j is answered with the list', (body) => {
    expect(parseCommand({ body })).toEqual({ kind: 'list' });
  });

  it.each([
    ['language hi', 'hi'],
    ['LANGUAGE  HI', 'hi'],
    ['\u200Flanguage ar\u200F', 'ar'],
    ['language\u061Cde', 'de'],
    ['idioma es', 'es'],
    ['Hindi', 'hi'],
    ['language', null],
    ['language zh', null],
  ])('%j is a language request for %s', (body, language) => {
    expect(parseCommand({ body })).toEqual({ kind: 'language', language });
  });
});
