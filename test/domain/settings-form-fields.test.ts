// Table tests of the settings form: every field's exact control, choices and example, the key checks and the save's limits.
import { SETTING_FIELDS, SETTINGS_GROUPS, planSettingsSave, settingsForm, settingsProblems } from '../../src/domain/settings-form';
import { TWILIO_SANDBOX_SENDER } from '../../src/domain/settings';

const FALLBACKS = { webAppUrl: 'https://script.google.com/macros/s/abc/exec', ownerEmail: 'host@example.com' };
const GOOD: Record<string, string> = {
  TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'secret-token',
  WHATSAPP_FROM: TWILIO_SANDBOX_SENDER,
};

/** name, group, input, secret, example, placeholder (null: none), choices as "value=label" or "value" when both are equal. */
const FIELDS: [string, string, string, boolean, string, string | null, string[] | null][] = [
  ['TWILIO_ACCOUNT_SID', 'twilio', 'text', false, 'AC00000000000000000000000000000000', null, null],
  ['TWILIO_AUTH_TOKEN', 'twilio', 'text', true, 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', null, null],
  ['TWILIO_API_KEY_SID', 'twilio', 'text', false, '', null, null],
  ['TWILIO_API_KEY_SECRET', 'twilio', 'text', true, 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', null, null],
  ['WHATSAPP_FROM', 'twilio', 'text', false, 'whatsapp:+14155238886', null, null],
  ['TWILIO_MESSAGING_SERVICE_SID', 'twilio', 'text', false, '', null, null],
  ['VERIFY_INBOUND', 'twilio', 'select', false, '', null, ['=Default: on', 'on', 'off']],
  ['WEBHOOK_KEY', 'twilio', 'text', true, 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', null, null],
  ['MESSAGE_MODE', 'templates', 'select', false, '', null, ['=Default: text', 'text', 'template']],
  [
    'TEMPLATE_SIDS',
    'templates',
    'textarea',
    false,
    '{"scheduled":"HX00000000000000000000000000000000","rescheduled":"HX00000000000000000000000000000000","cancelled":"HX00000000000000000000000000000000"}',
    '{"scheduled":"HX…","rescheduled":"HX…","cancelled":"HX…","reminder":"HX…"}',
    null,
  ],
  ['HOST_NAME', 'you', 'text', false, '', 'your email address', null],
  ['DEFAULT_COUNTRY', 'you', 'text', false, '', 'DE', null],
  [
    'LANGUAGE',
    'you',
    'select',
    false,
    '',
    null,
    [
      '=English (default)',
      'es=Español',
      'pt=Português (Brasil)',
      'de=Deutsch',
      'fr=Français',
      'it=Italiano',
      'nl=Nederlands',
      'tr=Türkçe',
      'id=Bahasa Indonesia',
      'hi=हिन्दी',
      'ar=العربية',
    ],
  ],
  ['LANGUAGE_BY_COUNTRY', 'you', 'select', false, '', null, ['=On (default)', 'off=Off']],
  ['LOCALE', 'you', 'text', false, '', 'en', null],
  ['HOST_WHATSAPP', 'you', 'text', false, '', '+4915123456789', null],
  ['CALENDAR_ID', 'calendar', 'text', false, '', 'primary', null],
  [
    'COLOR_DELIVERED',
    'calendar',
    'select',
    false,
    '',
    null,
    [
      '=Default: Basil (10)',
      '1=Lavender (1)',
      '2=Sage (2)',
      '3=Grape (3)',
      '4=Flamingo (4)',
      '5=Banana (5)',
      '6=Tangerine (6)',
      '7=Peacock (7)',
      '8=Graphite (8)',
      '9=Blueberry (9)',
      '10=Basil (10)',
      '11=Tomato (11)',
    ],
  ],
  [
    'COLOR_FAILED',
    'calendar',
    'select',
    false,
    '',
    null,
    [
      '=Default: Tomato (11)',
      '1=Lavender (1)',
      '2=Sage (2)',
      '3=Grape (3)',
      '4=Flamingo (4)',
      '5=Banana (5)',
      '6=Tangerine (6)',
      '7=Peacock (7)',
      '8=Graphite (8)',
      '9=Blueberry (9)',
      '10=Basil (10)',
      '11=Tomato (11)',
    ],
  ],
  [
    'COLOR_CONFIRMED',
    'calendar',
    'select',
    false,
    '',
    null,
    [
      '=Default: Blueberry (9)',
      '1=Lavender (1)',
      '2=Sage (2)',
      '3=Grape (3)',
      '4=Flamingo (4)',
      '5=Banana (5)',
      '6=Tangerine (6)',
      '7=Peacock (7)',
      '8=Graphite (8)',
      '9=Blueberry (9)',
      '10=Basil (10)',
      '11=Tomato (11)',
    ],
  ],
  [
    'WEB_APP_URL',
    'pages',
    'text',
    false,
    'https://script.google.com/macros/s/example/exec',
    'https://script.google.com/macros/s/…/exec',
    null,
  ],
  [
    'WORKING_HOURS',
    'pages',
    'textarea',
    false,
    '',
    '{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","17:00"]]}',
    null,
  ],
  ['SLOT_STEP_MINUTES', 'pages', 'number', false, '', '30', null],
  ['BUFFER_MINUTES', 'pages', 'number', false, '', '0', null],
  ['MIN_NOTICE_MINUTES', 'pages', 'number', false, '', '120', null],
  ['HORIZON_DAYS', 'pages', 'number', false, '', '30', null],
  ['BOOKING_MINUTES', 'pages', 'number', false, '', '30', null],
  ['EXTRA_CALENDARS', 'pages', 'text', false, '', null, null],
  ['MAX_OPEN_BOOKINGS_PER_NUMBER', 'pages', 'number', false, '', '3', null],
  ['LINK_SECRET', 'pages', 'text', true, 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', null, null],
  ['BOOKING_API_KEY', 'pages', 'text', true, 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', null, null],
  ['REMINDER_OFFSETS', 'reminders', 'text', false, '', '24h,2h', null],
  ['INVITATION_MODE', 'invitations', 'select', false, '', null, ['=Default: google', 'google', 'email', 'off']],
  ['INVITATION_SENDER_NAME', 'invitations', 'text', false, '', 'your name', null],
  ['ORGANIZER_EMAIL', 'invitations', 'text', false, '', 'your email address', null],
];

describe('the settings form, field by field', () => {
  it('has its groups in order', () => {
    expect(SETTINGS_GROUPS).toEqual([
      { id: 'twilio', legend: 'Twilio and sender' },
      { id: 'templates', legend: 'Templates' },
      { id: 'you', legend: 'You' },
      { id: 'calendar', legend: 'Calendar and colours' },
      { id: 'pages', legend: 'Attendee pages' },
      { id: 'reminders', legend: 'Reminders' },
      { id: 'invitations', legend: 'Invitations' },
    ]);
    expect(settingsForm({}, 'UTC').groups).toBe(SETTINGS_GROUPS);
  });

  it('lists exactly these fields in this order', () => {
    expect(SETTING_FIELDS.map((field) => field.name)).toEqual(FIELDS.map(([name]) => name));
  });

  const form = settingsForm({}, 'Europe/Berlin');
  it.each(FIELDS)(
    '%s: group %s, %s input, secret %s, example %j, placeholder %j, choices %j',
    (name, group, input, secret, example, placeholder, options) => {
      const field = form.fields.find((entry) => entry.name === name);
      expect(field).toBeDefined();
      expect(field?.group).toBe(group);
      expect(field?.input).toBe(input);
      expect(field?.secret).toBe(secret);
      expect(SETTING_FIELDS.find((entry) => entry.name === name)?.example).toBe(example);
      if (placeholder === null) expect(field).not.toHaveProperty('placeholder');
      else expect(field?.placeholder).toBe(placeholder);
      if (options === null) expect(field).not.toHaveProperty('options');
      else
        expect(field?.options?.map((option) => (option.value === option.label ? option.value : `${option.value}=${option.label}`))).toEqual(
          options,
        );
    },
  );

  it.each([
    ['a stored value', ' x ', true],
    ['only spaces', '   ', false],
    ['nothing', undefined, false],
  ])('marks a field holding %s as set: %s', (_name, stored, set) => {
    const props: Record<string, string> = stored === undefined ? {} : { HOST_NAME: stored, TWILIO_AUTH_TOKEN: stored };
    const fields = settingsForm(props, 'UTC').fields;
    expect(fields.find((field) => field.name === 'HOST_NAME')).toMatchObject({ value: stored ?? '', set });
    expect(fields.find((field) => field.name === 'TWILIO_AUTH_TOKEN')).toMatchObject({ value: '', set });
    expect(settingsForm(props, 'UTC').timeZone).toBe('UTC');
  });
});

describe('the keys a host may type by hand', () => {
  it.each(['LINK_SECRET', 'WEBHOOK_KEY', 'BOOKING_API_KEY'])('%s: blank or 32 characters pass, a space or 31 characters do not', (name) => {
    expect(settingsProblems({ ...GOOD, [name]: '' }, FALLBACKS)).toEqual({});
    expect(settingsProblems({ ...GOOD, [name]: 'k'.repeat(32) }, FALLBACKS)).toEqual({});
    expect(settingsProblems({ ...GOOD, [name]: `${'k'.repeat(20)} ${'k'.repeat(20)}` }, FALLBACKS)).toEqual({
      [name]: 'must not contain spaces',
    });
    expect(settingsProblems({ ...GOOD, [name]: 'k'.repeat(31) }, FALLBACKS)).toEqual({
      [name]: 'must be at least 32 characters long (31 given), so nobody can guess it',
    });
  });
});

describe('settingsProblems, several wrong fields at once', () => {
  it('names each wrong field, including one without an example', () => {
    expect(
      settingsProblems(
        { ...GOOD, TWILIO_API_KEY_SID: 'SK1', TWILIO_API_KEY_SECRET: 's', DEFAULT_COUNTRY: 'DEU', COLOR_FAILED: '12' },
        FALLBACKS,
      ),
    ).toEqual({
      TWILIO_API_KEY_SID: 'must be SK followed by 32 hex digits',
      DEFAULT_COUNTRY: '"DEU" must be a two-letter country code such as DE or US',
      COLOR_FAILED: '"12" is not a Google Calendar event colour id (1 to 11)',
    });
  });
});

describe('planSettingsSave limits', () => {
  it.each([
    [8192, true],
    [8193, false],
  ])('a host name of %i characters is accepted: %s', (length, ok) => {
    const plan = planSettingsSave(GOOD, { HOST_NAME: 'a'.repeat(length) }, FALLBACKS);
    if (ok) expect(plan).toEqual({ ok: true, change: { set: { HOST_NAME: 'a'.repeat(length) }, remove: [], saved: ['HOST_NAME'] } });
    else expect(plan).toEqual({ ok: false, errors: { HOST_NAME: 'is too long (at most 8192 characters)' } });
  });
});
