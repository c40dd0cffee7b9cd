// Attacks on the language rules in the domain: greetings that look like codes, odd command forms, HTML event descriptions.
import { parseCommand } from '../../src/domain/commands';
import { descriptionLanguage } from '../../src/domain/description';

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

describe('the Language: line of a description Google Calendar keeps as HTML', () => {
  it.each([
    ['Bring your card<br>Language: de', 'de'],
    ['Bring your card<br/>Language: de<br>See you', 'de'],
    ['<p>Bring your card</p><p>Language: de</p>', 'de'],
    ['<div>Language: de</div><div>See you</div>', 'de'],
    ['<b>Language:</b> de', 'de'],
    ['Language:&nbsp;de', 'de'],
    ['<span>The language: de is spoken</span>', null],
    ['<a href="x">Language: de</a> and more', null],
  ])('%j → %s', (description, expected) => {
    expect(descriptionLanguage(description)).toBe(expected);
  });
});
