// Link tokens: 96 bits of an HMAC over an appointment's key, so links are short, unforgeable and carry no personal data.
import { base64UrlFromBytes } from './base64';

/** 12 bytes = 96 bits, 16 base64url characters: the shortest length that meets the security bar. */
export const TOKEN_BYTES = 12;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16}$/;

/** The message an appointment's link token signs; the version prefix lets the scheme change later. */
export function tokenMessage(appointmentKey: string): string {
  return `link:v1:${appointmentKey}`;
}

export function tokenFromMac(mac: ArrayLike<number>): string {
  return base64UrlFromBytes(Array.prototype.slice.call(mac, 0, TOKEN_BYTES));
}

export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

/** Compares secrets without leaking, through timing, how many leading characters matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  // Stryker disable next-line MethodExpression: with min the length difference alone still decides; only the timing changes
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  // Stryker disable next-line EqualityOperator: one step more compares 0 with 0; only the timing changes
  for (let i = 0; i < length; i++) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return difference === 0;
}
