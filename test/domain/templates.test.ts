// Table tests of the WhatsApp templates: languages and names, the Content API request, and each of its answers read back.
import { LANGUAGE_CODES, type LanguageCode } from '../../src/domain/i18n/languages';
import { Texts } from '../../src/domain/i18n/texts';
import { MESSAGE_KINDS, type MessageKind } from '../../src/domain/messages';
import type { TemplateSids } from '../../src/domain/settings';
import {
  type ApprovalStatus,
  approvalRequest,
  DEFAULT_TEMPLATE_LANGUAGE,
  describeApproval,
  nextTemplate,
  parseApproval,
  parseContentList,
  parseCreatedSid,
  parseTemplateStatus,
  TEMPLATE_CATEGORY,
  sidsByName,
  templateBodyProblem,
  templateLanguage,
  templateName,
  templateRequest,
  templateSpec,
  templateSpecs,
  templateStates,
  templateSummary,
  withTemplate,
} from '../../src/domain/templates';

const SID = `HX${'0123456789abcdef'.repeat(2)}`;

const en = new Texts('en');
const spec = (kind: MessageKind, language: LanguageCode = 'en', overrides?: Map<string, string>) =>
  templateSpec(kind, new Texts(language, overrides));

describe('languages and names', () => {
  it('UTILITY templates, English by default', () => {
    expect(DEFAULT_TEMPLATE_LANGUAGE).toBe('en');
    expect(TEMPLATE_CATEGORY).toBe('UTILITY');
  });

  it.each([
    [undefined, 'en'],
    ['', 'en'],
    [' EN ', 'en'],
    ['en-GB', 'en'],
    ['en_US', 'en'],
    ['de', 'de'],
    ['pt_BR', 'pt'],
    ['xx', 'en'],
  ])('templateLanguage(%j) is %s', (requested, expected) => {
    expect(templateLanguage(requested)).toBe(expected);
  });

  it.each(MESSAGE_KINDS)('templateName(%s)', (kind) => {
    expect(templateName(kind, 'en-US')).toBe(`appointments_${kind}_en`);
    expect(templateName(kind, 'pt-BR')).toBe(`appointments_${kind}_pt`);
    expect(approvalRequest(spec(kind, 'de'))).toEqual({ name: `appointments_${kind}_de`, category: 'UTILITY' });
  });
});

describe('templateRequest', () => {
  const tail = '\n\nTo cancel, reschedule or add it to your calendar: {{4}}\n\nThank you.';
  it.each([
    ['scheduled', `Your appointment "{{1}}" with {{2}} is booked for {{3}}.${tail}`, ['1', '2', '3', '4']],
    ['rescheduled', `Your appointment "{{1}}" with {{2}} has moved from {{5}} to {{3}}.${tail}`, ['1', '2', '3', '4', '5']],
    [
      'cancelled',
      'Your appointment "{{1}}" with {{2}} on {{3}} is cancelled.\n\nTo book a new time: {{4}}\n\nThank you.',
      ['1', '2', '3', '4'],
    ],
  ] as const)('%s: a text template made of the catalogue text and its closing line, with samples', (kind, body, names) => {
    const samples: Record<string, string> = {
      '1': 'Appointment',
      '2': 'Dr. Alex Morgan',
      '3': 'Monday, 12 January 2026, 10:00–10:30 CET (UTC+1)',
      '4': 'https://script.google.com/macros/s/AKfycb/exec?l=Czdqzzr_fnUwrnL8',
      '5': 'Friday, 9 January 2026, 15:00 CET (UTC+1)',
    };
    expect(spec(kind)).toEqual({ kind, language: 'en', name: `appointments_${kind}_en`, body, own: false });
    expect(templateRequest(spec(kind))).toEqual({
      friendly_name: `appointments_${kind}_en`,
      language: 'en',
      variables: Object.fromEntries(names.map((name) => [name, samples[name]])),
      types: { 'twilio/text': { body } },
    });
  });

  it('reminder: quick-reply buttons carrying variables 6 and 7', () => {
    const body =
      'Reminder: your appointment "{{1}}" with {{2}} is on {{3}}.\n\nReply 1 to confirm, 2 to cancel. To reschedule or add it to your calendar: {{4}}\n\nThank you.';
    expect(templateRequest(spec('reminder'))).toEqual({
      friendly_name: 'appointments_reminder_en',
      language: 'en',
      variables: {
        '1': 'Appointment',
        '2': 'Dr. Alex Morgan',
        '3': 'Monday, 12 January 2026, 10:00–10:30 CET (UTC+1)',
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

  it("Portuguese is WhatsApp's pt_BR, its samples in Portuguese", () => {
    const request = templateRequest(spec('scheduled', 'pt')) as {
      language: string;
      friendly_name: string;
      variables: Record<string, string>;
    };
    expect(request.language).toBe('pt_BR');
    expect(request.friendly_name).toBe('appointments_scheduled_pt');
    expect(request.variables['1']).toBe(new Texts('pt').t('untitled'));
    expect(request.variables['3']).toMatch(/janeiro/);
  });

  it.each(LANGUAGE_CODES)('%s: every default template is one WhatsApp accepts, in that language', (language) => {
    for (const kind of MESSAGE_KINDS) {
      const made = spec(kind, language);
      expect([made.name, made.own, made.problem]).toEqual([`appointments_${kind}_${language}`, false, undefined]);
      expect(templateBodyProblem(made.body)).toBeNull();
      expect(made.body.endsWith(new Texts(language).template('template.closing'))).toBe(true);
      for (const button of made.buttons ?? []) expect(Array.from(button.title).length).toBeLessThanOrEqual(20);
    }
    expect(templateSpecs((code) => new Texts(code)).filter((made) => made.language === language)).toHaveLength(4);
  });

  it("the host's wording makes a template of its own name; wording WhatsApp would refuse keeps the default, with the reason", () => {
    const mine = new Map([['message.scheduled|de', 'Ihr Termin "{title}" bei {host} ist am {when}. Zum Absagen oder Verschieben: {link}']]);
    const own = spec('scheduled', 'de', mine);
    expect(own.own).toBe(true);
    expect(own.name).toMatch(/^appointments_scheduled_de_[0-9a-f]{8}$/);
    expect(own.body).toBe('Ihr Termin "{{1}}" bei {{2}} ist am {{3}}. Zum Absagen oder Verschieben: {{4}}\n\nVielen Dank.');
    expect(spec('scheduled', 'de', mine).name).toBe(own.name);
    const other = spec(
      'scheduled',
      'de',
      new Map([['message.scheduled|de', 'Ihr Termin "{title}" bei {host} findet am {when} statt. Ändern können Sie ihn hier: {link}']]),
    );
    expect(other.name).not.toBe(own.name);

    const gap = spec(
      'scheduled',
      'en',
      new Map([['message.scheduled|en', 'Your appointment with {host} is booked. Details and changes: {link}']]),
    );
    expect([gap.own, gap.name, gap.problem]).toEqual([
      false,
      'appointments_scheduled_en',
      'WhatsApp needs the placeholders of a template without gaps: keep {title}, {host} and {when} when you use {link}',
    ]);
    expect(gap.body).toBe(spec('scheduled').body);
    const start = spec(
      'cancelled',
      'en',
      new Map([['message.cancelled|en', '{title} is cancelled, with {host} on {when}. Book again: {link}']]),
    );
    expect(start.problem).toBe('it would start with a placeholder, which WhatsApp does not accept in a template');
    const button = spec('reminder', 'en', new Map([['button.confirm|en', 'Yes, I will certainly be there']]));
    // A button text over 20 characters is no override at all (overrideProblem), so the template keeps the default.
    expect(button.problem).toBeUndefined();
    expect(button.own).toBe(false);
    expect(button.buttons?.map((b) => b.title)).toEqual(['Confirm', 'Cancel']);
    expect(en.template('button.confirm')).toBe('Confirm');
  });

  it.each([
    ['Hi {{1}}, gate {{2}}. Thank you.', 'too short for its placeholders: WhatsApp needs more words around them'],
    [
      'Hi {{1}} {{2}}, your gate is {{3}}. Thank you for flying.',
      'two placeholders are next to each other, which WhatsApp does not accept in a template',
    ],
    ['Your link is here: {{1}}.', 'it would end with a placeholder, which WhatsApp does not accept in a template'],
    [`Hello {{1}}, ${'x '.repeat(520)}`, "longer than WhatsApp's 1024 characters for a template"],
    ['Hello {{1}}, see you on {{2}} at the usual place.', null],
  ])('templateBodyProblem(%j)', (body, problem) => {
    expect(templateBodyProblem(body)).toBe(problem);
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

  it('finds templates by name, the newest of several', () => {
    const items = [
      { sid: 'HX1', friendlyName: 'appointments_scheduled_en', language: 'en' },
      { sid: 'HX2', friendlyName: 'appointments_reminder_en', language: 'en' },
      { sid: 'HX3', friendlyName: 'appointments_scheduled_en', language: 'en' },
      { sid: '', friendlyName: 'appointments_cancelled_en', language: 'en' },
      { sid: 'HX5', friendlyName: '', language: 'en' },
    ];
    expect(sidsByName(items)).toEqual(
      new Map([
        ['appointments_scheduled_en', 'HX3'],
        ['appointments_reminder_en', 'HX2'],
      ]),
    );
    expect(sidsByName([])).toEqual(new Map());
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

describe('guards, one at a time', () => {
  const filler = (n: number) => 'x '.repeat(n);
  it.each([
    ['{{10}} is your number, see you soon.', 'it would start with a placeholder, which WhatsApp does not accept in a template'],
    ['-- {{1}} is booked for you today', 'it would start with a placeholder, which WhatsApp does not accept in a template'],
    ['{.{1}} hello there', null],
    ['Your number is {{10}}', 'it would end with a placeholder, which WhatsApp does not accept in a template'],
    ['Your link is here: {{1}}..', 'it would end with a placeholder, which WhatsApp does not accept in a template'],
    ['hello there {.{1}}', null],
    ['Hi {{1}}{{2}} ok then, see you soon', 'two placeholders are next to each other, which WhatsApp does not accept in a template'],
    ['Hi {{1}}  {{2}} ok then, see you soon', 'two placeholders are next to each other, which WhatsApp does not accept in a template'],
    [
      'Hello {{1}}, see you on {{3}} at the usual place.',
      'WhatsApp needs the placeholders of a template without gaps: keep {title}, {host} and {when} when you use {link}',
    ],
    [
      'Hello {{1}}, see you on {{10}} at the usual place.',
      'WhatsApp needs the placeholders of a template without gaps: keep {title}, {host} and {when} when you use {link}',
    ],
    ['Hello{{1}}there friend', null],
    ['Dear {{1}}, see you.', null],
    ['Hello {{1}} there.', 'too short for its placeholders: WhatsApp needs more words around them'],
    [`Hello {{1}}, ${filler(504)}end`, null],
    [`Hello {{1}}, ${filler(504)}ends`, "longer than WhatsApp's 1024 characters for a template"],
    [`Hello {{1}}, ${filler(504)}😀nd`, null],
  ])('templateBodyProblem(%j) is %j', (body, problem) => {
    expect(templateBodyProblem(body)).toBe(problem);
  });

  it("a button's own text is trimmed, and makes a template of its own", () => {
    const made = spec('reminder', 'en', new Map([['button.confirm|en', '  Yes  ']]));
    expect([made.name, made.own, made.buttons]).toEqual([
      'appointments_reminder_en_1949339f',
      true,
      [
        { title: 'Yes', id: '{{6}}' },
        { title: 'Cancel', id: '{{7}}' },
      ],
    ]);
  });

  it.each([
    [
      'message.scheduled|de',
      'Ihr Termin "{title}" bei {host} ist am {when}. Zum Absagen oder Verschieben: {link}',
      'appointments_scheduled_de_3b1d47c7',
    ],
    // FNV-1a of this wording's template is 0x0098fcdc: eight hex digits, the leading zeros kept.
    [
      'message.cancelled|en',
      'Your appointment "{title}" with {host} on {when} is cancelled (8). Book again: {link}',
      'appointments_cancelled_en_0098fcdc',
    ],
  ])('%s: the name carries the 32-bit FNV-1a of the wording', (key, text, name) => {
    const [kind, language] = key.replace('message.', '').split('|') as [MessageKind, LanguageCode];
    expect(spec(kind, language, new Map([[key, text]])).name).toBe(name);
  });

  it.each([
    ['scheduled', ['1', '2', '3', '4']],
    ['rescheduled', ['1', '2', '3', '4', '5']],
    ['reminder', ['1', '2', '3', '4', '6', '7']],
  ] as const)('%s: the variables are exactly those the content uses, each with its sample', (kind, names) => {
    const variables = templateRequest(spec(kind)).variables as Record<string, string>;
    expect(Object.keys(variables)).toEqual(names);
    expect(Object.values(variables).every((value) => typeof value === 'string' && value !== '')).toBe(true);
  });

  it('nextTemplate: nothing in use takes the new one without looking up any status', () => {
    const statusOf = jest.fn((): ApprovalStatus => 'approved');
    expect(nextTemplate(undefined, 'HXb', statusOf)).toStrictEqual({ sid: 'HXb' });
    expect(statusOf).not.toHaveBeenCalled();
  });

  it.each<[string | undefined, string | undefined, Record<string, ApprovalStatus>, { sid?: string; pending?: string }]>([
    [undefined, undefined, {}, {}],
    ['HXa', undefined, { HXa: 'approved' }, { sid: 'HXa' }],
    ['HXa', 'HXa', { HXa: 'approved' }, { sid: 'HXa' }],
    ['HXa', 'HXa', { HXa: 'rejected' }, { sid: 'HXa' }],
    ['HXa', 'HXb', { HXa: 'approved', HXb: 'pending' }, { sid: 'HXa', pending: 'HXb' }],
  ])('nextTemplate(%j, %j) with %j is exactly %j', (inUse, wanted, map, expected) => {
    expect(nextTemplate(inUse, wanted, (sid) => map[sid])).toStrictEqual(expected);
  });

  it('withTemplate: a kind and language left without a template has no key at all', () => {
    const sids: TemplateSids = { templates: { reminder: { en: 'HXa' } }, pendingTemplates: { reminder: { en: 'HXb', de: 'HXe' } } };
    expect(withTemplate(sids, 'reminder', 'de', { sid: 'HXf' })).toStrictEqual({
      templates: { reminder: { en: 'HXa', de: 'HXf' } },
      pendingTemplates: { reminder: { en: 'HXb' } },
    });
    expect(withTemplate(sids, 'reminder', 'en', {})).toStrictEqual({
      templates: { reminder: {} },
      pendingTemplates: { reminder: { de: 'HXe' } },
    });
  });

  it('templateStates: a waiting one alone has its own state and SID; nothing at all is missing with no SID', () => {
    const sids: TemplateSids = {
      templates: { scheduled: { de: 'HXs' } },
      pendingTemplates: { scheduled: { en: 'HXp' }, rescheduled: { en: 'HXq' }, cancelled: { en: 'HXc' } },
    };
    const states = templateStates(sids, { HXp: 'pending', HXc: 'approved', HXs: 'approved' });
    expect(states.filter((item) => item.language === 'en')).toStrictEqual([
      { kind: 'scheduled', language: 'en', state: 'pending', sid: 'HXp' },
      { kind: 'rescheduled', language: 'en', state: 'unknown', sid: 'HXq' },
      { kind: 'cancelled', language: 'en', state: 'approved', sid: 'HXc' },
      { kind: 'reminder', language: 'en', state: 'missing', sid: '' },
    ]);
    expect(states.filter((item) => item.language === 'de')[0]).toStrictEqual({
      kind: 'scheduled',
      language: 'de',
      state: 'approved',
      sid: 'HXs',
    });
  });

  const sids: TemplateSids = {
    templates: {
      scheduled: { en: 'HXa', de: 'HXd' },
      rescheduled: { en: 'HXb' },
      cancelled: { en: 'HXc' },
      reminder: { en: 'HXr' },
    },
    pendingTemplates: {
      scheduled: { en: 'HXa2' },
      rescheduled: { en: 'HXb2' },
      cancelled: { en: 'HXc2' },
      reminder: { en: 'HXr2' },
    },
  };
  const approval: Record<string, ApprovalStatus> = {
    HXa: 'approved',
    HXa2: 'rejected',
    HXb: 'unsubmitted',
    HXb2: 'received',
    HXc: 'approved',
    HXc2: 'rejected',
    HXr: 'approved',
    HXr2: 'pending',
    HXd: 'received',
  };

  it('templateSummary: each note of the host language, another language falling back, the missing ones', () => {
    expect(templateSummary(sids, approval, 'en')).toBe(
      [
        'en 3/4 approved (rescheduled not submitted, new wording of rescheduled, reminder waiting for approval, the approved one is used, ' +
          'new wording of scheduled, cancelled rejected by WhatsApp, the approved one is used)',
        'de 0/4 approved (scheduled pending, rescheduled missing, cancelled missing, reminder missing → en)',
        'es, pt, fr, it, nl, tr, id, hi, ar missing → en',
      ].join('; '),
    );
  });

  it("templateSummary: a status stored under the name 'undefined' is no waiting template's", () => {
    const one: TemplateSids = { templates: { scheduled: { en: 'HXa' } }, pendingTemplates: {} };
    expect(templateSummary(one, { HXa: 'approved', undefined: 'rejected' }, 'en')).toBe(
      'en 1/4 approved (rescheduled missing, cancelled missing, reminder missing); es, pt, de, fr, it, nl, tr, id, hi, ar missing → en',
    );
  });

  it('templateSummary: every language with a template, nothing missing', () => {
    const everywhere: TemplateSids = {
      templates: { scheduled: Object.fromEntries(LANGUAGE_CODES.map((code) => [code, `HX${code}`])) },
      pendingTemplates: {},
    };
    const all = Object.fromEntries(LANGUAGE_CODES.map((code): [string, ApprovalStatus] => [`HX${code}`, 'approved']));
    const summary = templateSummary(everywhere, all, 'de');
    expect(summary.split('; ')).toEqual(
      ['de', ...LANGUAGE_CODES.filter((code) => code !== 'de')].map(
        (code) => `${code} 1/4 approved (rescheduled missing, cancelled missing, reminder missing${code === 'de' ? '' : ' → de'})`,
      ),
    );
  });
});
