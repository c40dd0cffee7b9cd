// Table tests of the WhatsApp templates: languages and names, the Content API request, and each of its answers read back.
import { MESSAGE_KINDS } from '../../src/domain/messages';
import {
  approvalRequest,
  DEFAULT_TEMPLATE_LANGUAGE,
  describeApproval,
  matchTemplates,
  parseApproval,
  parseContentList,
  parseCreatedSid,
  parseTemplateStatus,
  TEMPLATE_CATEGORY,
  templateBody,
  templateLanguage,
  templateLanguages,
  templateName,
  templateRequest,
} from '../../src/domain/templates';

const SID = `HX${'0123456789abcdef'.repeat(2)}`;

describe('languages and names', () => {
  it('has English, UTILITY templates', () => {
    expect(templateLanguages()).toEqual(['en']);
    expect(DEFAULT_TEMPLATE_LANGUAGE).toBe('en');
    expect(TEMPLATE_CATEGORY).toBe('UTILITY');
  });

  it.each([
    [undefined, 'en'],
    ['', 'en'],
    [' EN ', 'en'],
    ['en-GB', 'en'],
    ['en_US', 'en'],
    ['de', 'en'],
  ])('templateLanguage(%j) is %s', (requested, expected) => {
    expect(templateLanguage(requested)).toBe(expected);
  });

  it.each(MESSAGE_KINDS)('templateName(%s)', (kind) => {
    expect(templateName(kind, 'en-US')).toBe(`appointments_${kind}_en`);
    expect(approvalRequest(kind, 'de')).toEqual({ name: `appointments_${kind}_en`, category: 'UTILITY' });
    expect(approvalRequest(kind)).toEqual({ name: `appointments_${kind}_en`, category: 'UTILITY' });
  });
});

describe('templateRequest', () => {
  const tail = '\n\nTo cancel, reschedule or add it to your calendar: {{4}}\n\nSee you then.';
  it.each([
    ['scheduled', `Your appointment "{{1}}" with {{2}} is booked for {{3}}.${tail}`, ['1', '2', '3', '4']],
    ['rescheduled', `Your appointment "{{1}}" with {{2}} has moved from {{5}} to {{3}}.${tail}`, ['1', '2', '3', '4', '5']],
    [
      'cancelled',
      'Your appointment "{{1}}" with {{2}} on {{3}} is cancelled.\n\nTo book a new time: {{4}}\n\nThank you.',
      ['1', '2', '3', '4'],
    ],
  ] as const)('%s: a text template with the samples of its variables', (kind, body, names) => {
    const samples: Record<string, string> = {
      '1': 'Consultation',
      '2': 'Dr. Alex Morgan',
      '3': 'Monday 12 January 2026, 10:00–10:30 (Central European Time)',
      '4': 'https://script.google.com/macros/s/AKfycb/exec?l=Czdqzzr_fnUwrnL8',
      '5': 'Friday 9 January 2026, 15:00 (Central European Time)',
    };
    expect(templateRequest(kind)).toEqual({
      friendly_name: `appointments_${kind}_en`,
      language: 'en',
      variables: Object.fromEntries(names.map((name) => [name, samples[name]])),
      types: { 'twilio/text': { body } },
    });
    expect(templateBody(kind)).toBe(body);
    expect(templateBody(kind, 'fr')).toBe(body);
  });

  it('reminder: quick-reply buttons carrying variables 6 and 7', () => {
    const body =
      'Reminder: your appointment "{{1}}" with {{2}} is on {{3}}.\n\nTo reschedule or add it to your calendar: {{4}}\n\nPlease confirm with a button below.';
    expect(templateRequest('reminder', 'EN')).toEqual({
      friendly_name: 'appointments_reminder_en',
      language: 'en',
      variables: {
        '1': 'Consultation',
        '2': 'Dr. Alex Morgan',
        '3': 'Monday 12 January 2026, 10:00–10:30 (Central European Time)',
        '4': 'https://script.google.com/macros/s/AKfycb/exec?l=Czdqzzr_fnUwrnL8',
        '6': 'confirm:Czdqzzr_fnUwrnL8',
        '7': 'cancel:Czdqzzr_fnUwrnL8',
      },
      types: {
        'twilio/quick-reply': {
          body,
          actions: [
            { type: 'QUICK_REPLY', title: 'Confirm', id: '{{6}}' },
            { type: 'QUICK_REPLY', title: 'Cancel', id: '{{7}}' },
          ],
        },
      },
    });
  });

  it('no body starts or ends with a variable (WhatsApp error 63040)', () => {
    for (const kind of MESSAGE_KINDS) {
      const body = templateBody(kind);
      expect(body.startsWith('{{')).toBe(false);
      expect(body.endsWith('}}')).toBe(false);
    }
  });
});

describe("the Content API's answers", () => {
  it.each([
    ['not JSON', 'oops', null],
    ['an array', '[]', null],
    ['null', 'null', null],
    ['no contents', '{}', null],
    ['contents not a list', '{"contents":{}}', null],
    ['empty, no meta', '{"contents":[]}', { items: [], nextPageUrl: null }],
    ['an empty next page', '{"contents":[],"meta":{"next_page_url":""}}', { items: [], nextPageUrl: null }],
    ['a next page that is no string', '{"contents":[],"meta":{"next_page_url":5}}', { items: [], nextPageUrl: null }],
    [
      'items, one broken, and a next page',
      '{"contents":[{"sid":"HX1","friendly_name":"appointments_scheduled_en","language":"en"},null,{}],"meta":{"next_page_url":"https://next"}}',
      {
        items: [
          { sid: 'HX1', friendlyName: 'appointments_scheduled_en', language: 'en' },
          { sid: '', friendlyName: '', language: '' },
          { sid: '', friendlyName: '', language: '' },
        ],
        nextPageUrl: 'https://next',
      },
    ],
  ])('parseContentList: %s', (_, body, expected) => {
    expect(parseContentList(body)).toEqual(expected);
  });

  it.each([
    [`{"sid":"${SID}"}`, SID],
    [`{"sid":"${SID.toUpperCase().replace('HX', 'HX')}"}`, SID.toUpperCase()],
    [`{"sid":"x${SID}"}`, null],
    [`{"sid":"${SID}0"}`, null],
    ['{"sid":"HX12"}', null],
    ['{"sid":5}', null],
    [`{"sid":["${SID}"]}`, null],
    ['{}', null],
    ['nope', null],
  ])('parseCreatedSid(%s) is %s', (body, expected) => {
    expect(parseCreatedSid(body)).toBe(expected);
  });

  it.each([
    ['{"whatsapp":{"status":"approved"}}', { status: 'approved', reason: '' }],
    ['{"whatsapp":{"status":"REJECTED","rejection_reason":"Bad"}}', { status: 'rejected', reason: 'Bad' }],
    ['{"whatsapp":{}}', { status: 'unsubmitted', reason: '' }],
    ['{"status":"pending"}', { status: 'pending', reason: '' }],
    ['{"status":"received"}', { status: 'received', reason: '' }],
    ['{"status":"paused"}', { status: 'paused', reason: '' }],
    ['{"status":"disabled"}', { status: 'disabled', reason: '' }],
    ['{"status":"unsubmitted"}', { status: 'unsubmitted', reason: '' }],
    ['{"status":"in_appeal"}', { status: 'unknown', reason: '' }],
    ['{"whatsapp":null}', { status: 'unsubmitted', reason: '' }],
    ['garbage', { status: 'unsubmitted', reason: '' }],
  ])('parseApproval(%s)', (body, expected) => {
    expect(parseApproval(body)).toEqual(expected);
  });

  it('matches templates by name, the newest of several, in the language asked', () => {
    const items = [
      { sid: 'HX1', friendlyName: 'appointments_scheduled_en', language: 'en' },
      { sid: 'HX2', friendlyName: 'appointments_reminder_en', language: 'en' },
      { sid: 'HX3', friendlyName: 'appointments_scheduled_en', language: 'en' },
      { sid: 'HX4', friendlyName: 'other', language: 'en' },
    ];
    expect(matchTemplates(items, 'en')).toEqual({ scheduled: 'HX3', reminder: 'HX2' });
    expect(matchTemplates([], 'en')).toEqual({});
  });

  it.each([
    [undefined, {}],
    ['', {}],
    ['[]', {}],
    ['["approved"]', {}],
    ['"ab"', {}],
    ['null', {}],
    ['{"HX1":"approved","HX2":3,"HX3":"pending"}', { HX1: 'approved', HX3: 'pending' }],
  ])('parseTemplateStatus(%j)', (raw, expected) => {
    expect(parseTemplateStatus(raw)).toEqual(expected);
  });
});

describe('describeApproval', () => {
  it.each([
    ['approved', '', 'reminder: approved (HX1)'],
    [
      'rejected',
      'Too promotional',
      'reminder: rejected by WhatsApp: Too promotional (HX1); delete it in Twilio\'s Content Template Builder and run "Create WhatsApp templates" again',
    ],
    [
      'rejected',
      '',
      'reminder: rejected by WhatsApp (HX1); delete it in Twilio\'s Content Template Builder and run "Create WhatsApp templates" again',
    ],
    ['unsubmitted', '', 'reminder: not submitted for WhatsApp approval (HX1); run "Create WhatsApp templates"'],
    ['received', '', "reminder: waiting for WhatsApp's approval (HX1)"],
    ['pending', '', "reminder: waiting for WhatsApp's approval (HX1)"],
    ['paused', '', "reminder: paused by WhatsApp (HX1), usually after poor feedback; see Twilio's console"],
    ['disabled', '', "reminder: disabled by WhatsApp (HX1), usually after poor feedback; see Twilio's console"],
    ['unknown', '', 'reminder: approval status unknown (HX1)'],
  ] as const)('%s %j', (status, reason, expected) => {
    expect(describeApproval('reminder', 'HX1', status, reason)).toBe(expected);
  });

  it('without a reason argument', () => {
    expect(describeApproval('scheduled', 'HX9', 'rejected')).toBe(
      'scheduled: rejected by WhatsApp (HX9); delete it in Twilio\'s Content Template Builder and run "Create WhatsApp templates" again',
    );
  });
});
