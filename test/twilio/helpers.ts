// Shared fixtures for the fake Twilio tests: credentials, SIDs, a fake on a settable clock, request builders.
import { FakeTwilio, encodeForm, encodeFormPairs, type FakeTwilioOptions } from '../../dev/twilio/fake-twilio';
import type { HttpRequest, HttpResponse } from '../../dev/runtime/core';

export const ACC = `AC${'a1'.repeat(16)}`;
export const TOKEN = 'auth-token-0123456789';
export const KEY_SID = `SK${'b2'.repeat(16)}`;
export const KEY_SECRET = 'key-secret';
export const MG = `MG${'c3'.repeat(16)}`;
export const MG_SENDER = 'whatsapp:+14155238886';
export const HX = `HX${'d4'.repeat(16)}`;
export const SENDER = 'whatsapp:+4930901820';
export const ATTENDEE = 'whatsapp:+4915123456789';
export const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);

export function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
}

export function makeFake(overrides: Partial<FakeTwilioOptions> = {}): { fake: FakeTwilio; clock: { now: number } } {
  const clock = { now: T0 };
  const fake = new FakeTwilio({
    accountSid: ACC,
    authToken: TOKEN,
    apiKeys: { [KEY_SID]: KEY_SECRET },
    now: () => clock.now,
    messagingServices: { [MG]: MG_SENDER },
    contentTemplates: { [HX]: 'Hello {{1}}, see you on {{2}}.' },
    ...overrides,
  });
  return { fake, clock };
}

export const messagesUrl = (account = ACC) => `https://api.twilio.com/2010-04-01/Accounts/${account}/Messages.json`;

export function createRequest(
  params: Record<string, string> | Array<[string, string]>,
  opts: { auth?: string; account?: string; headers?: Record<string, string> } = {},
): HttpRequest {
  return {
    url: messagesUrl(opts.account),
    method: 'post',
    headers: {
      Authorization: opts.auth ?? basic(ACC, TOKEN),
      'Content-Type': 'application/x-www-form-urlencoded',
      ...opts.headers,
    },
    payload: Array.isArray(params) ? encodeFormPairs(params) : encodeForm(params),
  };
}

export function getRequest(url: string, auth = basic(ACC, TOKEN)): HttpRequest {
  return { url, method: 'GET', headers: { Authorization: auth }, payload: '' };
}

export function body(res: HttpResponse): any {
  return JSON.parse(res.body);
}

export const textMessage = (extra: Record<string, string> = {}) => ({
  To: ATTENDEE,
  From: SENDER,
  Body: 'Your appointment moved to Tuesday 10:00.',
  StatusCallback: 'https://script.google.com/macros/s/abc/exec?key=k1&kind=status',
  ...extra,
});

export const templateMessage = (extra: Record<string, string> = {}) => ({
  To: ATTENDEE,
  From: SENDER,
  ContentSid: HX,
  ContentVariables: JSON.stringify({ 1: 'Ada', 2: 'Tue 6 Jan, 10:00' }),
  StatusCallback: 'https://script.google.com/macros/s/abc/exec?key=k1&kind=status',
  ...extra,
});
