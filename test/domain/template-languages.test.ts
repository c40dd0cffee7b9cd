// WhatsApp templates per kind and language: TEMPLATE_SIDS in both shapes, the send-time choice and its fallback, a changed wording waiting beside the approved one.
import { chooseTemplate } from '../../src/domain/message-mode';
import { parseTemplateSids, SettingsError, templateSidsJson, type TemplateSids } from '../../src/domain/settings';
import { nextTemplate, promoteApproved, templateSidsIn, withTemplate, type ApprovalStatus } from '../../src/domain/templates';

const HX = (n: string) => `HX${n.padStart(32, '0')}`;

function problem(raw: string): string {
  try {
    parseTemplateSids(raw, 'de');
  } catch (error) {
    if (error instanceof SettingsError) return error.message;
    throw error;
  }
  return 'parsed';
}

describe('TEMPLATE_SIDS', () => {
  test('the first shape, one SID per kind, reads as the host language', () => {
    expect(parseTemplateSids(JSON.stringify({ scheduled: HX('1'), reminder: HX('4') }), 'de')).toEqual({
      templates: { scheduled: { de: HX('1') }, reminder: { de: HX('4') } },
      pendingTemplates: {},
    });
  });

  test('kind, then language; "pending" holds the newer ones; both shapes mix', () => {
    const raw = JSON.stringify({
      scheduled: { en: HX('1'), de: HX('2') },
      cancelled: HX('3'),
      pending: { scheduled: { de: HX('5') } },
    });
    expect(parseTemplateSids(raw, 'en')).toEqual({
      templates: { scheduled: { en: HX('1'), de: HX('2') }, cancelled: { en: HX('3') } },
      pendingTemplates: { scheduled: { de: HX('5') } },
    });
  });

  test('empty is none; what is written reads back the same, in the order of kinds and languages', () => {
    expect(parseTemplateSids('  ', 'en')).toEqual({ templates: {}, pendingTemplates: {} });
    const sids: TemplateSids = {
      templates: { reminder: { ar: HX('9'), en: HX('4') }, scheduled: { de: HX('2'), en: HX('1') } },
      pendingTemplates: { scheduled: { de: HX('5') } },
    };
    const written = templateSidsJson(sids);
    expect(written).toBe(
      JSON.stringify({
        scheduled: { en: HX('1'), de: HX('2') },
        reminder: { en: HX('4'), ar: HX('9') },
        pending: { scheduled: { de: HX('5') } },
      }),
    );
    expect(parseTemplateSids(written, 'fr')).toEqual(sids);
    expect(templateSidsJson({ templates: { cancelled: { en: HX('3') } }, pendingTemplates: {} })).toBe(`{"cancelled":{"en":"${HX('3')}"}}`);
    expect(templateSidsIn(sids)).toEqual([HX('1'), HX('2'), HX('4'), HX('9'), HX('5')]);
  });

  test.each([
    ['{"scheduled":', 'Setting TEMPLATE_SIDS: is not valid JSON'],
    ['[]', 'Setting TEMPLATE_SIDS: must be a JSON object of message kind to Content SID, or to an object of language to Content SID'],
    [
      `{"booked":"${HX('1')}"}`,
      'Setting TEMPLATE_SIDS: "booked" is not a message kind (scheduled, rescheduled, cancelled, reminder) or "pending"',
    ],
    [
      `{"scheduled":{"xx":"${HX('1')}"}}`,
      'Setting TEMPLATE_SIDS: "scheduled.xx" is not a language code (en, es, pt, de, fr, it, nl, tr, id, hi, ar)',
    ],
    ['{"scheduled":{"de":"HX1"}}', 'Setting TEMPLATE_SIDS: "scheduled.de" must be a Content SID (HX followed by 32 hex digits)'],
    ['{"scheduled":"HX1"}', 'Setting TEMPLATE_SIDS: "scheduled" must be a Content SID (HX followed by 32 hex digits)'],
    ['{"scheduled":["HX1"]}', 'Setting TEMPLATE_SIDS: "scheduled" must be a Content SID (HX followed by 32 hex digits)'],
    ['{"pending":"HX1"}', 'Setting TEMPLATE_SIDS: "pending" must be an object of message kind to an object of language to Content SID'],
    [
      '{"pending":{"reminder":{"de":5}}}',
      'Setting TEMPLATE_SIDS: "pending.reminder.de" must be a Content SID (HX followed by 32 hex digits)',
    ],
    [
      `{"pending":{"pending":{"de":"${HX('1')}"}}}`,
      'Setting TEMPLATE_SIDS: "pending.pending" is not a message kind (scheduled, rescheduled, cancelled, reminder)',
    ],
  ])('%s is refused with the key named', (raw, message) => {
    expect(problem(raw)).toBe(message);
  });
});

describe('chooseTemplate: the attendee language, else the host language, never silence', () => {
  const settings = {
    language: 'en' as const,
    templates: { scheduled: { en: 'HXen', de: 'HXde' }, reminder: { de: 'HXdeR' } },
    pendingTemplates: { scheduled: { en: 'HXen2' } },
  };
  const A = 'approved' as const;
  it.each<[string, Record<string, ApprovalStatus>, string, { sid: string; language: string; approved: boolean } | undefined]>([
    ['de approved: the de template', { HXde: A, HXen: A }, 'de', { sid: 'HXde', language: 'de', approved: true }],
    ['de waiting: the en template', { HXde: 'received', HXen: A }, 'de', { sid: 'HXen', language: 'en', approved: true }],
    ['de rejected: the en template', { HXde: 'rejected', HXen: A }, 'de', { sid: 'HXen', language: 'en', approved: true }],
    ['fr has none: the en template', { HXen: A }, 'fr', { sid: 'HXen', language: 'en', approved: true }],
    ['the newer en wording once approved', { HXen: A, HXen2: A }, 'en', { sid: 'HXen2', language: 'en', approved: true }],
    [
      'the newer en wording still waiting: the old one',
      { HXen: A, HXen2: 'received' },
      'fr',
      { sid: 'HXen', language: 'en', approved: true },
    ],
    ['none approved: the host template as it is', { HXde: 'received' }, 'de', { sid: 'HXen', language: 'en', approved: false }],
  ])('%s', (_, approval, language, expected) => {
    expect(chooseTemplate(settings, 'scheduled', language as 'de', approval)).toEqual(expected);
  });

  it('a kind without a host template: its approved language only, else nothing', () => {
    expect(chooseTemplate(settings, 'reminder', 'de', { HXdeR: A })).toEqual({ sid: 'HXdeR', language: 'de', approved: true });
    expect(chooseTemplate(settings, 'reminder', 'de', {})).toBeUndefined();
    expect(chooseTemplate(settings, 'cancelled', 'en', {})).toBeUndefined();
  });
});

describe('a changed wording', () => {
  const status = (map: Record<string, ApprovalStatus>) => (sid: string) => map[sid];
  it.each<[string, string | undefined, string | undefined, Record<string, ApprovalStatus>, { sid?: string; pending?: string }]>([
    ['first run: the new one', undefined, 'HXb', {}, { sid: 'HXb' }],
    ['the same one', 'HXa', 'HXa', { HXa: 'approved' }, { sid: 'HXa' }],
    ['waits beside the approved one', 'HXa', 'HXb', { HXa: 'approved', HXb: 'received' }, { sid: 'HXa', pending: 'HXb' }],
    ['approved: takes its place', 'HXa', 'HXb', { HXa: 'approved', HXb: 'approved' }, { sid: 'HXb' }],
    ['replaces one never approved', 'HXa', 'HXb', { HXa: 'rejected', HXb: 'received' }, { sid: 'HXb' }],
    ['creating it failed: the old one stays', 'HXa', undefined, { HXa: 'approved' }, { sid: 'HXa' }],
    ['nothing at all', undefined, undefined, {}, {}],
  ])('%s', (_, inUse, wanted, map, expected) => {
    expect(nextTemplate(inUse, wanted, status(map))).toEqual(expected);
  });

  it('an approved waiting template is promoted; nothing to promote is null', () => {
    const sids: TemplateSids = {
      templates: { reminder: { en: 'HXa', de: 'HXd' } },
      pendingTemplates: { reminder: { en: 'HXb', de: 'HXe' } },
    };
    expect(promoteApproved(sids, { HXb: 'received', HXe: 'rejected' })).toBeNull();
    expect(promoteApproved(sids, { HXb: 'approved', HXe: 'received' })).toEqual({
      templates: { reminder: { en: 'HXb', de: 'HXd' } },
      pendingTemplates: { reminder: { de: 'HXe' } },
    });
    expect(withTemplate(sids, 'reminder', 'de', { sid: 'HXf' })).toEqual({
      templates: { reminder: { en: 'HXa', de: 'HXf' } },
      pendingTemplates: { reminder: { en: 'HXb' } },
    });
  });
});
