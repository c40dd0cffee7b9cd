// Table tests of the message form: the sandbox, the mode problem, the 24-hour session record, and which template goes out, one guard at a time.
import {
  inSession,
  isSandboxSender,
  messageModeSettingProblem,
  parseLastInbound,
  recordInbound,
  SESSION_MS,
  TWILIO_SANDBOX_SENDER,
  templateFor,
} from '../../src/domain/message-mode';

const T = Date.UTC(2026, 0, 6, 12, 0);
const HOUR = 3600_000;

describe('sender and mode', () => {
  it('has the documented values', () => {
    expect(SESSION_MS).toBe(24 * HOUR);
    expect(TWILIO_SANDBOX_SENDER).toBe('whatsapp:+14155238886');
  });

  it.each([
    [TWILIO_SANDBOX_SENDER, '', true],
    [TWILIO_SANDBOX_SENDER, 'MG1', false],
    ['whatsapp:+4930123', '', false],
    ['', '', false],
  ])('isSandboxSender(%s, %j) is %s', (whatsappFrom, messagingServiceSid, expected) => {
    expect(isSandboxSender({ whatsappFrom, messagingServiceSid })).toBe(expected);
  });

  it.each([
    ['text', TWILIO_SANDBOX_SENDER, null],
    ['template', 'whatsapp:+4930123', null],
    [
      'text',
      'whatsapp:+4930123',
      `Setting MESSAGE_MODE: "text" works only with Twilio's sandbox sender ${TWILIO_SANDBOX_SENDER}: WhatsApp refuses free text (error 63016) to anyone who has not written to you in the last 24 hours. Use "template" with your own sender.`,
    ],
  ] as const)('messageModeSettingProblem(%s, %s)', (messageMode, whatsappFrom, expected) => {
    expect(messageModeSettingProblem({ messageMode, whatsappFrom })).toBe(expected);
  });
});

describe('the session record', () => {
  it.each([
    [undefined, {}],
    ['', {}],
    ['nope', {}],
    ['null', {}],
    ['[1]', {}],
    ['5', {}],
    ['"ab"', {}],
    ['{"+491":5,"+492":"6","+493":null}', { '+491': 5 }],
  ])('parseLastInbound(%j)', (raw, expected) => {
    expect(parseLastInbound(raw)).toEqual(expected);
  });

  it('keeps sessions younger than 24 hours, newest first, at most the limit', () => {
    const current = { '+491': T - SESSION_MS, '+492': T - SESSION_MS + 1, '+493': T - HOUR };
    expect(Object.entries(recordInbound(current, '+494', T))).toEqual([
      ['+494', T],
      ['+493', T - HOUR],
      ['+492', T - SESSION_MS + 1],
    ]);
    expect(Object.entries(recordInbound(current, '+494', T, 2))).toEqual([
      ['+494', T],
      ['+493', T - HOUR],
    ]);
    expect(Object.keys(recordInbound({}, '+491', T))).toEqual(['+491']);
  });

  it('the default limit is 200 numbers', () => {
    const many = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`+49${i}`, T - i]));
    const kept = recordInbound(many, '+1', T + 1);
    expect(Object.keys(kept)).toHaveLength(200);
    expect(Object.keys(kept).slice(0, 3)).toEqual(['+1', '+490', '+491']);
  });

  it.each([
    [T, true],
    [T + SESSION_MS - 1, true],
    [T + SESSION_MS, false],
    [T - 1, false],
  ])('inSession at %i is %s', (at, expected) => {
    expect(inSession({ '+491': T }, '+491', at)).toBe(expected);
    expect(inSession({ '+491': T }, '+492', at)).toBe(false);
  });
});

describe('templateFor', () => {
  const templates = { scheduled: { en: 'HX1' }, reminder: { en: 'HX4' } };
  const own = { whatsappFrom: 'whatsapp:+4930123', messagingServiceSid: '', templates, pendingTemplates: {}, language: 'en' as const };
  const outside = { phone: '+491', at: T, lastInbound: {}, approval: { HX1: 'approved' as const }, language: 'en' as const };
  const within = { ...outside, lastInbound: { '+491': T - HOUR } };

  it.each([
    ['template mode: always its template', { ...own, messageMode: 'template' as const }, 'scheduled', within, 'HX1'],
    ['template mode, not approved: still the template', { ...own, messageMode: 'template' as const }, 'reminder', outside, 'HX4'],
    ['template mode without one: free text', { ...own, messageMode: 'template' as const }, 'cancelled', outside, undefined],
    ['text mode, outside the session, approved', { ...own, messageMode: 'text' as const }, 'scheduled', outside, 'HX1'],
    ['text mode, within the session', { ...own, messageMode: 'text' as const }, 'scheduled', within, undefined],
    ['text mode, not approved', { ...own, messageMode: 'text' as const }, 'reminder', outside, undefined],
    ['text mode, no template', { ...own, messageMode: 'text' as const }, 'cancelled', outside, undefined],
    [
      'text mode on the sandbox',
      { ...own, whatsappFrom: TWILIO_SANDBOX_SENDER, messageMode: 'text' as const },
      'scheduled',
      outside,
      undefined,
    ],
  ] as const)('%s', (_, settings, kind, context, expected) => {
    expect(templateFor(settings, kind, context)?.sid).toBe(expected);
  });
});
