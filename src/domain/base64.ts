// Base64 and base64url encoding of bytes and ASCII text, for environments without Buffer or btoa.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Encodes bytes given as numbers; Apps Script's signed bytes (−128..127) are accepted too. */
export function base64FromBytes(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] & 0xff;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: past the end, undefined & 0xff is 0 as well
    const b1 = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: past the end, undefined & 0xff is 0 as well
    const b2 = i + 2 < bytes.length ? bytes[i + 2] & 0xff : 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(triple >> 18) & 63] + ALPHABET[(triple >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[triple & 63] : '=';
  }
  return out;
}

export function base64UrlFromBytes(bytes: ArrayLike<number>): string {
  // Stryker disable next-line Regex: padding only ever stands at the end
  return base64FromBytes(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** UTF-8 bytes of a string, written out because Apps Script has no TextEncoder. */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

export function base64FromText(text: string): string {
  return base64FromBytes(utf8Bytes(text));
}
