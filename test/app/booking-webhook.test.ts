// The booking webhook (POST ?hook=booking&key=…) through the real bundle: bookings, refusals that change nothing, duplicates.
import ICAL from 'ical.js';
import type { Sandbox } from '../../dev/sandbox';
import { HOUR, MINUTE, START, addEvent, calendarEvent, ledger, newSandbox, outbound } from '../support/sandbox';

const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin
const AT_11 = '2026-01-06T11:00:00+01:00';
const AT_1130 = '2026-01-06T11:30:00+01:00';

type Answer = { ok: true; id: string; link: string | null; duplicate?: boolean } | { ok: false; error: string };

function post(
  sandbox: Sandbox,
  body: unknown,
  key: string | null = sandbox.settings().BOOKING_API_KEY,
): { answer: Answer; contentType: string } {
  const query: Record<string, string[]> = { hook: ['booking'] };
  if (key !== null) query.key = [key];
  const contents = typeof body === 'string' ? body : JSON.stringify(body);
  const response = sandbox.doPost(query, { contents, type: 'application/json' });
  expect(response.status).toBe(200);
  return { answer: JSON.parse(response.body) as Answer, contentType: response.contentType };
}

function refusal(sandbox: Sandbox, body: unknown, key?: string | null): string {
  const { answer } = key === undefined ? post(sandbox, body) : post(sandbox, body, key);
  if (answer.ok) throw new Error(`expected a refusal, got ${JSON.stringify(answer)}`);
  expect(answer.error).not.toMatch(/\n\s+at |Error:|\.ts:\d+|Code\.js/);
  return answer.error;
}

/** Everything a refused request must leave as it was. */
function state(sandbox: Sandbox): string {
  return JSON.stringify({
    events: sandbox.events(),
    messages: sandbox.twilio.messages(),
    mail: sandbox.runtime.mail.sent,
    sheets: sandbox.sheetNames().map((n) => sandbox.sheet(n)),
  });
}

const GOOD = {
  name: 'Jane Doe',
  email: 'jane@example.org',
  phone: '+49 151 23456789',
  start: AT_11,
  end: AT_1130,
  title: 'First visit',
  notes: 'Allergic to latex;\nbring referral, please',
};

describe('the booking webhook', () => {
  test('setup creates a booking API key separate from the Twilio webhook key', () => {
    const settings = newSandbox().settings();
    expect(settings.BOOKING_API_KEY.length).toBeGreaterThanOrEqual(40);
    expect(settings.BOOKING_API_KEY).not.toBe(settings.WEBHOOK_KEY);
  });

  test('books: the event (number in the location, email as guest, notes), WhatsApp, and Google invites the guest', () => {
    const sandbox = newSandbox();
    const { answer, contentType } = post(sandbox, GOOD);
    expect(contentType).toMatch(/json/);
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.link).toMatch(/\/exec\?l=[A-Za-z0-9_-]{16}$/);
    expect(answer.duplicate).toBeUndefined();
    const event = calendarEvent(sandbox, answer.id);
    expect(event).toMatchObject({
      summary: 'First visit',
      location: '+4915123456789',
      attendees: [expect.objectContaining({ email: 'jane@example.org', displayName: 'Jane Doe' })],
    });
    expect(Date.parse(event.start.dateTime)).toBe(TOMORROW_11);
    expect(Date.parse(event.end.dateTime)).toBe(TOMORROW_11 + 30 * MINUTE);
    expect(event.description).toContain('Allergic to latex;\nbring referral, please');
    expect(outbound(sandbox)).toHaveLength(1);
    expect(outbound(sandbox)[0].body).toContain(answer.link);
    expect(ledger(sandbox)[0].token).toBe(answer.link?.slice(-16));
    expect(sandbox.runtime.calendar.guestNotifications).toEqual([
      { method: 'insert', calendarId: 'host@example.com', eventId: answer.id, sendUpdates: 'all' },
    ]);
    expect(sandbox.runtime.mail.sent).toHaveLength(0);
  });

  test('in email mode the invitation is mailed by the project; an email-only booking has no link and no WhatsApp', () => {
    const sandbox = newSandbox({ settings: { INVITATION_MODE: 'email', BOOKING_MINUTES: '45' } });
    const { answer } = post(sandbox, { name: 'Jane Doe', email: 'jane@example.org', start: AT_11 });
    expect(answer).toEqual({ ok: true, id: expect.any(String), link: null });
    expect(outbound(sandbox)).toHaveLength(0);
    expect(sandbox.runtime.calendar.guestNotifications).toEqual([]);
    const [mail] = sandbox.runtime.mail.sent;
    expect(mail.to).toBe('jane@example.org');
    const calendar = new ICAL.Component(ICAL.parse(mail.attachments[0].text));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    // No end given: the booking length from the settings.
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime()).toBe(TOMORROW_11 + 45 * MINUTE);
  });

  test('a phone-only booking gets WhatsApp and asks Google for nothing', () => {
    const sandbox = newSandbox();
    const { answer } = post(sandbox, { name: 'Jo', phone: '0151 23456789', start: '2026-01-06T10:00:00Z' });
    expect(answer).toMatchObject({ ok: true, link: expect.stringMatching(/\?l=/) });
    expect(outbound(sandbox)).toHaveLength(1);
    expect(sandbox.runtime.calendar.guestNotifications).toEqual([]);
  });

  test('refuses a request without the right key, and changes nothing', () => {
    const sandbox = newSandbox();
    const before = state(sandbox);
    for (const key of [null, '', 'wrong', sandbox.settings().WEBHOOK_KEY, `${sandbox.settings().BOOKING_API_KEY}x`]) {
      expect(refusal(sandbox, GOOD, key)).toMatch(/^Unauthorised/);
    }
    expect(state(sandbox)).toBe(before);
  });

  test.each([
    ['not JSON', '{"name": "Jane",', /not valid JSON/],
    ['an empty body', '', /needs a JSON body/],
    ['an array', '[1,2]', /JSON object/],
    ['an unknown field', { ...GOOD, website: 'x' }, /Unknown field "website"/],
    ['no name', { ...GOOD, name: undefined }, /"name"/],
    ['a name too long', { ...GOOD, name: 'x'.repeat(101) }, /"name"/],
    ['neither email nor phone', { name: 'Jane', start: AT_11 }, /at least one of "email" and "phone"/],
    ['a bad email', { ...GOOD, email: 'jane@' }, /"email"/],
    ['a bad phone', { ...GOOD, phone: '+49 123' }, /"phone"/],
    ['a phone that is not a string', { ...GOOD, phone: 4915123456789 }, /"phone"/],
    ['a time without a zone', { ...GOOD, start: '2026-01-06T11:00:00', end: undefined }, /"start" must be an ISO 8601 time with a zone/],
    ['an end without a zone', { ...GOOD, end: '2026-01-06T11:30' }, /"end" must be an ISO 8601 time with a zone/],
    ['no start', { ...GOOD, start: undefined }, /"start"/],
    ['an impossible date', { ...GOOD, start: '2026-02-30T11:00:00Z', end: undefined }, /"start"/],
    ['an end before the start', { ...GOOD, end: '2026-01-06T10:30:00+01:00' }, /"end" must be after "start"/],
    ['an end equal to the start', { ...GOOD, end: AT_11 }, /"end" must be after "start"/],
    ['a start in the past', { ...GOOD, start: '2026-01-05T07:00:00Z', end: undefined }, /in the past/],
    ['a start right now', { ...GOOD, start: '2026-01-05T09:00:00+01:00', end: undefined }, /"start" must be in the future/],
    [
      'a start beyond the horizon of the booking page (30 days)',
      { ...GOOD, start: '2026-02-04T10:00:00+01:00', end: undefined },
      /^The appointment must end by the booking horizon, Wednesday, 4 February 2026, 00:00 CET \(UTC\+1\) \(HORIZON_DAYS = 30\), as on the booking page\.$/,
    ],
    ['a name with a domain', { ...GOOD, name: 'Jane evil.ru' }, /^"name": Please enter just your name, without links\.$/],
    ['an appointment of 13 hours', { ...GOOD, end: '2026-01-07T00:00:00+01:00' }, /at most 12 hours/],
    ['a title too long', { ...GOOD, title: 't'.repeat(201) }, /"title" may be at most 200/],
    ['notes too long', { ...GOOD, notes: 'n'.repeat(2001) }, /"notes" may be at most 2000/],
    ['allowBusy not a boolean', { ...GOOD, allowBusy: 'yes' }, /"allowBusy" must be true or false/],
  ])('refuses %s with a readable message, and changes nothing', (_what, body, message) => {
    const sandbox = newSandbox();
    const before = state(sandbox);
    expect(refusal(sandbox, body)).toMatch(message);
    expect(state(sandbox)).toBe(before);
  });

  test('refuses a taken slot unless the request allows a busy time', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Busy', start: TOMORROW_11 + 15 * MINUTE, minutes: 60 });
    const before = state(sandbox);
    expect(refusal(sandbox, GOOD)).toMatch(/not free/);
    expect(state(sandbox)).toBe(before);
    const { answer } = post(sandbox, { ...GOOD, allowBusy: true });
    expect(answer.ok).toBe(true);
    expect(sandbox.events()).toHaveLength(2);
  });

  test('answers a duplicate with the event it already made, instead of booking twice', () => {
    const sandbox = newSandbox();
    const first = post(sandbox, GOOD).answer;
    const again = post(sandbox, { ...GOOD, notes: 'retried by the widget' }).answer;
    const byEmail = post(sandbox, { name: 'Jane', email: 'JANE@example.org', start: '2026-01-06T10:00:00Z' }).answer;
    if (!first.ok || !again.ok || !byEmail.ok) throw new Error('expected bookings');
    expect(again).toEqual({ ...first, duplicate: true });
    expect(byEmail.id).toBe(first.id);
    expect(sandbox.events()).toHaveLength(1);
    expect(outbound(sandbox)).toHaveLength(1);
    // Someone else at the same time is not a duplicate: the slot is simply taken.
    expect(refusal(sandbox, { ...GOOD, email: 'other@example.org', phone: '+1 415 555 2671' })).toMatch(/not free/);
    // After a cancel, the same request books again.
    sandbox.cancelEvent(first.id);
    const rebooked = post(sandbox, GOOD).answer;
    expect(rebooked).toMatchObject({ ok: true });
    expect(rebooked.ok && rebooked.id).not.toBe(first.id);
  });

  test('never shows internals: a broken setting gives a generic answer and books nothing', () => {
    const sandbox = newSandbox();
    sandbox.mergeSettings({ WHATSAPP_FROM: '+14155238886' });
    const before = state(sandbox);
    expect(refusal(sandbox, GOOD)).toMatch(/Something went wrong on our side\. Nothing was booked/);
    expect(state(sandbox)).toBe(before);
  });

  test('other hooks are still refused as unknown', () => {
    const sandbox = newSandbox();
    const response = sandbox.doPost({ hook: ['nothing'] }, { contents: '{}', type: 'application/json' });
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: 'Unknown request.' });
  });
});
