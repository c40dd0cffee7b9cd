// Table tests of looksLikeLink: URLs, www., and dotted tokens ending in a real top-level domain, against ordinary names.
import { looksLikeLink } from '../../src/domain/links';

describe('looksLikeLink', () => {
  it.each([
    'https://evil.example/x',
    'Jane HTTP://x',
    'Jane www.evil',
    'evil.ru',
    'Jane x.store',
    'Visit prize.com now',
    'Anna (anna.de)',
    'bit.ly/abc',
    'shop.example.co.uk',
    'EVIL.RU',
    'Иван пример.рф',
    'claim at prize。com',
    'Jane evil.xn--p1ai',
  ])('refuses %p', (text) => {
    expect(looksLikeLink(text)).toBe(true);
  });

  it.each([
    'Jane Doe',
    'J.R.R. Tolkien',
    'Dr. Anna Schmidt',
    'Dr.Smith',
    'Mr. X',
    'St. John',
    'Anne-Marie O’Neil',
    'Zoë 3.5',
    'María José',
    '李小龍',
    'a.b',
    'Jane.',
  ])('accepts %p', (text) => {
    expect(looksLikeLink(text)).toBe(false);
  });
});

describe('looksLikeLink, one part of each pattern at a time', () => {
  it.each([
    ['a one-letter scheme', 'Jane x://y', true],
    ['an underscore is no scheme character', 'Jane a_://y', false],
    ['www. at the very start', 'www.evil', true],
    ['a full-width top-level domain', 'prize.ｃｏｍ', true],
    ['a name made of digits', 'Visit 365.com', true],
    ['a TLD in the middle is not the last label', 'notes.info.local', false],
  ])('%s: %j', (_, text, expected) => {
    expect(looksLikeLink(text)).toBe(expected);
  });
});
