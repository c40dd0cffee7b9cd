// Table tests of the message limits: cutting with an ellipsis, template variables as WhatsApp takes them, fitting a title into 1,600 characters.
import { cutWithEllipsis, encodableText, fitTitle, MESSAGE_MAX_CHARS, templateVariableValue } from '../../src/domain/message-limits';

describe('cutWithEllipsis', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['eleven chars', 10, 'eleven ch…'],
    ['a b c d e f', 6, 'a b c…'],
    ['😀😀😀😀', 3, '😀😀…'],
    ['ab cd', 4, 'ab…'],
    ['  indented', 5, '  in…'],
    ['abc', 1, '…'],
    ['abc', 0, '…'],
  ])('%p to %i characters is %p', (text, max, expected) => {
    expect(cutWithEllipsis(text, max)).toBe(expected);
  });
});

describe('templateVariableValue', () => {
  it.each([
    ['Checkup', 'Checkup'],
    ['Checkup\nroom 2', 'Checkup room 2'],
    ['a\r\n\tb', 'a b'],
    ['a     b', 'a b'],
    ['  padded  ', 'padded'],
    ['line\u2028separator', 'line separator'],
    ['\n\t ', '-'],
  ])('%p becomes %p', (value, expected) => {
    expect(templateVariableValue(value)).toBe(expected);
  });

  it('cuts at 250 characters with an ellipsis', () => {
    const value = templateVariableValue('y'.repeat(1000));
    expect(value).toBe(`${'y'.repeat(249)}…`);
  });
});

describe('fitTitle', () => {
  const render = (title: string): string => `"${title}" is booked for Tuesday. Open: https://x.example/?l=abc`;

  it('leaves a message that fits as it is', () => {
    expect(fitTitle('Checkup', render)).toBe('"Checkup" is booked for Tuesday. Open: https://x.example/?l=abc');
  });

  it('cuts only the title, to exactly the limit, keeping the rest of the message', () => {
    const text = fitTitle('t'.repeat(3000), render);
    expect(Array.from(text)).toHaveLength(MESSAGE_MAX_CHARS);
    expect(text.endsWith('t…" is booked for Tuesday. Open: https://x.example/?l=abc')).toBe(true);
  });

  it('copes with a text that repeats the title', () => {
    const twice = (title: string): string => `${title} / ${title}`;
    const text = fitTitle('u'.repeat(2000), twice, 100);
    expect(Array.from(text).length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/^u+… \/ u+…$/);
  });

  it('cuts the end only when even the shortest title does not fit', () => {
    expect(fitTitle('title', () => 'z'.repeat(50), 10)).toBe('zzzzzzzzz…');
  });

  it.each<[string, string, (title: string) => string, number, string]>([
    ['a message of exactly the limit is left whole', 'abc', (t) => `${t}!`, 4, 'abc!'],
    ['one unit over: the title loses its end', 'abcd', (t) => `${t}!`, 4, 'ab…!'],
    ['only the ellipsis fits as the title', 'abcd', (t) => `${t}!!`, 3, '…!!'],
    ['a one-character title too long with the rest: the end is cut', 'é', (t) => `${t}xyz`, 3, 'éx…'],
    ['the cut end loses its trailing space', 'title', () => 'zzzz zzzz', 6, 'zzzz…'],
    ['an emoji is never split at the cut end', 'title', () => 'ab😀cd', 4, 'ab…'],
  ])('%s', (_, title, render, max, expected) => {
    expect(fitTitle(title, render, max)).toBe(expected);
  });
});

describe('encodableText', () => {
  it.each([
    ['plain', 'plain'],
    ['Check\uD800up', 'Checkup'],
    ['\uDE00lead', 'lead'],
    ['tail\uD83D', 'tail'],
    ['emoji 😀 kept', 'emoji 😀 kept'],
    ['\uDE00\uD83D', ''],
  ])('%p becomes %p', (text, expected) => {
    expect(encodableText(text)).toBe(expected);
    expect(() => encodeURIComponent(encodableText(text))).not.toThrow();
  });
});
