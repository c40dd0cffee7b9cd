// Pure rules of going live: template texts and names, message mode, the 24-hour session, the sync record and the daily check.
import { healthDue, nextLastSync, newlyFailing, parseLastSync, quotaCheck, triggersCheck, utcDay } from '../../src/domain/health';
import { inSession, messageModeSettingProblem, recordInbound, templateFor } from '../../src/domain/message-mode';
import { MESSAGE_KINDS, templateVariables } from '../../src/domain/messages';
import { Texts } from '../../src/domain/i18n/texts';
import { parseApproval, sidsByName, templateLanguage, templateName, templateRequest, templateSpec } from '../../src/domain/templates';

const HX = (n: number) => `HX${String(n).repeat(32)}`;
const T = Date.UTC(2026, 0, 5, 8, 0);
const HOUR = 3600_000;

describe('templates', () => {
  test('names are WhatsApp template names per kind and language', () => {
    expect(MESSAGE_KINDS.map((kind) => templateName(kind, 'en'))).toEqual([
      'appointments_scheduled_en',
      'appointments_rescheduled_en',
      'appointments_cancelled_en',
      'appointments_reminder_en',
    ]);
  });

  test('the language is a parameter: one of the catalogues, else English', () => {
    expect(templateLanguage(undefined)).toBe('en');
    expect(templateLanguage('en-GB')).toBe('en');
    expect(templateLanguage('de')).toBe('de');
    expect(templateLanguage('zz')).toBe('en');
    expect(templateRequest(templateSpec('scheduled', new Texts('fr'))).language).toBe('fr');
  });

  test('no body starts or ends with a variable (WhatsApp refuses those)', () => {
    for (const kind of MESSAGE_KINDS) {
      const { body } = templateSpec(kind, new Texts('en'));
      expect(body).not.toMatch(/^\s*\{\{/);
      expect(body).not.toMatch(/\}\}\s*$/);
    }
  });

  test('every variable a template uses is one templateVariables() fills for that kind', () => {
    const facts = {
      title: 'Talk',
      hostName: 'Alex',
      start: T,
      end: T + HOUR,
      timeZone: 'Europe/Berlin',
      link: 'https://x/exec?l=t',
      bookingLink: 'https://x/exec?p=book',
      previousStart: T - HOUR,
      buttonToken: 'tok',
    };
    for (const kind of MESSAGE_KINDS) {
      const request = templateRequest(templateSpec(kind, new Texts('en'))) as { variables: Record<string, string> };
      expect(Object.keys(request.variables).sort()).toEqual(Object.keys(templateVariables(kind, facts, new Texts('en'))).sort());
    }
  });

  test('matching by friendly name takes the newest of duplicates', () => {
    const items = [
      { sid: HX(1), friendlyName: 'appointments_scheduled_en', language: 'en' },
      { sid: HX(2), friendlyName: 'something_else', language: 'en' },
      { sid: HX(3), friendlyName: 'appointments_scheduled_en', language: 'en' },
      { sid: HX(4), friendlyName: 'appointments_reminder_de', language: 'de' },
    ];
    expect(sidsByName(items).get('appointments_scheduled_en')).toBe(HX(3));
    expect(sidsByName(items).get('appointments_reminder_de')).toBe(HX(4));
  });

  test("approval answers: fetch's whatsapp object, create's flat one, and junk", () => {
    expect(parseApproval('{"whatsapp":{"status":"approved","rejection_reason":""}}')).toEqual({ status: 'approved', reason: '' });
    expect(parseApproval('{"status":"received"}')).toEqual({ status: 'received', reason: '' });
    expect(parseApproval('{"whatsapp":{}}')).toEqual({ status: 'unsubmitted', reason: '' });
    expect(parseApproval('{"whatsapp":{"status":"weird"}}').status).toBe('unknown');
    expect(parseApproval('nope').status).toBe('unsubmitted');
  });
});

describe('message mode', () => {
  test('the health check names MESSAGE_MODE in the mode problem', () => {
    expect(messageModeSettingProblem({ messageMode: 'text', whatsappFrom: 'whatsapp:+14155238886' })).toBeNull();
    expect(messageModeSettingProblem({ messageMode: 'template', whatsappFrom: 'whatsapp:+4930901820' })).toBeNull();
    expect(messageModeSettingProblem({ messageMode: 'text', whatsappFrom: 'whatsapp:+4930901820' })).toMatch(
      /^Setting MESSAGE_MODE: "text" works only/,
    );
  });

  test('the session lasts exactly 24 hours from the last inbound message', () => {
    const seen = { '+491': T };
    expect(inSession(seen, '+491', T + 24 * HOUR - 1)).toBe(true);
    expect(inSession(seen, '+491', T + 24 * HOUR)).toBe(false);
    expect(inSession(seen, '+492', T)).toBe(false);
  });

  test('recording drops expired sessions and keeps the newest within the bound', () => {
    expect(recordInbound({ '+491': T - 25 * HOUR, '+492': T - HOUR }, '+493', T)).toEqual({ '+493': T, '+492': T - HOUR });
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`+49${i}`, T - i * 1000]));
    expect(Object.keys(recordInbound(many, '+4999', T + 1, 3))).toEqual(['+4999', '+490', '+491']);
  });

  test('text mode with a production sender: approved template outside the session, free text inside it', () => {
    const settings = {
      messageMode: 'text' as const,
      whatsappFrom: 'whatsapp:+4930901820',
      messagingServiceSid: '',
      templates: { scheduled: { en: HX(1) } },
      pendingTemplates: {},
      language: 'en' as const,
    };
    const outside = { phone: '+491', at: T, lastInbound: {}, approval: { [HX(1)]: 'approved' as const }, language: 'en' as const };
    expect(templateFor(settings, 'scheduled', outside)).toEqual({ sid: HX(1), language: 'en', approved: true });
    expect(templateFor(settings, 'scheduled', { ...outside, lastInbound: { '+491': T - HOUR } })).toBeUndefined();
    expect(templateFor(settings, 'scheduled', { ...outside, approval: { [HX(1)]: 'received' as const } })).toBeUndefined();
    expect(templateFor({ ...settings, whatsappFrom: 'whatsapp:+14155238886' }, 'scheduled', outside)).toBeUndefined();
    expect(templateFor({ ...settings, messageMode: 'template' }, 'scheduled', { ...outside, approval: {} })).toEqual({
      sid: HX(1),
      language: 'en',
      approved: false,
    });
  });
});

describe('sync record and daily check', () => {
  test('a quiet good run minutes after another writes nothing; errors, sends and a new day always write', () => {
    const previous = parseLastSync(JSON.stringify({ at: T, error: '', okAt: T, day: utcDay(T), fetches: 3 }));
    expect(nextLastSync(previous, T + 60_000, '', 0)).toBeNull();
    expect(nextLastSync(previous, T + 60_000, 'boom', 0)).toEqual({ at: T + 60_000, error: 'boom', okAt: T, day: utcDay(T), fetches: 3 });
    expect(nextLastSync(previous, T + 60_000, '', 2)?.fetches).toBe(5);
    expect(nextLastSync(previous, T + 24 * HOUR, '', 1)?.fetches).toBe(1);
    expect(nextLastSync(previous, T + 10 * 60_000, '', 0)?.at).toBe(T + 10 * 60_000);
  });

  test('due once per UTC day; only checks that were not failing before count as new', () => {
    expect(healthDue({ day: utcDay(T), failing: [] }, T + HOUR)).toBe(false);
    expect(healthDue({ day: utcDay(T), failing: [] }, T + 16 * HOUR)).toBe(true);
    const checks = [
      { id: 'sender' as const, ok: false, detail: '' },
      { id: 'quota' as const, ok: false, detail: '' },
      { id: 'triggers' as const, ok: true, detail: '' },
    ];
    expect(newlyFailing({ day: '', failing: ['sender'] }, checks).map((c) => c.id)).toEqual(['quota']);
  });

  test('triggers and quota verdicts', () => {
    expect(triggersCheck(['onCalendarChange', 'tick', 'tick'], { calendar: 'onCalendarChange', tick: 'tick' }).detail).toBe(
      'the time trigger (tick) is installed 2 times: run "Set up or repair"',
    );
    expect(quotaCheck(100, 100).ok).toBe(true);
    expect(quotaCheck(5, 0).ok).toBe(false);
    expect(quotaCheck(100, 17_000).ok).toBe(false);
  });
});
