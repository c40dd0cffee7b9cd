// Table tests of link tokens: the signed message, the token shape (one guard at a time), constant-time comparison.
import { constantTimeEqual, looksLikeToken, TOKEN_BYTES, tokenFromMac, tokenMessage } from '../../src/domain/tokens';

describe('tokenMessage', () => {
  it('signs the versioned appointment key', () => {
    expect(tokenMessage('evt42|+4915123456789')).toBe('link:v1:evt42|+4915123456789');
  });
});

describe('tokenFromMac', () => {
  it('keeps the first 12 bytes as 16 base64url characters', () => {
    const mac = Array.from({ length: 32 }, (_, i) => (i * 37) % 256);
    expect(TOKEN_BYTES).toBe(12);
    expect(tokenFromMac(mac)).toBe('ACVKb5S53gMoTXKX');
  });
});

describe('looksLikeToken', () => {
  it.each([
    ['AAAAAAAAAAAAAAAA', true],
    ['abcDEF0123-_xyzQ', true],
    ['AAAAAAAAAAAAAAAAA', false], // 17 characters: the end anchor
    ['!AAAAAAAAAAAAAAAA', false], // a bad first character before 16 good ones: the start anchor
    ['AAAAAAAAAAAAAAA!', false], // a character outside base64url
    ['AAAAAAAAAAAAAAA', false], // 15 characters
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(looksLikeToken(value)).toBe(expected);
  });

  it('refuses values that are not strings, even when their text would match', () => {
    expect(looksLikeToken(1234567890123456)).toBe(false);
    expect(looksLikeToken(['AAAAAAAAAAAAAAAA'])).toBe(false);
    expect(looksLikeToken(null)).toBe(false);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['secret', 'secret', true],
    ['secret', 'secreT', false],
    ['secret', 'Secret', false],
    ['secret', 'secret!', false],
    ['', '', true],
    ['', 'a', false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(constantTimeEqual(a, b)).toBe(expected);
    expect(constantTimeEqual(b, a)).toBe(expected);
  });
});
